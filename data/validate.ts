/**
 * Turns the knowledge base's raw files into validated data, or into a list of problems that each name
 * the file, the person (or source) and the field. Pure: the callers read the files (scripts/kb-files.ts).
 */
import type { z } from 'zod';
import {
  explainCueProblem,
  isCarriedOver,
  findQuotedSpans,
  findSharedRun,
  indexWordRuns,
  isQuotedIn,
  isSameParagraph,
  MAX_SHARED_WORDS,
  VERDICT_WORDS,
  type SharedRunIndex,
} from './faithfulness';
import {
  BACKGROUND_ID,
  backgroundFileSchema,
  listCitedIds,
  personSchema,
  sourceSchema,
  type BackgroundStatement,
  type Conflict,
  type Person,
  type Source,
} from './schema';

/** One raw file as read from disk: its path relative to the project, and its content. */
export interface RawFile {
  path: string;
  content: string;
}

/** The raw knowledge base: source metadata with their article texts, background statements, and people. */
export interface RawKnowledgeBase {
  sources: { meta: RawFile; text: RawFile | undefined }[];
  /** data/background.json (absent: no background statements). */
  background?: RawFile | undefined;
  people: RawFile[];
}

/** The validated knowledge base. */
export interface KnowledgeBase {
  sources: Source[];
  background: BackgroundStatement[];
  people: Person[];
}

/** One violation: where, and what is wrong. */
export interface Problem {
  file: string;
  /** The person's or source's id (or the file's base name when the id cannot be read). */
  entry: string;
  /** A path into the entry, e.g. `quotes[3].text`. */
  field: string;
  message: string;
}

/** Formats a problem as one line: `file: entry: field: message`. */
export function formatProblem(p: Problem): string {
  return `${p.file}: ${p.entry}: ${p.field}: ${p.message}`;
}

function baseName(path: string): string {
  const name = path.split('/').pop() ?? path;
  return name.replace(/\.[^.]+$/, '');
}

/** A zod issue path as a field, e.g. `quotes[3].text`. */
export function fieldPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += out ? `.${String(key)}` : String(key);
  }
  return out || '(root)';
}

function parseJson(file: RawFile, problems: Problem[]): unknown {
  try {
    return JSON.parse(file.content) as unknown;
  } catch (error) {
    problems.push({
      file: file.path,
      entry: baseName(file.path),
      field: '(file)',
      message: `not valid JSON: ${(error as Error).message}`,
    });
    return undefined;
  }
}

function parseWith<T>(schema: z.ZodType<T>, file: RawFile, problems: Problem[]): T | undefined {
  const json = parseJson(file, problems);
  if (json === undefined) return undefined;
  const result = schema.safeParse(json);
  if (result.success) return result.data;
  const id =
    typeof json === 'object' && json !== null && typeof (json as { id?: unknown }).id === 'string'
      ? (json as { id: string }).id
      : baseName(file.path);
  for (const issue of result.error.issues) {
    problems.push({ file: file.path, entry: id, field: fieldPath(issue.path), message: issue.message });
  }
  return undefined;
}

function excerpt(text: string): string {
  return JSON.stringify(text.length > 70 ? `${text.slice(0, 67)}...` : text);
}

const QUOTATION_MARKS = /["“”«»„]/;

/** Folds an alias for comparison between people (case and whitespace do not make two aliases differ). */
function aliasKey(text: string): string {
  return text.normalize('NFC').toLocaleLowerCase('en').replace(/\s+/g, ' ').trim();
}

/** What checking one person needs to know about the rest of the knowledge base. */
export interface PersonCheckContext {
  sources: ReadonlyMap<string, Source>;
  background: ReadonlyMap<string, BackgroundStatement>;
  /** Runs of words of every article, for the own-words check. */
  runs: SharedRunIndex;
}

/**
 * Checks one person's claims against the sources: every citation resolves (articles where an article
 * must state it, background only in conflicts), quotes and descriptions are verbatim, cues name the
 * speaker, our own words share no run of more than MAX_SHARED_WORDS words with an article, and words
 * quoted in our prose are verbatim in the sources cited. `at(field, message)` records a problem.
 * `names` are the name and aliases cues may use: the person's own, unless the entry only adds claims
 * to a person of another pack (core/pack-validate.ts), whose names it gives, or null when that person
 * is unknown (reported on its own; whom a cue names cannot then be checked).
 */
export function checkPersonClaims(
  person: Person,
  context: PersonCheckContext,
  at: (field: string, message: string) => void,
  names: Pick<Person, 'name' | 'aliases'> | null = person,
): void {
  const { sources, background, runs } = context;
  const checkSource = (field: string, id: string): Source | undefined => {
    const source = sources.get(id);
    if (!source)
      at(
        field,
        background.has(id)
          ? `"${id}" is background: only an article can state this (background belongs in conflicts)`
          : `unknown source "${id}"`,
      );
    return source;
  };
  const checkSources = (field: string, ids: readonly string[]) =>
    ids.flatMap((id, j) => {
      const source = checkSource(`${field}[${j}]`, id);
      return source ? [source] : [];
    });
  /** Our prose: no long run shared with an article; words it quotes are verbatim in `cited`. */
  const checkOwnWords = (field: string, text: string, cited: readonly Source[]) => {
    const shared = findSharedRun(text, runs);
    if (shared)
      at(
        field,
        `shares ${MAX_SHARED_WORDS + 1} or more words in a row with source ${shared.source} ("${shared.words}"): write it in your own words, or quote the source in “…”`,
      );
    for (const span of findQuotedSpans(text))
      if (cited.length > 0 && !cited.some((source) => source.text.includes(span)))
        at(field, `quotes ${excerpt(span)}, which is not verbatim in ${cited.map((c) => c.id).join(', ')}`);
  };
  const checkConflicts = (field: string, conflicts: readonly Conflict[] | undefined) =>
    conflicts?.forEach((conflict, i) => {
      const f = `${field}[${i}]`;
      const articles = conflict.sources.filter((id) => !BACKGROUND_ID.test(id));
      const backgroundIds = conflict.sources.filter((id) => BACKGROUND_ID.test(id));
      const cited = checkSources(`${f}.sources`, articles);
      backgroundIds.forEach((id) => {
        if (!background.has(id))
          at(`${f}.sources[${conflict.sources.indexOf(id)}]`, `unknown background statement "${id}"`);
      });
      if (conflict.kind === 'sources-disagree') {
        if (backgroundIds.length > 0)
          at(
            `${f}.sources`,
            'sources-disagree cites articles only; a conflict with background is public-record',
          );
        if (new Set(articles).size < 2) at(`${f}.sources`, 'sources-disagree cites at least two articles');
      } else {
        if (backgroundIds.length === 0)
          at(`${f}.sources`, 'public-record cites at least one background statement');
        if (articles.length === 0) at(`${f}.sources`, 'public-record cites the article that differs');
      }
      const verdict = VERDICT_WORDS.exec(conflict.note);
      if (verdict) at(`${f}.note`, `says "${verdict[0]}": say what each source states, without a verdict`);
      checkOwnWords(`${f}.note`, conflict.note, cited);
    });
  /** Context verbatim in the source, cue inside the context and naming the person; returns offsets. */
  const locate = (
    field: string,
    item: { source: string; context: string; cue: string },
  ): { source: Source; contextAt: number; cueAt: number } | undefined => {
    const source = checkSource(`${field}.source`, item.source);
    if (!source) return undefined;
    const contextAt = source.text.indexOf(item.context);
    if (contextAt < 0) {
      at(`${field}.context`, `${excerpt(item.context)} is not found verbatim in source ${item.source}`);
      return undefined;
    }
    const cueInContext = item.context.indexOf(item.cue);
    if (cueInContext < 0) {
      at(`${field}.cue`, `${excerpt(item.cue)} is not found verbatim in the context`);
      return undefined;
    }
    const cueAt = contextAt + cueInContext;
    const problem =
      names &&
      explainCueProblem(item.cue, cueAt, source.id, source.text, {
        ...names,
        descriptions: person.descriptions,
      });
    if (problem) at(`${field}.cue`, problem);
    return { source, contextAt, cueAt };
  };

  person.roles.forEach((role, i) => {
    checkSources(`roles[${i}].sources`, role.sources);
    checkConflicts(`roles[${i}].conflicts`, role.conflicts);
  });
  for (const key of ['affiliation', 'country'] as const) {
    const claim = person[key];
    if (claim) checkSources(`${key}.sources`, claim.sources);
  }
  person.summary.forEach((sentence, i) =>
    checkOwnWords(
      `summary[${i}].text`,
      sentence.text,
      checkSources(`summary[${i}].sources`, sentence.sources),
    ),
  );
  person.descriptions.forEach((d, i) => {
    const source = checkSource(`descriptions[${i}].source`, d.source);
    if (source && !source.text.includes(d.text))
      at(`descriptions[${i}].text`, `${excerpt(d.text)} is not found verbatim in source ${d.source}`);
  });
  person.quotes.forEach((q, i) => {
    const where = locate(`quotes[${i}]`, q);
    if (!where) return;
    if (q.kind === 'paraphrase') {
      if (QUOTATION_MARKS.test(q.text))
        at(`quotes[${i}].text`, 'a paraphrase is in our own words and carries no quotation marks');
      else checkOwnWords(`quotes[${i}].text`, q.text, []);
      return;
    }
    const textInContext = q.context.indexOf(q.text);
    if (!where.source.text.includes(q.text))
      at(`quotes[${i}].text`, `quote ${excerpt(q.text)} is not found verbatim in source ${q.source}`);
    else if (textInContext < 0) at(`quotes[${i}].context`, `does not contain the quote ${excerpt(q.text)}`);
    else if (!isQuotedIn(q.text, q.context))
      at(
        `quotes[${i}].text`,
        `${excerpt(q.text)} is not in quotation marks in the source: a ${q.kind} quote is words the source quotes`,
      );
    else if (
      !isSameParagraph(where.source.text, where.cueAt, where.contextAt + textInContext) &&
      !isCarriedOver(where.source.text, where.cueAt, where.contextAt + textInContext)
    )
      at(
        `quotes[${i}].cue`,
        `the cue is in another paragraph than the quote, which does not open the next paragraph: the source does not attribute it there`,
      );
  });
  person.actions.forEach((action, i) => {
    const where = locate(`actions[${i}]`, action);
    checkOwnWords(`actions[${i}].text`, action.text, where ? [where.source] : []);
    checkConflicts(`actions[${i}].conflicts`, action.conflicts);
  });
  person.links.forEach((link, i) =>
    checkOwnWords(`links[${i}].relation`, link.relation, checkSources(`links[${i}].sources`, link.sources)),
  );
}

/** Why a background statement no claim cites is a problem. */
export const UNUSED_BACKGROUND =
  'cited by no conflict and no date: background is kept only where a reader needs it';

/**
 * The ids among `ids` that no claim of `people` (in practice: no conflict) and no source's date
 * inference cites, in the order given.
 */
export function findUnusedBackground(
  ids: Iterable<string>,
  sources: readonly Pick<Source, 'published'>[],
  people: readonly { person: Person }[],
): string[] {
  const cited = new Set([
    ...sources.flatMap((s) => s.published.background),
    ...people.flatMap(({ person }) => listCitedIds(person)),
  ]);
  return [...ids].filter((id) => !cited.has(id));
}

/** Validates the whole knowledge base; returns the data only when there is no problem. */
export function validateKnowledgeBase(raw: RawKnowledgeBase): {
  kb: KnowledgeBase | undefined;
  problems: Problem[];
} {
  const problems: Problem[] = [];
  const sources = new Map<string, Source>();

  const background = new Map<string, BackgroundStatement>();
  if (raw.background) {
    const file = raw.background;
    for (const statement of parseWith(backgroundFileSchema, file, problems) ?? []) {
      if (background.has(statement.id))
        problems.push({
          file: file.path,
          entry: statement.id,
          field: 'id',
          message: 'duplicate background id',
        });
      background.set(statement.id, statement);
    }
  }
  for (const { meta, text } of raw.sources) {
    const parsed = parseWith(sourceSchema, meta, problems);
    if (!parsed) continue;
    const at = (field: string, message: string) =>
      problems.push({ file: meta.path, entry: parsed.id, field, message });
    if (parsed.id !== baseName(meta.path)) at('id', `must equal the file name "${baseName(meta.path)}"`);
    if (!text) at('(text)', `article text ${parsed.id}.txt is missing`);
    else if (!text.content.trim()) at('(text)', `article text ${text.path} is empty`);
    else if (parsed.headline.isPrinted && !text.content.includes(parsed.headline.text))
      at('headline.text', 'isPrinted, but the text does not carry this headline');
    parsed.published.background.forEach((id, j) => {
      if (!background.has(id)) at(`published.background[${j}]`, `unknown background statement "${id}"`);
    });
    if (sources.has(parsed.id)) at('id', 'duplicate source id');
    sources.set(parsed.id, { ...parsed, text: text?.content ?? '' });
  }

  const people: { file: string; person: Person }[] = [];
  const seenIds = new Map<string, string>();
  /** Ids of people whose file is malformed: links to them are not reported again as unknown. */
  const malformedIds = new Set<string>();
  for (const file of raw.people) {
    const person = parseWith(personSchema, file, problems);
    if (!person) {
      malformedIds.add(baseName(file.path));
      continue;
    }
    const at = (field: string, message: string) =>
      problems.push({ file: file.path, entry: person.id, field, message });
    if (person.id !== baseName(file.path)) at('id', `must equal the file name "${baseName(file.path)}"`);
    const previous = seenIds.get(person.id);
    if (previous) at('id', `duplicate id, also used by ${previous}`);
    seenIds.set(person.id, file.path);
    people.push({ file: file.path, person });
  }

  problems.push(...checkPeople(people, sources, { background, malformedIds }));
  // A malformed person file may be the one citing a statement: judge unused background only when all parse.
  if (raw.background && malformedIds.size === 0) {
    const file = raw.background.path;
    const unused = findUnusedBackground(background.keys(), [...sources.values()], people);
    problems.push(...unused.map((id) => ({ file, entry: id, field: 'id', message: UNUSED_BACKGROUND })));
  }

  const kb: KnowledgeBase = {
    sources: [...sources.values()].sort((a, b) => a.id.localeCompare(b.id)),
    background: [...background.values()].sort((a, b) => a.id.localeCompare(b.id)),
    people: people.map(({ person }) => person).sort((a, b) => a.id.localeCompare(b.id)),
  };
  return { kb: problems.length ? undefined : kb, problems };
}

/** People outside the entries being checked, whom links, shared aliases and quote ids meet. */
export interface PeopleContext {
  /** The background statements conflicts may cite (data/background.json's, or a pack's own). */
  background?: ReadonlyMap<string, BackgroundStatement>;
  /** Ids of people whose entry is malformed: links to them are not reported again as unknown. */
  malformedIds?: ReadonlySet<string>;
  /** Ids of people of other packs, whom links and shared aliases may name. */
  otherPeople?: ReadonlySet<string>;
  /** Ids of quotes of other packs, which must not be used again. */
  otherQuotes?: ReadonlySet<string>;
}

/**
 * Checks the people's claims against `sources` and the background statements (every claim cites
 * them; quotes, contexts and descriptions verbatim in the text; see checkPersonClaims), their links
 * and shared aliases, and unique quote and action ids. Used by
 * the knowledge base's check and by every pack's (core/pack-validate.ts).
 */
export function checkPeople(
  people: readonly { file: string; person: Person; names?: Pick<Person, 'name' | 'aliases'> | null }[],
  sources: ReadonlyMap<string, Source>,
  {
    background = new Map(),
    malformedIds = new Set(),
    otherPeople = new Set(),
    otherQuotes = new Set(),
  }: PeopleContext = {},
): Problem[] {
  const problems: Problem[] = [];
  const ids = new Set([...otherPeople, ...people.map(({ person }) => person.id)]);
  const quoteIds = new Map<string, string>([...otherQuotes].map((id) => [id, 'another pack']));
  const aliasOwners = new Map<string, { id: string; sharedWith: string[] }[]>();
  const context: PersonCheckContext = { sources, background, runs: indexWordRuns([...sources.values()]) };

  for (const { file, person, names } of people) {
    const at = (field: string, message: string) => problems.push({ file, entry: person.id, field, message });
    checkPersonClaims(person, context, at, names);

    const statementIds: [id: string, field: string][] = [
      ...person.quotes.map((q, i): [string, string] => [q.id, `quotes[${i}].id`]),
      ...person.actions.map((a, i): [string, string] => [a.id, `actions[${i}].id`]),
    ];
    for (const [id, field] of statementIds) {
      const previous = quoteIds.get(id);
      if (previous) at(field, `duplicate quote id "${id}", also in ${previous}`);
      quoteIds.set(id, person.id);
    }
    person.links.forEach((link, i) => {
      if (!ids.has(link.person) && !malformedIds.has(link.person))
        at(`links[${i}].person`, `unknown person "${link.person}"`);
      if (link.person === person.id) at(`links[${i}].person`, 'a person cannot be linked to themself');
    });

    const ownAliases = new Set<string>();
    person.aliases.forEach((alias, i) => {
      const key = aliasKey(alias.text);
      if (ownAliases.has(key)) at(`aliases[${i}].text`, `duplicate alias "${alias.text}"`);
      ownAliases.add(key);
      for (const other of alias.sharedWith ?? [])
        if (!ids.has(other)) at(`aliases[${i}].sharedWith`, `unknown person "${other}"`);
      const owners = aliasOwners.get(key) ?? [];
      owners.push({ id: person.id, sharedWith: alias.sharedWith ?? [] });
      aliasOwners.set(key, owners);
    });
  }

  for (const [key, owners] of aliasOwners) {
    if (owners.length < 2) continue;
    for (const owner of owners) {
      const entry = people.find(({ person }) => person.id === owner.id);
      if (!entry) continue;
      const index = entry.person.aliases.findIndex((a) => aliasKey(a.text) === key);
      for (const other of owners) {
        if (other.id !== owner.id && !owner.sharedWith.includes(other.id))
          problems.push({
            file: entry.file,
            entry: owner.id,
            field: `aliases[${index}].sharedWith`,
            message: `alias "${entry.person.aliases[index]?.text}" is also ${other.id}'s: declare it shared`,
          });
      }
    }
  }
  return problems;
}
