/**
 * The popup's "Quotes on this page" (issue 13): every quotation of a knowledge-base person the page's
 * quote check read, with its verdict in words. "New" ones are listed here only (the page paints the
 * others); a quote card on the page shows the sources and the differences. A new one offers "Save this
 * quote", which opens the review sheet for it (core/save-quote.ts).
 */
import { VERDICT_TITLES } from '../../components/QuoteCard';
import type { PageQuoteItem } from '../../platform/messages';

/** The section; nothing when the page has no checked quotation. `onSave` saves a new one (none: no button). */
export function QuotesSection({
  quotes,
  onSave,
}: {
  quotes: readonly PageQuoteItem[];
  onSave?: ((quote: PageQuoteItem) => void) | undefined;
}) {
  if (quotes.length === 0) return null;
  return (
    <section class="pp-section" aria-labelledby="page-quotes-title">
      <h2 id="page-quotes-title" class="pp-section-title">
        Quotes on this page
        <span class="pp-section-count"> · {quotes.length}</span>
      </h2>
      <ul class="pp-quotes">
        {quotes.map((q, i) => (
          <li key={i} class="pp-quote" data-verdict={q.verdict}>
            <span class="pp-quote-verdict">{VERDICT_TITLES[q.verdict]}</span>
            <q class="pp-quote-text" id={`page-quote-${i}`}>
              {q.text}
            </q>{' '}
            <span class="pp-quote-speaker">— {q.speaker}</span>
            {onSave && q.verdict === 'new' ? (
              <button
                type="button"
                class="pp-link-button pp-quote-save"
                aria-describedby={`page-quote-${i}`}
                onClick={() => onSave(q)}
              >
                Save this quote
              </button>
            ) : null}
          </li>
        ))}
      </ul>
    </section>
  );
}
