/**
 * The content script's `dramatis:*` performance marks in Firefox (no CDP there): the real Firefox build
 * (.output/firefox-mv2) installed in Firefox ESR over WebDriver BiDi, each page loaded `--loads=N` times in a
 * fresh tab; prints the median of each mark (ms since the navigation started) and of the gaps from
 * `dramatis:start`, for pages that name nobody and the five articles.
 * `npx tsx bench/firefox-marks.ts [--loads=5]`.
 */
import path from 'node:path';
import { launchFirefox } from '../tests/e2e/support/firefox';
import { articlePages, plainPages } from './page-gen';
import { startServer, type Route } from './server';

const ROOT = path.resolve(import.meta.dirname, '..');
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1] ?? NaN;

/** Loads each page `loads` times and prints the marks' medians. */
async function measureFirefoxMarks(loads: number): Promise<void> {
  const pages = [...plainPages(), ...articlePages()];
  const routes = new Map<string, Route>(
    pages.map((p) => [`/${p.id}.html`, { type: 'text/html', body: p.html }]),
  );
  const server = await startServer(routes);
  const firefox = await launchFirefox(path.join(ROOT, '.output/firefox-mv2'));
  try {
    for (const page of pages) {
      const runs: Record<string, number>[] = [];
      for (let i = 0; i < loads; i++) {
        const tab = await firefox.browser.newPage();
        await tab.goto(`${server.base}/${page.id}.html`, { waitUntil: 'load' });
        await new Promise((resolve) => setTimeout(resolve, 1500));
        runs.push(
          await tab.evaluate(() =>
            Object.fromEntries(
              performance
                .getEntriesByType('mark')
                .filter((m) => m.name.startsWith('dramatis:'))
                .map((m) => [m.name.slice(9), m.startTime]),
            ),
          ),
        );
        await tab.close();
      }
      const names = [...new Set(runs.flatMap((r) => Object.keys(r)))];
      const figures = names.map((name) => {
        const at = median(runs.map((r) => r[name] ?? NaN).filter(Number.isFinite));
        const since = median(runs.filter((r) => r[name] !== undefined).map((r) => r[name]! - (r.start ?? 0)));
        return `${name} ${at.toFixed(1)} (+${since.toFixed(1)})`;
      });
      console.log(`firefox ${page.id}: ${figures.join(', ') || 'no marks'}`);
    }
  } finally {
    await firefox.close();
    await server.close();
  }
}

const loadsArg = process.argv.find((a) => a.startsWith('--loads='));
await measureFirefoxMarks(loadsArg ? Number(loadsArg.slice(8)) : 5);
