/**
 * The one validation of a knowledge pack, wherever it enters (the build's bundled pack, `npm run pack
 * -- check`, an import, a save to My sources): the schema; unique ids; every claim citing a source of
 * its own pack, and every conflict and date inference a background statement of its own pack; every
 * quote, context, cue and description verbatim in its source's text; every background statement
 * cited; every person of another pack named (additions, links) existing. A pack with any problem is refused whole:
 * `pack` is then undefined. Each problem names the pack, the entry (source or person), the field and
 * what is wrong. The people checks are data/validate.ts's, shared with `npm run kb:check`.
 */
import type { BackgroundStatement, Person, Source } from '../data/schema';
import {
  checkPeople,
  fieldPath,
  findUnusedBackground,
  formatProblem,
  UNUSED_BACKGROUND,
  type Problem,
} from '../data/validate';
import { packSchema, type Pack, type PersonAddition } from './pack';

/**
 * What validation needs of another pack: its id, and the ids of its sources, background statements,
 * people, quotes and actions.
 */
export interface OtherPack {
  id: string;
  sources: readonly { id: string }[];
  background?: readonly { id: string }[] | undefined;
  people: readonly Pick<Person, 'id' | 'name' | 'aliases' | 'quotes' | 'actions'>[];
  additions: readonly Pick<PersonAddition, 'quotes' | 'actions'>[];
}

/** The result of a validation: the pack when there is no problem. */
export interface PackValidation {
  pack: Pack | undefined;
  problems: Problem[];
}

const SECTIONS = ['sources', 'background', 'people', 'additions'] as const;
type Section = (typeof SECTIONS)[number];

/** What the other packs hold, which this pack may name (people) or must not reuse (ids). */
interface PackContext {
  /** The other packs' people by id, with the names a cue of an addition may name them by. */
  people: ReadonlyMap<string, Pick<Person, 'name' | 'aliases'>>;
  sources: ReadonlySet<string>;
  background: ReadonlySet<string>;
  /** Ids of quotes and actions (one id space). */
  quotes: ReadonlySet<string>;
}

/** The context the other packs make: all they hold, leaving out the pack with `id` (which this one replaces). */
function contextOfPacks(packs: readonly OtherPack[], id: string): PackContext {
  const others = packs.filter((p) => p.id !== id);
  return {
    people: new Map(others.flatMap((p) => p.people.map((person) => [person.id, person] as const))),
    sources: new Set(others.flatMap((p) => p.sources.map((s) => s.id))),
    background: new Set(others.flatMap((p) => (p.background ?? []).map((b) => b.id))),
    quotes: new Set(
      others.flatMap((p) =>
        [...p.people, ...p.additions].flatMap((x) =>
          [...(x.quotes ?? []), ...(x.actions ?? [])].map((q) => q.id),
        ),
      ),
    ),
  };
}

/** Names the pack in problems: the file it came from where known, and its id where readable. */
function labelPack(input: unknown, fileName: string | undefined): string {
  const id = typeof input === 'object' && input !== null ? (input as { id?: unknown }).id : undefined;
  const pack = typeof id === 'string' ? `pack "${id}"` : 'pack';
  return fileName ? `${fileName} (${pack})` : pack;
}

/** The id that names an entry of a section (a source's or person's id, the person an addition adds to). */
function entryId(section: Section, entry: unknown): string | undefined {
  if (typeof entry !== 'object' || entry === null) return undefined;
  const key = section === 'additions' ? 'person' : 'id';
  const id = (entry as Record<string, unknown>)[key];
  if (typeof id !== 'string') return undefined;
  return section === 'additions' ? `${id} (addition)` : id;
}

/**
 * Validates parsed JSON as a pack, against the other packs it will join (a pack with its own id among
 * them is the one it replaces, and is left out). `fileName` names the file in problems.
 */
export function validatePack(
  input: unknown,
  others: readonly OtherPack[],
  fileName?: string,
): PackValidation {
  const label = labelPack(input, fileName);
  const parsed = packSchema.safeParse(input);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue): Problem => {
      const [section, index, ...rest] = issue.path;
      if (SECTIONS.includes(section as Section) && typeof index === 'number') {
        const list = (input as Record<Section, unknown[]>)[section as Section];
        return {
          file: `${label} ${section as string}[${index}]`,
          entry: entryId(section as Section, list[index]) ?? '(unnamed)',
          field: fieldPath(rest),
          message: issue.message,
        };
      }
      return { file: label, entry: '(pack)', field: fieldPath(issue.path), message: issue.message };
    });
    return { pack: undefined, problems };
  }
  const pack = parsed.data;
  const context = contextOfPacks(others, pack.id);
  const problems: Problem[] = [];
  const at = (section: Section, index: number, entry: string, field: string, message: string) =>
    problems.push({ file: `${label} ${section}[${index}]`, entry, field, message });

  const sources = new Map<string, Source>();
  pack.sources.forEach((source, i) => {
    if (sources.has(source.id)) at('sources', i, source.id, 'id', 'duplicate source id in this pack');
    else if (context.sources.has(source.id))
      at('sources', i, source.id, 'id', 'already the id of a source of another pack');
    sources.set(source.id, source);
  });
  const background = new Map<string, BackgroundStatement>();
  pack.background?.forEach((statement, i) => {
    if (background.has(statement.id))
      at('background', i, statement.id, 'id', 'duplicate background id in this pack');
    else if (context.background.has(statement.id))
      at('background', i, statement.id, 'id', 'already the id of a background statement of another pack');
    background.set(statement.id, statement);
  });
  pack.sources.forEach((source, i) =>
    source.published.background.forEach((id, j) => {
      if (!background.has(id))
        at('sources', i, source.id, `published.background[${j}]`, `unknown background statement "${id}"`);
    }),
  );

  const ownPeople = new Set<string>();
  pack.people.forEach((person, i) => {
    if (ownPeople.has(person.id)) at('people', i, person.id, 'id', 'duplicate person id in this pack');
    else if (context.people.has(person.id))
      at('people', i, person.id, 'id', 'already a person of another pack: add to them under "additions"');
    ownPeople.add(person.id);
  });
  pack.additions.forEach((addition, i) => {
    const entry = `${addition.person} (addition)`;
    if (ownPeople.has(addition.person))
      at('additions', i, entry, 'person', 'is a person of this pack: put these claims in "people"');
    else if (!context.people.has(addition.person))
      at('additions', i, entry, 'person', `unknown person "${addition.person}" (in no other pack)`);
  });

  // An addition is checked as a person with only the claims it adds (no aliases of its own, no
  // summary), whose cues name them as the other pack does.
  const entries = [
    ...pack.people.map((person, i) => ({ file: `${label} people[${i}]`, person })),
    ...pack.additions.map((addition, i) => ({
      file: `${label} additions[${i}]`,
      names: context.people.get(addition.person) ?? null,
      person: {
        id: addition.person,
        aliases: [],
        summary: [],
        roles: addition.roles ?? [],
        descriptions: addition.descriptions ?? [],
        quotes: addition.quotes ?? [],
        actions: addition.actions ?? [],
        links: addition.links ?? [],
      } as unknown as Person,
    })),
  ];
  problems.push(
    ...checkPeople(entries, sources, {
      background,
      otherPeople: new Set(context.people.keys()),
      otherQuotes: context.quotes,
    }),
  );
  // As in data/background.json, a statement nothing cites is not carried.
  const unused = new Set(findUnusedBackground(background.keys(), pack.sources, entries));
  pack.background?.forEach((statement, i) => {
    if (unused.has(statement.id)) at('background', i, statement.id, 'id', UNUSED_BACKGROUND);
  });
  return { pack: problems.length > 0 ? undefined : pack, problems };
}

/** Reads a pack file's text (JSON) and validates it; a file that is not JSON is one problem. */
export function readPackFile(text: string, others: readonly OtherPack[], fileName?: string): PackValidation {
  let json: unknown;
  try {
    json = JSON.parse(text) as unknown;
  } catch (error) {
    const problem = {
      file: fileName ?? 'pack',
      entry: '(file)',
      field: '(file)',
      message: `not valid JSON: ${(error as Error).message}`,
    };
    return { pack: undefined, problems: [problem] };
  }
  return validatePack(json, others, fileName);
}

/** The problems as one message, one line each (for an error shown to the reader). */
export function describeProblems(problems: readonly Problem[], limit = 10): string {
  const lines = problems.slice(0, limit).map(formatProblem);
  if (problems.length > limit) lines.push(`…and ${problems.length - limit} more`);
  return lines.join('\n');
}
