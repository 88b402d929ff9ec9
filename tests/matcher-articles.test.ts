import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { findMentions } from '../core/matcher';
import { loadTestKnowledgeBase } from './support/kb';
import { parseMarked, score } from './support/marked';

const ARTICLES = [
  '000_3cc1c4cc7cf39fe5',
  '001_9c4c8f1c2ef386b9',
  '002_508fa90569225c0e',
  '003_e5f86a3492c09562',
  '004_11d8a4770e6080f9',
];

describe('the matcher on the five hand-annotated articles', () => {
  const { matcher } = loadTestKnowledgeBase();
  let found = 0;
  let correct = 0;
  let expected = 0;

  it.each(ARTICLES)('finds every mention in %s, and nothing else', (id) => {
    const marked = readFileSync(new URL(`fixtures/articles/${id}.marked.txt`, import.meta.url), 'utf8');
    const { text, mentions } = parseMarked(marked);
    expect(text).toBe(readFileSync(new URL(`../data/sources/${id}.txt`, import.meta.url), 'utf8'));
    const result = findMentions(matcher, text);
    const s = score(mentions, result);
    found += result.length;
    correct += result.length - s.wrong.length;
    expected += mentions.length;
    console.log(
      `${id}: precision ${s.precision.toFixed(2)}, recall ${s.recall.toFixed(2)} (${mentions.length} annotated)`,
    );
    expect({ missed: s.missed, wrong: s.wrong }).toEqual({ missed: [], wrong: [] });
    for (const m of result) expect(m.surface).toBe(text.slice(m.start, m.end));
  });

  it('scores 1.00 precision and recall over all five', () => {
    const precision = correct / found;
    const recall = correct / expected;
    console.log(
      `all five articles: precision ${precision.toFixed(2)}, recall ${recall.toFixed(2)} (${expected} annotated mentions)`,
    );
    expect(expected).toBeGreaterThan(100);
    expect(precision).toBe(1);
    expect(recall).toBe(1);
  });
});
