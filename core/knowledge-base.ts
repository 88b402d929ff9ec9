/**
 * The knowledge base the reader sees: the union of the enabled packs. People are merged by id (a
 * pack's additions are appended to the person of another pack they name), sources of disabled packs
 * (and sources the caller turns off) are left out, and so is every claim that then cites no source
 * left. Pure: the background's knowledge service, the spotter and the tests call it.
 */
import type { BackgroundStatement, Conflict, Person, SourceMeta } from '../data/schema';
import { applyAddition, type PersonAddition } from './pack';

/** One pack as the merge reads it (a source's text, when present, is not carried into the result). */
export interface PackLayer {
  id: string;
  sources: readonly (SourceMeta & { url?: string | undefined; text?: string })[];
  /** The pack's background statements, which its conflicts and date inferences cite. */
  background?: readonly BackgroundStatement[] | undefined;
  people: readonly Person[];
  additions: readonly PersonAddition[];
}

/** A source of the merged knowledge base: its metadata, the pack it comes from, its address if any. */
export type KnowledgeSource = SourceMeta & { pack: string; url?: string | undefined };

/** The merged knowledge base. */
export interface MergedKnowledge {
  /** Everyone, ordered by id, with only the claims whose sources are in `sources`. */
  people: Person[];
  /** The sources of enabled packs that are turned on, ordered by id. */
  sources: KnowledgeSource[];
  /** The background statements of enabled packs, ordered by id. */
  background: BackgroundStatement[];
  /** Additions that name a person no enabled pack holds (their pack depends on a pack turned off or removed). */
  orphanAdditions: { pack: string; person: string }[];
}

/** What to leave out of the merge. */
export interface MergeOptions {
  /** Ids of packs turned off. */
  disabledPacks?: ReadonlySet<string>;
  /** False for a source turned off (by id or outlet); by default every source of an enabled pack is on. */
  isSourceOn?: (source: SourceMeta) => boolean;
}

/**
 * Keeps only the claims that cite at least one id `isKept` accepts (and, of their citations, those):
 * summary sentences, affiliation, country, roles, descriptions, quotes, actions, links, and the
 * conflicts of roles and actions (which cite articles and background statements).
 */
function keepClaims(person: Person, isKept: (id: string) => boolean): Person {
  const cite = <T extends { sources: string[] }>(claims: readonly T[]): T[] =>
    claims.flatMap((claim) => {
      const sources = claim.sources.filter(isKept);
      return sources.length > 0 ? [{ ...claim, sources }] : [];
    });
  const citeOne = <T extends { sources: string[] }>(claim: T | undefined): T | undefined =>
    claim && cite([claim])[0];
  const withConflicts = <T extends { conflicts?: Conflict[] | undefined }>(item: T): T => {
    const conflicts = cite(item.conflicts ?? []);
    return { ...item, conflicts: conflicts.length > 0 ? conflicts : undefined };
  };
  return {
    ...person,
    affiliation: citeOne(person.affiliation),
    country: citeOne(person.country),
    summary: cite(person.summary),
    roles: cite(person.roles).map(withConflicts),
    descriptions: person.descriptions.filter((d) => isKept(d.source)),
    quotes: person.quotes.filter((q) => isKept(q.source)),
    actions: person.actions.filter((a) => isKept(a.source)).map(withConflicts),
    links: cite(person.links),
  };
}

/** Merges `packs` (in order: the bundled pack first) into the knowledge base the reader sees. */
export function mergePacks(packs: readonly PackLayer[], options: MergeOptions = {}): MergedKnowledge {
  const enabled = packs.filter((pack) => !options.disabledPacks?.has(pack.id));
  const isSourceOn = options.isSourceOn ?? (() => true);
  const sources: KnowledgeSource[] = enabled.flatMap((pack) =>
    pack.sources.filter(isSourceOn).map(({ text: _text, ...meta }) => ({ ...meta, pack: pack.id })),
  );
  const background = enabled.flatMap((pack) => pack.background ?? []);
  const citable = new Set([...sources.map((s) => s.id), ...background.map((b) => b.id)]);

  const people = new Map<string, Person>();
  for (const pack of enabled)
    for (const person of pack.people) if (!people.has(person.id)) people.set(person.id, person);
  const orphanAdditions: MergedKnowledge['orphanAdditions'] = [];
  for (const pack of enabled) {
    for (const addition of pack.additions) {
      const person = people.get(addition.person);
      if (person) people.set(person.id, applyAddition(person, addition));
      else orphanAdditions.push({ pack: pack.id, person: addition.person });
    }
  }

  return {
    people: [...people.values()]
      .map((person) => keepClaims(person, (id) => citable.has(id)))
      .sort((a, b) => a.id.localeCompare(b.id)),
    sources: sources.sort((a, b) => a.id.localeCompare(b.id)),
    background: background.sort((a, b) => a.id.localeCompare(b.id)),
    orphanAdditions,
  };
}
