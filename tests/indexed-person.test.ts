/**
 * The people the content script carries (core/indexed-person.ts, in the build's matcher index module):
 * no card data, yet a matcher built from them finds exactly what one built from the whole knowledge base
 * finds, on every source article and on the hard cases.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findMentions, matcherFromIndex } from '../core/matcher';
import { PEOPLE } from '../data/bundle';
import { getPersonName, MATCHER_INDEX, MATCHER_PEOPLE } from '../data/matcher-index';

const ROOT = join(import.meta.dirname, '..');
const SOURCES = join(ROOT, 'data', 'sources');
const texts = [
  ...readdirSync(SOURCES)
    .filter((name) => name.endsWith('.txt'))
    .map((name) => readFileSync(join(SOURCES, name), 'utf8')),
  ...(
    JSON.parse(readFileSync(join(ROOT, 'tests/fixtures/hard-cases.json'), 'utf8')) as { marked: string }[]
  ).map((c) => c.marked.replace(/\[\[([^|\]]*)\|[^\]]*\]\]/g, '$1')),
];

describe("the people in the content script's matcher index", () => {
  it('carry no card data: no roles, summaries, descriptions or quotes, links only by whom they name', () => {
    expect(MATCHER_PEOPLE.map((p) => p.id).sort()).toEqual(PEOPLE.map((p) => p.id).sort());
    for (const person of MATCHER_PEOPLE) {
      const cardFields = Object.keys(person).filter((key) =>
        /^(roles|summary|descriptions|quotes)$/.test(key),
      );
      expect(cardFields).toEqual([]);
      for (const link of person.links ?? []) expect(Object.keys(link)).toEqual(['person']);
    }
    expect(JSON.stringify(MATCHER_PEOPLE).length).toBeLessThan(JSON.stringify(PEOPLE).length / 5);
  });

  it('find exactly what the whole knowledge base finds, on the articles and the hard cases', () => {
    const lean = matcherFromIndex(MATCHER_INDEX, MATCHER_PEOPLE);
    const full = matcherFromIndex(MATCHER_INDEX, PEOPLE);
    let found = 0;
    for (const text of texts) {
      const mentions = findMentions(lean, text);
      found += mentions.length;
      expect(mentions).toEqual(findMentions(full, text));
    }
    expect(found).toBeGreaterThan(100);
  });

  it("give the popup each person's usual name", () => {
    expect(getPersonName('steve-witkoff')).toBe('Steve Witkoff');
    expect(getPersonName('someone-unknown')).toBe('someone-unknown');
  });
});
