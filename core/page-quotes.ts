/**
 * The quote check over a page's blocks (issue 13), as the background runs it: the content script sends
 * the text of each block that holds both a quotation mark and a knowledge-base name; the quotation
 * finder reads them as consecutive paragraphs, and each quotation given to a knowledge-base person is
 * checked (core/quote-check.ts). Answers carry offsets into each block, so the page can paint them.
 * Pure: the background, the tests and the bench call it.
 */
import {
  checkQuote,
  type AlignedPart,
  type QuoteChecker,
  type QuoteMatch,
  type QuoteVerdict,
} from './quote-check';
import { findQuotations, type QuotationFinder } from './quotations';

/** Longest block text checked, and most blocks per page: a page cannot make the background read a book. */
export const PAGE_QUOTE_LIMITS = { blockChars: 4000, blocks: 60 } as const;

/** A quotation of one block of the page, with its verdict. */
export interface BlockQuote {
  /** Index of the block in the request. */
  block: number;
  /** UTF-16 offsets into that block's text, end exclusive, marks excluded. */
  start: number;
  end: number;
  text: string;
  speaker: string;
  /** The name the page gives the speaker, or null. */
  speakerName: string | null;
  verdict: QuoteVerdict;
  matches: QuoteMatch[];
  alignment?: AlignedPart[];
}

/** True when a block's text holds a quotation mark (the content script's cheap test before asking). */
export function hasQuotationMark(text: string): boolean {
  return /["“”„«»‘’‚]/.test(text);
}

/** Finds and checks the quotations of `blocks` (texts, in page order); those of nobody known are left out. */
export function checkPageBlocks(
  finder: QuotationFinder,
  checker: QuoteChecker,
  blocks: readonly string[],
): BlockQuote[] {
  const texts = blocks
    .slice(0, PAGE_QUOTE_LIMITS.blocks)
    .map((t) => t.slice(0, PAGE_QUOTE_LIMITS.blockChars));
  // One text with a blank line between blocks: the finder reads each block as a paragraph of its own.
  const starts: number[] = [];
  let at = 0;
  for (const text of texts) {
    starts.push(at);
    at += text.length + 2;
  }
  const joined = texts.join('\n\n');
  const out: BlockQuote[] = [];
  for (const q of findQuotations(finder, joined)) {
    if (!q.speaker) continue;
    let block = starts.length - 1;
    while (block > 0 && starts[block]! > q.start) block--;
    const base = starts[block]!;
    if (q.end > base + texts[block]!.length) continue; // Runs past its block: not one range.
    const check = checkQuote(checker, q.speaker, q.text);
    out.push({
      block,
      start: q.start - base,
      end: q.end - base,
      text: q.text,
      speaker: q.speaker,
      speakerName: q.speakerName,
      ...check,
    });
  }
  return out;
}
