// @vitest-environment happy-dom
/**
 * The content script's Session, built as entrypoints/content/index.ts builds it (the real matcher from
 * the index's people, the bundled card loaded on demand) but with its callbacks observed: the badge count
 * it reports, when the card is loaded, the card that the popup's "reveal" and the keyboard open, and the
 * card's "Hide Dramatis on this site" link. happy-dom has no
 * Highlight API and no layout, so painting and hovering are left to the end-to-end tests.
 */
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { matcherFromIndex } from '../core/matcher';
import { DEFAULT_SETTINGS } from '../core/settings';
import { getPersonName, MATCHER_INDEX, MATCHER_PEOPLE } from '../data/matcher-index';
import type { CardData } from '../core/card-data';
import { BUNDLED_CARD_MODULE, fetchBundledCardData } from '../page/bundled-cards';
import type { CardModule } from '../page/card-module';
import type { FetchCardData } from '../page/card-data-cache';
import { createCardModule } from '../page/knowledge-cards';
import { Session } from '../page/session';

beforeAll(() => {
  // happy-dom has no StaticRange; the scanner only needs the four fields.
  (globalThis as { StaticRange?: unknown }).StaticRange ??= class {
    constructor(init: StaticRangeInit) {
      Object.assign(this, init);
    }
  };
});

const matcher = matcherFromIndex(MATCHER_INDEX, MATCHER_PEOPLE);
let session: Session | undefined;

afterEach(() => {
  session?.stop();
  session = undefined;
  document.body.innerHTML = '';
});

function start(
  html: string,
  loadCard = vi.fn<() => Promise<CardModule>>(() => Promise.resolve(BUNDLED_CARD_MODULE)),
  isPaintHeld = false,
) {
  document.body.innerHTML = html;
  const reportCount = vi.fn<(count: number) => void>();
  const hideSite = vi.fn<() => void>();
  session = new Session({
    root: document.body,
    matcher,
    settings: { ...DEFAULT_SETTINGS },
    loadCard,
    nameOf: getPersonName,
    reportCount,
    hideSite,
    isPaintHeld,
  });
  return { session, reportCount, hideSite, loadCard };
}

const PAGE =
  '<p>Steve Witkoff met Vladimir Putin in Moscow.</p><p>Witkoff said the talks were useful.</p>' +
  '<p><button id="before">Subscribe</button></p>';

/** Starts on PAGE with the card over `fetch` (the card's script asks the background so), once scanned. */
async function startOver(fetch: FetchCardData) {
  const module = createCardModule(fetch);
  const { session } = start(
    PAGE,
    vi.fn(() => Promise.resolve<CardModule>(module)),
  );
  await session.firstPass;
  return { session, module };
}

/** The open card's title, or undefined when no card is shown. */
function openCardTitle(): string | undefined {
  const frame = document.querySelector('dramatis-ui')?.shadowRoot?.querySelector('.dr-frame');
  if (!frame || frame.classList.contains('dr-unseen')) return undefined;
  return frame.querySelector('#dramatis-card-title')?.textContent ?? undefined;
}

describe('page session', () => {
  it('lists the people of the page with their counts and reports how many there are', async () => {
    const { session, reportCount } = start(PAGE);
    await session.firstPass;
    expect(session.people()).toEqual([
      { id: 'steve-witkoff', name: 'Steve Witkoff', count: 2 },
      { id: 'vladimir-putin', name: 'Vladimir Putin', count: 1 },
    ]);
    await vi.waitFor(() => expect(reportCount).toHaveBeenLastCalledWith(2));
    session.stop();
    expect(reportCount).toHaveBeenLastCalledWith(0);
  });

  it('started before its settings are read, shows nothing (no badge, no card) until it is given them', async () => {
    const { session, reportCount, loadCard } = start(PAGE, undefined, true);
    await session.firstPass;
    expect(session.people()).toHaveLength(2); // scanned while the settings were being read
    await new Promise((resolve) => setTimeout(resolve, 400)); // past the badge's delay
    expect(reportCount).not.toHaveBeenCalled();
    expect(loadCard).not.toHaveBeenCalled();
    session.updateSettings({ ...DEFAULT_SETTINGS, highlightStyle: 'background' });
    await vi.waitFor(() => expect(reportCount).toHaveBeenLastCalledWith(2));
    await vi.waitFor(() => expect(loadCard).toHaveBeenCalledTimes(1));
  });

  it("reveals a person's card, closes it on Escape, and finds no card for someone not on the page", async () => {
    const { session } = start(PAGE);
    await session.firstPass;
    expect(document.querySelector('dramatis-ui')).toBeNull();
    expect(session.reveal('kirill-dmitriev')).toBe(false);
    expect(document.querySelector('dramatis-ui')).toBeNull();
    expect(session.reveal('vladimir-putin')).toBe(true);
    await vi.waitFor(() => expect(openCardTitle()).toBe('Vladimir Putin'));
    window.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    expect(openCardTitle()).toBeUndefined();
  });

  it('moves to the next and previous name with Alt+Shift+N / P, wrapping at the ends', async () => {
    const { session } = start(PAGE);
    await session.firstPass;
    const press = (code: 'KeyN' | 'KeyP') =>
      window.dispatchEvent(
        new KeyboardEvent('keydown', { code, altKey: true, shiftKey: true, bubbles: true }),
      );
    press('KeyP');
    // From none, back lands on the last name ("Witkoff"), once the card has loaded.
    await vi.waitFor(() => expect(openCardTitle()).toBe('Steve Witkoff'));
    press('KeyN');
    expect(openCardTitle()).toBe('Steve Witkoff'); // Wrapped to the first, "Steve Witkoff".
    press('KeyN');
    expect(openCardTitle()).toBe('Vladimir Putin');
  });

  it("hides the site through the card's link, and leaves the page's DOM alone until a card opens", async () => {
    const before = PAGE;
    const { session, hideSite } = start(PAGE);
    await session.firstPass;
    expect(document.body.innerHTML).toBe(before);
    session.reveal('steve-witkoff');
    await vi.waitFor(() => expect(openCardTitle()).toBe('Steve Witkoff'));
    const link = [
      ...(document.querySelector('dramatis-ui')?.shadowRoot?.querySelectorAll('button') ?? []),
    ].find((b) => /hide dramatis on this site/i.test(b.textContent ?? ''));
    expect(link).toBeDefined();
    link?.click();
    expect(hideSite).toHaveBeenCalledOnce();
  });

  it('loads the card only on a page that names someone, once, and before any card is asked for', async () => {
    const quiet = start('<p>The committee met on Tuesday to discuss the budget.</p>');
    await quiet.session.firstPass;
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(quiet.loadCard).not.toHaveBeenCalled();
    quiet.session.stop();

    const { session: named, loadCard } = start(PAGE);
    await named.firstPass;
    await vi.waitFor(() => expect(loadCard).toHaveBeenCalledOnce());
    expect(document.querySelector('dramatis-ui')).toBeNull(); // Loaded, not shown: the page is untouched.
    named.reveal('vladimir-putin');
    await vi.waitFor(() => expect(openCardTitle()).toBe('Vladimir Putin'));
    expect(loadCard).toHaveBeenCalledOnce();
  });

  it('opens a card asked for while the card is still loading when it arrives, unless closed meanwhile', async () => {
    const pending: ((module: CardModule) => void)[] = [];
    const loadCard = vi.fn(() => new Promise<CardModule>((resolve) => pending.push(resolve)));
    const escape = () => window.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    const first = start(PAGE, loadCard);
    await first.session.firstPass;
    first.session.reveal('steve-witkoff');
    escape(); // Closed before the card's code arrived: it must not open later.
    for (const arrive of pending) arrive(BUNDLED_CARD_MODULE);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(openCardTitle()).toBeUndefined();
    first.session.stop();

    pending.length = 0;
    const { session } = start(PAGE, loadCard);
    await session.firstPass;
    session.reveal('vladimir-putin');
    expect(openCardTitle()).toBeUndefined();
    for (const arrive of pending) arrive(BUNDLED_CARD_MODULE);
    await vi.waitFor(() => expect(openCardTitle()).toBe('Vladimir Putin'));
  });

  it('asks for the card again after a failed load', async () => {
    const loadCard = vi
      .fn<() => Promise<CardModule>>()
      .mockRejectedValueOnce(new Error('the card script did not load'))
      .mockResolvedValue(BUNDLED_CARD_MODULE);
    const { session } = start(PAGE, loadCard);
    await session.firstPass;
    await vi.waitFor(() => expect(loadCard).toHaveBeenCalledOnce());
    await new Promise((resolve) => setTimeout(resolve, 0));
    session.reveal('steve-witkoff');
    await vi.waitFor(() => expect(openCardTitle()).toBe('Steve Witkoff'));
    expect(loadCard).toHaveBeenCalledTimes(2);
  });

  it("fetches a person's card data once for the page, and opens the card when it arrives", async () => {
    const answers: (() => void)[] = [];
    const fetch = vi.fn(
      (person: string) =>
        new Promise<CardData | undefined>((resolve) =>
          answers.push(() => resolve(fetchBundledCardData(person) as CardData | undefined)),
        ),
    );
    const { session } = await startOver(fetch);
    session.reveal('vladimir-putin');
    await vi.waitFor(() => expect(fetch).toHaveBeenCalledWith('vladimir-putin'));
    expect(openCardTitle()).toBeUndefined(); // Waiting for the background's answer.
    for (const answer of answers) answer();
    await vi.waitFor(() => expect(openCardTitle()).toBe('Vladimir Putin'));
    window.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    session.reveal('vladimir-putin');
    expect(openCardTitle()).toBe('Vladimir Putin'); // From the page's cache: no second fetch.
    expect(fetch).toHaveBeenCalledOnce();
  });

  it('shows an open card afresh when the knowledge base changes', async () => {
    const saved: string[] = []; // Quotes the background holds besides the bundle's.
    const fetch = vi.fn((person: string) => {
      const data = fetchBundledCardData(person) as CardData | undefined;
      const [extra] = saved;
      if (!data || !extra) return Promise.resolve(data);
      const [first] = data.person.quotes;
      if (!first) throw new Error(`${person} has no quote to copy`);
      const added = { ...first, id: 'added-quote', kind: 'direct' as const, text: extra };
      return Promise.resolve({ ...data, person: { ...data.person, quotes: [...data.person.quotes, added] } });
    });
    const { session, module } = await startOver(fetch);
    session.reveal('steve-witkoff');
    await vi.waitFor(() => expect(openCardTitle()).toBe('Steve Witkoff'));
    const cardText = () =>
      document.querySelector('dramatis-ui')?.shadowRoot?.querySelector('.dr-frame')?.textContent ?? '';
    expect(cardText()).toContain('Steve Witkoff');
    expect(cardText()).not.toContain('A sentence saved a moment ago');
    saved.push('A sentence saved a moment ago');
    module.refresh();
    await vi.waitFor(() => expect(cardText()).toContain('“A sentence saved a moment ago”'));
    expect(openCardTitle()).toBe('Steve Witkoff');
    expect(fetch).toHaveBeenCalledTimes(2);
  });
});
