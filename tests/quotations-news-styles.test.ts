/**
 * Generality: paragraphs written for this test in the styles of real news (AP and Reuters wire copy,
 * the Guardian, Russian guillemets, appositives and relative clauses), not copied from any article.
 * `speakers` lists, by hand, every quotation a careful reader gives to a knowledge-base person.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildQuotationFinder, findQuotations } from '../core/quotations';
import { loadTestKnowledgeBase } from './support/kb';

interface StyleSample {
  style: string;
  text: string;
  speakers: Record<string, string>;
}

const SAMPLES = JSON.parse(
  readFileSync(new URL('fixtures/quotations/news-styles.json', import.meta.url), 'utf8'),
) as StyleSample[];

describe('quotations in news written in several house styles', () => {
  const { kb, matcher } = loadTestKnowledgeBase();
  const finder = buildQuotationFinder(matcher, kb.people);

  it('gives quotations to KB people precisely (≥ 0.97) and finds most of them (≥ 0.85)', () => {
    let attributed = 0;
    let correct = 0;
    let expected = 0;
    for (const sample of SAMPLES) {
      const found = findQuotations(finder, sample.text).filter((q) => q.speaker !== null);
      for (const q of found) {
        if (sample.speakers[q.text] === q.speaker) correct++;
        else console.log(`  wrong (${sample.style}): ${q.speaker} “${q.text}”`);
      }
      for (const [quote, speaker] of Object.entries(sample.speakers))
        if (!found.some((q) => q.text === quote && q.speaker === speaker))
          console.log(`  missed (${sample.style}): ${speaker} “${quote}”`);
      attributed += found.length;
      expected += Object.keys(sample.speakers).length;
    }
    const precision = correct / attributed;
    const recall = correct / expected;
    console.log(
      `news styles: precision ${precision.toFixed(2)} (${correct}/${attributed}), recall ${recall.toFixed(2)} (${correct}/${expected})`,
    );
    expect(precision).toBeGreaterThanOrEqual(0.97);
    expect(recall).toBeGreaterThanOrEqual(0.85);
  });
});
