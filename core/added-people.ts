/**
 * People of the stored packs (My sources, imported packs) that the bundled matcher index does not
 * hold, as a page needs them (issue 14). The background compiles their matcher index once, whenever the
 * packs change, and publishes it beside the settings (platform/settings-store.ts); a page then only
 * merges it with the bundled index (`mergeMatcherIndexes`) and builds one matcher. Compiling on the
 * background keeps the name tables (nicknames, romanisations: tens of kB) out of the script that runs
 * on every page, and costs a page with no added people nothing but reading an empty value. Pure.
 */
import { toIndexedPerson, type IndexedPerson } from './indexed-person';
import { compileMatcherIndex, formRows, indexPatterns, type MatcherIndex } from './matcher';
import type { Person } from '../data/schema';

/** What the background publishes for the pages: the added people and their compiled index. */
export interface AddedPeople {
  people: IndexedPerson[];
  index: MatcherIndex;
}

/**
 * The added people of a merged knowledge base: everyone whose id the bundled pack does not have,
 * compiled with `otherGivenNames` (data/given-names.json, as the build compiles the bundled index).
 * Undefined when there are none, so that pages read an empty value.
 */
export function compileAddedPeople(
  people: readonly Person[],
  bundledIds: ReadonlySet<string>,
  otherGivenNames: Iterable<string>,
): AddedPeople | undefined {
  const added = people.filter((p) => !bundledIds.has(p.id)).map(toIndexedPerson);
  if (added.length === 0) return undefined;
  return { people: added, index: compileMatcherIndex(added, otherGivenNames) };
}

/**
 * One index of two (the bundled one first: a form both hold stays the bundled person's, shared with the
 * added one, which makes each bare occurrence need the page's anchoring). The letters and other given
 * names are the first's: both were compiled with the same tables.
 */
export function mergeMatcherIndexes(first: MatcherIndex, second: MatcherIndex): MatcherIndex {
  const forms = [...first.forms, ...second.forms];
  const rows = formRows({ forms });
  // A value published before near spellings existed has none: the added people then have none.
  const givenForms = [...first.givenForms, ...(second.givenForms ?? [])];
  return {
    forms,
    givenNames: [...first.givenNames, ...second.givenNames],
    middleNames: [...first.middleNames, ...second.middleNames],
    otherGivenNames: first.otherGivenNames,
    letters: first.letters,
    notNames: [...new Set([...first.notNames, ...second.notNames])],
    givenForms,
    nearWords: [...new Set([...first.nearWords, ...(second.nearWords ?? [])])],
    patterns: indexPatterns(rows, givenForms),
  };
}

const isStringArray = (value: unknown): value is string[] =>
  Array.isArray(value) && value.every((v) => typeof v === 'string');

/**
 * Reads the published value leniently: undefined for nothing or anything malformed (the page then
 * finds the bundled people only, rather than failing).
 */
export function readAddedPeople(value: unknown): AddedPeople | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const { people, index } = value as Partial<AddedPeople>;
  if (!Array.isArray(people) || people.length === 0 || typeof index !== 'object' || index === null)
    return undefined;
  const isPerson = (p: unknown) =>
    typeof p === 'object' &&
    p !== null &&
    typeof (p as IndexedPerson).id === 'string' &&
    typeof (p as IndexedPerson).name === 'string' &&
    isStringArray((p as IndexedPerson).givenNames) &&
    Array.isArray((p as IndexedPerson).aliases);
  if (!people.every(isPerson)) return undefined;
  if (!Array.isArray(index.forms) || !Array.isArray(index.givenNames) || !Array.isArray(index.middleNames))
    return undefined;
  if (!isStringArray(index.notNames)) return undefined;
  // A value of an older format (rows that do not start with an id and an alias index) is left out.
  if (
    !index.forms.every(
      (row) => Array.isArray(row) && typeof row[0] === 'string' && typeof row[1] === 'number',
    )
  )
    return undefined;
  return { people, index };
}
