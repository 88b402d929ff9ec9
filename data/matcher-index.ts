/**
 * The knowledge base's matcher index, computed by the build (scripts/matcher-index-plugin.ts) from the
 * same people as data/bundle.ts: `matcherFromIndex(MATCHER_INDEX, MATCHER_PEOPLE)` is the page's matcher.
 * Importing this module does not load the people's card data (data/bundle.ts does).
 */
import type { IndexedPerson } from '../core/indexed-person';
import type { MatcherIndex } from '../core/matcher';
import index, { people } from 'virtual:dramatis-matcher-index';

export const MATCHER_INDEX: MatcherIndex = index;

/** What the matcher and the popup read of each person (no card data). */
export const MATCHER_PEOPLE: readonly IndexedPerson[] = people;

const NAMES = new Map(MATCHER_PEOPLE.map((person) => [person.id, person.name]));

/** A person's usual name (the popup's list), or the id of someone the index does not know. */
export function getPersonName(id: string): string {
  return NAMES.get(id) ?? id;
}
