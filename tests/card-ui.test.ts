// @vitest-environment happy-dom
/**
 * The page card's host (page/card-ui.tsx) as the Session drives it: a card prepared while the pointer
 * rests on a name is rendered unseen and hidden from assistive technology, outside the page until the
 * first card opens; showing it reveals that same card; a card shown without being prepared is rendered
 * afresh. happy-dom has no layout: where the card is placed is left to the end-to-end tests.
 */
import { afterEach, beforeAll, expect, it, vi } from 'vitest';
import { matcherFromIndex } from '../core/matcher';
import { DEFAULT_SETTINGS } from '../core/settings';
import { getPersonName, MATCHER_INDEX, MATCHER_PEOPLE } from '../data/matcher-index';
import { BUNDLED_CARD_MODULE } from '../page/bundled-cards';
import type { CardRequest, CardUi } from '../page/card-ui';
import { Session } from '../page/session';

beforeAll(() => {
  // happy-dom has no StaticRange; the scanner only needs the four fields.
  (globalThis as { StaticRange?: unknown }).StaticRange ??= class {
    constructor(init: StaticRangeInit) {
      Object.assign(this, init);
    }
  };
});

let stop = () => {};
afterEach(() => {
  stop();
  document.body.innerHTML = '';
});

/** The card requests of the people PAGE names (first mention of each), and a card host on the page. */
async function setUp(): Promise<{ ui: CardUi; requests: Map<string, CardRequest> }> {
  document.body.innerHTML =
    '<p>Steve Witkoff met Vladimir Putin in Moscow.</p><p>Witkoff said the talks were useful.</p>';
  const session = new Session({
    root: document.body,
    matcher: matcherFromIndex(MATCHER_INDEX, MATCHER_PEOPLE),
    settings: { ...DEFAULT_SETTINGS },
    loadCard: () => new Promise(() => {}), // the test drives its own card host
    nameOf: getPersonName,
    reportCount: () => {},
    hideSite: () => {},
  });
  await session.firstPass;
  const requests = new Map<string, CardRequest>();
  for (const mention of session.mentions()) {
    const person = mention.mention.person;
    if (requests.has(person)) continue;
    await BUNDLED_CARD_MODULE.load(person);
    const request = BUNDLED_CARD_MODULE.request(mention, DEFAULT_SETTINGS);
    if (request) requests.set(person, request);
  }
  const abort = new AbortController();
  const ui = BUNDLED_CARD_MODULE.createUi({
    doc: document,
    signal: abort.signal,
    onClose: vi.fn(),
    onHideSite: vi.fn(),
    onPointerEnter: vi.fn(),
    onPointerLeave: vi.fn(),
  });
  stop = () => {
    ui.destroy();
    abort.abort();
    session.stop();
  };
  return { ui, requests };
}

/** The card as a reader and a screen reader meet it: on the page or not, seen or not, and its title. */
function card() {
  const host = document.querySelector('dramatis-ui');
  const frame = host?.shadowRoot?.querySelector<HTMLElement>('.dr-frame') ?? null;
  return {
    isOnPage: host !== null,
    isSeen: frame !== null && !frame.classList.contains('dr-unseen'),
    isHiddenFromAssistiveTech: frame?.getAttribute('aria-hidden') === 'true',
    title: frame?.querySelector('#dramatis-card-title')?.textContent ?? undefined,
  };
}

it('prepares a card unseen and off the page, then reveals that card when it opens', async () => {
  const { ui, requests } = await setUp();
  const witkoff = requests.get('steve-witkoff')!;
  ui.prepare(witkoff);
  expect(card()).toMatchObject({ isOnPage: false });
  ui.show(witkoff);
  expect(card()).toEqual({
    isOnPage: true,
    isSeen: true,
    isHiddenFromAssistiveTech: false,
    title: 'Steve Witkoff',
  });
});

it('prepares the next card unseen and hidden from assistive technology, and shows another afresh', async () => {
  const { ui, requests } = await setUp();
  ui.show(requests.get('steve-witkoff')!);
  ui.close();
  // The host is on the page now: a card prepared there is rendered, unseen and unheard.
  ui.prepare(requests.get('vladimir-putin')!);
  expect(card()).toMatchObject({ isOnPage: true, isSeen: false, isHiddenFromAssistiveTech: true });
  expect(card().title).toBe('Vladimir Putin');
  // The pointer moved on: a card that was not the prepared one opens with its own content.
  ui.show(requests.get('steve-witkoff')!);
  expect(card()).toMatchObject({ isSeen: true, isHiddenFromAssistiveTech: false, title: 'Steve Witkoff' });
  // And the prepared card, when it is the one shown, is revealed as it was rendered.
  ui.close();
  ui.prepare(requests.get('vladimir-putin')!);
  ui.show(requests.get('vladimir-putin')!);
  expect(card()).toMatchObject({ isSeen: true, isHiddenFromAssistiveTech: false, title: 'Vladimir Putin' });
});

it('opens the first card of a page with its first screen, and holds the whole card right after', async () => {
  const { ui, requests } = await setUp();
  const sections = () =>
    [
      ...(document
        .querySelector('dramatis-ui')
        ?.shadowRoot?.querySelectorAll('.dr-section-title, .dr-hide-site') ?? []),
    ].map((e) => e.textContent);
  const witkoff = requests.get('steve-witkoff')!;
  ui.prepare(witkoff);
  ui.show(witkoff);
  // Laid out from nothing as it opens: only what fills the card's first screen, from the top.
  const first = sections();
  expect(first.slice(0, 2)).toEqual(['Roles', 'How the outlets describe them']);
  expect(first).not.toContain('Linked with');
  expect(first).not.toContain('Hide Dramatis on this site');
  // The frame after: everything, in the card's order, the footer last.
  await vi.waitFor(() => expect(sections()).toContain('Hide Dramatis on this site'));
  const whole = sections();
  expect(whole.slice(0, first.length)).toEqual(first);
  expect(whole).toEqual(expect.arrayContaining(['What they said', 'Linked with']));
  // A card opened once the host is on the page is laid out while the pointer rests: whole at once.
  ui.close();
  const putin = requests.get('vladimir-putin')!;
  ui.prepare(putin);
  ui.show(putin);
  expect(sections()).toEqual(
    expect.arrayContaining(['What they said', 'Linked with', 'Hide Dramatis on this site']),
  );
});
