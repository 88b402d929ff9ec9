/**
 * The card host, in plain Chromium and Firefox pages: the page gains one `dramatis-ui` element, with an open
 * shadow root, only when the first card opens (hovering a name with the real mouse), and keeps that one
 * host for every later card. A page whose CSS resets and restyles every element it can reach shows the
 * same card, styled and sized exactly as on a plain page.
 */
import { describe, expect, it } from 'vitest';
import { BROWSERS } from '../e2e/support/browsers';
import { readCard, useBrowser, waitForCard } from '../e2e/support/pages';
import { launchPlainBrowser, servePages, type InjectedPage } from './support/inject';

const BODY = `
  <section><p id="news">Steve Witkoff met Vladimir Putin in Moscow on Tuesday.</p></section>
  <div><p>The talks lasted three hours.</p></div>`;

/** Reaches for everything a page can: universal and inherited styles, the host's own tag, popovers. */
const HOSTILE_CSS = `
  * {
    all: unset !important;
    font: italic 40px/1.4 cursive !important;
    color: #0a0 !important;
    letter-spacing: 0.3em !important;
    text-transform: uppercase !important;
    visibility: visible !important;
  }
  head, script, style, title { display: none !important; }
  section, div, p { display: block !important; }
  *::before, *::after { content: '»' !important; color: red !important; }
  body { transform: scale(1) !important; background: #ffe !important; }
  body > * { position: relative !important; z-index: 2147483647 !important; }
  dramatis-ui, dramatis-ui * { display: none !important; font-size: 4px !important; }
  [popover], [role='dialog'], dialog { display: none !important; opacity: 0 !important; }
  :popover-open { display: none !important; }
`;

function pageHtml(css: string): string {
  return `<!doctype html>
<html lang="en">
  <head><meta charset="utf-8"><title>Card host</title><style>${css}</style></head>
  <body>${BODY}</body>
</html>`;
}

const pageUrl = servePages({
  '/plain.html': pageHtml('body { margin: 24px; font: 20px/1.6 serif; }'),
  '/hostile.html': pageHtml(HOSTILE_CSS),
});

/**
 * What a reader sees of the card once its opening transition has ended: its computed styles, its width and
 * the height of its content (its own height follows the room below the name). Runs in the page.
 */
async function readCardLook(): Promise<Record<string, string> | null> {
  const root = document.querySelector('dramatis-ui')?.shadowRoot;
  const frame = root?.querySelector<HTMLElement>('.dr-frame');
  const title = root?.getElementById('dramatis-card-title');
  if (!frame || !title) return null;
  await Promise.all(root!.getAnimations().map((a) => a.finished));
  const look: Record<string, string> = {};
  look.size = `${Math.round(frame.getBoundingClientRect().width)}x${frame.scrollHeight}`;
  look.isOpen = String(frame.matches(':popover-open'));
  for (const [label, element] of [
    ['frame', frame],
    ['title', title],
  ] as const) {
    const style = getComputedStyle(element);
    for (const property of [
      'display',
      'visibility',
      'opacity',
      'font-size',
      'font-family',
      'font-style',
      'color',
      'background-color',
      'letter-spacing',
      'text-transform',
    ])
      look[`${label} ${property}`] = style.getPropertyValue(property);
  }
  return look;
}

/** Hovers `name` in `#news` with the real mouse; resolves with the card it opens. */
async function hoverName(page: InjectedPage, name: string, person: string) {
  const mentions = await page.evaluate(() => window.__dramatisInjection!.mentions());
  const box = mentions.find((m) => m.text === name)?.box;
  expect(box).toBeTruthy();
  await page.hover(box!.x + box!.width / 2, box!.y + box!.height / 2);
  return waitForCard(page, 5_000, person);
}

/**
 * Starts the session with a short hover delay, watching the page's DOM from before it starts. Each added
 * node is recorded with whether it holds a card the reader can see at that moment: the host must join the
 * page with its card open, not while a card is prepared unseen during the hover delay.
 */
async function startWatched(page: InjectedPage): Promise<void> {
  await page.evaluate(async () => {
    const added: string[] = [];
    new MutationObserver((records) => {
      for (const r of records) {
        for (const n of r.addedNodes) {
          const frame = n instanceof Element ? n.shadowRoot?.querySelector('[role="dialog"]') : undefined;
          const isSeen = frame?.checkVisibility({ visibilityProperty: true }) ?? false;
          added.push(`${n.nodeName.toLowerCase()}${isSeen ? ' with its card shown' : ''}`);
        }
      }
    }).observe(document, { childList: true, subtree: true });
    (window as unknown as { __added: string[] }).__added = added;
    await window.__dramatisInjection!.startSession({ hoverDelayMs: 100 });
  });
}

const readAdded = () => (window as unknown as { __added: string[] }).__added;

describe.each(BROWSERS)('the card host in %s', (name) => {
  const browser = useBrowser(name, launchPlainBrowser);

  it('adds one dramatis-ui host with an open shadow root when the first card opens, and only then', async () => {
    const page = await browser().openPage(pageUrl('/plain.html'));
    try {
      await startWatched(page);
      expect(await page.evaluate(readAdded)).toEqual([]);
      expect((await page.evaluate(readCard)).hostCount).toBe(0);

      const first = await hoverName(page, 'Steve Witkoff', 'steve-witkoff');
      expect(first.isOpen).toBe(true);
      expect(first.hostCount).toBe(1);
      expect(first.name).toBe('Steve Witkoff');
      expect(
        await page.evaluate(() => {
          const host = document.querySelector('dramatis-ui');
          return { isOpenRoot: host?.shadowRoot?.mode === 'open', parent: host?.parentElement?.localName };
        }),
      ).toEqual({ isOpenRoot: true, parent: 'body' });

      const second = await hoverName(page, 'Vladimir Putin', 'vladimir-putin');
      expect(second.hostCount).toBe(1);
      // The host, added once: Dramatis's only change to the page.
      expect(await page.evaluate(readAdded)).toEqual(['dramatis-ui with its card shown']);
    } finally {
      await page.close();
    }
  });

  it('shows the same card on a page with hostile CSS as on a plain page', async () => {
    const looks: (Record<string, string> | null)[] = [];
    for (const path of ['/plain.html', '/hostile.html']) {
      const page = await browser().openPage(pageUrl(path));
      try {
        await startWatched(page);
        const card = await hoverName(page, 'Vladimir Putin', 'vladimir-putin');
        expect(card.isOpen && card.isPlaced).toBe(true);
        looks.push(await page.evaluate(readCardLook));
        if (path === '/hostile.html') {
          // The hostile rules do reach the page's own text.
          const pageFont = await page.evaluate(
            () => getComputedStyle(document.getElementById('news')!).fontSize,
          );
          expect(pageFont).toBe('40px');
        }
      } finally {
        await page.close();
      }
    }
    const [plain, hostile] = looks;
    expect(plain).not.toBeNull();
    expect(plain!['frame display']).not.toBe('none');
    expect(plain!.isOpen).toBe('true');
    expect(hostile).toEqual(plain);
  });
});
