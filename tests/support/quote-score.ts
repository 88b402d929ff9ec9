/** Scores found quotations against expected ones (KB-attributed): a hit overlaps an expected span with the same speaker. */
import type { Quotation } from '../../core/quotations';

/** One expected quotation: its span in the text and its speaker's id. */
export interface ExpectedQuote {
  start: number;
  end: number;
  speaker: string;
  text: string;
}

/** The quotations attributed to a KB person that are wrong (no expected one there, or another speaker), and the expected ones missed. */
export function scoreQuotes(
  expected: readonly ExpectedQuote[],
  found: readonly Quotation[],
): { attributed: number; correct: number; wrong: Quotation[]; missed: ExpectedQuote[] } {
  const overlaps = (a: { start: number; end: number }, b: { start: number; end: number }) =>
    a.start < b.end && b.start < a.end;
  const attributed = found.filter((q) => q.speaker !== null);
  const wrong = attributed.filter((q) => !expected.some((e) => overlaps(e, q) && e.speaker === q.speaker));
  const missed = expected.filter((e) => !attributed.some((q) => overlaps(e, q) && e.speaker === q.speaker));
  return { attributed: attributed.length, correct: attributed.length - wrong.length, wrong, missed };
}
