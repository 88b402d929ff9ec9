/**
 * Ad-hoc investigation helper: `npx tsx bench/diagnose.ts <script.js>` serves the bench pages, opens
 * the large page (or `--page=/article/<id>.html`, `/dynamic.html`) with the harness injected, and
 * prints what the given browser-side script returns (it is evaluated as an async function body with
 * `B` = window.__bench and `I` = window.__benchInternals).
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { loadBenchPage } from './bench-page';
import { buildHarness } from './build-harness';
import { appendBatches, articlePages, bigPage } from './page-gen';
import { startServer, type Route } from './server';
import { HEADLESS_CHROMIUM_FLAGS } from '../tests/e2e/support/chromium';

const ROOT = path.resolve(import.meta.dirname, '..');

async function main() {
  const scriptFile = process.argv.slice(2).find((a) => !a.startsWith('--'));
  if (!scriptFile) throw new Error('usage: tsx bench/diagnose.ts SCRIPT.js [--page=/big.html]');
  const pageUrl = process.argv.find((a) => a.startsWith('--page='))?.slice(7) ?? '/big.html';
  const cpuprofile = process.argv.find((a) => a.startsWith('--cpuprofile='))?.slice(13);
  const harness = await buildHarness({ minify: !cpuprofile });
  if (cpuprofile) writeFileSync(`${cpuprofile}.harness.js`, harness.code);
  const routes = new Map<string, Route>();
  const articles = articlePages();
  const base = articles.find((a) => a.id.startsWith('002'))!;
  for (const a of articles) routes.set(`/article/${a.id}.html`, { type: 'text/html', body: a.html });
  routes.set('/big.html', { type: 'text/html', body: bigPage().html });
  routes.set('/dynamic.html', {
    type: 'text/html',
    body: base.html.replace(
      '</body>',
      '<p id="ticker">Live 0: waiting for news.</p><section id="feed"></section></body>',
    ),
  });
  routes.set('/dyn-batches.json', {
    type: 'application/json',
    body: JSON.stringify(appendBatches().batches),
  });
  routes.set('/harness.js', { type: 'text/javascript', body: harness.code });
  routes.set('/mark.js', {
    type: 'text/javascript',
    body: readFileSync(path.join(ROOT, 'node_modules/mark.js/dist/mark.min.js')),
  });
  // The built content scripts' stylesheets (the ::highlight() rules), as in bench/run.ts.
  const build = path.join(ROOT, '.output/chrome-mv3');
  const manifest = existsSync(path.join(build, 'manifest.json'))
    ? (JSON.parse(readFileSync(path.join(build, 'manifest.json'), 'utf8')) as {
        content_scripts?: { css?: string[] }[];
      })
    : {};
  const css = (manifest.content_scripts ?? [])
    .flatMap((c) => c.css ?? [])
    .map((f) => readFileSync(path.join(build, f), 'utf8'));
  routes.set('/page.css', { type: 'text/css', body: css.join('\n') });
  routes.set('/favicon.ico', { type: 'image/x-icon', body: '' });
  const server = await startServer(routes);
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: [...HEADLESS_CHROMIUM_FLAGS],
  });
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    page.on('console', (m) => console.error('console:', m.text()));
    await loadBenchPage(page, server.base, pageUrl, { settleMs: 250 });
    const body = readFileSync(scriptFile, 'utf8');
    const trace = process.argv.find((a) => a.startsWith('--trace='))?.slice(8);
    if (trace)
      await browser.startTracing(page, {
        path: trace,
        categories: [
          'devtools.timeline',
          'disabled-by-default-devtools.timeline',
          'v8',
          'blink',
          'toplevel',
          'disabled-by-default-v8.gc',
        ],
      });
    const cdp = cpuprofile ? await page.context().newCDPSession(page) : undefined;
    if (cdp) {
      await cdp.send('Profiler.enable');
      await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
      await cdp.send('Profiler.start');
    }
    const result = await page.evaluate(
      `(async () => { const B = window.__bench; const I = window.__benchInternals; ${body} })()`,
    );
    if (trace) await browser.stopTracing();
    if (cdp && cpuprofile) {
      const { profile } = await cdp.send('Profiler.stop');
      writeFileSync(cpuprofile, JSON.stringify(profile));
    }
    console.log(JSON.stringify(result, null, 1));
  } finally {
    await browser.close();
    await server.close();
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
