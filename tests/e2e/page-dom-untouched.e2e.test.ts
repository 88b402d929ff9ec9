/**
 * Acceptance: Dramatis never changes the page's DOM. A MutationObserver installed by the page itself (an
 * inline script in <head>, before the content script runs) sees nothing while names are found and
 * highlighted; opening a card adds exactly one node, the <dramatis-ui> host, and nothing else outside it.
 * No stylesheet is adopted, no <style>/<link> is added.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BROWSERS } from './support/browsers';
import { startServer, type StaticServer } from './support/server';
import {
  locateText,
  pressKeys,
  readHighlightRanges,
  sleep,
  useBrowser,
  waitForCard,
  waitForNoCard,
} from './support/pages';

/** Records every mutation of the document from the first moment, as plain data. */
const RECORDER = `
(() => {
  const describe = (node) => {
    if (!node) return null;
    if (node.nodeType === 1) return node.localName + (node.id ? '#' + node.id : '');
    if (node.nodeType === 3) return '#text(' + node.data.slice(0, 40) + ')';
    return node.nodeName;
  };
  const insideHost = (node) => {
    for (let n = node; n; n = n.parentNode || (n.host || null)) {
      if (n.nodeType === 1 && n.localName === 'dramatis-ui') return true;
    }
    return false;
  };
  window.__mutations = [];
  window.__ready = false;
  const observer = new MutationObserver((records) => {
    if (!window.__ready) return; // the parser building the page is not Dramatis
    for (const r of records) {
      window.__mutations.push({
        type: r.type,
        target: describe(r.target),
        isTargetInsideHost: insideHost(r.target),
        attributeName: r.attributeName,
        oldValue: r.oldValue,
        added: [...r.addedNodes].map(describe),
        removed: [...r.removedNodes].map(describe),
      });
    }
  });
  observer.observe(document, {
    subtree: true,
    childList: true,
    attributes: true,
    characterData: true,
    attributeOldValue: true,
    characterDataOldValue: true,
  });
  window.__initialSheets = document.adoptedStyleSheets;
  window.__initialSheetCount = document.adoptedStyleSheets.length;
  document.addEventListener('DOMContentLoaded', () => {
    observer.takeRecords();
    window.__ready = true;
    window.__styleNodeCount = document.querySelectorAll('style, link').length;
    window.__styleSheetCount = document.styleSheets.length;
    window.__bodyHtml = document.body.innerHTML;
  });
})();
`;

const PAGE = `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <title>Talks in Moscow</title>
  <script>${RECORDER}</script>
  <style>body { font: 18px/1.5 Georgia, serif; max-width: 700px; margin: 40px auto; }</style>
</head>
<body>
  <header><nav><a href="/">Home</a> <a href="/world">World</a></nav></header>
  <main>
    <article>
      <h1>Envoys meet in Moscow</h1>
      <p id="p1">Steve <b>Witkoff</b> met Vladimir Putin in the Kremlin on Tuesday.</p>
      <p id="p2">Yuri Ushakov said the talks were <em>useful</em>; Kirill Dmitriev agreed.</p>
      <p id="p3">In Kyiv, Volodymyr Zelensky waited for news, while Marco Rubio stayed in Florida.</p>
    </article>
  </main>
  <footer><p>&copy; 2025 The Evening Ledger</p></footer>
</body>
</html>`;
const EXPECTED = [
  'Steve Witkoff',
  'Vladimir Putin',
  'Yuri Ushakov',
  'Kirill Dmitriev',
  'Volodymyr Zelensky',
  'Marco Rubio',
];

interface Recorded {
  type: string;
  target: string | null;
  isTargetInsideHost: boolean;
  attributeName: string | null;
  oldValue: string | null;
  added: (string | null)[];
  removed: (string | null)[];
}

interface PageState {
  ready: boolean;
  mutations: Recorded[];
  isSameAdoptedSheets: boolean;
  adoptedSheetCount: number;
  initialAdoptedSheetCount: number;
  styleNodeCount: number;
  initialStyleNodeCount: number;
  styleSheetCount: number;
  initialStyleSheetCount: number;
  bodyHtmlOutsideHost: string;
  initialBodyHtml: string;
}

function readState(): PageState {
  const w = window as unknown as {
    __ready: boolean;
    __mutations: Recorded[];
    __initialSheets: CSSStyleSheet[];
    __initialSheetCount: number;
    __styleNodeCount: number;
    __styleSheetCount: number;
    __bodyHtml: string;
  };
  const clone = document.body.cloneNode(true) as HTMLElement;
  clone.querySelectorAll('dramatis-ui').forEach((e) => e.remove());
  return {
    ready: w.__ready,
    mutations: w.__mutations.slice(),
    isSameAdoptedSheets:
      document.adoptedStyleSheets === w.__initialSheets ||
      (document.adoptedStyleSheets.length === w.__initialSheets.length &&
        document.adoptedStyleSheets.every((s, i) => s === w.__initialSheets[i])),
    adoptedSheetCount: document.adoptedStyleSheets.length,
    initialAdoptedSheetCount: w.__initialSheetCount,
    styleNodeCount: document.querySelectorAll('style, link').length,
    initialStyleNodeCount: w.__styleNodeCount,
    styleSheetCount: document.styleSheets.length,
    initialStyleSheetCount: w.__styleSheetCount,
    bodyHtmlOutsideHost: clone.innerHTML,
    initialBodyHtml: w.__bodyHtml,
  };
}

let server: StaticServer;

beforeAll(async () => {
  server = await startServer();
  server.route('/untouched.html', PAGE);
});

afterAll(async () => {
  await server?.close();
});

describe.each(BROWSERS)('%s', (browserName) => {
  const browser = useBrowser(browserName);

  it(`${browserName}: highlighting changes nothing in the DOM; a card adds only the <dramatis-ui> host`, async () => {
    const page = await browser().openPage(server.url('/untouched.html'));
    try {
      const ranges = await page.poll(readHighlightRanges, 'dramatis', {
        until: (r) => r !== null && r.length === EXPECTED.length,
        timeoutMs: 10_000,
      });
      expect(ranges?.map((r) => r.text)).toEqual(EXPECTED);
      await sleep(1_000);

      const afterHighlight = await page.evaluate(readState);
      console.log(
        `[${browserName}] after highlighting: ${afterHighlight.mutations.length} mutations, ` +
          `${afterHighlight.adoptedSheetCount} adopted sheets, ${afterHighlight.styleNodeCount} <style>/<link>`,
      );
      expect(afterHighlight.ready, 'the recorder saw DOMContentLoaded').toBe(true);
      expect(afterHighlight.mutations, 'mutations while highlighting').toEqual([]);
      expect(afterHighlight.isSameAdoptedSheets).toBe(true);
      expect(afterHighlight.adoptedSheetCount).toBe(afterHighlight.initialAdoptedSheetCount);
      expect(afterHighlight.styleNodeCount).toBe(afterHighlight.initialStyleNodeCount);
      expect(afterHighlight.styleSheetCount).toBe(afterHighlight.initialStyleSheetCount);
      expect(afterHighlight.bodyHtmlOutsideHost).toBe(afterHighlight.initialBodyHtml);

      // Hover "Vladimir Putin" until the card opens.
      const spot = await page.evaluate(locateText, { id: 'p1', text: 'Vladimir Putin' });
      expect(spot).not.toBeNull();
      await page.hover(spot!.x, spot!.y);
      const card = await waitForCard(page, 3_000, 'vladimir-putin');
      expect(card.person).toBe('vladimir-putin');
      await sleep(500);

      const afterCard = await page.evaluate(readState);
      const outside = afterCard.mutations.filter((m) => !m.isTargetInsideHost);
      console.log(
        `[${browserName}] after the card opened: ${afterCard.mutations.length} mutations ` +
          `(${outside.length} outside the host): ${JSON.stringify(outside)}`,
      );
      expect(outside).toEqual([
        {
          type: 'childList',
          target: 'body',
          isTargetInsideHost: false,
          attributeName: null,
          oldValue: null,
          added: ['dramatis-ui'],
          removed: [],
        },
      ]);
      expect(afterCard.isSameAdoptedSheets).toBe(true);
      expect(afterCard.adoptedSheetCount).toBe(afterCard.initialAdoptedSheetCount);
      expect(afterCard.styleNodeCount, 'no <style>/<link> added to the document').toBe(
        afterCard.initialStyleNodeCount,
      );
      expect(afterCard.styleSheetCount).toBe(afterCard.initialStyleSheetCount);
      expect(afterCard.bodyHtmlOutsideHost).toBe(afterCard.initialBodyHtml);

      // Closing the card leaves the host in place and changes nothing else either.
      await pressKeys(page, ['Escape']);
      expect((await waitForNoCard(page)).isOpen).toBe(false);
      await sleep(300);
      const afterClose = await page.evaluate(readState);
      expect(afterClose.mutations.filter((m) => !m.isTargetInsideHost)).toEqual(outside);
      expect(afterClose.bodyHtmlOutsideHost).toBe(afterClose.initialBodyHtml);
    } finally {
      await page.close();
    }
  });
});
