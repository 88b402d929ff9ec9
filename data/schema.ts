/**
 * The knowledge base's schema: one JSON file per source (beside its article text) and one per person.
 * Validated at build time (scripts/kb-check.ts, the WXT build hook); never shipped to the browser.
 */
import { z } from 'zod';
import { TOPICS, type TopicId } from './topics';

export { TOPICS, type TopicId };

const topicIds = Object.keys(TOPICS) as [TopicId, ...TopicId[]];
const kebab = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const isoDate = /^\d{4}-\d{2}-\d{2}$/;
const nonEmpty = z.string().trim().min(1, 'must not be empty');

/** Metadata of one source article; its text lives in `<id>.txt` beside the JSON. */
export const sourceSchema = z.strictObject({
  id: z.string().regex(/^\d{3}_[0-9a-f]{16}$/, 'must be the seed file id, e.g. 000_3cc1c4cc7cf39fe5'),
  outlet: z.strictObject({
    /** The outlet's name, or null when the text does not name it (never guessed). */
    name: z.string().min(1).nullable(),
    /** Why we say so: where the text names the outlet, or that it does not. */
    basis: nonEmpty,
  }),
  headline: z.strictObject({
    text: nonEmpty,
    /** "printed" when the text carries a headline; otherwise how this one was written. */
    basis: nonEmpty,
  }),
  published: z.strictObject({
    date: z.string().regex(isoDate, 'must be YYYY-MM-DD'),
    inferred: z.boolean(),
    /** What the date was read or inferred from. */
    basis: nonEmpty,
  }),
  provenance: nonEmpty,
});

/** How the matcher treats one spelling of a person's name. */
export const aliasSchema = z.strictObject({
  text: nonEmpty,
  /**
   * surname: may be preceded by one of the person's given names and middle initials;
   * name: a standalone form matched as written (e.g. a full name that is not given name + surname).
   */
  kind: z.enum(['surname', 'name']),
  /** insensitive: any case; exact: as written or in ALL CAPS (for names that are also common words). */
  case: z.enum(['insensitive', 'exact']),
  /** Set when the bare alias may name someone else: it then counts only where the page anchors it. */
  ambiguous: z.optional(nonEmpty),
  /** Ids of other people in the knowledge base who share this alias (must be declared on both). */
  sharedWith: z.optional(z.array(z.string().regex(kebab)).min(1)),
});

/** A claim about a person, with the sources that state it. */
export const roleSchema = z.strictObject({
  title: nonEmpty,
  sources: z.array(nonEmpty).min(1, 'every role cites at least one source'),
  /** Where sources disagree or one is wrong: what conflicts, in our own words. */
  conflict: z.optional(nonEmpty),
});

/** How one source describes the person: a verbatim phrase from its text. */
export const descriptionSchema = z.strictObject({
  source: nonEmpty,
  text: nonEmpty,
});

/** A quoted (verbatim) or paraphrased position. */
export const quoteSchema = z.strictObject({
  id: z.string().regex(kebab, 'must be kebab-case'),
  /** direct: `text` is verbatim from the source; paraphrase: `text` is our own words, never shown in quotation marks. */
  kind: z.enum(['direct', 'paraphrase']),
  text: nonEmpty,
  source: nonEmpty,
  /** The sentence (or sentences) around it, verbatim from the source. */
  context: nonEmpty,
  topic: z.enum(topicIds),
});

/** A link between two people that an article makes. */
export const linkSchema = z.strictObject({
  person: z.string().regex(kebab),
  relation: nonEmpty,
  sources: z.array(nonEmpty).min(1),
});

/** One person of the knowledge base. */
export const personSchema = z.strictObject({
  id: z.string().regex(kebab, 'must be kebab-case of the usual English name'),
  name: nonEmpty,
  /**
   * How the articles refer back to the person ("he", "she", "they"). A matcher aid for quotation
   * attribution (core/quotations.ts), never displayed.
   */
  pronoun: z.enum(['he', 'she', 'they']),
  /** Given names (and their transliterations, Cyrillic too) that may stand before a surname alias. */
  givenNames: z.array(nonEmpty),
  /** Middle initials the person is known by ("W" for George W. Bush); others before the surname name someone else. */
  middleInitials: z.optional(z.array(z.string().regex(/^\p{Lu}$/u, 'one capital letter'))),
  /** Middle names or patronymics that may stand between given name and surname ("Vladimirovich"). */
  middleNames: z.optional(z.array(nonEmpty)),
  /** A generational suffix the person is known by ("Jr." for Joseph R. Biden Jr.); others name someone else. */
  suffix: z.optional(z.string().regex(/^(Jr\.|Sr\.|II|III|IV)$/, 'one of Jr., Sr., II, III, IV')),
  aliases: z.array(aliasSchema).min(1),
  roles: z.array(roleSchema).min(1),
  affiliation: nonEmpty,
  country: nonEmpty,
  /** Who the person is, in our own words, naming the sources it rests on. */
  summary: z.strictObject({ text: nonEmpty, sources: z.array(nonEmpty).min(1) }),
  descriptions: z.array(descriptionSchema),
  quotes: z.array(quoteSchema),
  links: z.array(linkSchema),
});

/** A validated source, with its text. */
export type Source = z.infer<typeof sourceSchema> & { text: string };
/** A source as the extension sees it: metadata without the article text. */
export type SourceMeta = Omit<Source, 'text'>;
/** A validated person. */
export type Person = z.infer<typeof personSchema>;
/** One alias of a person. */
export type Alias = z.infer<typeof aliasSchema>;
/** One quote. */
export type Quote = z.infer<typeof quoteSchema>;
