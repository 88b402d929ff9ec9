import { describe, expect, it } from 'vitest';
import { buildQuotationFinder, findQuotations } from '../core/quotations';
import { loadTestKnowledgeBase } from './support/kb';
import { scoreQuotes, type ExpectedQuote } from './support/quote-score';

describe('quotations and their speakers in the five bundled articles', () => {
  const { kb, matcher } = loadTestKnowledgeBase();
  const finder = buildQuotationFinder(matcher, kb.people);

  /** Every direct quote of data/people, located in its source through its verbatim context. */
  function expectedIn(sourceId: string, text: string): ExpectedQuote[] {
    const out: ExpectedQuote[] = [];
    for (const person of kb.people)
      for (const quote of person.quotes) {
        if (quote.kind !== 'direct' || quote.source !== sourceId) continue;
        const context = text.indexOf(quote.context);
        const start = text.indexOf(quote.text, Math.max(0, context));
        expect(start, `${person.id}: ${quote.id} not in ${sourceId}`).toBeGreaterThanOrEqual(0);
        out.push({ start, end: start + quote.text.length, speaker: person.id, text: quote.text });
      }
    return out;
  }

  it('finds the knowledge base’s direct quotes with their speakers, and gives none to the wrong person', () => {
    let attributed = 0;
    let correct = 0;
    let expected = 0;
    let found = 0;
    for (const source of kb.sources) {
      const quotes = findQuotations(finder, source.text);
      const truth = expectedIn(source.id, source.text);
      const s = scoreQuotes(truth, quotes);
      for (const q of s.wrong)
        console.log(`  wrong: ${source.id} ${q.speaker} (${q.cue}) “${q.text.slice(0, 60)}”`);
      for (const e of s.missed) console.log(`  missed: ${source.id} ${e.speaker} “${e.text.slice(0, 60)}”`);
      attributed += s.attributed;
      correct += s.correct;
      expected += truth.length;
      found += truth.length - s.missed.length;
      for (const q of quotes) expect(source.text.slice(q.start, q.end)).toBe(q.text);
    }
    const precision = correct / attributed;
    const recall = found / expected;
    console.log(
      `quotations attributed to KB people in the five articles: precision ${precision.toFixed(2)} (${correct}/${attributed}), recall ${recall.toFixed(2)} (${found}/${expected})`,
    );
    expect(expected).toBeGreaterThan(40);
    expect(precision).toBeGreaterThanOrEqual(0.97);
    expect(recall).toBeGreaterThanOrEqual(0.9);
  });
});
