/**
 * The page's matcher: the bundled index (data/matcher-index.ts), merged with the people the reader
 * added or imported when there are any (core/added-people.ts). With none, it is the bundled matcher
 * alone, built exactly as before.
 */
import { mergeMatcherIndexes, type AddedPeople } from '../core/added-people';
import { matcherFromIndex, type Matcher } from '../core/matcher';
import { getPersonName, MATCHER_INDEX, MATCHER_PEOPLE } from '../data/matcher-index';

/** A matcher and the names of the people it finds (the popup's list). */
export interface PageMatcher {
  matcher: Matcher;
  nameOf: (id: string) => string;
}

/** Builds the page's matcher; added people that cannot be built are left out (the bundled ones still work). */
export function buildPageMatcher(added: AddedPeople | undefined): PageMatcher {
  if (added) {
    try {
      const names = new Map(added.people.map((p) => [p.id, p.name]));
      return {
        matcher: matcherFromIndex(mergeMatcherIndexes(MATCHER_INDEX, added.index), [
          ...MATCHER_PEOPLE,
          ...added.people,
        ]),
        nameOf: (id) => names.get(id) ?? getPersonName(id),
      };
    } catch {
      // A stale or damaged published index: fall through to the bundled people.
    }
  }
  return { matcher: matcherFromIndex(MATCHER_INDEX, MATCHER_PEOPLE), nameOf: getPersonName };
}
