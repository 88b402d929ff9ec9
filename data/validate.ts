/**
 * Turns the knowledge base's raw files into validated data, or into a list of problems that each name
 * the file, the person (or source) and the field. Pure: the callers read the files (scripts/kb-files.ts).
 */
import type { z } from 'zod';
import { personSchema, sourceSchema, type Person, type Source } from './schema';

/** One raw file as read from disk: its path relative to the project, and its content. */
export interface RawFile {
  path: string;
  content: string;
}

/** The raw knowledge base: source metadata with their article texts, and people. */
export interface RawKnowledgeBase {
  sources: { meta: RawFile; text: RawFile | undefined }[];
  people: RawFile[];
}

/** The validated knowledge base. */
export interface KnowledgeBase {
  sources: Source[];
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

/** Validates the whole knowledge base; returns the data only when there is no problem. */
export function validateKnowledgeBase(raw: RawKnowledgeBase): {
  kb: KnowledgeBase | undefined;
  problems: Problem[];
} {
  const problems: Problem[] = [];
  const sources = new Map<string, Source>();

  for (const { meta, text } of raw.sources) {
    const parsed = parseWith(sourceSchema, meta, problems);
    if (!parsed) continue;
    const at = (field: string, message: string) =>
      problems.push({ file: meta.path, entry: parsed.id, field, message });
    if (parsed.id !== baseName(meta.path)) at('id', `must equal the file name "${baseName(meta.path)}"`);
    if (!text) at('(text)', `article text ${parsed.id}.txt is missing`);
    else if (!text.content.trim()) at('(text)', `article text ${text.path} is empty`);
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

  problems.push(...checkPeople(people, sources, { malformedIds }));

  const kb: KnowledgeBase = {
    sources: [...sources.values()].sort((a, b) => a.id.localeCompare(b.id)),
    people: people.map(({ person }) => person).sort((a, b) => a.id.localeCompare(b.id)),
  };
  return { kb: problems.length ? undefined : kb, problems };
}

/** People outside the entries being checked, whom links, shared aliases and quote ids meet. */
export interface PeopleContext {
  /** Ids of people whose entry is malformed: links to them are not reported again as unknown. */
  malformedIds?: ReadonlySet<string>;
  /** Ids of people of other packs, whom links and shared aliases may name. */
  otherPeople?: ReadonlySet<string>;
  /** Ids of quotes of other packs, which must not be used again. */
  otherQuotes?: ReadonlySet<string>;
}

/**
 * Checks the people's claims against `sources` (every claim cites one of them; quotes, contexts and
 * descriptions verbatim in its text), their links and shared aliases, and unique quote ids. Used by
 * the knowledge base's check and by every pack's (core/pack-validate.ts).
 */
export function checkPeople(
  people: readonly { file: string; person: Person }[],
  sources: ReadonlyMap<string, Source>,
  { malformedIds = new Set(), otherPeople = new Set(), otherQuotes = new Set() }: PeopleContext = {},
): Problem[] {
  const problems: Problem[] = [];
  const ids = new Set([...otherPeople, ...people.map(({ person }) => person.id)]);
  const quoteIds = new Map<string, string>([...otherQuotes].map((id) => [id, 'another pack']));
  const aliasOwners = new Map<string, { id: string; sharedWith: string[] }[]>();

  for (const { file, person } of people) {
    const at = (field: string, message: string) => problems.push({ file, entry: person.id, field, message });
    const checkSource = (field: string, id: string): Source | undefined => {
      const source = sources.get(id);
      if (!source) at(field, `unknown source "${id}"`);
      return source;
    };

    person.roles.forEach((role, i) =>
      role.sources.forEach((s, j) => checkSource(`roles[${i}].sources[${j}]`, s)),
    );
    person.summary.sources.forEach((s, j) => checkSource(`summary.sources[${j}]`, s));
    person.descriptions.forEach((d, i) => {
      const source = checkSource(`descriptions[${i}].source`, d.source);
      if (source && !source.text.includes(d.text))
        at(`descriptions[${i}].text`, `${excerpt(d.text)} is not found verbatim in source ${d.source}`);
    });
    person.quotes.forEach((q, i) => {
      const previous = quoteIds.get(q.id);
      if (previous) at(`quotes[${i}].id`, `duplicate quote id "${q.id}", also in ${previous}`);
      quoteIds.set(q.id, person.id);
      const source = checkSource(`quotes[${i}].source`, q.source);
      if (!source) return;
      if (!source.text.includes(q.context))
        at(`quotes[${i}].context`, `${excerpt(q.context)} is not found verbatim in source ${q.source}`);
      if (q.kind === 'direct') {
        if (!source.text.includes(q.text))
          at(`quotes[${i}].text`, `quote ${excerpt(q.text)} is not found verbatim in source ${q.source}`);
        else if (!q.context.includes(q.text))
          at(`quotes[${i}].context`, `does not contain the quote ${excerpt(q.text)}`);
      } else if (QUOTATION_MARKS.test(q.text)) {
        at(`quotes[${i}].text`, 'a paraphrase is in our own words and carries no quotation marks');
      }
    });
    person.links.forEach((link, i) => {
      if (!ids.has(link.person) && !malformedIds.has(link.person))
        at(`links[${i}].person`, `unknown person "${link.person}"`);
      if (link.person === person.id) at(`links[${i}].person`, 'a person cannot be linked to themself');
      link.sources.forEach((s, j) => checkSource(`links[${i}].sources[${j}]`, s));
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
