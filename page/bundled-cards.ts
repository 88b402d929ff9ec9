/** The card source of the bundled knowledge base (data/bundle.ts), as the content script uses it. */
import { buildCardModel } from '../core/card-model';
import { BACKGROUND, PEOPLE, PEOPLE_BY_ID, SOURCES } from '../data/bundle';
import type { CardSource } from './card-request';

/** Cards from the knowledge base bundled into the content script. */
export const BUNDLED_CARDS: CardSource = {
  model: (person, settings) => {
    const found = PEOPLE_BY_ID.get(person);
    return found ? buildCardModel(found, SOURCES, PEOPLE, settings, BACKGROUND) : undefined;
  },
  nameOf: (person) => PEOPLE_BY_ID.get(person)?.name ?? person,
};
