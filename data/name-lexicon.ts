/**
 * The data the matcher index is compiled with besides the people: nickname families, romanisation
 * styles and phrases that are not names. Read at build time only (scripts/matcher-index-plugin.ts,
 * the spotter, the tests): the page loads the compiled index, never these tables.
 */
import englishWords from 'an-array-of-english-words/index.json' with { type: 'json' };
import type { NameLexicon } from '../core/matcher';
import nicknames from './nicknames.json';
import notNames from './not-names.json';
import romanization from './romanization.json';

/**
 * The tables of data/nicknames.json, data/romanization.json and data/not-names.json, and the English
 * words (an-array-of-english-words, ~275,000 words) that a generated romanisation must not be: French
 * writes Путин "Poutine", which English readers know as a dish.
 */
export const NAME_LEXICON: NameLexicon = {
  nicknames,
  romanization,
  notNames: notNames.phrases,
  isWord: (key) => (words ??= new Set(englishWords)).has(key),
};

let words: Set<string> | undefined;
