/**
 * Smoke test in real Chromium and Firefox: the content script finds the two people in a tiny page and
 * registers them as the CSS Custom Highlight `dramatis`, one range per mention, without touching the DOM;
 * the page's session arrives without the background (imported, not injected), and a page cannot fetch it
 * by the extension's fixed address (Chromium: only its per-session dynamic address serves it).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BROWSERS, launchBrowser, type E2EBrowser } from './support/browsers';
import { startServer, type StaticServer } from './support/server';

const PAGE = `<!doctype html>
<html lang="en">
  <head><meta charset="utf-8"><title>Dramatis smoke test</title></head>
  <body><p>Steve <b>Witkoff</b> met Vladimir Putin in Moscow.</p></body>
</html>`;

interface HighlightState {
  /** `CSS.highlights.get('dramatis')?.size`, or null when nothing is registered. */
  size: number | null;
  /** The text of each range, in document order. */
  texts: string[];
  /** Whether the page still has its original markup (highlights must not change the DOM). */
  bodyHtml: string;
}

/** Runs in the page's own JavaScript. Works for live Ranges and StaticRanges alike. */
function readHighlight(name: string): HighlightState {
  const bodyHtml = document.body.innerHTML.trim();
  const highlight = CSS.highlights.get(name);
  if (!highlight) return { size: null, texts: [], bodyHtml };
  const ranges = [...highlight].map((r) => {
    const live = document.createRange();
    live.setStart(r.startContainer, r.startOffset);
    live.setEnd(r.endContainer, r.endOffset);
    return live;
  });
  ranges.sort((a, b) => a.compareBoundaryPoints(Range.START_TO_START, b));
  return { size: highlight.size, texts: ranges.map((r) => r.toString()), bodyHtml };
}

let server: StaticServer;

beforeAll(async () => {
  server = await startServer();
  server.route('/smoke.html', PAGE);
});

afterAll(async () => {
  await server?.close();
});

describe.each(BROWSERS)('%s', (browserName) => {
  let browser: E2EBrowser | undefined;

  beforeAll(async () => {
    browser = await launchBrowser(browserName);
  });

  afterAll(async () => {
    await browser?.close();
  });

  it(`${browserName}: highlights "Steve Witkoff" and "Vladimir Putin" as the CSS highlight "dramatis" within 5 s`, async () => {
    const page = await browser!.openPage(server.url('/smoke.html'));
    try {
      const state = await page.poll(readHighlight, 'dramatis', {
        until: (s) => s.size === 2,
        timeoutMs: 5_000,
      });
      expect(state.size, `CSS.highlights.get('dramatis')?.size in ${browserName}`).toBe(2);
      expect(state.texts).toEqual(['Steve Witkoff', 'Vladimir Putin']);
      expect(state.bodyHtml).toBe('<p>Steve <b>Witkoff</b> met Vladimir Putin in Moscow.</p>');
    } finally {
      await page.close();
    }
  });
  it(`${browserName}: loads the page's session itself, and no page can fetch it by the fixed address`, async () => {
    const page = await browser!.openPage(server.url('/smoke.html'));
    try {
      const marks = await page.poll(
        () => performance.getEntriesByType('mark').map((m) => m.name),
        undefined,
        { until: (names) => names.includes('dramatis:first-painted'), timeoutMs: 5_000 },
      );
      expect(marks).toContain('dramatis:session-loaded');
      // Set only where the import failed and the background had to inject the session.
      expect(marks).not.toContain('dramatis:session-injected');
      if (browserName === 'chromium') {
        const probe = await page.evaluate(async (url) => {
          try {
            return (await fetch(url)).ok ? 'fetched' : 'refused';
          } catch {
            return 'refused';
          }
        }, `${browser!.extensionBaseUrl}page-session.js`);
        expect(probe).toBe('refused');
      }
    } finally {
      await page.close();
    }
  });
});
