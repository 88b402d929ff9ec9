// @vitest-environment happy-dom
/**
 * SearchResults as a reader meets it: people then quotes, each result naming what matched; quotes word
 * for word with the person, outlet and date; paraphrases labelled; people on the page marked; the
 * active result announced to the search box (the popup keeps the focus in the box and moves
 * `aria-activedescendant` through `listOptions`, in the order shown); clicks open; no axe violations.
 * Results come from the real search index over the bundled knowledge base.
 */
import { cleanup, fireEvent, render, screen, within } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { listOptions, optionId, SearchResults, type ResultOption } from '../../components/SearchResults';
import { buildSearchIndex, normalizeQuery } from '../../core/search';
import { DEFAULT_SETTINGS } from '../../core/settings';
import { PEOPLE, SOURCES } from '../../data/bundle';
import { findAxeViolations } from './axe';

const index = buildSearchIndex(PEOPLE, SOURCES, DEFAULT_SETTINGS);
const search = (query: string) => index.search(normalizeQuery(query));

/** The popup's arrangement: a combobox that controls the listbox and points at the active option. */
function renderResults(
  query: string,
  props: { activeId?: string; pagePeople?: { id: string; name: string; count: number }[] } = {},
) {
  const results = search(query);
  const onOpen = vi.fn<(option: ResultOption) => void>();
  const onActivate = vi.fn<(id: string) => void>();
  const view = render(
    <main>
      <label for="search">Search Dramatis</label>
      <input
        id="search"
        role="combobox"
        aria-expanded="true"
        aria-controls="results"
        aria-activedescendant={props.activeId}
        value={query}
      />
      <SearchResults
        id="results"
        results={results}
        activeId={props.activeId}
        pagePeople={props.pagePeople ?? []}
        onOpen={onOpen}
        onActivate={onActivate}
      />
    </main>,
  );
  return { ...view, results, onOpen, onActivate };
}

afterEach(() => cleanup());

describe('SearchResults', () => {
  it('lists the people found by a misspelt name, under "People"', () => {
    const { results } = renderResults('witkof');
    expect(results.people[0]?.name).toBe('Steve Witkoff');
    const people = screen.getByRole('group', { name: 'People' });
    const first = within(people).getAllByRole('option')[0]!;
    expect(first.textContent).toContain('Steve Witkoff');
    expect(first.textContent).toContain(results.people[0]!.affiliation);
  });

  it('shows each quote word for word (up to its snippet) with the person, outlet and date', () => {
    const { results } = renderResults('peace');
    expect(results.quotes.length).toBeGreaterThan(0);
    const quotes = within(screen.getByRole('group', { name: 'Quotes' })).getAllByRole('option');
    expect(quotes).toHaveLength(results.quotes.length);
    results.quotes.forEach((hit, i) => {
      const text = quotes[i]!.textContent ?? '';
      const [source] = hit.sources;
      expect(text).toContain(`${hit.personName} · ${source?.outlet}, ${source?.date}`);
      if (hit.quoteKind !== 'paraphrase') {
        expect(text.startsWith('“')).toBe(true);
        // The snippet is cut around the match, never reworded: every word shown is in the quote.
        const shown = text.slice(1, text.indexOf('”')).replace(/^…|…$/g, '');
        expect(hit.text).toContain(shown);
      } else {
        expect(text.startsWith('Paraphrase: ')).toBe(true);
        expect(text).not.toContain('“');
      }
    });
  });

  it('marks a person who is on the current page, with the count', () => {
    renderResults('witkoff', { pagePeople: [{ id: 'steve-witkoff', name: 'Steve Witkoff', count: 3 }] });
    const option = screen.getAllByRole('option').find((o) => o.textContent?.includes('Steve Witkoff'));
    expect(option?.textContent).toContain('on this page ×3');
  });

  it('with nothing found, shows an empty list and no groups', () => {
    const { results } = renderResults('xqzvjw');
    expect(results).toEqual({ people: [], quotes: [] });
    expect(screen.getByRole('listbox', { name: 'Search results' })).toBeTruthy();
    expect(screen.queryAllByRole('option')).toEqual([]);
    expect(screen.queryAllByRole('group')).toEqual([]);
  });

  it('is reachable from the keyboard: the search box steps through every result in the order shown', () => {
    const results = search('putin');
    const options = listOptions(results);
    expect(options.length).toBeGreaterThan(1);
    // Arrow keys in the popup move the active id along listOptions; each step must land on the
    // option shown in that place, announced as selected, and nowhere else.
    for (const option of options) {
      const activeId = optionId(option);
      renderResults('putin', { activeId });
      const shown = screen.getAllByRole('option');
      expect(shown.map((o) => o.id)).toEqual(options.map(optionId));
      const box = screen.getByRole('combobox');
      const active = document.getElementById(box.getAttribute('aria-activedescendant')!);
      expect(active?.getAttribute('aria-selected')).toBe('true');
      expect(shown.filter((o) => o.getAttribute('aria-selected') === 'true')).toEqual([active]);
      cleanup();
    }
  });

  it('opens a result on click and follows the pointer', () => {
    const { results, onOpen, onActivate } = renderResults('putin');
    const target = listOptions(results)[1]!;
    const element = document.getElementById(optionId(target))!;
    fireEvent.pointerMove(element);
    expect(onActivate).toHaveBeenCalledWith(optionId(target));
    fireEvent.click(element);
    expect(onOpen).toHaveBeenCalledWith(target);
  });

  it.each(['putin', 'peace', 'xqzvjw'])('"%s": no axe violations', async (query) => {
    const results = search(query);
    const first = listOptions(results)[0];
    const { container } = renderResults(query, first ? { activeId: optionId(first) } : {});
    expect(await findAxeViolations(container)).toEqual([]);
  });

  it('the axe check does find a violation when there is one (a nameless list and option)', async () => {
    const { container } = render(
      <div role="listbox">
        <div role="option" aria-selected="false" />
      </div>,
    );
    const violations = await findAxeViolations(container);
    expect(violations.map((v) => v.split(':')[0])).toEqual([
      'aria-input-field-name',
      'aria-toggle-field-name',
    ]);
  });
});
