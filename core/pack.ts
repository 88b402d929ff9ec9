/**
 * The knowledge-pack file format (docs/packs.md): sources with their full text, background statements,
 * new people, and additions to people of other packs. Built from data/schema.ts's schemas by name, so that a change
 * to a person or a source there is a change to the pack format too. docs/pack.schema.json is generated
 * from `packSchema` (`npm run -s pack -- schema`); a test fails when it is stale.
 */
import { z } from 'zod';
import {
  actionSchema,
  backgroundSchema,
  descriptionSchema,
  linkSchema,
  personSchema,
  quoteSchema,
  roleSchema,
  sourceSchema,
  type BackgroundStatement,
  type Person,
  type Source,
} from '../data/schema';
import { BUNDLED_PACK_ID } from './pack-ids';

/** The value of every pack file's `format`. */
export const PACK_FORMAT = 'dramatis-pack';
/** The pack format's version; a reader refuses newer versions it does not know. */
export const PACK_VERSION = 1;

const kebab = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** One source of a pack: data/schema.ts's source metadata, plus its full text and where it was read. */
export const packSourceSchema = sourceSchema.extend({
  /** Unique across every pack: lowercase letters, digits, `_` and `-` (data/'s ids are `NNN_<16 hex>`). */
  id: z.string().regex(/^[a-z0-9][a-z0-9_-]{2,79}$/, 'must be 3 to 80 lowercase letters, digits, "_" or "-"'),
  /** The article's address, where it has one. */
  url: z.optional(z.url({ protocol: /^https?$/, error: 'must be an http(s) address' })),
  /** The article's full text, as read: every quote and description of the pack is checked against it. */
  // Not trimmed (a zod transform would change the text quotes are checked against), only required.
  text: z.string().regex(/\S/, 'must not be empty'),
});

/** What a pack adds to a person of another pack (by id): more claims, each citing this pack's sources. */
export const personAdditionSchema = z.strictObject({
  /** The id of a person of another pack (the bundled pack's `steve-witkoff`, say). */
  person: z.string().regex(kebab, 'must be a person id (kebab-case)'),
  roles: z.optional(z.array(roleSchema)),
  descriptions: z.optional(z.array(descriptionSchema)),
  quotes: z.optional(z.array(quoteSchema)),
  actions: z.optional(z.array(actionSchema)),
  links: z.optional(z.array(linkSchema)),
});

/** A whole pack file. */
export const packSchema = z.strictObject({
  format: z.literal(PACK_FORMAT, { error: `must be "${PACK_FORMAT}"` }),
  version: z.literal(PACK_VERSION, { error: `must be ${PACK_VERSION} (the version this Dramatis reads)` }),
  id: z.string().regex(kebab, 'must be kebab-case, e.g. "kyiv-desk-2026"'),
  /** The pack's name as the options page shows it. */
  name: z.string().trim().min(1, 'must not be empty').max(120, 'must be at most 120 characters'),
  description: z.optional(z.string()),
  sources: z.array(packSourceSchema),
  /**
   * Background statements (as in data/background.json): the little knowledge not from the pack's
   * articles that its conflicts ("differs from the public record") and date inferences cite.
   */
  background: z.optional(z.array(backgroundSchema)),
  people: z.array(personSchema),
  additions: z.array(personAdditionSchema),
});

/** A pack. */
export type Pack = z.infer<typeof packSchema>;
/** One source of a pack, with its text. */
export type PackSource = z.infer<typeof packSourceSchema>;
/** What a pack adds to a person of another pack. */
export type PersonAddition = z.infer<typeof personAdditionSchema>;

/** An empty pack with this id and name (the reader's "My sources" before the first save). */
export function createEmptyPack(id: string, name: string): Pack {
  return { format: PACK_FORMAT, version: PACK_VERSION, id, name, sources: [], people: [], additions: [] };
}

/**
 * How many sources, people, quotes and paraphrases a pack holds (the options page shows them): quotes
 * are the words of the person (direct and partial), paraphrases the sources' reports in our words.
 */
export function countPack(pack: Pick<Pack, 'sources' | 'people' | 'additions'>): {
  sources: number;
  people: number;
  quotes: number;
  paraphrases: number;
} {
  const all = [...pack.people, ...pack.additions].flatMap((p) => p.quotes ?? []);
  const paraphrases = all.filter((q) => q.kind === 'paraphrase').length;
  return {
    sources: pack.sources.length,
    people: pack.people.length,
    quotes: all.length - paraphrases,
    paraphrases,
  };
}

/**
 * A pack's counts in words, quotes and paraphrases apart ("3 sources", "1 new person", "12 quotes",
 * "2 paraphrases"): new people are the pack's own (additions to other packs' people are not counted).
 * With `isBrief`, no paraphrases is left unsaid (the options page's line).
 */
export function describePackCounts(counts: ReturnType<typeof countPack>, isBrief = false): string[] {
  const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;
  return [
    plural(counts.sources, 'source'),
    plural(counts.people, 'new person', 'new people'),
    plural(counts.quotes, 'quote'),
    ...(isBrief && counts.paraphrases === 0 ? [] : [plural(counts.paraphrases, 'paraphrase')]),
  ];
}

/** The pack's JSON Schema (draft 2020-12), for tools that write packs. */
export function packJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(packSchema, { target: 'draft-2020-12', io: 'input' }) as Record<string, unknown>;
}

/** A person with a pack's additions applied (claims appended in the pack's order). */
export function applyAddition(person: Person, addition: PersonAddition): Person {
  return {
    ...person,
    roles: [...person.roles, ...(addition.roles ?? [])],
    descriptions: [...person.descriptions, ...(addition.descriptions ?? [])],
    quotes: [...person.quotes, ...(addition.quotes ?? [])],
    actions: [...person.actions, ...(addition.actions ?? [])],
    links: [...person.links, ...(addition.links ?? [])],
  };
}

/** The pack made of a validated knowledge base (data/'s, as `npm run -s pack -- export-bundled` prints it). */
export function packOfKnowledgeBase(kb: {
  sources: readonly Source[];
  background: readonly BackgroundStatement[];
  people: readonly Person[];
}): Pack {
  return {
    format: PACK_FORMAT,
    version: PACK_VERSION,
    id: BUNDLED_PACK_ID,
    name: 'Bundled with Dramatis',
    description: 'The knowledge base that ships with Dramatis, built from data/.',
    sources: kb.sources.map((source) => ({ ...source })),
    background: [...kb.background],
    people: [...kb.people],
    additions: [],
  };
}
