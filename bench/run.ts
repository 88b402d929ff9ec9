/**
 * `npm run bench`: Dramatis's speed against its baselines, in headless Chromium, in one process.
 *
 * Contestants, each on a freshly loaded page, same pages, same names:
 *  - Dramatis: the real PageMentions + HighlightPainter (bench/harness.ts imports the extension's
 *    modules; esbuild compiles the same sources), timed from start to the first pass complete (a
 *    range built for every mention) and to the frame that paints those near the viewport;
 *  - mark.js over every knowledge-base alias and full name (wraps matches in <mark>);
 *  - a per-name highlighter like the peers': one regex per person, wrapping matches in <span>;
 *  - the floor: a TreeWalker that only reads every text node.
 * Plus the card latency (the real CardUi after HoverIntent's delay), two dynamic pages (10,000
 * paragraphs appended; a 10 ms ticker) and the gzipped size of the built content script.
 *
 * Results: bench/results/bench-<timestamp>.json and bench/results/latest.json. The bench reports; it
 * does not gate: it exits 0 when a target is missed and non-zero only on errors.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { createHash } from 'node:crypto';
import { chromium, type Browser, type Page } from 'playwright-core';
import { loadBenchPage } from './bench-page';
import { measurePageCost } from './page-cost';
import { benchQuotations } from './quotations';
import { buildHarness } from './build-harness';
import { summarizeProfile, type CpuProfile } from './profile-summary';
import { appendBatches, articlePages, bigPage, dynamicPageHtml } from './page-gen';
import { startServer, type Route } from './server';
import { HEADLESS_CHROMIUM_FLAGS } from '../tests/e2e/support/chromium';

const ROOT = path.resolve(import.meta.dirname, '..');
/** The results object is plain JSON assembled above; the report reads it loosely. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any;
const CHROMIUM = process.env.CHROMIUM_BIN ?? '/usr/bin/chromium';
const BUILD_DIR = path.join(ROOT, '.output/chrome-mv3');
const CONTENT_JS = path.join(BUILD_DIR, 'content-scripts/content.js');
const RESULTS = path.join(ROOT, 'bench/results');
const QUICK = process.argv.includes('--quick');
const RUNS_ARTICLE = QUICK ? 3 : 5;
const RUNS_BIG = QUICK ? 2 : 5;
/** mark.js with one DOM pass per term takes 20-35 s on the large page: once there. */
const RUNS_BIG_MARK_TERMS = 1;
/** mark.js per term on the articles (100-450 ms each). */
const RUNS_ARTICLE_MARK_TERMS = 3;
/** Cold starts: each in a new browser context (a new renderer process, nothing compiled yet). */
const RUNS_COLD = QUICK ? 1 : 3;
/** The per-name highlighter takes ~3 s on the large page. */
const RUNS_BIG_PER_NAME = QUICK ? 1 : 3;
const RUNS_DYNAMIC = QUICK ? 1 : 3;
const RUNS_DYNAMIC_BASELINE = QUICK ? 1 : 2;
const CARD_LOADS = QUICK ? 1 : 3;
const CARD_OPENS = 6;
/** Page cost: loads of each page with and without the built extension, alternating. */
const COST_LOADS = QUICK ? 8 : 16;

const TARGETS = {
  dramatisOverFloor: 2,
  markOverDramatis: 10,
  longestTaskMs: 50,
  cardPaintMs: 16,
  contentScriptGzipKb: 25,
  /** Extra main-thread script time of a page that names nobody (real build, with minus without). */
  plainPageExtraScriptMs: 5,
};

type Contestant = 'floor' | 'dramatis' | 'markre' | 'markterms' | 'pername';
const CONTESTANTS: Contestant[] = ['floor', 'dramatis', 'markre', 'markterms', 'pername'];
const RUNNERS: Record<Contestant, string> = {
  floor: 'runFloor',
  dramatis: 'runDramatis',
  markre: 'runMarkRegExp',
  markterms: 'runMarkJs',
  pername: 'runPerName',
};

const median = (xs: number[]): number => {
  const s = xs.filter((x) => Number.isFinite(x)).sort((a, b) => a - b);
  if (s.length === 0) return NaN;
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};
const r1 = (x: number) => (Number.isFinite(x) ? Math.round(x * 10) / 10 : NaN);
const r2 = (x: number) => (Number.isFinite(x) ? Math.round(x * 100) / 100 : NaN);
const log = (...a: unknown[]) => console.error(...a);

/** Which code was measured: git HEAD plus a hash of the sources the harness bundles (they change often). */
function sourceFingerprint() {
  const hash = createHash('sha256');
  const files: string[] = [];
  const visit = (dir: string) => {
    if (!existsSync(dir)) return;
    for (const name of readdirSync(dir).sort()) {
      const full = path.join(dir, name);
      if (statSync(full).isDirectory()) visit(full);
      else if (/\.(ts|tsx|css|json)$/.test(name)) files.push(full);
    }
  };
  for (const d of ['entrypoints/content', 'page', 'core', 'components', 'data/people', 'data/bundle.ts']) {
    const full = path.join(ROOT, d);
    if (existsSync(full) && statSync(full).isFile()) files.push(full);
    else visit(full);
  }
  for (const f of files) hash.update(path.relative(ROOT, f)).update(readFileSync(f));
  let gitHead = 'unknown';
  try {
    gitHead = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: ROOT, encoding: 'utf8' }).trim();
  } catch {
    /* not a git checkout */
  }
  return { gitHead, sourcesSha256: hash.digest('hex').slice(0, 16), files: files.length };
}

/** Newest modification time under the given project folders (to tell a stale build). */
function newestSource(dirs: string[]): { file: string; mtime: number } {
  let newest = { file: '', mtime: 0 };
  const visit = (dir: string) => {
    if (!existsSync(dir)) return;
    for (const name of readdirSync(dir)) {
      const full = path.join(dir, name);
      const st = statSync(full);
      if (st.isDirectory()) visit(full);
      else if (st.mtimeMs > newest.mtime) newest = { file: path.relative(ROOT, full), mtime: st.mtimeMs };
    }
  };
  for (const d of dirs) visit(path.join(ROOT, d));
  return newest;
}

/**
 * The built content scripts' sizes (every content script of the manifest, and content.js alone);
 * builds the extension first when there is no build.
 */
function contentScriptSize() {
  let built = false;
  if (!existsSync(CONTENT_JS)) {
    log('bench: no build at .output/chrome-mv3; running `npx wxt build` ...');
    execFileSync('npx', ['wxt', 'build'], { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
    built = true;
  }
  const gz = (b: Buffer) => gzipSync(b, { level: 9 }).length;
  const js = readFileSync(CONTENT_JS);
  const manifest = JSON.parse(readFileSync(path.join(BUILD_DIR, 'manifest.json'), 'utf8')) as {
    content_scripts?: { js?: string[]; css?: string[] }[];
  };
  const scripts = (manifest.content_scripts ?? []).flatMap((c) => c.js ?? []);
  const styles = (manifest.content_scripts ?? []).flatMap((c) => c.css ?? []);
  const files = [...new Set(scripts)].map((f) => {
    const b = readFileSync(path.join(BUILD_DIR, f));
    return { file: f, rawBytes: b.length, gzipBytes: gz(b) };
  });
  const builtAt = statSync(CONTENT_JS).mtimeMs;
  const newest = newestSource(['entrypoints', 'core', 'components', 'data', 'platform']);
  return {
    file: path.relative(ROOT, CONTENT_JS),
    builtNow: built,
    builtAt: new Date(builtAt).toISOString(),
    /** A source file changed after the build: the size may be out of date (run `npx wxt build`). */
    staleSince: newest.mtime > builtAt ? newest.file : undefined,
    rawBytes: js.length,
    gzipBytes: gz(js),
    gzipDefaultBytes: gzipSync(js).length,
    allContentScripts: files,
    allContentScriptsGzipBytes: files.reduce((n, f) => n + f.gzipBytes, 0),
    manifestCss: styles,
  };
}

async function main() {
  const started = Date.now();
  const size = contentScriptSize();
  log(`bench: content script ${size.rawBytes} B, ${size.gzipBytes} B gzipped`);
  const loadBefore = os.loadavg();
  const harness = await buildHarness();
  const harnessNamed = await buildHarness({ minify: false });
  const markJs = readFileSync(path.join(ROOT, 'node_modules/mark.js/dist/mark.min.js'));
  const markVersion = (
    JSON.parse(readFileSync(path.join(ROOT, 'node_modules/mark.js/package.json'), 'utf8')) as {
      version: string;
    }
  ).version;

  // Pages.
  const articles = articlePages();
  const big = bigPage();
  const dyn = appendBatches();
  const dynBase = articles.find((a) => a.id.startsWith('002')) ?? articles[0]!;
  const dynamicHtml = dynamicPageHtml(dynBase.html);
  const routes = new Map<string, Route>();
  const html = 'text/html; charset=utf-8';
  for (const a of articles) routes.set(`/article/${a.id}.html`, { type: html, body: a.html });
  routes.set('/big.html', { type: html, body: big.html });
  routes.set('/dynamic.html', { type: html, body: dynamicHtml });
  routes.set('/harness.js', { type: 'text/javascript', body: harness.code });
  routes.set('/harness-named.js', { type: 'text/javascript', body: harnessNamed.code });
  routes.set('/favicon.ico', { type: 'image/x-icon', body: '' });
  routes.set('/mark.js', { type: 'text/javascript', body: markJs });
  routes.set('/dyn-batches.json', { type: 'application/json', body: JSON.stringify(dyn.batches) });
  // The manifest's content-script stylesheets (the ::highlight() rules): added to every page, as the
  // browser would, so that the highlights are really painted.
  const pageCss = size.manifestCss
    .map((f) => path.join(BUILD_DIR, f))
    .filter((f) => existsSync(f))
    .map((f) => readFileSync(f, 'utf8'))
    .join('\n');
  if (!/::highlight\(/.test(pageCss))
    log('bench: warning: no ::highlight() rules found in the built content-script CSS');
  routes.set('/page.css', { type: 'text/css', body: pageCss });
  const server = await startServer(routes);
  cleanups.push(() => server.close());

  const browser: Browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [...HEADLESS_CHROMIUM_FLAGS],
  });
  cleanups.push(() => browser.close());
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  // No network: anything not served by the bench server is refused.
  await context.route(
    (url) => !url.href.startsWith(server.base),
    (route) => route.abort(),
  );
  const version = browser.version();

  /** A fresh page load with the harness and mark.js injected, settled (two frames and 250 ms). */
  const open = async (url: string, harnessUrl = '/harness.js'): Promise<Page> => {
    const page = await context.newPage();
    await page.bringToFront();
    page.on('pageerror', (e) => log(`bench: page error on ${url}: ${e.message}`));
    return loadBenchPage(page, server.base, url, { harness: harnessUrl });
  };
  /**
   * A fresh page load in one reused tab (a new document each time; about half the cost of a new tab on
   * this machine), with the harness and mark.js injected and settled.
   */
  let tab: Page | undefined;
  const load = async (url: string): Promise<Page> => {
    if (!tab) {
      tab = await context.newPage();
      tab.on('pageerror', (e) => log(`bench: page error: ${e.message}`));
    }
    return loadBenchPage(tab, server.base, url);
  };
  const call = <R>(page: Page, fn: string, ...args: unknown[]): Promise<R> =>
    page.evaluate(
      ([f, a]) =>
        (window as unknown as { __bench: Record<string, (...x: unknown[]) => unknown> }).__bench[
          f as string
        ]!(...(a as unknown[])),
      [fn, args] as const,
    ) as Promise<R>;

  // ---- 1. Whole-page highlighting, per page -------------------------------------------------------
  interface PageSpec {
    key: string;
    url: string;
    runs: number;
    label: string;
  }
  const pages: PageSpec[] = [
    ...articles.map((a) => ({
      key: a.id.slice(0, 3),
      url: `/article/${a.id}.html`,
      runs: RUNS_ARTICLE,
      label: `article ${a.id.slice(0, 3)}`,
    })),
    { key: 'big', url: '/big.html', runs: RUNS_BIG, label: 'large page' },
  ];
  const perPage: Record<string, unknown>[] = [];
  for (const spec of pages) {
    const samples: Record<Contestant, Record<string, unknown>[]> = {
      floor: [],
      dramatis: [],
      markre: [],
      markterms: [],
      pername: [],
    };
    let facts: Record<string, number> | undefined;
    for (let run = 0; run < spec.runs; run++) {
      // Rotate the order so that no contestant always runs first (or last) in the browser's life.
      const order = CONTESTANTS.map((_, i) => CONTESTANTS[(i + run) % CONTESTANTS.length]!).filter(
        (who) =>
          !(spec.key === 'big' && who === 'markterms' && run >= RUNS_BIG_MARK_TERMS) &&
          !(spec.key !== 'big' && who === 'markterms' && run >= RUNS_ARTICLE_MARK_TERMS) &&
          !(spec.key === 'big' && who === 'pername' && run >= RUNS_BIG_PER_NAME),
      );
      for (const who of order) {
        const page = await load(spec.url);
        facts ??= await call<Record<string, number>>(page, 'pageFacts');
        samples[who].push(await call<Record<string, unknown>>(page, RUNNERS[who]));
      }
    }
    const ms = (who: Contestant, k = 'ms') => median(samples[who].map((s) => Number(s[k])));
    const d = samples.dramatis;
    const row = {
      page: spec.label,
      url: spec.url,
      runs: spec.runs,
      facts,
      floorMs: r2(ms('floor')),
      floorReadCharsMs: r2(ms('floor', 'readCharsMs')),
      dramatisMs: r2(ms('dramatis')),
      dramatisPaintedMs: r2(ms('dramatis', 'paintedMs')),
      dramatisMainThreadMs: r2(ms('dramatis', 'mainThreadMs')),
      dramatisLongestTaskMs: r2(ms('dramatis', 'longestTaskMs')),
      dramatisLongestTaskMaxMs: r2(Math.max(...d.map((s) => Number(s.longestTaskMs)))),
      pageMentionsLongestTaskMs: r2(ms('dramatis', 'pageMentionsLongestTaskMs')),
      longtaskApiMaxMs: r2(median(d.map((s) => Number((s.longtask as { maxMs: number }).maxMs)))),
      dramatisTasks: median(d.map((s) => Number(s.tasks))),
      matcherMs: r2(ms('dramatis', 'matcherMs')),
      markReMs: r2(ms('markre')),
      markRePaintedMs: r2(ms('markre', 'paintedMs')),
      markTermsMs: r2(ms('markterms')),
      markTermsRuns: samples.markterms.length,
      markTermsPaintedMs: r2(ms('markterms', 'paintedMs')),
      perNameMs: r2(ms('pername')),
      perNamePaintedMs: r2(ms('pername', 'paintedMs')),
      mentions: d[0]?.mentions,
      registeredRanges: d[0]?.registeredRanges,
      marksRe: samples.markre[0]?.markElements,
      marksTerms: samples.markterms[0]?.markElements,
      perNameSpans: samples.pername[0]?.spans,
      ratios: {
        dramatisOverFloor: r2(ms('dramatis') / ms('floor')),
        dramatisMainThreadOverFloor: r2(ms('dramatis', 'mainThreadMs') / ms('floor')),
        markReOverDramatis: r2(ms('markre') / ms('dramatis')),
        markTermsOverDramatis: r2(ms('markterms') / ms('dramatis')),
        markReOverDramatisPainted: r2(ms('markre', 'paintedMs') / ms('dramatis', 'paintedMs')),
        perNameOverDramatis: r2(ms('pername') / ms('dramatis')),
        perNameOverDramatisMainThread: r2(ms('pername') / ms('dramatis', 'mainThreadMs')),
      },
      samples,
    };
    perPage.push(row);
    log(
      `bench: ${spec.label}: floor ${row.floorMs} ms, Dramatis ${row.dramatisMs} ms (main thread ${row.dramatisMainThreadMs}, longest task ${row.dramatisLongestTaskMs}), mark.js ${row.markReMs} ms (one regex) / ${row.markTermsMs} ms (per term), per-name ${row.perNameMs} ms`,
    );
  }

  await tab?.close();
  tab = undefined;
  log(`bench: pages done at ${r1((Date.now() - started) / 1000)} s`);

  // ---- 1b. Cold starts: a new browser context per load, so nothing of the harness is compiled yet
  // (the tab above is reused, as when reading one site: V8 has the scripts compiled after a load or two).
  const coldRuns: Record<string, Record<string, Record<string, unknown>[]>> = {};
  for (const spec of [pages.find((p) => p.key === '002') ?? pages[0]!, pages.find((p) => p.key === 'big')!]) {
    const bucket: Record<string, Record<string, unknown>[]> = { floor: [], dramatis: [], markre: [] };
    for (let run = 0; run < RUNS_COLD; run++) {
      for (const who of ['floor', 'dramatis', 'markre'] as const) {
        const fresh = await browser.newContext({ viewport: { width: 1280, height: 900 } });
        await fresh.route(
          (url) => !url.href.startsWith(server.base),
          (route) => route.abort(),
        );
        const page = await loadBenchPage(await fresh.newPage(), server.base, spec.url);
        bucket[who]!.push(await call<Record<string, unknown>>(page, RUNNERS[who]));
        await fresh.close();
      }
    }
    coldRuns[spec.key] = bucket;
  }
  const coldSummary = Object.fromEntries(
    Object.entries(coldRuns).map(([key, b]) => {
      const m = (who: string, k = 'ms') => r2(median((b[who] ?? []).map((s) => Number(s[k]))));
      return [
        key,
        {
          floorMs: m('floor'),
          dramatisMs: m('dramatis'),
          dramatisMainThreadMs: m('dramatis', 'mainThreadMs'),
          dramatisLongestTaskMs: m('dramatis', 'longestTaskMs'),
          matcherMs: m('dramatis', 'matcherMs'),
          markReMs: m('markre'),
          runs: (b.dramatis ?? []).length,
          samples: b,
        },
      ];
    }),
  );
  log(`bench: cold starts done at ${r1((Date.now() - started) / 1000)} s`);

  // ---- 2. Where Dramatis's time goes (large page) -----------------------------------------------------
  let profile: Record<string, unknown> | undefined;
  {
    const page = await open('/big.html');
    profile = await call<Record<string, unknown>>(page, 'profileDramatis');
    await page.close();
    const hover = await open('/big.html');
    await call(hover, 'runDramatis');
    profile.highlightChange = await call<Record<string, unknown>>(hover, 'runHighlightChange', 7);
    await hover.close();
    // A V8 CPU profile of one more Dramatis first pass on the large page, with the harness built
    // unminified so that the functions keep their names.
    const named = await open('/big.html', '/harness-named.js');
    const cdp = await named.context().newCDPSession(named);
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
    await cdp.send('Profiler.start');
    const profiled = await call<Record<string, unknown>>(named, 'runDramatis');
    const { profile: cpu } = await cdp.send('Profiler.stop');
    profile.cpuProfile = {
      run: { ms: profiled.ms, mainThreadMs: profiled.mainThreadMs },
      ...summarizeProfile(cpu as CpuProfile, 15),
    };
    await cdp.detach();
    await named.close();
    const pageArticle = await open(`/article/${dynBase.id}.html`);
    profile.article = await call<Record<string, unknown>>(pageArticle, 'profileDramatis');
    await pageArticle.close();
  }

  log(`bench: profile done at ${r1((Date.now() - started) / 1000)} s`);

  // ---- 3. Card latency ------------------------------------------------------------------------------
  const cardSamples: Record<string, unknown>[] = [];
  for (let i = 0; i < CARD_LOADS; i++) {
    const page = await open(`/article/${dynBase.id}.html`);
    await call(page, 'runDramatis');
    cardSamples.push(...(await call<Record<string, unknown>[]>(page, 'runCards', CARD_OPENS)));
    await page.close();
  }
  const cold = cardSamples.filter((s) => s.isFirst);
  const warm = cardSamples.filter((s) => !s.isFirst);
  const cm = (xs: Record<string, unknown>[], k: string) => r2(median(xs.map((s) => Number(s[k]))));
  const card = {
    method:
      'the real Session (page/session.ts), driven by a pointermove over each name: its hit test, HoverIntent (delay and prepare hook), card request (buildCardModel, describeMatch, detectPageTheme), painter.setActive, CardUi.prepare/show. Clock starts when the delay has elapsed.',
    hoverDelayMs: 500,
    opens: cardSamples.length,
    warm: {
      paintedMs: cm(warm, 'paintedMs'),
      rafMs: cm(warm, 'rafMs'),
      cardUiLastPaintMs: cm(warm, 'cardUiLastPaintMs'),
      syncMs: cm(warm, 'syncMs'),
      prepareMs: cm(warm, 'prepareMs'),
      maxPaintedMs: r2(Math.max(...warm.map((s) => Number(s.paintedMs)))),
    },
    first: {
      paintedMs: cm(cold, 'paintedMs'),
      rafMs: cm(cold, 'rafMs'),
      cardUiLastPaintMs: cm(cold, 'cardUiLastPaintMs'),
      syncMs: cm(cold, 'syncMs'),
      renderedMs: cm(cold, 'renderedMs'),
    },
    allPlaced: cardSamples.every((s) => s.placed === true),
    samples: cardSamples,
  };
  log(`bench: card painted ${card.warm.paintedMs} ms (warm), ${card.first.paintedMs} ms (first card)`);

  // ---- 4. Dynamic pages -----------------------------------------------------------------------------
  const dynamic: Record<string, Record<string, unknown>[]> = {
    append: [],
    appendBaseline: [],
    ticker: [],
    tickerBaseline: [],
  };
  for (let i = 0; i < Math.max(RUNS_DYNAMIC, RUNS_DYNAMIC_BASELINE); i++) {
    if (i < RUNS_DYNAMIC) {
      let page = await open('/dynamic.html');
      dynamic.append!.push(await call(page, 'runAppend', true, 30));
      await page.close();
      page = await open('/dynamic.html');
      dynamic.ticker!.push(await call(page, 'runTicker', true, 10, 3000));
      await page.close();
    }
    if (i < RUNS_DYNAMIC_BASELINE) {
      let page = await open('/dynamic.html');
      dynamic.appendBaseline!.push(await call(page, 'runAppend', false, 30));
      await page.close();
      page = await open('/dynamic.html');
      dynamic.tickerBaseline!.push(await call(page, 'runTicker', false, 10, 3000));
      await page.close();
    }
  }
  log(`bench: dynamic pages done at ${r1((Date.now() - started) / 1000)} s`);
  const dm = (xs: Record<string, unknown>[] | undefined, k: string) =>
    r2(median((xs ?? []).map((s) => Number(s[k]))));
  const dynSummary = {
    append: {
      paragraphs: 10_000,
      batches: dyn.batches.length,
      everyMs: 30,
      namesAppended: dyn.names,
      wallMs: dm(dynamic.append, 'wallMs'),
      appendPhaseMs: dm(dynamic.append, 'appendPhaseMs'),
      baselineAppendPhaseMs: dm(dynamic.appendBaseline, 'appendPhaseMs'),
      catchUpMs: dm(dynamic.append, 'catchUpMs'),
      caughtUpRuns: `${(dynamic.append ?? []).filter((x) => x.caughtUp).length}/${(dynamic.append ?? []).length}`,
      dramatisMs: dm(dynamic.append, 'dramatisMs'),
      share: dm(dynamic.append, 'share'),
      maxHeartbeatGapMs: dm(dynamic.append, 'maxHeartbeatGapMs'),
      baselineMaxHeartbeatGapMs: dm(dynamic.appendBaseline, 'maxHeartbeatGapMs'),
      dramatisLongestTaskMs: dm(dynamic.append, 'dramatisLongestTaskMs'),
      dramatisTasks: dm(dynamic.append, 'dramatisTasks'),
      mentionsAfter: dm(dynamic.append, 'mentionsAfter'),
    },
    ticker: {
      everyMs: 10,
      forMs: 3000,
      wallMs: dm(dynamic.ticker, 'wallMs'),
      dramatisMs: dm(dynamic.ticker, 'dramatisMs'),
      share: dm(dynamic.ticker, 'share'),
      maxHeartbeatGapMs: dm(dynamic.ticker, 'maxHeartbeatGapMs'),
      baselineMaxHeartbeatGapMs: dm(dynamic.tickerBaseline, 'maxHeartbeatGapMs'),
      dramatisLongestTaskMs: dm(dynamic.ticker, 'dramatisLongestTaskMs'),
      dramatisTasks: dm(dynamic.ticker, 'dramatisTasks'),
      tickerMentions: dm(dynamic.ticker, 'tickerMentions'),
    },
  };

  await context.close();
  await browser.close();
  await server.close();

  // ---- What a page pays: the real build against no extension --------------------------------------
  const pageCost = await measurePageCost({
    extensionDir: BUILD_DIR,
    loads: COST_LOADS,
    coldPairs: QUICK ? 2 : 3,
    log,
  });
  const plainCosts = pageCost.pages.filter((p) => p.namesNobody);
  const worstPlain = Math.max(...plainCosts.map((p) => p.extraScript));

  // ---- Verdicts ------------------------------------------------------------------------------------
  const bigRow = perPage.find((p) => p.url === '/big.html') as Record<string, Json>;
  const rows = perPage as Record<string, Json>[];
  const worst = (f: (r: Record<string, Json>) => number, pick: 'max' | 'min') =>
    pick === 'max' ? Math.max(...rows.map(f)) : Math.min(...rows.map(f));
  const verdicts = [
    {
      target: `Dramatis <= ${TARGETS.dramatisOverFloor}x floor (first pass, start -> every mention's range built, wall time)`,
      value: `large page ${bigRow.ratios.dramatisOverFloor}x (main-thread time alone ${bigRow.ratios.dramatisMainThreadOverFloor}x); worst page ${r1(worst((r) => r.ratios.dramatisOverFloor, 'max'))}x`,
      met: worst((r) => r.ratios.dramatisOverFloor, 'max') <= TARGETS.dramatisOverFloor,
    },
    {
      target: `mark.js >= ${TARGETS.markOverDramatis}x slower than Dramatis — mark.js with one regex (markRegExp, one DOM pass)`,
      value: `large page ${bigRow.ratios.markReOverDramatis}x (to the painted frame ${bigRow.ratios.markReOverDramatisPainted}x); worst page ${r2(worst((r) => r.ratios.markReOverDramatis, 'min'))}x`,
      met: worst((r) => r.ratios.markReOverDramatis, 'min') >= TARGETS.markOverDramatis,
    },
    {
      target: `mark.js >= ${TARGETS.markOverDramatis}x slower than Dramatis — mark.js per term (mark(terms), one DOM pass per term)`,
      value: `large page ${bigRow.ratios.markTermsOverDramatis}x (${bigRow.markTermsRuns} run); worst page ${r2(worst((r) => r.ratios.markTermsOverDramatis, 'min'))}x`,
      met: worst((r) => r.ratios.markTermsOverDramatis, 'min') >= TARGETS.markOverDramatis,
    },
    {
      target: `longest Dramatis task during the first pass <= ${TARGETS.longestTaskMs} ms`,
      value: `large page ${bigRow.dramatisLongestTaskMs} ms median (max of ${bigRow.runs} runs ${bigRow.dramatisLongestTaskMaxMs} ms); worst page median ${r1(worst((r) => r.dramatisLongestTaskMs, 'max'))} ms`,
      met: worst((r) => r.dramatisLongestTaskMs, 'max') <= TARGETS.longestTaskMs,
    },
    {
      target: `longest main-thread task of any kind during the first pass (Long Tasks API: includes the frames that paint the highlights) <= ${TARGETS.longestTaskMs} ms`,
      value: `large page ${bigRow.longtaskApiMaxMs} ms median; worst page median ${r1(worst((r) => r.longtaskApiMaxMs, 'max'))} ms`,
      met: worst((r) => r.longtaskApiMaxMs, 'max') <= TARGETS.longestTaskMs,
    },
    {
      target: `card painted <= ${TARGETS.cardPaintMs} ms after the hover delay (warm card)`,
      value: `${card.warm.paintedMs} ms median (CardUi, show to the next frame: ${card.warm.cardUiLastPaintMs} ms)`,
      met: card.warm.paintedMs <= TARGETS.cardPaintMs,
    },
    {
      target: `card painted <= ${TARGETS.cardPaintMs} ms after the hover delay (first card on a page)`,
      value: `${card.first.paintedMs} ms median (CardUi, show to the next frame: ${card.first.cardUiLastPaintMs} ms)`,
      met: card.first.paintedMs <= TARGETS.cardPaintMs,
    },
    {
      target: `content script <= ${TARGETS.contentScriptGzipKb} KB gzipped`,
      value: `content.js ${r1(size.gzipBytes / 1024)} KB (gzip -9; ${r1(size.rawBytes / 1024)} KB raw); all content scripts ${r1(size.allContentScriptsGzipBytes / 1024)} KB${size.staleSince ? ' (build older than the sources)' : ''}`,
      met: size.gzipBytes <= TARGETS.contentScriptGzipKb * 1024,
    },
    {
      target: `a page that names nobody: <= ${TARGETS.plainPageExtraScriptMs} ms extra main-thread script time per load (real build, CDP ScriptDuration, median of with minus without)`,
      value: `${plainCosts.map((p) => `${p.page} ${p.extraScript} ms`).join(', ')} (and compiling the extension's scripts, which ScriptDuration leaves out: ${plainCosts.map((p) => `${p.extensionCompile} ms`).join(', ')})`,
      met: worstPlain <= TARGETS.plainPageExtraScriptMs,
    },
  ];

  const result = {
    when: new Date().toISOString(),
    durationS: r1((Date.now() - started) / 1000),
    environment: {
      chromium: version,
      node: process.version,
      cpus: os.cpus().length,
      cpuModel: os.cpus()[0]?.model,
      markJs: markVersion,
      harnessBytes: harness.bytes,
      code: sourceFingerprint(),
      loadAverageBefore: loadBefore.map(r2),
      loadAverageAfter: os.loadavg().map(r2),
      how: "bench/harness.ts imports the extension's own modules (PageMentions, HighlightPainter, CardUi, matcherFromIndex with the build's matcher index, data/bundle.ts) and is compiled by esbuild into one IIFE injected into each page: the same source the content script is built from, not the byte-identical WXT/Vite output.",
    },
    pages: {
      big: {
        textChars: big.textChars,
        namesWritten: big.namesWritten,
        forms: big.forms,
        htmlBytes: big.html.length,
      },
    },
    contentScript: size,
    perPage,
    coldStart: coldSummary,
    profile,
    card,
    dynamic: { summary: dynSummary, samples: dynamic },
    pageCost,
    targets: TARGETS,
    verdicts,
    // The quotation finder in Node (bench/quotations.ts), reported beside the page figures.
    quotations: benchQuotations(),
  };
  log(
    `bench: quotation finder, ${result.quotations.chars} characters: median ${result.quotations.medianMs} ms, CPU ${result.quotations.cpuMs} ms (target < 10 ms)`,
  );

  mkdirSync(RESULTS, { recursive: true });
  const stamp = result.when.replace(/[:.]/g, '-');
  const file = path.join(RESULTS, `bench-${stamp}.json`);
  writeFileSync(file, JSON.stringify(result, null, 2));
  writeFileSync(path.join(RESULTS, 'latest.json'), JSON.stringify(result, null, 2));

  printReport(result as never, file);
}

function pad(s: unknown, n: number, right = false): string {
  const t = String(s);
  return right ? t.padEnd(n) : t.padStart(n);
}

function printReport(r: Record<string, Json>, file: string): void {
  const out: string[] = [];
  out.push('');
  out.push(
    `Dramatis bench — Chromium ${r.environment.chromium}, Node ${r.environment.node}, ${r.environment.cpus} CPUs, ${r.durationS} s; load average ${r.environment.loadAverageBefore[0]} before, ${r.environment.loadAverageAfter[0]} after`,
  );
  if (Math.max(r.environment.loadAverageBefore[0], r.environment.loadAverageAfter[0]) > r.environment.cpus)
    out.push(
      'WARNING: the machine was busy with other work (load average above the CPU count): timings are inflated and noisy.',
    );
  out.push(
    `Code: git ${r.environment.code.gitHead} + working tree; sha256 of the bundled sources ${r.environment.code.sourcesSha256}`,
  );
  out.push(
    "Dramatis runs the content script's own Session (page/session.ts: PageMentions, HighlightPainter, CardUi, HoverIntent), with matcherFromIndex over the build's matcher index and data/bundle.ts",
  );
  out.push(
    "compiled by esbuild into the injected harness: the same source as the content script, not the WXT bundle's bytes.",
  );
  out.push(
    'Each contestant on a fresh page load in one reused tab (scripts already compiled, as on the second page of a site;',
  );
  out.push(
    'cold starts in a new renderer process below). Medians in ms. "Dramatis" = start -> first pass complete, every range built.',
  );
  out.push('');
  const head = [
    'page',
    'chars',
    'txtnodes',
    'mentions',
    'floor',
    'Dramatis',
    'D.main',
    'D.paint',
    'markRE',
    'markTerms',
    'per-name',
    'D/floor',
    'mRE/D',
    'mTerms/D',
    'pername/D',
    'longest',
    'tasks',
  ];
  const w = [12, 8, 8, 8, 6, 8, 7, 8, 7, 9, 8, 8, 6, 8, 9, 7, 5];
  out.push(head.map((h, i) => pad(h, w[i]!, i === 0)).join(' '));
  for (const p of r.perPage) {
    out.push(
      [
        p.page,
        p.facts?.chars,
        p.facts?.nonBlankTextNodes,
        p.mentions,
        p.floorMs,
        p.dramatisMs,
        p.dramatisMainThreadMs,
        p.dramatisPaintedMs,
        p.markReMs,
        p.markTermsMs,
        p.perNameMs,
        `${p.ratios.dramatisOverFloor}x`,
        `${p.ratios.markReOverDramatis}x`,
        `${p.ratios.markTermsOverDramatis}x`,
        `${p.ratios.perNameOverDramatis}x`,
        p.dramatisLongestTaskMs,
        p.dramatisTasks,
      ]
        .map((v, i) => pad(v, w[i]!, i === 0))
        .join(' '),
    );
  }
  out.push(
    '  D.main = Dramatis main-thread time (sum of its tasks); D.paint = to the next frame after registering;',
  );
  out.push(
    '  markRE = mark.js markRegExp with one alternation of all aliases + full names (one DOM pass); markTerms = mark.js mark(terms) (a pass per term;',
  );
  out.push(
    "  once on the large page); per-name = one regex per person, a TreeWalker pass each, <span> wrapping; longest = Dramatis's longest task (median).",
  );
  const big = r.perPage.find((p: Json) => p.url === '/big.html');
  if (big) {
    out.push(
      `  large page: matches: mark.js ${big.marksRe} (one regex) / ${big.marksTerms} (per term), per-name ${big.perNameSpans}, Dramatis ${big.mentions} (names written ${r.pages.big.namesWritten});\n` +
        `  to the painted frame: Dramatis ${big.dramatisPaintedMs}, mark.js ${big.markRePaintedMs} (one regex), per-name ${big.perNamePaintedMs};\n` +
        `  a stricter floor that also reads every character (warm DOM): ${big.floorReadCharsMs} ms;\n` +
        `  Long Tasks API max during Dramatis's pass ${big.longtaskApiMaxMs} ms; longest PageMentions task ${big.pageMentionsLongestTaskMs} ms`,
    );
  }
  for (const [key, c] of Object.entries(r.coldStart ?? {}) as [string, Json][]) {
    out.push(
      `  cold start (${key === 'big' ? 'large page' : `article ${key}`}, new renderer process, ${c.runs} runs): floor ${c.floorMs}, Dramatis ${c.dramatisMs} ` +
        `(main thread ${c.dramatisMainThreadMs}, buildMatcher ${c.matcherMs}, longest task ${c.dramatisLongestTaskMs}), mark.js one regex ${c.markReMs}`,
    );
  }
  out.push('');
  const c = r.card;
  out.push(
    `Card (after the ${c.hoverDelayMs} ms hover delay, ${c.opens} opens): painted ${c.warm.paintedMs} ms median (max ${c.warm.maxPaintedMs}), first card of a page ${c.first.paintedMs} ms;`,
  );
  out.push(
    `  CardUi, show to the next frame ${c.warm.cardUiLastPaintMs} ms (first ${c.first.cardUiLastPaintMs}); work in the timer task ${c.warm.syncMs} ms; prepared during the delay ${c.warm.prepareMs} ms; placed: ${c.allPlaced}`,
  );
  const cs = r.contentScript;
  if (cs.staleSince)
    out.push(
      `WARNING: ${cs.staleSince} changed after the build: sizes are of an older build (run npx wxt build).`,
    );
  out.push(
    `Content script ${cs.file}: ${cs.rawBytes} B raw, ${cs.gzipBytes} B gzip -9 (${cs.gzipDefaultBytes} B gzip -6); built ${cs.builtAt};\n` +
      `  all content scripts of the manifest (injected in every page): ${cs.allContentScripts.map((f: Json) => `${f.file} ${f.gzipBytes} B`).join(', ')} = ${cs.allContentScriptsGzipBytes} B gzipped`,
  );
  out.push('');
  const a = r.dynamic.summary.append;
  const t = r.dynamic.summary.ticker;
  out.push(
    `Dynamic 1: ${a.paragraphs} paragraphs in ${a.batches} batches due every ${a.everyMs} ms (appending took ${a.appendPhaseMs} ms; ${a.baselineAppendPhaseMs} ms without Dramatis):\n` +
      `  Dramatis ${a.dramatisMs} ms of ${a.wallMs} ms = ${r2(a.share * 100)}% main thread, longest task ${a.dramatisLongestTaskMs} ms, ` +
      `largest heartbeat gap ${a.maxHeartbeatGapMs} ms (without Dramatis ${a.baselineMaxHeartbeatGapMs} ms);\n` +
      `  caught up ${a.catchUpMs} ms after the last append (runs caught up within 10 s: ${a.caughtUpRuns}); mentions after ${a.mentionsAfter} (names appended ${a.namesAppended}, 40 before)`,
  );
  out.push(
    `Dynamic 2: ticker every ${t.everyMs} ms for ${t.forMs} ms: Dramatis ${t.dramatisMs} ms of ${t.wallMs} ms = ${r2(t.share * 100)}% main thread, ` +
      `longest task ${t.dramatisLongestTaskMs} ms, largest heartbeat gap ${t.maxHeartbeatGapMs} ms (without Dramatis ${t.baselineMaxHeartbeatGapMs} ms)`,
  );
  out.push('');
  const pr = r.profile;
  if (pr) {
    out.push(
      `Profile, large page (${pr.blocks} blocks, ${pr.candidates} candidates, ${pr.mentions} mentions):`,
    );
    out.push(
      `  unchunked, once: buildMatcher ${pr.buildMatcherMs}, walk ${pr.walkMs}, scanText ${pr.scanMs} (normalizeText ${pr.normalizeMs}), resolveMentions ${pr.resolveOnceMs}, ranges ${pr.rangesMs}, paint ${pr.paintOnceMs}, next frame ${pr.firstFrameAfterPaintMs}`,
    );
    const cp = pr.cpuProfile;
    if (cp) {
      const fmt = (xs: [string, number][]) =>
        xs
          .slice(0, 10)
          .map(([n, d]: [string, number]) => `${n} ${d}`)
          .join(', ');
      out.push(
        `  V8 CPU profile of the real PageMentions (one more run, ${cp.run.ms} ms, profiler on): busy ${cp.busyMs} ms`,
      );
      out.push(`    self: ${fmt(cp.self)}`);
      out.push(
        `    inclusive: ${fmt(cp.inclusive.filter(([n]: [string, number]) => !/^\(root|\(anonymous|requestIdleCallback|evaluate/.test(n)))}`,
      );
    }
    const hc = pr.highlightChange;
    if (hc) {
      out.push(
        `  a hover's highlight change, to the next frame: median ${median(hc.samples)} ms (max ${Math.max(...hc.samples)}), ` +
          `${hc.registered} of ${hc.mentions} ranges registered (the rest are away from the viewport)`,
      );
    }
    if (big) {
      const d = big.samples.dramatis[0];
      if (d?.taskDurationsMs)
        out.push(`  real first pass, task durations of run 1 (ms): ${d.taskDurationsMs.join(' ')}`);
    }
  }
  out.push('');
  out.push(
    `Page cost (real build vs. no extension, ${r.pageCost.pages[0]?.loads} alternating loads each; CDP ScriptDuration / TaskDuration, ms per load):`,
  );
  for (const p of r.pageCost.pages as Json[]) {
    const marks = Object.entries(p.marks as Record<string, number>)
      .map(([k, v]) => `${k.replace('dramatis:', '')} ${v}`)
      .join(', ');
    out.push(
      `  ${p.page}${p.namesNobody ? ' (names nobody)' : ''}: extra script ${p.extraScript} (IQR ${p.extraScriptSpread.join('..')}), extra task ${p.extraTask}, compiling the extension's scripts ${p.extensionCompile}${marks ? `; marks: ${marks}` : ''}`,
    );
  }
  out.push(`  first load of a new profile, extra script: ${r.pageCost.coldExtraScript.join(', ')} ms`);
  out.push('');
  out.push('Targets:');
  for (const v of r.verdicts) out.push(`  [${v.met ? 'MET ' : 'MISS'}] ${v.target}: ${v.value}`);
  out.push('');
  out.push(`Saved ${path.relative(ROOT, file)} and bench/results/latest.json`);
  console.log(out.join('\n'));
}

/** What to close if the bench fails half-way (the browser, the server). */
const cleanups: (() => Promise<unknown>)[] = [];

main().catch(async (error: unknown) => {
  console.error('bench failed:', error);
  for (const close of cleanups.reverse()) await close().catch(() => undefined);
  process.exit(1);
});
