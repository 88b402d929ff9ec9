/**
 * Acceptance: a server-rendered React 19 app hydrates without a mismatch on a page Dramatis has already
 * highlighted, keeps working when it re-renders text with names (no "removeChild" errors), and Dramatis
 * follows: new names are highlighted, old ones leave the highlight.
 *
 * The app (tests/fixtures/pages/react-app/) is rendered with react-dom/server in this process and its client
 * bundled with esbuild; the client waits until the `dramatis` highlight exists, then calls hydrateRoot.
 */
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BROWSERS } from './support/browsers';
import { startServer, type StaticServer } from './support/server';
import {
  PAGES_DIR,
  clickAt,
  collectConsoleErrors,
  locateText,
  useBrowser,
  type PageRange,
} from './support/pages';

const APP_DIR = join(PAGES_DIR, 'react-app');

/** Captures errors from the first moment: console.error, uncaught errors, rejections. */
const ERROR_CAPTURE = `
  window.__errors = [];
  const original = console.error.bind(console);
  console.error = (...args) => {
    window.__errors.push('console.error: ' + args.map((a) => (a && a.message) || String(a)).join(' '));
    original(...args);
  };
  window.addEventListener('error', (e) => window.__errors.push('error: ' + e.message));
  window.addEventListener('unhandledrejection', (e) => window.__errors.push('rejection: ' + String(e.reason)));
`;

const SCENE_0 = ['Steve Witkoff', 'Putin', 'Yuri Ushakov', 'Zelensky'];
const SCENE_1 = ['Marco Rubio', 'Rustem Umerov', 'Kirill Dmitriev', 'Zelensky'];

interface AppState {
  hydrated: boolean;
  hydratedAfterHighlight: boolean;
  errors: string[];
  lead: string;
  quote: string;
  count: string;
  rootHtml: string;
  ranges: PageRange[] | null;
}

function readApp(): AppState {
  const w = window as unknown as {
    __hydrated?: boolean;
    __hydratedAfterHighlight?: boolean;
    __errors: string[];
  };
  const text = (id: string) => document.getElementById(id)?.textContent ?? '';
  const highlight = CSS.highlights.get('dramatis');
  let ranges: PageRange[] | null = null;
  if (highlight) {
    ranges = [...(highlight as unknown as Iterable<AbstractRange>)].map((r) => {
      const live = document.createRange();
      let value = '<invalid range>';
      try {
        live.setStart(r.startContainer, r.startOffset);
        live.setEnd(r.endContainer, r.endOffset);
        value = live.toString();
      } catch {
        // stale offsets
      }
      return {
        text: value,
        isConnected: r.startContainer.isConnected && r.endContainer.isConnected,
        isInShadow: false,
        ownerId: r.startContainer.parentElement?.closest('[id]')?.id ?? '',
        startOffset: r.startOffset,
      };
    });
  }
  return {
    hydrated: w.__hydrated === true,
    hydratedAfterHighlight: w.__hydratedAfterHighlight === true,
    errors: w.__errors.slice(),
    lead: text('lead'),
    quote: text('quote'),
    count: text('count'),
    rootHtml: document.getElementById('root')?.innerHTML ?? '',
    ranges,
  };
}

const highlighted = (s: AppState) =>
  (s.ranges ?? [])
    .filter((r) => r.isConnected)
    .map((r) => r.text)
    .sort();
const stale = (s: AppState) => (s.ranges ?? []).filter((r) => !r.isConnected).length;
const sorted = (names: string[]) => [...names].sort();

let server: StaticServer;
let serverHtml = '';

beforeAll(async () => {
  const { renderApp } = (await import(pathToFileURL(join(APP_DIR, 'server.mjs')).href)) as {
    renderApp: () => string;
  };
  const bundle = await build({
    entryPoints: [join(APP_DIR, 'client.mjs')],
    bundle: true,
    write: false,
    format: 'iife',
    platform: 'browser',
    target: 'es2022',
    // The development build: it reports hydration mismatches in detail.
    define: { 'process.env.NODE_ENV': '"development"' },
    logLevel: 'silent',
  });
  const client = bundle.outputFiles[0]?.text ?? '';
  serverHtml = renderApp();
  server = await startServer();
  server.route('/react/client.js', client, 'text/javascript; charset=utf-8');
  server.route(
    '/react/index.html',
    `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <title>Live: the peace talks</title>
  <link rel="icon" href="data:,">
  <script>${ERROR_CAPTURE}</script>
</head>
<body>
  <div id="root">${serverHtml}</div>
  <script src="/react/client.js"></script>
</body>
</html>`,
  );
});

afterAll(async () => {
  await server?.close();
});

describe.each(BROWSERS)('%s', (browserName) => {
  const browser = useBrowser(browserName);

  it(`${browserName}: React hydrates with Dramatis loaded, re-renders names, and the highlight follows`, async () => {
    const page = await browser().openPage(server.url('/react/index.html'));
    const consoleErrors = collectConsoleErrors(page);
    try {
      // Dramatis highlights the server HTML; then React hydrates it.
      const hydrated = await page.poll(readApp, undefined, {
        until: (s) => s.hydrated && sorted(highlighted(s)).join('|') === sorted(SCENE_0).join('|'),
        timeoutMs: 10_000,
      });
      console.log(
        `[${browserName}] hydrated (after the highlight: ${hydrated.hydratedAfterHighlight}); ` +
          `highlighted: ${highlighted(hydrated).join(', ')}; errors: ${JSON.stringify(hydrated.errors)}`,
      );
      expect(hydrated.hydrated, 'React hydrated').toBe(true);
      expect(hydrated.hydratedAfterHighlight, 'Dramatis had highlighted before hydration').toBe(true);
      expect(hydrated.errors, 'no hydration error or mismatch').toEqual([]);
      expect(highlighted(hydrated)).toEqual(sorted(SCENE_0));
      // React 19 tolerates some changes silently (a name wrapped in an element that is the only child of a
      // <p>), so also compare the markup itself: highlighting and hydration left it as the server sent it.
      expect(hydrated.rootHtml, 'the server markup is unchanged').toBe(serverHtml);

      // React re-renders the text: the new names are highlighted, the old ones gone.
      for (const [round, names, old] of [
        [1, SCENE_1, SCENE_0],
        [2, SCENE_0, SCENE_1],
        [3, SCENE_1, SCENE_0],
      ] as const) {
        const button = await page.evaluate(() => {
          const r = document.getElementById('toggle')!.getBoundingClientRect();
          return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
        });
        await clickAt(page, button.x, button.y);
        const clickedAt = Date.now();
        const after = await page.poll(readApp, undefined, {
          until: (s) => sorted(highlighted(s)).join('|') === sorted(names).join('|') && stale(s) === 0,
          timeoutMs: 10_000,
          everyMs: 50,
        });
        const took = Date.now() - clickedAt;
        console.log(
          `[${browserName}] click ${round}: "${after.lead}" / "${after.quote}"; highlight followed in ~${took} ms: ` +
            `${highlighted(after).join(', ')}; stale ranges ${stale(after)}`,
        );
        expect(after.count, 'React handled the click').toBe(`Updates shown: ${round}`);
        expect(after.lead).toContain(names[0]);
        expect(after.quote.startsWith(names[2] ?? '<none>')).toBe(true);
        expect(highlighted(after)).toEqual(sorted(names));
        for (const gone of old.filter((n) => !names.includes(n)))
          expect(highlighted(after), `${gone} left the highlight`).not.toContain(gone);
        expect(stale(after), 'no range left on removed text').toBe(0);
        expect(after.errors, 'no React error (e.g. removeChild) after the re-render').toEqual([]);
      }

      // Hovering a name React rendered still opens its card.
      const spot = await page.evaluate(locateText, { id: 'quote', text: 'Kirill Dmitriev' });
      expect(spot).not.toBeNull();
      await page.hover(spot!.x, spot!.y);
      const card = await page.poll(
        () => {
          const frame = document.querySelector('dramatis-ui')?.shadowRoot?.querySelector('.dr-frame');
          return frame?.querySelector('article.dr-card')?.getAttribute('data-person') ?? null;
        },
        undefined,
        { until: (p) => p === 'kirill-dmitriev', timeoutMs: 3_000 },
      );
      expect(card).toBe('kirill-dmitriev');

      const final = await page.evaluate(readApp);
      expect(final.errors).toEqual([]);
      expect(consoleErrors, 'console errors seen by the driver').toEqual([]);
    } finally {
      await page.close();
    }
  });
});
