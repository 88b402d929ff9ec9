/** The card source of the bundled knowledge base (data/bundle.ts), as the card's bundle uses it. */
import { buildCardModel } from '../core/card-model';
import { BACKGROUND, PEOPLE, PEOPLE_BY_ID, SOURCES } from '../data/bundle';
import { buildCardRequest, type CardSource } from './card-request';
import { CardUi } from './card-ui';
import type { CardModule } from './card-module';
import { buildQuoteRequest } from './quote-request';

/** Cards from the bundled knowledge base. */
export const BUNDLED_CARDS: CardSource = {
  model: (person, settings) => {
    const found = PEOPLE_BY_ID.get(person);
    return found ? buildCardModel(found, SOURCES, PEOPLE, settings, BACKGROUND) : undefined;
  },
  nameOf: (person) => PEOPLE_BY_ID.get(person)?.name ?? person,
};

/** The whole card (UI and bundled cards): what entrypoints/card.ts registers, and the tests and bench use. */
export const BUNDLED_CARD_MODULE: CardModule = {
  request: (mention, settings) => buildCardRequest(BUNDLED_CARDS, mention, settings),
  requestQuote: buildQuoteRequest,
  createUi: (options) => new CardUi(options),
};
