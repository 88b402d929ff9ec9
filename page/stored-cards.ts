/**
 * Cards of the people the bundled pack does not hold (people the reader added, imported packs' people),
 * from the background's card data (`background:card-data`, the merged knowledge base): asked for when
 * such a card is first prepared, which the hover delay covers, and kept for the page's life. A small
 * bridge for issue 14 until the whole card takes its data from the background (issue 12).
 */
import { buildCardModel } from '../core/card-model';
import type { CardData } from '../platform/messages';
import type { CardSource } from './card-request';

/** `bundled`'s cards, and the others' from `fetchCard` (undefined: no such person). */
export function withStoredCards(
  bundled: CardSource,
  fetchCard: (person: string) => Promise<CardData | undefined>,
): CardSource {
  /** Card data by person: null while asked for. */
  const fetched = new Map<string, CardData | null>();
  return {
    model: (person, settings) => {
      const own = bundled.model(person, settings);
      if (own) return own;
      const data = fetched.get(person);
      if (data === undefined) {
        fetched.set(person, null);
        void fetchCard(person).then(
          (answer) => (answer ? fetched.set(person, answer) : fetched.delete(person)),
          () => fetched.delete(person), // Asked again next time.
        );
      }
      return data
        ? buildCardModel(data.person, data.sources, data.people, settings, data.background)
        : undefined;
    },
    nameOf: (person) => fetched.get(person)?.person.name ?? bundled.nameOf(person),
  };
}
