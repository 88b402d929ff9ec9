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

/** Id of a background statement (data/background.json): `bg-` and kebab-case. */
export const BACKGROUND_ID = /^bg-[a-z0-9]+(?:-[a-z0-9]+)*$/;

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
    /** True when the text carries this headline; false when we wrote it (the card says so). */
    isPrinted: z.boolean(),
    /** Where the headline is printed, or how we wrote this one. */
    basis: nonEmpty,
  }),
  published: z.strictObject({
    date: z.string().regex(isoDate, 'must be YYYY-MM-DD'),
    inferred: z.boolean(),
    /** What the date was read or inferred from. */
    basis: nonEmpty,
    /** Background statements (data/background.json) the inference rests on, beyond the text itself. */
    background: z.array(z.string().regex(BACKGROUND_ID, 'must be a background id, e.g. bg-...')),
  }),
  provenance: nonEmpty,
});

/**
 * A background source: one statement of the little knowledge not found in the articles that a reader
 * needs to make sense of them (why an article's "former president" is an error). Never a claim about
 * what an article says; the card shows it apart, as "Background, not from these articles".
 */
export const backgroundSchema = z.strictObject({
  id: z.string().regex(BACKGROUND_ID, 'must be bg- and kebab-case, e.g. bg-trump-second-term'),
  /** The statement, in our own words. */
  text: nonEmpty,
  /** What it rests on (the public record it comes from). */
  restsOn: nonEmpty,
  /** The date it is known to hold on. */
  asOf: z.string().regex(isoDate, 'must be YYYY-MM-DD'),
});

/** The background file: every background statement. */
export const backgroundFileSchema = z.array(backgroundSchema);

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

/** Source ids (articles) that state a claim: at least one. */
const citations = z.array(nonEmpty).min(1, 'cite at least one source that states it');

/**
 * Where what a source states conflicts with another statement. Neutral: the note says what each
 * source states, never which is right.
 * - sources-disagree: two or more articles of the knowledge base say different things; `sources`
 *   cites both sides (articles only).
 * - public-record: an article differs from the public record; `sources` cites the article(s) and at
 *   least one background statement (bg-...).
 */
export const conflictSchema = z.strictObject({
  kind: z.enum(['sources-disagree', 'public-record']),
  note: nonEmpty,
  sources: z.array(nonEmpty).min(2, 'a conflict cites both sides'),
});

/** A claim about a person, with the sources that state it. */
export const roleSchema = z.strictObject({
  title: nonEmpty,
  sources: z.array(nonEmpty).min(1, 'every role cites at least one source'),
  conflicts: z.optional(z.array(conflictSchema).min(1)),
});

/** A short claim (affiliation, country) with the articles that state it. */
export const citedTextSchema = z.strictObject({
  text: nonEmpty,
  sources: citations,
});

/** How one source describes the person: a verbatim phrase from its text. */
export const descriptionSchema = z.strictObject({
  source: nonEmpty,
  text: nonEmpty,
});

/**
 * Something the person said or thinks, as one article reports it.
 * - direct: `text` is the person's words verbatim, a whole quotation;
 * - partial: `text` is the person's words verbatim, quoted inside the journalist's own sentence
 *   (the card shows that sentence too, since a fragment means little alone);
 * - paraphrase: `text` is our own words for what the article says the person said or thinks; never
 *   in quotation marks, and sharing no run of eight words with any article.
 * `cue` is the words of the source that name the speaker ("Carpenter told Kyiv Post", "he added"):
 * kb:check finds it in `context` and checks that it names this person.
 */
export const quoteSchema = z.strictObject({
  id: z.string().regex(kebab, 'must be kebab-case'),
  kind: z.enum(['direct', 'partial', 'paraphrase']),
  text: nonEmpty,
  source: nonEmpty,
  /** The sentence (or sentences) around it, verbatim from the source. */
  context: nonEmpty,
  /** Verbatim words of `context` that name the speaker: an alias, a description, or a pronoun right after a naming. */
  cue: nonEmpty,
  topic: z.enum(topicIds),
});

/** What an article reports the person did (not a position): our own words, with the verbatim context. */
export const actionSchema = z.strictObject({
  id: z.string().regex(kebab, 'must be kebab-case'),
  text: nonEmpty,
  source: nonEmpty,
  context: nonEmpty,
  /** Verbatim words of `context` that name the person (as for quotes). */
  cue: nonEmpty,
  conflicts: z.optional(z.array(conflictSchema).min(1)),
});

/** One sentence of a person's summary, in our own words, with the articles that state it. */
export const summarySentenceSchema = z.strictObject({
  text: nonEmpty,
  sources: citations,
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
  /** Roles the articles state (empty when they state none, e.g. someone named only in passing). */
  roles: z.array(roleSchema),
  /** The organisation the articles tie the person to, when they do. */
  affiliation: z.optional(citedTextSchema),
  /** The country the articles tie the person to, when they do. */
  country: z.optional(citedTextSchema),
  /** Who the person is and what the articles report, one sentence at a time, each with its sources. */
  summary: z.array(summarySentenceSchema).min(1),
  descriptions: z.array(descriptionSchema),
  quotes: z.array(quoteSchema),
  /** What the articles report the person did, kept apart from what they said. */
  actions: z.array(actionSchema),
  links: z.array(linkSchema),
});

/**
 * Every id a person's claims cite: the articles of every claim, and the articles and background
 * statements of every conflict (background appears nowhere else), in the order of the entry.
 */
export function listCitedIds(person: Person): string[] {
  const conflicts = [...person.roles, ...person.actions].flatMap((item) => item.conflicts ?? []);
  return [
    ...[person.affiliation, person.country, ...person.summary].flatMap((claim) => claim?.sources ?? []),
    ...person.roles.flatMap((r) => r.sources),
    ...person.descriptions.map((d) => d.source),
    ...person.quotes.map((q) => q.source),
    ...person.actions.map((a) => a.source),
    ...person.links.flatMap((l) => l.sources),
    ...conflicts.flatMap((c) => c.sources),
  ];
}

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
/** One report of what a person did. */
export type Action = z.infer<typeof actionSchema>;
/** A conflict between sources, or with the public record. */
export type Conflict = z.infer<typeof conflictSchema>;
/** One background statement (not from the articles). */
export type BackgroundStatement = z.infer<typeof backgroundSchema>;
