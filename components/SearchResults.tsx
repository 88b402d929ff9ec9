/**
 * The popup's search results: a listbox of two groups, people then quotes, driven from the search
 * box (combobox pattern: the focus stays in the box, arrow keys move `activeId`, Enter opens). Each
 * option can also be clicked.
 */
import type { ComponentChildren } from 'preact';
import type { PagePerson } from '../platform/messages';
import { makeSnippet, type PersonHit, type QuoteHit, type SearchResults as Results } from '../core/search';
import { Highlighted } from './Highlighted';

/** One selectable result, in display order. */
export type ResultOption = PersonHit | QuoteHit;

/** The options of `results` in the order they are shown and navigated. */
export function listOptions(results: Results): ResultOption[] {
  return [...results.people, ...results.quotes];
}

/** The DOM id of an option. */
export function optionId(option: ResultOption): string {
  return option.kind === 'person' ? `result-person-${option.id}` : `result-quote-${option.id}`;
}

/** Props of SearchResults. */
export interface SearchResultsProps {
  /** The listbox's id (the search box's aria-controls). */
  id: string;
  results: Results;
  activeId: string | undefined;
  /** People on the current page, to mark them in the results. */
  pagePeople: readonly PagePerson[];
  onOpen: (option: ResultOption) => void;
  onActivate: (id: string) => void;
}

/** The grouped results list. */
export function SearchResults({ id, results, activeId, pagePeople, onOpen, onActivate }: SearchResultsProps) {
  const counts = new Map(pagePeople.map((p) => [p.id, p.count]));
  const option = (o: ResultOption, children: ComponentChildren) => {
    const oid = optionId(o);
    return (
      <div
        key={oid}
        id={oid}
        role="option"
        aria-selected={oid === activeId ? 'true' : 'false'}
        class={`pp-option${oid === activeId ? ' is-active' : ''}`}
        onClick={() => onOpen(o)}
        onPointerMove={() => oid !== activeId && onActivate(oid)}
      >
        {children}
      </div>
    );
  };
  return (
    <div id={id} role="listbox" aria-label="Search results" class="pp-results">
      {results.people.length > 0 ? (
        <div role="group" aria-labelledby={`${id}-people`} class="pp-group">
          <div id={`${id}-people`} role="presentation" class="pp-group-label">
            People
          </div>
          {results.people.map((p) => {
            const count = counts.get(p.id);
            return option(
              p,
              <>
                <span class="pp-option-title">
                  <Highlighted text={p.name} spans={p.nameSpans} />
                  {count ? <span class="pp-chip">on this page{count > 1 ? ` ×${count}` : ''}</span> : null}
                </span>
                {p.affiliation ? <span class="pp-option-meta">{p.affiliation}</span> : null}
                {p.detail ? (
                  <span class="pp-option-detail">
                    {p.detail.label}: <Highlighted text={p.detail.text} spans={p.detail.spans} />
                  </span>
                ) : null}
              </>,
            );
          })}
        </div>
      ) : null}
      {results.quotes.length > 0 ? (
        <div role="group" aria-labelledby={`${id}-quotes`} class="pp-group">
          <div id={`${id}-quotes`} role="presentation" class="pp-group-label">
            Quotes
          </div>
          {results.quotes.map((q) => {
            const snippet = makeSnippet(q.text, q.spans, 150);
            // Direct and partial quotes are the person's words, verbatim: both go in quotation marks.
            const isParaphrase = q.quoteKind === 'paraphrase';
            return option(
              q,
              <>
                <span class={isParaphrase ? 'pp-quote is-paraphrase' : 'pp-quote'}>
                  {isParaphrase ? <span class="pp-paraphrase-tag">Paraphrase: </span> : '“'}
                  <Highlighted text={snippet.text} spans={snippet.spans} />
                  {isParaphrase ? '' : '”'}
                </span>
                <span class="pp-option-meta">
                  {q.personName} ·{' '}
                  {q.sources
                    .map((s) => `${s.outlet}, ${s.date}${s.isSaved ? ' (My sources)' : ''}`)
                    .join('; ')}
                </span>
              </>,
            );
          })}
        </div>
      ) : null}
    </div>
  );
}
