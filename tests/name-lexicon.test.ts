/**
 * The data the matcher index is compiled with (data/name-lexicon.ts): romanisations generated from
 * the knowledge base's Cyrillic names must not be English words or anyone else's name, phrases that
 * are not names must start with an alias, and each table names its source.
 */
import englishWords from 'an-array-of-english-words/index.json' with { type: 'json' };
import { describe, expect, it } from 'vitest';
import { compileMatcherIndex, declinedForms, formRows } from '../core/matcher';
import { romanize } from '../core/name-forms';
import { isOneEditApart, MIN_NEAR_LENGTH } from '../core/near-spelling';
import { NAME_LEXICON } from '../data/name-lexicon';
import nicknames from '../data/nicknames.json';
import notNames from '../data/not-names.json';
import romanization from '../data/romanization.json';
import { foldString } from '../core/text-normalize';
import { loadTestKnowledgeBase } from './support/kb';
import givenNames from '../data/given-names.json';

const { kb } = loadTestKnowledgeBase();
const index = compileMatcherIndex(kb.people, givenNames.names);
/** Forms that are in the index although no person lists them (generated romanisations). */
const generated = formRows(index).filter(([, written, id]) => {
  const person = kb.people.find((p) => p.id === id);
  const listed = person?.aliases.flatMap((a) => declinedForms(a.text)).map(foldString) ?? [];
  return !listed.includes(foldString(written.normalize('NFC'))) && !/['’ʼ‘]/.test(written);
});

describe('generated romanisations', () => {
  it('gives the German, French, Polish and scholarly spellings of Cyrillic surnames', () => {
    expect(romanize('Зеленський', romanization)).toEqual(
      expect.arrayContaining(['Zelenskyy', 'Selenskyj', 'Zełenski', "Zelens'kyj"]),
    );
    expect(romanize('Лавров', romanization)).toEqual(['Lavrov', 'Lawrow', 'Ławrow']);
    const written = generated.map(([, w]) => w);
    expect(written).toEqual(expect.arrayContaining(['Selenskyj', 'Lawrow', 'Uschakow', 'Oumerov']));
  });

  it('are never an English word, a given name or another person’s alias', () => {
    const words = new Set(englishWords);
    const others = new Map<string, string>();
    for (const p of kb.people) {
      for (const a of p.aliases) others.set(foldString(a.text), p.id);
      for (const g of p.givenNames) others.set(foldString(g), p.id);
    }
    const clashes = generated
      .map(([key, written, id]) => ({ key, written, id }))
      .filter(({ key, id }) => words.has(key) || (others.has(key) && others.get(key) !== id));
    expect(clashes).toEqual([]);
    // data/not-names.json lists the words a romanisation spells, and the index leaves them out.
    expect(romanize('Путин', romanization)).toContain('Poutine');
    expect(generated.map(([, w]) => w)).not.toContain('Poutine');
  });

  it('are only made for people whose country writes in Cyrillic', () => {
    expect(new Set(generated.map(([, , id]) => kb.people.find((p) => p.id === id)?.country?.text))).toEqual(
      new Set(['Russia', 'Ukraine']),
    );
  });
});

describe('near spellings', () => {
  it('every English word one edit from a surname is listed in data/not-names.json, so it is never read as the surname', () => {
    const surnames = [
      ...new Set(
        formRows(index)
          .filter(([key, , id, i]) => {
            const alias = kb.people.find((p) => p.id === id)?.aliases[i];
            return alias?.kind === 'surname' && key.length >= MIN_NEAR_LENGTH;
          })
          .map(([key]) => key),
      ),
    ];
    const listed = new Set(notNames.words);
    const lengths = new Set(surnames.flatMap((key) => [key.length - 1, key.length, key.length + 1]));
    const missing = englishWords.filter(
      (word) =>
        word.length >= MIN_NEAR_LENGTH &&
        lengths.has(word.length) &&
        !listed.has(word) &&
        surnames.some((key) => isOneEditApart(word, key)),
    );
    expect(missing).toEqual([]);
    expect(index.nearWords).toEqual(expect.arrayContaining(['piper', 'tramp', 'stammer']));
  });
});

describe('the tables', () => {
  it('name their sources', () => {
    for (const table of [nicknames, romanization, notNames]) expect(table._source.length).toBeGreaterThan(40);
  });

  it('every phrase that is not a name starts with a knowledge-base alias', () => {
    const aliases = new Set(kb.people.flatMap((p) => p.aliases.map((a) => foldString(a.text))));
    const orphans = NAME_LEXICON.notNames.filter(
      (phrase) => !aliases.has(foldString(phrase).split(' ')[0] ?? ''),
    );
    expect(orphans).toEqual([]);
  });
});
