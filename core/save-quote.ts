/**
 * "Save this quote" (issue 13): a quotation the quote check found new on a page is saved through the
 * review sheet of "Save this article", with the page as its source. The popup opens the sheet with the
 * quotation named in its address (`?tab=…&quote=…&speaker=…`); the sheet reads the page as usual and
 * starts with only that quotation ticked, under the person the page attributes it to. Pure: the popup,
 * the sheet and the tests call it.
 */
import { chooseInitially, type ArticleDraft, type QuotationChoice } from './save-article';
import { foldString } from './text-normalize';

/** The quotation the review sheet is opened for. */
export interface QuoteToSave {
  /** The page's words, as the quote check read them (a long one cut, ending in "…"). */
  text: string;
  /** The knowledge-base person the page attributes it to, or null when not known. */
  speaker: string | null;
}

/** The review sheet's address parameters for saving `quote` from the page in tab `tabId`. */
export function buildSaveQuoteParams(tabId: number, quote: QuoteToSave): URLSearchParams {
  const params = new URLSearchParams({ tab: String(tabId), quote: quote.text });
  if (quote.speaker) params.set('speaker', quote.speaker);
  return params;
}

/** The quotation named by the review sheet's address, or undefined when it saves a whole article. */
export function readQuoteToSave(params: URLSearchParams): QuoteToSave | undefined {
  const text = params.get('quote')?.trim();
  return text ? { text, speaker: params.get('speaker') || null } : undefined;
}

/**
 * The words of `text`, folded and spaced alike: the page's text and the article reader's may differ in
 * spaces, quotation marks and case, never in words.
 */
function wordsOf(text: string): string {
  return foldString(text)
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean)
    .join(' ');
}

/** The sheet's choices when opened for one quotation, and whether the article's text has it. */
export interface OnlyQuotation {
  choices: QuotationChoice[];
  /** The index of the quotation in the draft, or -1 when the reader's text of the page lacks it. */
  index: number;
}

/**
 * Ticks only the draft's quotation with the words of `quote` (the first one the page gives to the same
 * person where it quotes the same words twice), preset to that person when the knowledge base has them
 * (`isKnown`); every other quotation starts unticked. A quotation cut with "…" matches by its beginning.
 */
export function chooseOnlyQuotation(
  draft: ArticleDraft,
  quote: QuoteToSave,
  isKnown: (person: string) => boolean,
): OnlyQuotation {
  const isCut = quote.text.endsWith('…');
  const wanted = wordsOf(isCut ? quote.text.slice(0, -1) : quote.text);
  const isSame = (text: string) => {
    const words = wordsOf(text);
    return isCut ? words.startsWith(wanted) : words === wanted;
  };
  const found = draft.quotations.flatMap((q, i) => (wanted && isSame(q.text) ? [i] : []));
  const index = found.find((i) => draft.quotations[i]!.speaker === quote.speaker) ?? found[0] ?? -1;
  const speaker = quote.speaker && isKnown(quote.speaker) ? quote.speaker : null;
  const choices = chooseInitially(draft).map((choice, i) =>
    i === index
      ? { ...choice, isKept: true, speaker: speaker ?? choice.speaker }
      : { ...choice, isKept: false },
  );
  return { choices, index };
}
