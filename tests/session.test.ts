// @vitest-environment happy-dom
/**
 * The content script's Session, built as entrypoints/content/index.ts builds it (the real matcher, the
 * bundled cards) but with its callbacks observed: the badge count it reports, the card that the popup's
 * "reveal" and the keyboard open, and the card's "Hide Dramatis on this site" link. happy-dom has no
 * Highlight API and no layout, so painting and hovering are left to the end-to-end tests.
 */
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { matcherFromIndex } from '../core/matcher';
import { DEFAULT_SETTINGS } from '../core/settings';
import { PEOPLE } from '../data/bundle';
import { MATCHER_INDEX } from '../data/matcher-index';
import { BUNDLED_CARDS } from '../page/bundled-cards';
import { Session } from '../page/session';

beforeAll(() => {
  // happy-dom has no StaticRange; the scanner only needs the four fields.
  (globalThis as { StaticRange?: unknown }).StaticRange ??= class {
    constructor(init: StaticRangeInit) {
      Object.assign(this, init);
    }
  };
});

const matcher = matcherFromIndex(MATCHER_INDEX, PEOPLE);
let session: Session | undefined;

afterEach(() => {
  session?.stop();
  session = undefined;
  document.body.innerHTML = '';
});

function start(html: string) {
  document.body.innerHTML = html;
  const reportCount = vi.fn<(count: number) => void>();
  const hideSite = vi.fn<() => void>();
  session = new Session({
    root: document.body,
    matcher,
    settings: { ...DEFAULT_SETTINGS },
    cards: BUNDLED_CARDS,
    reportCount,
    hideSite,
  });
  return { session, reportCount, hideSite };
}

const PAGE =
  '<p>Steve Witkoff met Vladimir Putin in Moscow.</p><p>Witkoff said the talks were useful.</p>' +
  '<p><button id="before">Subscribe</button></p>';

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

  it("reveals a person's card, closes it on Escape, and finds no card for someone not on the page", async () => {
    const { session } = start(PAGE);
    await session.firstPass;
    expect(document.querySelector('dramatis-ui')).toBeNull();
    expect(session.reveal('kirill-dmitriev')).toBe(false);
    expect(document.querySelector('dramatis-ui')).toBeNull();
    expect(session.reveal('vladimir-putin')).toBe(true);
    expect(openCardTitle()).toBe('Vladimir Putin');
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
    expect(openCardTitle()).toBe('Steve Witkoff'); // From none, back lands on the last name ("Witkoff").
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
    const link = [
      ...(document.querySelector('dramatis-ui')?.shadowRoot?.querySelectorAll('button') ?? []),
    ].find((b) => /hide dramatis on this site/i.test(b.textContent ?? ''));
    expect(link).toBeDefined();
    link?.click();
    expect(hideSite).toHaveBeenCalledOnce();
  });
});
