/**
 * Common English words, for the add-person form's warning that a surname is also one (issue 14): data
 * made from two word lists by `npm run words:build` (scripts/common-words-list.ts gives the sources and
 * the rule). About 40 kB gzipped, so only the add-person and options pages load it, never the content
 * script (tests/platform-boundaries.test.ts checks that).
 */
import COMMON_WORDS from '../data/common-words.json';

let words: Set<string> | undefined;

/** True for a common English word, given in lower case ("fix", "bush", "brown"; not "witkoff"). */
export function isCommonWord(word: string): boolean {
  words ??= new Set(COMMON_WORDS.words.split(' '));
  return words.has(word);
}
