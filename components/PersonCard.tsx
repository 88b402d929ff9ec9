/**
 * A person's card: who they are, their roles (with sources, and where sources disagree), how each
 * outlet describes them, and what they said, grouped by topic. Direct quotes are shown word for word
 * in quotation marks with outlet and date; paraphrases are labelled and never put in quotation marks.
 * Used by the page card (inside a shadow root) and by the popup.
 */
import type { ComponentChildren } from 'preact';
import type { CardModel, SourceLabel } from '../core/card-model';

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
}

/** Cites a source: "Kyiv Post, 1 December 2025". */
export function SourceCite({ source }: { source: SourceLabel }) {
  return (
    <cite
      class="dr-cite"
      title={`${source.headline}${source.isDateInferred ? ' (date inferred from the text)' : ''}`}
    >
      {source.outlet}, {source.date}
      {source.isDateInferred ? ' (inferred)' : ''}
    </cite>
  );
}

function Cites({ sources }: { sources: SourceLabel[] }) {
  return (
    <span class="dr-cites">
      {sources.map((s, i) => (
        <span key={s.id}>
          {i > 0 ? '; ' : ''}
          <SourceCite source={s} />
        </span>
      ))}
    </span>
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

/** The card's content (no positioning: the caller places it). */
export function PersonCard({ model, headingId, why, onClose, onHideSite, onSelectPerson }: PersonCardProps) {
  const quoteCount = model.topics.reduce((n, t) => n + t.quotes.length, 0);
  return (
    <article class="dr-card" data-person={model.id}>
      <header class="dr-header">
        <div>
          <h2 id={headingId} class="dr-name">
            {model.name}
          </h2>
          <p class="dr-affiliation">
            {model.affiliation} · {model.country}
          </p>
        </div>
        {onClose ? (
          <button type="button" class="dr-close" aria-label="Close card" onClick={onClose}>
            ×
          </button>
        ) : null}
      </header>

      {model.summary ? <p class="dr-summary">{model.summary.text}</p> : null}

      {model.roles.length > 0 ? (
        <Section title="Roles">
          <ul class="dr-list">
            {model.roles.map((role) => (
              <li key={role.title} class={role.conflict ? 'dr-role dr-conflict' : 'dr-role'}>
                <span class="dr-role-title">{role.title}</span> <Cites sources={role.sources} />
                {role.conflict ? (
                  <p class="dr-conflict-note">
                    <strong>Sources disagree:</strong> {role.conflict}
                  </p>
                ) : null}
              </li>
            ))}
          </ul>
        </Section>
      ) : null}

      {model.descriptions.length > 0 ? (
        <Section title="How the outlets describe them">
          <ul class="dr-list">
            {model.descriptions.map((d) => (
              <li key={`${d.source.id}:${d.text}`}>
                <q class="dr-verbatim">{d.text}</q> <SourceCite source={d.source} />
              </li>
            ))}
          </ul>
        </Section>
      ) : null}

      <Section title="What they said">
        {quoteCount === 0 ? (
          <p class="dr-empty">
            {model.hiddenQuoteCount > 0
              ? `No quotes from the sources you have turned on (${model.hiddenQuoteCount} hidden).`
              : 'The sources quote nothing from this person.'}
          </p>
        ) : (
          model.topics.map((topic) => (
            <div key={topic.id} class="dr-topic">
              <h4 class="dr-topic-title">{topic.label}</h4>
              <ul class="dr-list">
                {topic.quotes.map((q) =>
                  q.kind === 'direct' ? (
                    <li key={q.id} class="dr-quote" data-quote={q.id}>
                      <blockquote class="dr-quote-text" title={q.context}>
                        “{q.text}”
                      </blockquote>
                      <SourceCite source={q.source} />
                    </li>
                  ) : (
                    <li key={q.id} class="dr-paraphrase" data-quote={q.id}>
                      <span class="dr-badge">Paraphrase</span>{' '}
                      <span class="dr-paraphrase-text">{q.text}</span> <SourceCite source={q.source} />
                    </li>
                  ),
                )}
              </ul>
            </div>
          ))
        )}
      </Section>

      {model.links.length > 0 ? (
        <Section title="Linked with">
          <ul class="dr-list dr-links">
            {model.links.map((link) => (
              <li key={link.person}>
                {onSelectPerson ? (
                  <button type="button" class="dr-link" onClick={() => onSelectPerson(link.person)}>
                    {link.name}
                  </button>
                ) : (
                  <strong>{link.name}</strong>
                )}
                <span class="dr-muted"> — {link.relation}</span>
              </li>
            ))}
          </ul>
        </Section>
      ) : null}

      {why || onHideSite ? (
        <footer class="dr-footer">
          {why ? <p class="dr-why">{why}</p> : null}
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
