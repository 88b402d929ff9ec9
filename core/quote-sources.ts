/**
 * One quote, every source: the same words quoted by several sources (a bundled article and one the
 * reader saved, or two saved ones) are shown once, with each source that prints them, earliest first.
 * The words must be the same: only spacing, the form of apostrophes and a trailing comma or full stop
 * (where the quotation marks close) may differ. Paraphrases are the sources' reports in our words and
 * are never merged. Pure: the card model and the search share it.
 */
import type { Quote } from '../data/schema';

/** What merging needs to know of a source: when it was published (ISO date) and its id. */
export interface DatedSource {
  id: string;
  published: string;
}

/** A quote as the reader sees it: the earliest source's record, and every source turned on that prints it. */
export interface MergedQuote<S extends DatedSource> {
  quote: Quote;
  sources: S[];
}

/** The words of a quote as they are compared: spacing, apostrophes and closing punctuation aside. */
function quoteKey(quote: Quote): string {
  if (quote.kind === 'paraphrase') return `paraphrase ${quote.id}`;
  const words = quote.text
    .normalize('NFC')
    .replace(/[\u2018\u2019\u02bc]/g, "'")
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/[\s,.;:]+$/, '');
  return `said ${words}`;
}

/**
 * Merges `quotes` (one person's) whose words are the same, keeping those whose source `sourceOf` knows
 * (the sources turned on). Each keeps the record of its earliest source (its kind, sentence, topic);
 * they come in the order their words first appear in `quotes`.
 */
export function mergeQuoteSources<S extends DatedSource>(
  quotes: readonly Quote[],
  sourceOf: (id: string) => S | undefined,
): MergedQuote<S>[] {
  const byEarliest = (a: S, b: S) => a.published.localeCompare(b.published) || a.id.localeCompare(b.id);
  const merged = new Map<string, { quotes: Quote[]; sources: S[] }>();
  for (const quote of quotes) {
    const source = sourceOf(quote.source);
    if (!source) continue;
    const key = quoteKey(quote);
    const group = merged.get(key) ?? { quotes: [], sources: [] };
    group.quotes.push(quote);
    if (!group.sources.some((s) => s.id === source.id)) group.sources.push(source);
    merged.set(key, group);
  }
  return [...merged.values()].map((group) => {
    const sources = group.sources.sort(byEarliest);
    const first = group.quotes.find((q) => q.source === sources[0]?.id) ?? group.quotes[0];
    return { quote: first as Quote, sources };
  });
}
