/**
 * The quote card (issue 13): what Dramatis found about a quotation on the page. It states the verdict in
 * plain words and leaves the judging to the reader (never "misquoted"): the page's words, the stored
 * quote it was compared with, the words the page leaves out struck through and the page's own words
 * underlined (each also labelled in text, not by colour alone), and every source with outlet and date.
 * Used by the page card (inside its shadow root) and the popup.
 */
import type { AlignedPart, QuoteMatch, QuoteVerdict } from '../core/quote-check';
import { labelSource } from '../core/card-model';
import type { SourceMeta } from '../data/schema';
import { SourceCite } from './PersonCard';

/** The quotation as the quote check answered it (core/page-quotes.ts's BlockQuote has these fields). */
export interface CheckedQuote {
  text: string;
  speaker: string;
  speakerName: string | null;
  verdict: QuoteVerdict;
  matches: QuoteMatch[];
  alignment?: AlignedPart[] | undefined;
}

/** Props of QuoteCard. */
export interface QuoteCardProps {
  quote: CheckedQuote;
  /** The sources the matches cite (others are ignored); a source without metadata is named by id. */
  sources: readonly (SourceMeta & { url?: string | undefined })[];
  /** A knowledge-base person's usual name. */
  nameOf: (person: string) => string;
  /** The id of the heading, for aria-labelledby on the dialog around the card. */
  headingId: string;
  /** Shown as a close button when given. */
  onClose?: (() => void) | undefined;
}

/** The heading of each verdict: what was found, never a charge against the writer. */
export const VERDICT_TITLES: Record<QuoteVerdict, string> = {
  same: 'The same words as in your sources',
  shortened: 'Shortened from a longer quote',
  reworded: 'Worded differently in your sources',
  'other-speaker': 'Your sources give these words to someone else',
  new: 'Not in your sources',
};

/** One sentence under the heading, naming who said what where. */
function explain(quote: CheckedQuote, nameOf: (person: string) => string): string {
  const speaker = nameOf(quote.speaker);
  const others = [...new Set(quote.matches.map((m) => nameOf(m.person)))].join(', ');
  switch (quote.verdict) {
    case 'same':
      return `Your sources quote ${speaker} with these words.`;
    case 'shortened':
      return `This page quotes part of what your sources quote ${speaker} as saying.`;
    case 'reworded':
      return `Your sources quote ${speaker} with other words. Compare them below.`;
    case 'other-speaker':
      return `This page gives these words to ${speaker}; your sources quote ${others} with them.`;
    case 'new':
      return 'Dramatis has no stored quote like this one.';
  }
}

/** The stored quote with the differences marked, each with a text label for readers who cannot see the marks. */
function MarkedQuote({ parts }: { parts: readonly AlignedPart[] }) {
  return (
    <blockquote class="dr-quote-text dr-diff">
      “
      {parts.map((part, i) =>
        part.kind === 'kept' ? (
          <span key={i}>{part.text}</span>
        ) : part.kind === 'left-out' ? (
          <del key={i}>
            <span class="dr-sr">[left out on this page: </span>
            {part.text}
            <span class="dr-sr">]</span>
          </del>
        ) : (
          <ins key={i}>
            <span class="dr-sr">[this page has instead: </span>
            {part.text}
            <span class="dr-sr">]</span>{' '}
          </ins>
        ),
      )}
      ”
    </blockquote>
  );
}

/** The quote card's content (no positioning: the caller places it). */
export function QuoteCard({ quote, sources, nameOf, headingId, onClose }: QuoteCardProps) {
  const byId = new Map(sources.map((s) => [s.id, s]));
  const first = quote.matches[0];
  const hasLeftOut = quote.alignment?.some((p) => p.kind === 'left-out') ?? false;
  const hasAdded = quote.alignment?.some((p) => p.kind === 'added') ?? false;
  return (
    <article class="dr-card dr-quote-card" data-verdict={quote.verdict}>
      <header class="dr-header">
        <div>
          <h2 id={headingId} class="dr-name">
            {VERDICT_TITLES[quote.verdict]}
          </h2>
          <p class="dr-affiliation">{explain(quote, nameOf)}</p>
        </div>
        {onClose ? (
          <button type="button" class="dr-close" aria-label="Close" onClick={onClose}>
            ×
          </button>
        ) : null}
      </header>
      <section class="dr-section">
        <h3 class="dr-section-title">On this page</h3>
        <blockquote class="dr-quote-text">“{quote.text}”</blockquote>
        <p class="dr-muted">— {quote.speakerName ?? nameOf(quote.speaker)}, as this page says</p>
      </section>
      {first && quote.alignment && quote.verdict !== 'same' ? (
        <section class="dr-section">
          <h3 class="dr-section-title">In your sources, said by {nameOf(first.person)}</h3>
          <MarkedQuote parts={quote.alignment} />
          {hasLeftOut || hasAdded ? (
            <p class="dr-muted dr-diff-key">
              {hasLeftOut ? (
                <span>
                  <del>Struck through</del>: left out on this page.{' '}
                </span>
              ) : null}
              {hasAdded ? (
                <span>
                  <ins>Underlined</ins>: this page’s words instead.
                </span>
              ) : null}
            </p>
          ) : null}
        </section>
      ) : null}
      {quote.matches.length > 0 ? (
        <section class="dr-section">
          <h3 class="dr-section-title">
            {quote.matches.length === 1 ? 'Source' : 'Sources, earliest first'}
          </h3>
          <ul class="dr-list">
            {quote.matches.map((match) => {
              const source = byId.get(match.source);
              return (
                <li key={`${match.person}/${match.quoteId}/${match.source}`}>
                  {nameOf(match.person)}: “{match.quote}”{' '}
                  {source ? (
                    <SourceCite source={labelSource(source)} />
                  ) : (
                    <cite class="dr-cite">{match.source}</cite>
                  )}
                  {source?.url ? (
                    <>
                      {' '}
                      <a class="dr-link" href={source.url} target="_blank" rel="noreferrer">
                        Read the article
                      </a>
                    </>
                  ) : null}
                </li>
              );
            })}
          </ul>
        </section>
      ) : null}
    </article>
  );
}
