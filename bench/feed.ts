/**
 * The bench's feed alone (the "Dynamic 1" scenario of `npm run bench`): 10,000 paragraphs appended in 100
 * batches due every 30 ms to article 002, with and without Dramatis's Session (the harness), alternating,
 * in one headless Chromium. Prints the medians of the largest 5 ms heartbeat gap, Dramatis's longest task
 * and its share of the main thread, and each run's gaps: for trying a change to how DOM changes are
 * scanned without the whole bench (issue 10's target: the gap within 1.5x of the page without Dramatis).
 *
 * `npx tsx bench/feed.ts [--runs=5] [--trace=FILE]`: `--trace` writes a Chromium trace of the first run with
 * Dramatis (read it with bench/trace-summary.ts: what its long tasks hold).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { HEADLESS_CHROMIUM_FLAGS } from '../tests/e2e/support/chromium';
import { loadBenchPage } from './bench-page';
import { buildHarness } from './build-harness';
import { median } from './page-cost';
import { appendBatches, articlePages, dynamicPageHtml } from './page-gen';
import { startServer, type Route } from './server';
import { recordTrace } from './trace';
import { argOf } from './args';

const ROOT = path.resolve(import.meta.dirname, '..');
const runs = Number(argOf('runs') ?? 5);
const traceFile = argOf('trace');
const article = articlePages().find((a) => a.id.startsWith('002'))!;
const html = 'text/html; charset=utf-8';
const css = (() => {
  try {
    return readFileSync(path.join(ROOT, '.output/chrome-mv3/content-scripts/content.css'), 'utf8');
  } catch {
    return ''; // no build: the highlights are not painted, the gaps lack their paint
  }
})();
const routes = new Map<string, Route>([
  [
    '/dynamic.html',
    {
      type: html,
      body: dynamicPageHtml(article.html),
    },
  ],
  ['/harness.js', { type: 'text/javascript', body: (await buildHarness()).code }],
  ['/mark.js', { type: 'text/javascript', body: '' }],
  ['/page.css', { type: 'text/css', body: css }],
  ['/favicon.ico', { type: 'image/x-icon', body: '' }],
  ['/dyn-batches.json', { type: 'application/json', body: JSON.stringify(appendBatches().batches) }],
]);
const server = await startServer(routes);
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_BIN ?? '/usr/bin/chromium',
  headless: true,
  args: [...HEADLESS_CHROMIUM_FLAGS],
});
type Run = {
  maxHeartbeatGapMs: number;
  dramatisLongestTaskMs: number;
  share: number;
  mentionsAfter: number;
  catchUpMs: number;
};
const results: Record<'with' | 'without', Run[]> = { with: [], without: [] };
try {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  for (let i = 0; i < runs; i++) {
    for (const mode of i % 2 ? (['without', 'with'] as const) : (['with', 'without'] as const)) {
      const page = await context.newPage();
      await loadBenchPage(page, server.base, '/dynamic.html');
      const append = async () =>
        (await page.evaluate(
          (withDramatis) =>
            (window as unknown as { __bench: Record<string, (...a: unknown[]) => unknown> }).__bench
              .runAppend!(withDramatis, 30),
          mode === 'with',
        )) as Run;
      let run: Run;
      if (traceFile !== undefined && i === 0 && mode === 'with') {
        const cdp = await context.newCDPSession(page);
        const categories = 'devtools.timeline,v8,disabled-by-default-devtools.timeline';
        const { events, result } = await recordTrace(cdp, categories, append);
        writeFileSync(traceFile, JSON.stringify(events));
        run = result;
      } else run = await append();
      results[mode].push(run);
      await page.close();
    }
  }
} finally {
  await browser.close();
  await server.close();
}
const m = (mode: 'with' | 'without', key: keyof Run) => median(results[mode].map((r) => r[key]));
console.log(
  `feed, ${runs} runs each: largest heartbeat gap with Dramatis ${m('with', 'maxHeartbeatGapMs')} ms, ` +
    `without ${m('without', 'maxHeartbeatGapMs')} ms (ratio ${(m('with', 'maxHeartbeatGapMs') / m('without', 'maxHeartbeatGapMs')).toFixed(2)}); ` +
    `Dramatis longest task ${m('with', 'dramatisLongestTaskMs')} ms, share ${m('with', 'share')}, mentions ${m('with', 'mentionsAfter')}, caught up ${m('with', 'catchUpMs')} ms after the last append`,
);
console.log(`  gaps with: ${results.with.map((r) => r.maxHeartbeatGapMs).join(', ')}`);
console.log(`  gaps without: ${results.without.map((r) => r.maxHeartbeatGapMs).join(', ')}`);
console.log(
  `  Dramatis's longest task of each run: ${results.with.map((r) => r.dramatisLongestTaskMs).join(', ')}`,
);
