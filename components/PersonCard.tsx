/**
 * A person's card: who they are (summary sentences, roles, each with its sources, and where sources
 * disagree or differ from the public record), how each outlet describes them, what they said (grouped by
 * topic), what the articles report they did, and the background a conflict rests on, kept apart as
 * "not from these articles". Direct and partial quotes are shown word for word in quotation marks with
 * outlet and date (a partial one with the article's sentence around it); paraphrases are labelled and
 * never put in quotation marks. Used by the page card (inside a shadow root) and by the popup.
 */
import type { ComponentChildren } from 'preact';
import type { CardModel, ConflictModel, QuoteModel, SourceLabel } from '../core/card-model';
import { formatDate } from '../core/card-model';
import { type CardCut, wholeCard } from './card-first-screen';
import { CorrectMention, type CorrectMentionProps } from './CorrectMention';

/** Props of PersonCard. */
export interface PersonCardProps {
  model: CardModel;
  /** The id of the heading, for aria-labelledby on the dialog around the card. */
  headingId: string;
  /** One line on why this name matched (page card only). */
  why?: string | undefined;
  /** Shown as a close button when given. */
  onClose?: (() => void) | undefined;
  /** Shown as "Hide Dramatis on this site" when given. */
  onHideSite?: (() => void) | undefined;
  /** Makes linked people clickable when given. */
  onSelectPerson?: ((id: string) => void) | undefined;
  /** Shown as "Not <name>?" when given (page card only). */
  correction?: Omit<CorrectMentionProps, 'personName'> | undefined;
  /** How much of each list to render (./card-first-screen.ts): all of it unless given. */
  cut?: CardCut | undefined;
}

/** The tooltip of a citation: the headline (marked when we wrote it) and how the date was found. */
function describeSource(source: SourceLabel): string {
  const headline = source.isHeadlineOurs
    ? `Headline written by Dramatis (the article prints none): ${source.headline}`
    : source.headline;
  if (!source.isDateInferred) return headline;
  return `${headline}. Date inferred from the text${source.isDateFromBackground ? ' and background knowledge' : ''}.`;
}

/** Cites a source: "Kyiv Post, 1 December 2025". */
export function SourceCite({ source }: { source: SourceLabel }) {
  return (
    <cite class="dr-cite" title={describeSource(source)}>
      {source.outlet}, {source.date}
      {source.isDateInferred ? ' (inferred)' : ''}
    </cite>
  );
}

/**
 * Citations, "; "-separated. Compact ones (after a summary sentence) are short: "Kyiv Post, 1 Dec 2025;
 * article 002, 2 Dec 2025", the rest in the tooltip.
 */
function Cites({ sources, isCompact = false }: { sources: SourceLabel[]; isCompact?: boolean }) {
  return (
    <span class={isCompact ? 'dr-cites dr-cites-compact' : 'dr-cites'}>
      {sources.map((s, i) => (
        <span key={s.id}>
          {i > 0 ? '; ' : ''}
          {isCompact ? (
            <cite class="dr-cite" title={`${s.outlet}. ${describeSource(s)}`}>
              {s.isOutletUnknown ? `article ${s.id.slice(0, 3)}` : s.outlet}, {s.date}
            </cite>
          ) : (
            <SourceCite source={s} />
          )}
        </span>
      ))}
    </span>
  );
}

function Conflicts({ conflicts }: { conflicts: ConflictModel[] }) {
  return (
    <>
      {conflicts.map((c) => (
        <p key={`${c.kind}:${c.note}`} class="dr-conflict-note" data-conflict={c.kind}>
          <strong>{c.label}:</strong> {c.note} {c.sources.length > 0 ? <Cites sources={c.sources} /> : null}
          {c.background.length > 0 ? <span class="dr-muted"> (public record: see Background)</span> : null}
        </p>
      ))}
    </>
  );
}

function Section({ title, children }: { title: string; children: ComponentChildren }) {
  return (
    <section class="dr-section">
      <h3 class="dr-section-title">{title}</h3>
      {children}
    </section>
  );
}

/**
 * A quote's sources, earliest first: outlet and date, linked to the article where it has an address, and
 * marked "My sources" for an article the reader saved.
 */
function QuoteSources({ sources }: { sources: SourceLabel[] }) {
  return (
    <span class="dr-cites">
      {sources.map((s, i) => (
        <span key={s.id} class="dr-quote-source" data-source={s.id}>
          {i > 0 ? '; ' : ''}
          {s.url ? (
            <a class="dr-source-link" href={s.url} target="_blank" rel="noopener noreferrer">
              <SourceCite source={s} />
            </a>
          ) : (
            <SourceCite source={s} />
          )}
          {s.isSaved ? (
            <>
              {' '}
              <span class="dr-badge dr-saved" title="An article you saved with Dramatis">
                My sources
              </span>
            </>
          ) : null}
        </span>
      ))}
    </span>
  );
}

function QuoteItem({ quote }: { quote: QuoteModel }) {
  if (quote.kind === 'paraphrase')
    return (
      <li class="dr-paraphrase" data-quote={quote.id}>
        <span class="dr-badge">Paraphrase</span> <span class="dr-paraphrase-text">{quote.text}</span>{' '}
        <QuoteSources sources={quote.sources} />
      </li>
    );
  return (
    <li class={quote.kind === 'partial' ? 'dr-quote dr-partial' : 'dr-quote'} data-quote={quote.id}>
      <blockquote class="dr-quote-text" title={quote.context}>
        “{quote.text}”
      </blockquote>
      {quote.kind === 'partial' ? (
        <p class="dr-quote-context">
          <span class="dr-badge">Partial quote</span> In the article’s sentence: {quote.context}
        </p>
      ) : null}
      <QuoteSources sources={quote.sources} />
    </li>
  );
}

/** The card's content (no positioning: the caller places it). */
export function PersonCard({
  model,
  headingId,
  why,
  onClose,
  onHideSite,
  onSelectPerson,
  correction,
  cut = wholeCard(model),
}: PersonCardProps) {
  const quoteCount = model.topics.reduce((n, t) => n + t.quotes.length, 0);
  const roles = model.roles.slice(0, cut.roles);
  const descriptions = model.descriptions.slice(0, cut.descriptions);
  let quotesLeft = cut.quotes;
  const topics = model.topics.flatMap((topic) => {
    const quotes = topic.quotes.slice(0, Math.max(0, quotesLeft));
    quotesLeft -= quotes.length;
    return quotes.length > 0 ? [{ ...topic, quotes }] : [];
  });
  const actions = model.actions.slice(0, cut.actions);
  const links = model.links.slice(0, cut.links);
  const background = model.background.slice(0, cut.background);
  const headerClaims = [model.affiliation, model.country].flatMap((claim) => (claim ? [claim] : []));
  return (
    <article class="dr-card" data-person={model.id}>
      <header class="dr-header">
        <div>
          <h2 id={headingId} class="dr-name">
            {model.name}
          </h2>
          {headerClaims.length > 0 ? (
            <p class="dr-affiliation">
              {headerClaims.map((claim, i) => (
                <span
                  key={claim.text}
                  title={`As stated by ${claim.sources.map((c) => c.outlet).join('; ')}`}
                >
                  {i > 0 ? ' · ' : ''}
                  {claim.text}
                </span>
              ))}
            </p>
          ) : null}
        </div>
        {onClose ? (
          <button type="button" class="dr-close" aria-label="Close card" onClick={onClose}>
            ×
          </button>
        ) : null}
      </header>

      {model.summary.length > 0 ? (
        <p class="dr-summary">
          {model.summary.map((sentence, i) => (
            <span key={i} class="dr-summary-sentence">
              {i > 0 ? ' ' : ''}
              {sentence.text} <Cites sources={sentence.sources} isCompact />
            </span>
          ))}
        </p>
      ) : null}

      {roles.length > 0 ? (
        <Section title="Roles">
          <ul class="dr-list">
            {roles.map((role) => (
              <li key={role.title} class={role.conflicts.length > 0 ? 'dr-role dr-conflict' : 'dr-role'}>
                <span class="dr-role-title">{role.title}</span> <Cites sources={role.sources} />
                <Conflicts conflicts={role.conflicts} />
              </li>
            ))}
          </ul>
        </Section>
      ) : null}

      {descriptions.length > 0 ? (
        <Section title="How the outlets describe them">
          <ul class="dr-list">
            {descriptions.map((d) => (
              <li key={`${d.source.id}:${d.text}`}>
                <q class="dr-verbatim">{d.text}</q> <SourceCite source={d.source} />
              </li>
            ))}
          </ul>
        </Section>
      ) : null}

      {cut.quotes > 0 ? (
        <Section title="What they said">
          {quoteCount === 0 ? (
            <p class="dr-empty">
              {model.hiddenQuoteCount > 0
                ? `No quotes from the sources you have turned on (${model.hiddenQuoteCount} hidden).`
                : 'The sources quote nothing from this person.'}
            </p>
          ) : (
            topics.map((topic) => (
              <div key={topic.id} class="dr-topic">
                <h4 class="dr-topic-title">{topic.label}</h4>
                <ul class="dr-list">
                  {topic.quotes.map((q) => (
                    <QuoteItem key={q.id} quote={q} />
                  ))}
                </ul>
              </div>
            ))
          )}
        </Section>
      ) : null}

      {actions.length > 0 ? (
        <Section title="What the articles report they did">
          <ul class="dr-list">
            {actions.map((action) => (
              <li key={action.id} class="dr-action" data-action={action.id}>
                <span title={action.context}>{action.text}</span> <SourceCite source={action.source} />
                <Conflicts conflicts={action.conflicts} />
              </li>
            ))}
          </ul>
        </Section>
      ) : null}

      {links.length > 0 ? (
        <Section title="Linked with">
          <ul class="dr-list dr-links">
            {links.map((link) => (
              <li key={link.person}>
                {onSelectPerson ? (
                  <button type="button" class="dr-link" onClick={() => onSelectPerson(link.person)}>
                    {link.name}
                  </button>
                ) : (
                  <strong>{link.name}</strong>
                )}
                <span class="dr-muted"> — {link.relation}</span> <Cites sources={link.sources} isCompact />
              </li>
            ))}
          </ul>
        </Section>
      ) : null}

      {background.length > 0 ? (
        <section class="dr-section dr-background">
          <h3 class="dr-section-title">Background, not from these articles</h3>
          <ul class="dr-list">
            {background.map((b) => (
              <li key={b.id} data-background={b.id}>
                {b.text}{' '}
                <span class="dr-cite">
                  Rests on: {b.restsOn} As of {formatDate(b.asOf)}.
                </span>
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      {cut.isWhole && (why || onHideSite) ? (
        <footer class="dr-footer">
          {why ? <p class="dr-why">{why}</p> : null}
          {correction ? <CorrectMention personName={model.name} {...correction} /> : null}
          {onHideSite ? (
            <button type="button" class="dr-hide-site" onClick={onHideSite}>
              Hide Dramatis on this site
            </button>
          ) : null}
        </footer>
      ) : null}
    </article>
  );
}
