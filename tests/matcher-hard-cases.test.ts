import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { findMentions } from '../core/matcher';
import { loadTestKnowledgeBase } from './support/kb';
import { parseMarked } from './support/marked';

interface HardCase {
  rule: string;
  note: string;
  marked: string;
}

const cases = JSON.parse(
  readFileSync(new URL('fixtures/hard-cases.json', import.meta.url), 'utf8'),
) as HardCase[];

describe('hard cases', () => {
  const { matcher } = loadTestKnowledgeBase();
  it.each(cases.map((c, i) => [`${c.rule} #${i}: ${c.note}`, c] as const))('%s', (_, c) => {
    const { text, mentions } = parseMarked(c.marked);
    const found = findMentions(matcher, text).map(({ start, end, person, surface }) => ({
      start,
      end,
      person,
      surface,
    }));
    expect(found, JSON.stringify(text)).toEqual(mentions);
  });
});
