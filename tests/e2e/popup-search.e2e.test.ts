/**
 * Acceptance, popup search, in Chromium and Firefox: each typo of the issue finds its person first,
 * Cyrillic too; results come in two groups and are driven from the keyboard (arrows, Enter, Escape);
 * a person opens as a full card in the popup; empty and no-result states are plain; ?q= (the context
 * menu's fallback) prefills the search.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BROWSERS, type E2EPage } from './support/browsers';
import { click, press, typeInto } from './support/extension';
import { useBrowser } from './support/pages';

/** The popup's visible state. Runs in the popup. */
function readPopup() {
  const search = document.querySelector<HTMLInputElement>('#search');
  const groups = [...document.querySelectorAll('[role="listbox"] [role="group"]')].map((g) => ({
    label: g.querySelector('.pp-group-label')?.textContent ?? '',
    options: [...g.querySelectorAll('[role="option"]')].map((o) => o.id),
  }));
  return {
    query: search?.value ?? null,
    expanded: search?.getAttribute('aria-expanded') ?? null,
    activeDescendant: search?.getAttribute('aria-activedescendant') ?? null,
    selected: [...document.querySelectorAll('[role="option"][aria-selected="true"]')].map((o) => o.id),
    groups,
    card: document.querySelector('.pp-card .dr-name')?.textContent ?? null,
    cardPerson: document.querySelector('.pp-card .dr-card')?.getAttribute('data-person') ?? null,
    target: document.querySelector('.pp-card .pp-target')?.getAttribute('data-quote') ?? null,
    focus: document.activeElement?.id || document.activeElement?.className || null,
    empty: document.querySelector('.pp-empty .pp-empty-title')?.textContent ?? null,
    onThisPage: document.querySelector('#page-title') !== null,
    status: document.querySelector('[role="status"]')?.textContent ?? null,
  };
}
type PopupState = ReturnType<typeof readPopup>;

const waitFor = (page: E2EPage, until: (s: PopupState) => boolean, timeoutMs = 5_000) =>
  page.poll(readPopup, undefined, { until, timeoutMs, everyMs: 50 });

/** Clears the search box with Escape (the popup's own "step back") and types `query`. */
async function search(page: E2EPage, query: string): Promise<PopupState> {
  await page.evaluate(() => document.querySelector<HTMLInputElement>('#search')?.focus());
  for (let i = 0; i < 3 && (await page.evaluate(readPopup)).query !== ''; i++) await press(page, 'Escape');
  await typeInto(page, '#search', query);
  return waitFor(page, (s) => s.query === query && (s.groups.length > 0 || s.empty !== null));
}

describe.each(BROWSERS)('%s', (browserName) => {
  const browser = useBrowser(browserName);
  let popup: E2EPage;

  beforeAll(async () => {
    popup = await browser().openExtensionPage('popup.html', '#search');
  });

  afterAll(async () => {
    await popup?.close();
  });

  it.each([
    ['witkof', 'steve-witkoff'],
    ['zelenski', 'volodymyr-zelensky'],
    ['dmitriyev', 'kirill-dmitriev'],
    ['peskow', 'dmitry-peskov'],
    ['umerow', 'rustem-umerov'],
    ['Зеленский', 'volodymyr-zelensky'],
    ['Уиткофф', 'steve-witkoff'],
  ])(`${browserName}: "%s" finds %s first`, async (query, id) => {
    const state = await search(popup, query);
    expect(state.groups[0]?.label).toBe('People');
    expect(state.groups[0]?.options[0]).toBe(`result-person-${id}`);
    expect(state.expanded).toBe('true');
  });

  it(`${browserName}: groups people and quotes, and walks them with the arrow keys`, async () => {
    const state = await search(popup, 'putin');
    expect(state.groups.map((g) => g.label)).toEqual(['People', 'Quotes']);
    const all = state.groups.flatMap((g) => g.options);
    expect(all[0]).toBe('result-person-vladimir-putin');
    expect(state.activeDescendant).toBeNull();

    await press(popup, 'ArrowDown');
    let now = await waitFor(popup, (s) => s.activeDescendant === all[0]);
    expect(now.selected).toEqual([all[0]]);
    expect(now.focus).toBe('search'); // the focus stays in the box (combobox pattern)
    for (let i = 1; i < all.length; i++) await press(popup, 'ArrowDown');
    now = await waitFor(popup, (s) => s.activeDescendant === all.at(-1));
    expect(now.activeDescendant).toBe(all.at(-1));
    await press(popup, 'ArrowDown'); // wraps around
    now = await waitFor(popup, (s) => s.activeDescendant === all[0]);
    expect(now.activeDescendant).toBe(all[0]);
    await press(popup, 'ArrowUp');
    now = await waitFor(popup, (s) => s.activeDescendant === all.at(-1));
    expect(now.activeDescendant).toBe(all.at(-1));
  });

  it(`${browserName}: Enter opens a person as a full card; Escape steps back to the results, then clears`, async () => {
    await search(popup, 'witkof');
    await press(popup, 'ArrowDown');
    await press(popup, 'Enter');
    let state = await waitFor(popup, (s) => s.card !== null);
    expect(state.card).toBe('Steve Witkoff');
    expect(state.groups).toEqual([]); // the card replaces the results
    const sections = await popup.evaluate(() =>
      [...document.querySelectorAll('.pp-card .dr-section-title')].map((h) => h.textContent),
    );
    expect(sections).toEqual(expect.arrayContaining(['Roles', 'What they said', 'Linked with']));
    // The card takes the focus in an effect, after it is painted: wait for it (at most 2 s).
    const isCardFocused = await popup.poll(
      () => document.activeElement?.classList.contains('pp-card') ?? false,
      undefined,
      { timeoutMs: 2_000, everyMs: 50 },
    );
    expect(isCardFocused).toBe(true);

    await press(popup, 'Escape');
    state = await waitFor(popup, (s) => s.card === null && s.groups.length > 0);
    expect(state.query).toBe('witkof');
    expect(state.groups[0]?.options[0]).toBe('result-person-steve-witkoff');
    await press(popup, 'Escape');
    state = await waitFor(popup, (s) => s.query === '' && s.onThisPage);
    expect(state.query).toBe('');
    expect(state.onThisPage).toBe(true);
  });

  it(`${browserName}: a quote result opens its person's card at that quote`, async () => {
    const state = await search(popup, 'horrific losses');
    const quotes = state.groups.find((g) => g.label === 'Quotes')?.options ?? [];
    expect(quotes).toEqual(['result-quote-graham-horrific-losses']);
    await click(popup, '#result-quote-graham-horrific-losses');
    const card = await waitFor(popup, (s) => s.target !== null);
    expect(card.cardPerson).toBe('thomas-graham');
    expect(card.target).toBe('graham-horrific-losses');
  });

  it(`${browserName}: a linked person in a card opens that card, and Back returns`, async () => {
    await search(popup, 'kushner');
    await press(popup, 'Enter'); // with nothing active, Enter opens the first result
    await waitFor(popup, (s) => s.cardPerson === 'jared-kushner');
    await click(popup, '.pp-card .dr-link');
    const linked = await waitFor(popup, (s) => s.cardPerson !== null && s.cardPerson !== 'jared-kushner');
    expect(linked.card).not.toBeNull();
    await click(popup, '.pp-card-bar .pp-button');
    const back = await waitFor(popup, (s) => s.cardPerson === 'jared-kushner');
    expect(back.card).toBe('Jared Kushner');
  });

  it(`${browserName}: says plainly when nothing matches`, async () => {
    const state = await search(popup, 'xqzvjw');
    expect(state.groups).toEqual([]);
    expect(state.empty).toBe('Nothing in Dramatis matches “xqzvjw”.');
    expect(state.expanded).toBe('false');
    expect(state.status).toBe('No results.');
  });

  it(`${browserName}: ?q= opens the popup on a search (the context menu's fallback)`, async () => {
    const page = await browser().openExtensionPage('popup.html?q=zelenski', '[role="option"]');
    try {
      const state = await waitFor(page, (s) => s.groups.length > 0);
      expect(state.query).toBe('zelenski');
      expect(state.groups[0]?.options[0]).toBe('result-person-volodymyr-zelensky');
    } finally {
      await page.close();
    }
  });
});
