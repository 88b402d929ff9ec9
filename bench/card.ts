/**
 * The bench's card latency alone (part 3 of `npm run bench`): article 002 with the harness's Session, its
 * first pass run, then cards opened as a reader does (a pointermove over each name, the hover delay, the
 * card shown; Escape), `--loads` fresh pages of `--opens` cards each. Prints the medians for the first card
 * of each page (cold: nothing of the card has run in that page yet) and for the others (warm), each from
 * the end of the hover delay to the frame after the card's render. `--trace=FILE` writes a Chromium trace of
 * the first page's cards (bench/trace-summary.ts reads it), `--cpuprofile=FILE` a V8 CPU profile of them with
 * the harness unminified (bench/profile-summary.ts reads it): for finding where the cold card's time goes.
 *
 * `npx tsx bench/card.ts [--loads=5] [--opens=6] [--trace=FILE] [--cpuprofile=FILE]`
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { chromium, type Page } from 'playwright-core';
import { HEADLESS_CHROMIUM_FLAGS } from '../tests/e2e/support/chromium';
import { loadBenchPage } from './bench-page';
import { buildHarness } from './build-harness';
import { median, round } from './page-cost';
import { articlePages } from './page-gen';
import { startServer, type Route } from './server';
import { argOf } from './args';

const ROOT = path.resolve(import.meta.dirname, '..');
const loads = Number(argOf('loads') ?? 5);
const opens = Number(argOf('opens') ?? 6);
const traceFile = argOf('trace');
const profileFile = argOf('cpuprofile');
const article = articlePages().find((a) => a.id.startsWith('002'))!;
const css = (() => {
  try {
    return readFileSync(path.join(ROOT, '.output/chrome-mv3/content-scripts/content.css'), 'utf8');
  } catch {
    return ''; // no build: the highlights are not painted
  }
})();
const routes = new Map<string, Route>([
  ['/article.html', { type: 'text/html; charset=utf-8', body: article.html }],
  [
    '/harness.js',
    { type: 'text/javascript', body: (await buildHarness({ minify: profileFile === undefined })).code },
  ],
  ['/mark.js', { type: 'text/javascript', body: '' }],
  ['/page.css', { type: 'text/css', body: css }],
  ['/favicon.ico', { type: 'image/x-icon', body: '' }],
]);
const server = await startServer(routes);
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_BIN ?? '/usr/bin/chromium',
  headless: true,
  args: [...HEADLESS_CHROMIUM_FLAGS],
});
type Sample = Record<string, number | string | boolean>;
type Bench = { __bench: Record<string, (...a: unknown[]) => unknown> };
const call = <T>(page: Page, name: string, ...args: unknown[]) =>
  page.evaluate(([n, a]) => (window as unknown as Bench).__bench[n as string]!(...(a as unknown[])), [
    name,
    args,
  ] as const) as Promise<T>;
const samples: Sample[] = [];
try {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  for (let i = 0; i < loads; i++) {
    const page = await context.newPage();
    await loadBenchPage(page, server.base, '/article.html');
    await call(page, 'runDramatis');
    const isTraced = i === 0 && traceFile !== undefined;
    if (isTraced) await browser.startTracing(page, { path: traceFile, screenshots: false });
    const cdp = i === 0 && profileFile !== undefined ? await context.newCDPSession(page) : undefined;
    if (cdp) {
      await cdp.send('Profiler.enable');
      await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
      await cdp.send('Profiler.start');
    }
    samples.push(...(await call<Sample[]>(page, 'runCards', opens)));
    if (isTraced) await browser.stopTracing();
    if (cdp) writeFileSync(profileFile!, JSON.stringify((await cdp.send('Profiler.stop')).profile));
    await page.close();
  }
} finally {
  await browser.close();
  await server.close();
}
const cold = samples.filter((s) => s.isFirst);
const warm = samples.filter((s) => !s.isFirst);
const figure = (xs: Sample[], key: string) => round(median(xs.map((s) => Number(s[key]))));
for (const [label, xs] of [
  ['first card of a page', cold],
  ['later cards', warm],
] as const)
  console.log(
    `${label} (${xs.length}): painted ${figure(xs, 'paintedMs')} ms after the delay (show ${figure(xs, 'syncMs')}, ` +
      `rendered ${figure(xs, 'renderedMs')}, CardUi show->frame ${figure(xs, 'cardUiLastPaintMs')}, prepare ${figure(xs, 'prepareMs')})`,
  );
console.log(`  first cards painted: ${cold.map((s) => s.paintedMs).join(', ')}`);
