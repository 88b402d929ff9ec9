/**
 * Hit testing, in plain Chromium and Firefox pages: the caret position at a point over a name maps to that
 * name's mention (also on the second line of a name that wraps, and inside an open shadow root); a point
 * between words, over another word, or beside the end of a line that ends with a name maps to none.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BROWSERS } from '../e2e/support/browsers';
import { locateText, useBrowser } from '../e2e/support/pages';
import type { SeenMention } from './support/page-entry';
import { launchPlainBrowser, servePages, type InjectedPage } from './support/inject';

const PAGE = `<!doctype html>
<html lang="en">
  <head><meta charset="utf-8"><title>Hit testing</title>
  <style>
    body { margin: 24px; font: 20px/1.6 sans-serif; }
    #narrow { width: 6em; }
  </style></head>
  <body>
    <p id="news">Steve Witkoff met Vladimir Putin</p>
    <p id="narrow">Volodymyr Zelensky resumed talks.</p>
    <news-quote id="quote"></news-quote>
    <script>
      customElements.define('news-quote', class extends HTMLElement {
        constructor() {
          super();
          this.attachShadow({ mode: 'open' }).innerHTML = '<p>Kaja Kallas answered.</p>';
        }
      });
    </script>
  </body>
</html>`;

const pageUrl = servePages({ '/hit-test.html': PAGE });

/** Who hit testing finds at (x, y), or null. */
async function personAt(page: InjectedPage, x: number, y: number): Promise<string | null> {
  const hit = await page.evaluate(([px, py]) => window.__dramatisInjection!.hitTest(px, py), [x, y] as const);
  return hit?.person ?? null;
}

/** The line boxes of `text` in `#id` (of its light DOM, or its open shadow root). Runs in the page. */
function readLineBoxes(arg: { id: string; text: string }): { x: number; y: number; right: number }[] {
  const element = document.getElementById(arg.id);
  const root = element?.shadowRoot ?? element;
  if (!root) return [];
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode() as Text | null; n; n = walker.nextNode() as Text | null) {
    const at = n.data.indexOf(arg.text);
    if (at < 0) continue;
    const range = document.createRange();
    range.setStart(n, at);
    range.setEnd(n, at + arg.text.length);
    return [...range.getClientRects()]
      .filter((r) => r.width > 0)
      .map((r) => ({ x: r.left + r.width / 2, y: r.top + r.height / 2, right: r.right }));
  }
  return [];
}

describe.each(BROWSERS)('hit testing in %s', (name) => {
  const browser = useBrowser(name, launchPlainBrowser);
  let page: InjectedPage;
  let mentions: SeenMention[];

  beforeAll(async () => {
    page = await browser().openPage(pageUrl('/hit-test.html'));
    mentions = await page.evaluate(() => window.__dramatisInjection!.startMentions());
  });

  afterAll(async () => {
    await page?.close();
  });

  it('finds each name at the middle of its line box', async () => {
    expect(mentions.map((m) => m.person)).toEqual([
      'steve-witkoff',
      'vladimir-putin',
      'volodymyr-zelensky',
      'kaja-kallas',
    ]);
    for (const mention of mentions) {
      const { x, y, width, height } = mention.box!;
      expect(await personAt(page, x + width / 2, y + height / 2)).toBe(mention.person);
      // Near either end of the name, still inside it.
      expect(await personAt(page, x + 2, y + height / 2)).toBe(mention.person);
      expect(await personAt(page, x + width - 2, y + height / 2)).toBe(mention.person);
    }
  });

  it('finds a name that wraps on both of its lines', async () => {
    const lines = await page.evaluate(readLineBoxes, { id: 'narrow', text: 'Volodymyr Zelensky' });
    expect(lines.length).toBe(2);
    for (const line of lines) expect(await personAt(page, line.x, line.y)).toBe('volodymyr-zelensky');
  });

  it('finds a name inside an open shadow root', async () => {
    const [line] = await page.evaluate(readLineBoxes, { id: 'quote', text: 'Kallas' });
    expect(line).toBeDefined();
    expect(await personAt(page, line!.x, line!.y)).toBe('kaja-kallas');
  });

  it('finds nothing between words, over another word, or beside a line that ends with a name', async () => {
    const gap = await page.evaluate(readLineBoxes, { id: 'news', text: ' met ' });
    const space = await page.evaluate(locateText, { id: 'news', text: ' ', occurrence: 1 });
    const word = await page.evaluate(locateText, { id: 'news', text: 'met' });
    const [end] = await page.evaluate(readLineBoxes, { id: 'news', text: 'Putin' });
    expect(gap.length && space && word && end).toBeTruthy();
    // The space between "Witkoff" and "met".
    expect(await personAt(page, space!.x, space!.y)).toBeNull();
    expect(await personAt(page, word!.x, word!.y)).toBeNull();
    // Past the end of the line: the caret lands on the name's last letter, the line box says no.
    expect(await personAt(page, end!.right + 30, end!.y)).toBeNull();
  });
});
