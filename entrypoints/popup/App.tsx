/**
 * The toolbar popup: the people on the current page (click one to jump to it and open its card),
 * a search across the whole knowledge base (a result opens as a full card here), and a switch that
 * pauses Dramatis on the current site. "Save this article" opens the review sheet (entrypoints/review) for
 * the current tab; "Save this quote", by a new quotation under "Quotes on this page", opens it for that one.
 *
 * Keyboard: the search box keeps the focus while ArrowUp/ArrowDown move through the results and Enter
 * opens one; with an empty box ArrowDown moves into "On this page". Escape steps back: card -> results,
 * results -> empty box, empty box -> closes the popup.
 */
import type { RefObject } from 'preact';
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { buildCardModelOf } from '../../core/card-model';
import { explainNoAccess } from '../../core/page-access';
import { buildSearchIndex, MIN_QUERY_LENGTH, normalizeQuery } from '../../core/search';
import { buildSaveQuoteParams } from '../../core/save-quote';
import { isSiteDisabled, type Settings } from '../../core/settings';
import { wrapStep } from '../../core/wrap-step';
import { selectCardData, type CardKnowledge } from '../../core/card-data';
import { BUNDLED_KNOWLEDGE } from '../../data/bundle';
import { PersonCard } from '../../components/PersonCard';
import { listOptions, optionId, SearchResults, type ResultOption } from '../../components/SearchResults';
import { Toggle } from '../../components/Toggle';
import { useKnowledge } from '../../components/use-knowledge';
import { useSettings } from '../../components/use-settings';
import { useDocumentTheme, useResolvedTheme } from '../../components/use-theme';
import { sendToBackground, sendToContent, type PagePerson } from '../../platform/messages';
import { saveSettings } from '../../platform/settings-store';
import { findTargetTab, openExtensionPage, openOptionsPage, type TargetTab } from '../../platform/tabs';
import { readPageState, type PageView } from './page-state';
import { QuotesSection } from './QuotesSection';

/** How often the popup re-reads the page, so counts follow a page that changes under it. */
const REFRESH_MS = 1500;
const RESULTS_ID = 'search-results';
const CARD_TITLE_ID = 'popup-card-title';

/** A card shown in the popup (from search, or a linked person). */
interface CardView {
  personId: string;
  /** The quote to bring into view (when opened from a quote result). */
  quoteId?: string | undefined;
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** The popup. */
export function App() {
  const settings = useSettings();
  // Every enabled pack, saved and imported quotes included; the bundle until the background answers.
  const knowledge = useKnowledge() ?? BUNDLED_KNOWLEDGE;
  useDocumentTheme(useResolvedTheme(settings?.theme));

  const [target, setTarget] = useState<TargetTab>();
  const [page, setPage] = useState<PageView>({ status: 'loading' });
  const [query, setQuery] = useState('');
  const [activeId, setActiveId] = useState<string>();
  const [cards, setCards] = useState<CardView[]>([]);
  const [notice, setNotice] = useState<string>();
  const searchRef = useRef<HTMLInputElement>(null);
  const pageListRef = useRef<HTMLUListElement>(null);

  // The target tab, then its page state, re-read while the popup is open.
  useEffect(() => {
    let isLive = true;
    let timer: ReturnType<typeof setTimeout> | undefined;
    void findTargetTab(location).then((found) => {
      if (!isLive) return;
      setTarget(found);
      const refresh = async () => {
        const next = await readPageState(found);
        if (!isLive) return;
        setPage(next);
        timer = setTimeout(() => void refresh(), REFRESH_MS);
      };
      void refresh();
    });
    return () => {
      isLive = false;
      clearTimeout(timer);
    };
  }, []);

  // A search handed over by the context menu ("Look up “…” in Dramatis"): ?q= or the background.
  useEffect(() => {
    const q = new URLSearchParams(location.search).get('q');
    if (q) setQuery(q);
    else
      void sendToBackground('background:take-search', {}).then((answer) => {
        if (answer?.query) setQuery(answer.query);
      });
  }, []);

  const sourceKey = settings ? JSON.stringify([settings.disabledSources, settings.disabledOutlets]) : '';
  const index = useMemo(
    () =>
      buildSearchIndex(
        knowledge.people,
        knowledge.sources,
        settings ?? { disabledSources: [], disabledOutlets: [] },
      ),
    // Rebuilt only when the knowledge or the source filters change, not on every settings change.
    [knowledge, sourceKey],
  );
  const normalized = normalizeQuery(query);
  const results = useMemo(() => index.search(normalized), [index, normalized]);
  const options = listOptions(results);
  const activeOption = options.find((o) => optionId(o) === activeId);

  const pagePeople = page.status === 'ready' ? page.people : [];
  const tabId = target?.tabId;
  const card = cards.at(-1);

  const close = () => {
    if (target && !target.isPopupInTab) window.close();
  };

  const openOption = (option: ResultOption) => {
    setActiveId(optionId(option));
    setCards([
      option.kind === 'person' ? { personId: option.id } : { personId: option.personId, quoteId: option.id },
    ]);
  };

  const reveal = async (person: PagePerson) => {
    if (target?.tabId === undefined) return;
    const answer = await sendToContent(target.tabId, 'content:reveal-person', { person: person.id });
    if (answer?.isRevealed) {
      setNotice(undefined);
      close();
    } else {
      setNotice(`${person.name} is no longer on the page.`);
    }
  };

  const onSearchKey = (event: KeyboardEvent) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      if (normalized.length < MIN_QUERY_LENGTH) {
        if (event.key === 'ArrowDown') {
          const first = pageListRef.current?.querySelector<HTMLButtonElement>('button');
          if (first) {
            event.preventDefault();
            first.focus();
          }
        }
        return;
      }
      if (options.length === 0) return;
      event.preventDefault();
      const at = activeOption ? options.indexOf(activeOption) : -1;
      const next = options[wrapStep(at, event.key === 'ArrowDown' ? 1 : -1, options.length)];
      if (next) {
        setActiveId(optionId(next));
        document.getElementById(optionId(next))?.scrollIntoView({ block: 'nearest' });
      }
    } else if (event.key === 'Enter') {
      const chosen = activeOption ?? options[0];
      if (chosen) {
        event.preventDefault();
        openOption(chosen);
      }
    }
  };

  const onPageListKey = (event: KeyboardEvent) => {
    if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
    const buttons = [...(pageListRef.current?.querySelectorAll<HTMLButtonElement>('button') ?? [])];
    const at = buttons.indexOf(document.activeElement as HTMLButtonElement);
    if (at === -1) return;
    event.preventDefault();
    if (event.key === 'ArrowUp' && at === 0) searchRef.current?.focus();
    else
      buttons[Math.min(buttons.length - 1, Math.max(0, at + (event.key === 'ArrowDown' ? 1 : -1)))]?.focus();
  };

  // Escape steps back one level, wherever the focus is. The listener is registered once and reads the
  // latest state through a ref: a key pressed between a render and its effects must not see stale state.
  const onEscape = useRef<() => void>(() => undefined);
  onEscape.current = () => {
    if (cards.length > 0) {
      setCards(cards.slice(0, -1));
      if (cards.length === 1) requestAnimationFrame(() => searchRef.current?.focus());
    } else if (query) {
      setQuery('');
      setActiveId(undefined);
      searchRef.current?.focus();
    } else {
      close();
    }
  };
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== 'Escape' || event.defaultPrevented) return;
      event.preventDefault();
      onEscape.current();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  useEffect(() => {
    searchRef.current?.focus();
  }, []);

  const isSearching = normalized.length >= MIN_QUERY_LENGTH;
  const hasResults = options.length > 0;
  const status = card
    ? ''
    : isSearching
      ? hasResults
        ? `${plural(results.people.length, 'person', 'people')} and ${plural(results.quotes.length, 'quote')} found.`
        : 'No results.'
      : '';

  return (
    <div class="pp">
      <header class="pp-header">
        <div class="pp-header-row">
          <h1 class="pp-title">Dramatis</h1>
          <div class="pp-header-actions">
            {target?.tabId !== undefined ? (
              <button
                type="button"
                id="save-article"
                class="pp-link-button"
                // The review sheet opens in a tab and injects the reader into this one (activeTab).
                onClick={() =>
                  void openExtensionPage(
                    '/review.html',
                    new URLSearchParams({ tab: String(target.tabId) }),
                  ).then(close)
                }
              >
                Save this article
              </button>
            ) : null}
            <button type="button" class="pp-link-button" onClick={() => void openOptionsPage().then(close)}>
              Options
            </button>
          </div>
        </div>
        {settings && page.status === 'ready' && page.site ? (
          <SiteSwitch settings={settings} site={page.site} />
        ) : null}
      </header>

      <div class="pp-search" role="search">
        <label for="search" class="ui-visually-hidden">
          Search people and quotes
        </label>
        <input
          ref={searchRef}
          id="search"
          type="search"
          class="pp-search-input"
          placeholder="Search people and quotes"
          autocomplete="off"
          spellcheck={false}
          // ARIA in HTML allows role=combobox on a search field without `list`; Preact's types do not.
          {...({ role: 'combobox' } as object)}
          aria-autocomplete="list"
          aria-expanded={isSearching && hasResults && !card ? 'true' : 'false'}
          aria-controls={RESULTS_ID}
          aria-activedescendant={!card && activeOption ? optionId(activeOption) : undefined}
          aria-describedby="search-hint"
          value={query}
          onInput={(event) => {
            setQuery((event.target as HTMLInputElement).value);
            setActiveId(undefined);
            setCards([]);
          }}
          onKeyDown={onSearchKey}
        />
        <p id="search-hint" class="pp-hint">
          Names in any spelling (Зеленский, Zelenskyy), roles, words from a quote.
        </p>
      </div>
      <main class="pp-main">
        <p role="status" class="ui-visually-hidden">
          {status}
        </p>
        {card && settings ? (
          <CardPanel
            key={card.personId}
            view={card}
            knowledge={knowledge}
            settings={settings}
            pageCount={pagePeople.find((p) => p.id === card.personId)?.count}
            onBack={() => {
              setCards(cards.slice(0, -1));
              if (cards.length === 1) requestAnimationFrame(() => searchRef.current?.focus());
            }}
            onSelectPerson={(id) => setCards([...cards, { personId: id }])}
            onReveal={() => {
              const person = pagePeople.find((p) => p.id === card.personId);
              if (person) void reveal(person);
            }}
          />
        ) : isSearching ? (
          hasResults ? (
            <SearchResults
              id={RESULTS_ID}
              results={results}
              activeId={activeId}
              pagePeople={pagePeople}
              onOpen={openOption}
              onActivate={setActiveId}
            />
          ) : (
            <div class="pp-empty" id={RESULTS_ID}>
              <p class="pp-empty-title">Nothing in Dramatis matches “{normalized}”.</p>
              <p>
                Dramatis knows the {knowledge.people.length} people named in its {knowledge.sources.length}{' '}
                articles. Check the spelling, or try a surname or a word from a quote.
              </p>
              {settings && settings.disabledSources.length + settings.disabledOutlets.length > 0 ? (
                <p>Some sources are turned off in Options; their quotes and roles are not searched.</p>
              ) : null}
            </div>
          )
        ) : (
          <section class="pp-section" aria-labelledby="page-title">
            <h2 id="page-title" class="pp-section-title">
              On this page
              {page.status === 'ready' && page.people.length > 0 ? (
                <span class="pp-section-count"> · {plural(page.people.length, 'person', 'people')}</span>
              ) : null}
            </h2>
            <PageSection
              page={page}
              isSitePaused={
                settings !== undefined &&
                page.status === 'ready' &&
                page.site !== undefined &&
                isSiteDisabled(settings, page.site)
              }
              listRef={pageListRef}
              onKeyDown={onPageListKey}
              onReveal={(p) => void reveal(p)}
            />
            {notice ? (
              <p class="pp-notice" role="alert">
                {notice}
              </p>
            ) : null}
          </section>
        )}
        {!isSearching && page.status === 'ready' ? (
          <QuotesSection
            quotes={page.quotes}
            onSave={
              tabId === undefined
                ? undefined
                : (quote) =>
                    // The same review sheet as "Save this article", opened for this one quotation.
                    void openExtensionPage(
                      '/review.html',
                      buildSaveQuoteParams(tabId, {
                        text: quote.text,
                        speaker: quote.person ?? null,
                      }),
                    ).then(close)
            }
          />
        ) : null}
      </main>
    </div>
  );
}

/** The pause switch for the target tab's site (edits the same list as Options › Sites). */
function SiteSwitch({ settings, site }: { settings: Settings; site: string }) {
  const isOn = !isSiteDisabled(settings, site);
  const setOn = (on: boolean) => {
    const others = settings.disabledSites.filter((s) => !isSiteDisabled({ disabledSites: [s] }, site));
    void saveSettings({ disabledSites: on ? others : [...settings.disabledSites, site] });
  };
  return (
    <div class="pp-site">
      <Toggle
        id="site-switch"
        isOn={isOn}
        onChange={setOn}
        label={
          <>
            Dramatis on <strong>{site}</strong>
          </>
        }
        description={
          isOn ? 'Dramatis finds the people named here.' : 'Paused: Dramatis leaves this site alone.'
        }
      />
    </div>
  );
}

/** The body of "On this page": the people, or why there are none. */
function PageSection({
  page,
  isSitePaused,
  listRef,
  onKeyDown,
  onReveal,
}: {
  page: PageView;
  isSitePaused: boolean;
  listRef: RefObject<HTMLUListElement | null>;
  onKeyDown: (event: KeyboardEvent) => void;
  onReveal: (person: PagePerson) => void;
}) {
  if (page.status === 'loading') return <p class="pp-muted">Looking at the page…</p>;
  if (page.status === 'no-access')
    return (
      <p class="pp-muted" data-state="no-access">
        {explainNoAccess(page.access)}
      </p>
    );
  if (isSitePaused || page.isPaused)
    return (
      <p class="pp-muted" data-state="paused">
        Dramatis is paused on {page.site ?? 'this site'}. Turn the switch above on to see who is named here.
      </p>
    );
  if (page.people.length === 0)
    return (
      <p class="pp-muted" data-state="empty">
        No one from Dramatis’s knowledge base is named on this page. Search above for anyone it knows.
      </p>
    );
  return (
    <ul class="pp-people" ref={listRef} onKeyDown={onKeyDown} aria-label="People on this page">
      {page.people.map((person) => (
        <li key={person.id}>
          <button
            type="button"
            class="pp-person"
            data-person={person.id}
            onClick={() => onReveal(person)}
            title={`Scroll to ${person.name}’s first mention and open the card`}
          >
            <span class="pp-person-name">{person.name}</span>
            <span class="pp-count">{plural(person.count, 'mention')}</span>
          </button>
        </li>
      ))}
    </ul>
  );
}

/** A person's full card inside the popup. */
function CardPanel({
  view,
  knowledge,
  settings,
  pageCount,
  onBack,
  onSelectPerson,
  onReveal,
}: {
  view: CardView;
  knowledge: CardKnowledge;
  settings: Settings;
  pageCount: number | undefined;
  onBack: () => void;
  onSelectPerson: (id: string) => void;
  onReveal: () => void;
}) {
  const ref = useRef<HTMLElement>(null);
  const data = selectCardData(knowledge, view.personId);
  const model = data ? buildCardModelOf(data, settings) : undefined;

  useEffect(() => {
    const panel = ref.current;
    if (!panel) return;
    const quote = view.quoteId
      ? panel.querySelector<HTMLElement>(`[data-quote="${CSS.escape(view.quoteId)}"]`)
      : null;
    panel.focus({ preventScroll: true });
    if (quote) {
      quote.classList.add('pp-target');
      quote.scrollIntoView({ block: 'center' });
    } else {
      panel.scrollIntoView({ block: 'start' });
    }
  }, [view.personId, view.quoteId]);

  if (!model) return null;
  return (
    <section class="pp-card" ref={ref} tabIndex={-1} aria-labelledby={CARD_TITLE_ID}>
      <div class="pp-card-bar">
        <button type="button" class="pp-button" onClick={onBack}>
          <span aria-hidden="true">← </span>Back
        </button>
        {pageCount ? (
          <button type="button" class="pp-button" onClick={onReveal}>
            Show on page ({plural(pageCount, 'mention')})
          </button>
        ) : null}
      </div>
      <div class="dr-card-frame">
        <PersonCard model={model} headingId={CARD_TITLE_ID} onSelectPerson={onSelectPerson} />
      </div>
    </section>
  );
}
