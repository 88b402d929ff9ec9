/**
 * What the content script keeps of each person: the fields the matcher reads and the name the popup lists.
 * The build puts these into the matcher index module (scripts/matcher-index-plugin.ts), so that a page
 * never loads the people's card data (roles, summaries, descriptions, quotes, actions; the pronoun the quotation finder reads) only to find names.
 */
import type { MatcherPerson } from './matcher';

/** A person as the matcher index carries them. */
export interface IndexedPerson extends MatcherPerson {
  /** The usual name, as the popup lists the people on a page. */
  name: string;
}

/** The card-only fields of a knowledge-base person: everything the matcher and the popup do not read. */
interface CardOnlyFields {
  roles?: unknown;
  affiliation?: unknown;
  country?: unknown;
  summary?: unknown;
  descriptions?: unknown;
  quotes?: unknown;
  actions?: unknown;
  pronoun?: unknown;
}

/**
 * Drops a person's card-only fields and keeps only whom each link names. Fields are dropped rather than
 * picked, so that a field the matcher comes to read reaches the page without a change here.
 */
export function toIndexedPerson(person: IndexedPerson & CardOnlyFields): IndexedPerson {
  // eslint-disable-next-line @typescript-eslint/no-unused-vars
  const { roles, affiliation, country, summary, descriptions, quotes, actions, pronoun, links, ...kept } =
    person;
  return { ...kept, ...(links ? { links: links.map((link) => ({ person: link.person })) } : {}) };
}
