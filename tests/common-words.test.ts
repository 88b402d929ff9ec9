/**
 * The common words the add-person form warns about (data/common-words.json, issue 14): the file is what
 * `npm run words:build` makes from the installed word lists, and the rule that makes it keeps words and
 * leaves names out.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isCommonWord } from '../core/common-words';
import { buildCommonWordsFile, reduceCommonWords } from '../scripts/common-words-list';

describe('common words', () => {
  it('data/common-words.json is up to date with the installed word lists (run `npm run words:build`)', () => {
    const stored: unknown = JSON.parse(
      readFileSync(join(import.meta.dirname, '..', 'data', 'common-words.json'), 'utf8'),
    );
    expect(stored).toEqual(buildCommonWordsFile());
  });

  it('knows common words that are surnames, and not names that are no word', () => {
    for (const word of ['fix', 'bush', 'rice', 'brown', 'white', 'young', 'may', 'hope'])
      expect(isCommonWord(word), word).toBe(true);
    for (const name of ['witkoff', 'kellogg', 'rubio', 'umerov', 'johnson', 'zelensky', 'ушаков'])
      expect(isCommonWord(name), name).toBe(false);
  });

  it('keeps frequent dictionary words written in lower case; a capitalised one only when very frequent and no given name', () => {
    const counts = [
      { word: 'fix', count: 4426 }, // a word
      { word: 'gonna', count: 9000 }, // not in the dictionary
      { word: 'ukase', count: 3 }, // too rare
      { word: 'Brown', count: 3066 }, // mostly a name in subtitles, but that frequent
      { word: 'Johnson', count: 1546 }, // mostly a name, less frequent
      { word: 'Frank', count: 8129 }, // a given name: the form warns about that instead
      { word: 'I', count: 2_000_000 }, // one letter
    ];
    const dictionary = ['fix', 'ukase', 'brown', 'johnson', 'frank', 'i'];
    expect(reduceCommonWords(counts, dictionary, ['Frank'])).toEqual(['brown', 'fix']);
  });
});
