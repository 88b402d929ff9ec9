/**
 * The hard cases of quotation attribution, one rule a case (tests/fixtures/quotations/hard-cases.json):
 * each expected quotation must be found with exactly its text and speaker, and no other quotation may
 * be given to a knowledge-base person.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildQuotationFinder, findQuotations } from '../core/quotations';
import { loadTestKnowledgeBase } from './support/kb';

interface HardCase {
  rule: string;
  note: string;
  text: string;
  expected: { quote: string; speaker: string | null; speakerName?: string | null }[];
}

const CASES = JSON.parse(
  readFileSync(new URL('fixtures/quotations/hard-cases.json', import.meta.url), 'utf8'),
) as HardCase[];

describe('quotation hard cases', () => {
  const { kb, matcher } = loadTestKnowledgeBase();
  const finder = buildQuotationFinder(matcher, kb.people);

  it.each(CASES.map((c) => [`${c.rule}: ${c.note}`, c] as const))('%s', (_, c) => {
    const found = findQuotations(finder, c.text);
    for (const q of found) expect(c.text.slice(q.start, q.end)).toBe(q.text);
    const got = c.expected.map((e) => {
      const q = found.find((f) => f.text === e.quote);
      return {
        quote: e.quote,
        speaker: q ? q.speaker : 'NOT FOUND',
        ...('speakerName' in e ? { speakerName: q?.speakerName ?? null } : {}),
      };
    });
    expect(got).toEqual(c.expected);
    const extra = found.filter((q) => q.speaker !== null && !c.expected.some((e) => e.quote === q.text));
    expect(extra).toEqual([]);
  });

  it('covers every rule the issue lists', () => {
    const rules = new Set(CASES.map((c) => c.rule));
    for (const rule of [
      'verb-after',
      'verb-before',
      'pronoun',
      'continuation',
      'partial',
      'nested',
      'scare-quotes',
      'namesake',
      'unnamed',
      'named-after',
      'marks',
      'cut',
    ])
      expect(rules).toContain(rule);
  });
});
