/**
 * The data the matcher index is compiled with besides the people: nickname families, romanisation
 * styles and phrases that are not names. Read at build time only (scripts/matcher-index-plugin.ts,
 * the spotter, the tests): the page loads the compiled index, never these tables.
 */
import type { NameLexicon } from '../core/matcher';
import nicknames from './nicknames.json';
import notNames from './not-names.json';
import romanization from './romanization.json';

/** The tables of data/nicknames.json, data/romanization.json and data/not-names.json. */
export const NAME_LEXICON: NameLexicon = {
  nicknames,
  romanization,
  notNames: notNames.phrases,
  words: notNames.words,
};
