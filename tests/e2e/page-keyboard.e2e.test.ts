/**
 * Acceptance: keyboard use. Alt+Shift+N opens the card of the first name with the focus inside the dialog
 * (role=dialog, aria-labelledby = the name heading); Alt+Shift+N again moves to the next name, Alt+Shift+P
 * back; Escape closes the card and returns the focus to the element focused before (a page button).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BROWSERS } from './support/browsers';
import { startServer, type StaticServer } from './support/server';
import {
  pressKeys,
  readCard,
  readHighlightRanges,
  useBrowser,
  waitForNoCard,
  type PageRange,
} from './support/pages';

const PAGE = `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <title>Keyboard</title>
  <link rel="icon" href="data:,">
  <style>body { font: 18px/1.6 Georgia, serif; max-width: 700px; margin: 24px auto; }</style>
</head>
<body>
  <header><button id="subscribe" type="button">Subscribe</button></header>
  <main>
    <article>
      <h1>Talks in Moscow</h1>
      <p id="p1">Steve Witkoff met Vladimir Putin on Tuesday.</p>
      <p id="p2">Yuri Ushakov called the talks useful.</p>
    </article>
  </main>
</body>
</html>`;

const NAMES = ['Steve Witkoff', 'Vladimir Putin', 'Yuri Ushakov'];

interface FocusState {
  activeTag: string | null;
  activeId: string | null;
  shadowActiveClass: string | null;
  isFocusInFrame: boolean;
}

function readFocus(): FocusState {
  const active = document.activeElement;
  const host = document.querySelector('dramatis-ui');
  const shadowActive = host?.shadowRoot?.activeElement ?? null;
  const frame = host?.shadowRoot?.querySelector('.dr-frame') ?? null;
  return {
    activeTag: active?.localName ?? null,
    activeId: active?.id || null,
    shadowActiveClass: shadowActive ? (shadowActive.getAttribute('class') ?? shadowActive.localName) : null,
    isFocusInFrame: Boolean(
      frame && shadowActive && (shadowActive === frame || frame.contains(shadowActive)),
    ),
  };
}

/** The active (keyboard-selected) mention: the single range of the `dramatis-active` highlight. */
const active = (ranges: PageRange[] | null) =>
  ranges && ranges.length === 1 ? `${ranges[0]!.ownerId}@${ranges[0]!.startOffset}:${ranges[0]!.text}` : null;

let server: StaticServer;

beforeAll(async () => {
  server = await startServer();
  server.route('/keyboard.html', PAGE);
});

afterAll(async () => {
  await server?.close();
});

describe.each(BROWSERS)('%s', (browserName) => {
  const browser = useBrowser(browserName);

  it(`${browserName}: Alt+Shift+N / Alt+Shift+P move between names with the focus in the card; Escape returns it`, async () => {
    const page = await browser().openPage(server.url('/keyboard.html'));
    try {
      const ranges = await page.poll(readHighlightRanges, 'dramatis', {
        until: (r) => r !== null && r.length === NAMES.length,
        timeoutMs: 10_000,
      });
      expect(ranges?.map((r) => r.text)).toEqual(NAMES);
      await page.evaluate(() => document.getElementById('subscribe')!.focus());
      expect((await page.evaluate(readFocus)).activeId).toBe('subscribe');

      // Alt+Shift+N: the first name's card, focus inside the dialog.
      await pressKeys(page, ['Alt', 'Shift', 'KeyN']);
      let card = await page.poll(readCard, undefined, {
        until: (c) => c.isOpen && c.person === 'steve-witkoff',
        timeoutMs: 10_000,
      });
      const first = await page.poll(readHighlightRanges, 'dramatis-active', {
        until: (r) => active(r) !== null,
      });
      let focus = await page.poll(readFocus, undefined, {
        until: (f) => f.isFocusInFrame,
        timeoutMs: 10_000,
      });
      console.log(
        `[${browserName}] Alt+Shift+N: card ${card.person}, active ${active(first)}, focus ${JSON.stringify(focus)}`,
      );
      expect(card.person).toBe('steve-witkoff');
      expect(active(first)).toBe('p1@0:Steve Witkoff');
      expect(focus.activeTag, 'document.activeElement is the card host').toBe('dramatis-ui');
      expect(focus.isFocusInFrame, "the host's shadowRoot.activeElement is the frame or inside it").toBe(
        true,
      );
      expect(card.role).toBe('dialog');
      expect(card.labelledBy, 'aria-labelledby').toBeTruthy();
      expect(card.labelTag, 'aria-labelledby points at a heading').toMatch(/^h[1-6]$/);
      expect(card.labelText).toBe('Steve Witkoff');
      expect(card.labelText).toBe(card.name);

      // Alt+Shift+N again: the next name (another position).
      await pressKeys(page, ['Alt', 'Shift', 'KeyN']);
      const second = await page.poll(readHighlightRanges, 'dramatis-active', {
        until: (r) => active(r) !== null && active(r) !== active(first),
        timeoutMs: 10_000,
      });
      card = await page.poll(readCard, undefined, {
        until: (c) => c.person === 'vladimir-putin',
        timeoutMs: 10_000,
      });
      // The card takes the focus in an effect after it paints: wait for it, as for the first card.
      focus = await page.poll(readFocus, undefined, { until: (f) => f.isFocusInFrame, timeoutMs: 10_000 });
      console.log(`[${browserName}] Alt+Shift+N again: card ${card.person}, active ${active(second)}`);
      expect(active(second)).toBe('p1@18:Vladimir Putin');
      expect(card.person).toBe('vladimir-putin');
      expect(focus.isFocusInFrame).toBe(true);

      // Alt+Shift+P: back to the first.
      await pressKeys(page, ['Alt', 'Shift', 'KeyP']);
      const back = await page.poll(readHighlightRanges, 'dramatis-active', {
        until: (r) => active(r) === active(first),
        timeoutMs: 10_000,
      });
      card = await page.poll(readCard, undefined, {
        until: (c) => c.person === 'steve-witkoff',
        timeoutMs: 10_000,
      });
      console.log(`[${browserName}] Alt+Shift+P: card ${card.person}, active ${active(back)}`);
      expect(active(back)).toBe(active(first));
      expect(card.person).toBe('steve-witkoff');

      // Escape: closed, focus back on the button.
      await pressKeys(page, ['Escape']);
      const closed = await waitForNoCard(page);
      focus = await page.poll(readFocus, undefined, {
        until: (f) => f.activeId === 'subscribe',
        timeoutMs: 10_000,
      });
      console.log(
        `[${browserName}] Escape: card open ${closed.isOpen}, focus on ${focus.activeTag}#${focus.activeId}`,
      );
      expect(closed.isOpen).toBe(false);
      expect(focus.activeId, 'focus returned to the page button').toBe('subscribe');
      const activeAfter = await page.poll(readHighlightRanges, 'dramatis-active', {
        until: (r) => (r ?? []).length === 0,
        timeoutMs: 10_000,
      });
      expect(activeAfter ?? [], 'no active mention after closing').toEqual([]);
    } finally {
      await page.close();
    }
  });
});
