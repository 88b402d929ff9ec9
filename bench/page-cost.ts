/**
 * What a page pays for Dramatis: the real build (.output/chrome-mv3) loaded into Chromium, against the same
 * Chromium without it, on pages that name nobody and on the five articles. For each load, a fresh tab reads
 * CDP `Performance.getMetrics` (ScriptDuration, TaskDuration: the renderer's main thread) once the page has
 * settled; loads alternate between the two browsers, so both see the same machine load. Also the first load
 * of a new profile (cold: nothing compiled or cached yet), and the `dramatis:*` performance marks the
 * content script leaves (they share the page's timeline). ScriptDuration counts the scripts' runs, not their
 * compilation: a few traced loads per page (`traceCompile`) add what compiling the extension's scripts costs
 * the page's main thread.
 *
 * Run alone: `npx tsx bench/page-cost.ts [--loads=N]`; `npm run bench` runs it too.
 */
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { HEADLESS_CHROMIUM_FLAGS, chromiumArgs } from '../tests/e2e/support/chromium';
import { articlePages, plainPages } from './page-gen';
import { startServer, type Route } from './server';
import { recordTrace } from './trace';

const ROOT = path.resolve(import.meta.dirname, '..');
const CHROMIUM = process.env.CHROMIUM_BIN ?? '/usr/bin/chromium';

/** One page's figures, in milliseconds of main-thread time per load. */
export interface PageCost {
  page: string;
  namesNobody: boolean;
  loads: number;
  /** Medians with and without the extension, and the median of the paired differences. */
  scriptWith: number;
  scriptWithout: number;
  extraScript: number;
  extraScriptSpread: [number, number];
  extraTask: number;
  /**
   * Main-thread time compiling the extension's scripts in the page (median of COMPILE_TRACES traced loads
   * with the extension): part of the page's cost that ScriptDuration leaves out.
   */
  extensionCompile: number;
  /** The content script's own marks (name -> median ms since navigation start), where it leaves any. */
  marks: Record<string, number>;
}

/** The whole page-cost report. */
export interface PageCostReport {
  pages: PageCost[];
  /** First load of a fresh profile: extra ScriptDuration, one figure per profile pair. */
  coldExtraScript: number[];
}

/** One load's main-thread figures (ms) and the content script's marks (ms since navigation start). */
export interface LoadFigures {
  script: number;
  task: number;
  marks: Record<string, number>;
}

/** The median (NaN for none). */
export const median = (xs: readonly number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  if (s.length === 0) return NaN;
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
};
/** The `q` quantile (nearest rank). */
export const quantile = (xs: readonly number[], q: number): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.round(q * (s.length - 1))))] ?? NaN;
};
/** Rounded to 0.01. */
export const round = (x: number) => Math.round(x * 100) / 100;

/** Task time per 100 ms poll below which the tab counts as quiet (see measureLoad). */
const QUIET_TASK_MS = 1.5;

/** Loads `url` in a new tab of `context` and reads the main thread's time once the page is quiet. */
export async function measureLoad(context: BrowserContext, url: string): Promise<LoadFigures> {
  const page = await context.newPage();
  try {
    const cdp = await context.newCDPSession(page);
    await cdp.send('Performance.enable');
    await page.goto(url, { waitUntil: 'load' });
    const read = async () => {
      const { metrics } = await cdp.send('Performance.getMetrics');
      const get = (name: string) => (metrics.find((m) => m.name === name)?.value ?? 0) * 1000;
      return { script: get('ScriptDuration'), task: get('TaskDuration') };
    };
    // Settled: the main thread's task time has not grown for 400 ms (idle-time work included), at most 8 s.
    // "Not grown" allows QUIET_TASK_MS per 100 ms poll: an idle tab's own housekeeping, and the metrics
    // read itself, add 0.3-0.6 ms a poll with or without the extension (seen on Chromium 156), which a
    // stricter line mistook for work, so that loads ran to the 8 s limit.
    let last = await read();
    const deadline = Date.now() + 8_000;
    for (let quietSince = Date.now(); Date.now() - quietSince < 400 && Date.now() < deadline;) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      const now = await read();
      if (now.task - last.task > QUIET_TASK_MS) quietSince = Date.now();
      last = now;
    }
    return { ...last, marks: await readMarks(page) };
  } finally {
    await page.close();
  }
}

/** How many loads of each page are traced for the compile of the extension's scripts. */
const COMPILE_TRACES = 3;

/**
 * Loads `url` in a new tab of `context` with a trace running; returns the ms the page's main thread
 * (CrRendererMain) spent compiling the extension's scripts (V8's `v8.compile` of chrome-extension: URLs).
 */
export async function traceCompile(context: BrowserContext, url: string): Promise<number> {
  const page = await context.newPage();
  try {
    const cdp = await context.newCDPSession(page);
    const { events } = await recordTrace(cdp, 'v8,__metadata', async () => {
      await page.goto(url, { waitUntil: 'load' });
      await page.waitForTimeout(1_000);
    });
    const mainThreads = new Set(
      events
        .filter((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain')
        .map((e) => `${e.pid}:${e.tid}`),
    );
    const compiles = events.filter(
      (e) =>
        e.name === 'v8.compile' &&
        e.ph === 'X' &&
        mainThreads.has(`${e.pid}:${e.tid}`) &&
        (e.args?.data?.url ?? '').startsWith('chrome-extension://'),
    );
    return compiles.reduce((total, e) => total + (e.dur ?? 0), 0) / 1000;
  } finally {
    await page.close();
  }
}

/** The content script's `dramatis:*` marks on `page`'s timeline: name -> ms since the navigation started. */
export function readMarks(page: Page): Promise<Record<string, number>> {
  return page.evaluate(() =>
    Object.fromEntries(
      performance
        .getEntriesByType('mark')
        .filter((m) => m.name.startsWith('dramatis:'))
        .map((m) => [m.name, m.startTime]),
    ),
  );
}

/** Fresh profile folders (`make`), all removed at the end (`removeAll`). */
export function tempProfiles(): { make: () => string; removeAll: () => void } {
  const dirs: string[] = [];
  return {
    make: () => {
      const dir = mkdtempSync(path.join(os.tmpdir(), 'dramatis-cost-'));
      dirs.push(dir);
      return dir;
    },
    removeAll: () => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })),
  };
}

/** Chromium with the extension in `extensionDir` (none: without), on the profile `userDataDir`. */
export async function launch(extensionDir: string | undefined, userDataDir: string): Promise<BrowserContext> {
  const args = extensionDir ? chromiumArgs(extensionDir) : [...HEADLESS_CHROMIUM_FLAGS];
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    headless: true,
    args,
    viewport: { width: 1280, height: 900 },
  });
  if (extensionDir && context.serviceWorkers().length === 0) {
    await context.waitForEvent('serviceworker', { timeout: 20_000 });
  }
  return context;
}

/** Measures the built extension's cost per page load (see the file comment). */
export async function measurePageCost(
  options: { extensionDir?: string; loads?: number; coldPairs?: number; log?: (line: string) => void } = {},
): Promise<PageCostReport> {
  const extensionDir = options.extensionDir ?? path.join(ROOT, '.output/chrome-mv3');
  const loads = options.loads ?? 16;
  const coldPairs = options.coldPairs ?? 3;
  const log = options.log ?? ((line: string) => console.error(line));
  if (!existsSync(path.join(extensionDir, 'manifest.json'))) {
    throw new Error(`page-cost: no build in ${extensionDir}: run \`npx wxt build\` first`);
  }
  const plain = plainPages();
  const routes = new Map<string, Route>([['/favicon.ico', { type: 'image/x-icon', body: '' }]]);
  const pages: { id: string; namesNobody: boolean }[] = [];
  for (const p of plain) {
    routes.set(`/${p.id}.html`, { type: 'text/html; charset=utf-8', body: p.html });
    pages.push({ id: p.id, namesNobody: true });
  }
  for (const a of articlePages()) {
    routes.set(`/${a.id}.html`, { type: 'text/html; charset=utf-8', body: a.html });
    pages.push({ id: a.id, namesNobody: false });
  }
  const server = await startServer(routes);
  const profiles = tempProfiles();
  const tempDir = profiles.make;
  const contexts: BrowserContext[] = [];
  try {
    // Cold: the first load of a new profile, with and without, alternating which goes first.
    const coldExtraScript: number[] = [];
    for (let pair = 0; pair < coldPairs; pair++) {
      const figures: Record<'with' | 'without', number> = { with: 0, without: 0 };
      for (const mode of pair % 2 ? (['without', 'with'] as const) : (['with', 'without'] as const)) {
        const context = await launch(mode === 'with' ? extensionDir : undefined, tempDir());
        figures[mode] = (await measureLoad(context, `${server.base}/plain-article.html`)).script;
        await context.close();
      }
      coldExtraScript.push(round(figures.with - figures.without));
    }
    log(`page-cost: cold first load, extra script ms: ${coldExtraScript.join(', ')}`);

    const withExt = await launch(extensionDir, tempDir());
    contexts.push(withExt);
    const without = await launch(undefined, tempDir());
    contexts.push(without);
    // One warm-up load each, so that both have compiled and cached what a second page would have.
    await measureLoad(withExt, `${server.base}/plain-article.html`);
    await measureLoad(without, `${server.base}/plain-article.html`);

    const results: PageCost[] = [];
    for (const { id, namesNobody } of pages) {
      const url = `${server.base}/${id}.html`;
      const w: LoadFigures[] = [];
      const wo: LoadFigures[] = [];
      for (let i = 0; i < loads; i++) {
        if (i % 2) {
          wo.push(await measureLoad(without, url));
          w.push(await measureLoad(withExt, url));
        } else {
          w.push(await measureLoad(withExt, url));
          wo.push(await measureLoad(without, url));
        }
      }
      const diffs = w.map((x, i) => x.script - wo[i]!.script);
      const taskDiffs = w.map((x, i) => x.task - wo[i]!.task);
      const markNames = new Set(w.flatMap((x) => Object.keys(x.marks)));
      const marks = Object.fromEntries(
        [...markNames].map((name) => [
          name,
          round(median(w.map((x) => x.marks[name] ?? NaN).filter(Number.isFinite))),
        ]),
      );
      const compiles: number[] = [];
      for (let i = 0; i < COMPILE_TRACES; i++) compiles.push(await traceCompile(withExt, url));
      const cost: PageCost = {
        page: id,
        namesNobody,
        loads,
        scriptWith: round(median(w.map((x) => x.script))),
        scriptWithout: round(median(wo.map((x) => x.script))),
        extraScript: round(median(diffs)),
        extraScriptSpread: [round(quantile(diffs, 0.25)), round(quantile(diffs, 0.75))],
        extraTask: round(median(taskDiffs)),
        extensionCompile: round(median(compiles)),
        marks,
      };
      log(
        `page-cost: ${id}: extra script ${cost.extraScript} ms (IQR ${cost.extraScriptSpread.join('..')}), ` +
          `extra task ${cost.extraTask} ms; with ${cost.scriptWith}, without ${cost.scriptWithout}; ` +
          `compiling the extension's scripts ${cost.extensionCompile} ms (not in ScriptDuration)`,
      );
      results.push(cost);
    }
    return { pages: results, coldExtraScript };
  } finally {
    for (const context of contexts) await context.close().catch(() => undefined);
    await server.close();
    profiles.removeAll();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const loadsArg = process.argv.find((a) => a.startsWith('--loads='));
  const report = await measurePageCost({ loads: loadsArg ? Number(loadsArg.slice(8)) : undefined });
  console.log(JSON.stringify(report, null, 2));
}
