/**
 * What the quote check (issue 13) adds to a page's main thread: the built extension (.output/chrome-mv3)
 * in two Chromium profiles, one with the quote check on (the default) and one with `quoteHighlight: off`,
 * loading the same pages alternately, on first in one pair and off first in the next (the bench's pages:
 * the five articles, which quote knowledge-base people, the large page, and the three pages that name
 * nobody). For each page: the paired differences (on minus off) of CDP ScriptDuration and TaskDuration,
 * as median, interquartile range and extremes, and the load average before and after it (the machine is
 * shared: a difference smaller than its spread is noise).
 *
 * Whole loads on a shared machine swing by far more than the check costs, so the bench first measures it
 * directly (`--part=direct`): bench/quote-page.ts, injected into each page in Chromium without the
 * extension, runs the content script's own PageMentions and PageQuotes and times the main-thread work
 * the quote check adds (following the scan, handling the answers, painting), the background's check
 * excluded; median and spread over `--loads` fresh loads.
 *
 * Run: `npx tsx bench/quote-cost.ts [--loads=N] [--pages=a,b] [--part=direct|paired]` (paired needs
 * `npx wxt build`); prints one line per page as it goes, then Markdown tables (bench/results/issue-13.md).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { bundlePageScript } from './build-harness';
import { launch, measureLoad, median, quantile } from './page-cost';
import { articlePages, bigPage, plainPages } from './page-gen';
import { startServer, type Route } from './server';
import { argOf } from './args';

const ROOT = path.resolve(import.meta.dirname, '..');
const loads = Number(argOf('loads') ?? 8);
const only = argOf('pages')?.split(',');
const part = argOf('part');
const extensionDir = path.join(ROOT, '.output/chrome-mv3');

const html = 'text/html; charset=utf-8';
const routes = new Map<string, Route>([['/favicon.ico', { type: 'image/x-icon', body: '' }]]);
const pages: { id: string; label: string }[] = [];
const addPage = (id: string, label: string, body: string) => {
  if (only && !only.includes(id)) return;
  routes.set(`/${id}.html`, { type: html, body });
  pages.push({ id, label });
};
for (const p of articlePages()) addPage(p.id, `article ${p.id.slice(0, 3)}`, p.html);
addPage('big', 'large page (1.1 M chars)', bigPage().html);
for (const p of plainPages()) addPage(p.id, `${p.id} (names nobody)`, p.html);

/** "median (p25 to p75; min to max)", in ms. */
const spread = (xs: readonly number[]) =>
  `${median(xs).toFixed(2)} (${quantile(xs, 0.25).toFixed(2)} to ${quantile(xs, 0.75).toFixed(2)}; ${Math.min(...xs).toFixed(2)} to ${Math.max(...xs).toFixed(2)})`;
const loadAverage = () => os.loadavg()[0]!.toFixed(1);

const server = await startServer(routes);
try {
  if (part !== 'paired') await measureDirect();
  if (part !== 'direct') await measurePaired();
} finally {
  await server.close();
}

/** The quote check's own main-thread work, timed in the page (see the file comment). */
async function measureDirect(): Promise<void> {
  const script = await bundlePageScript(path.join(ROOT, 'bench/quote-page.ts'));
  routes.set('/quote-page.js', { type: 'text/javascript', body: script.code });
  const dir = mkdtempSync(path.join(os.tmpdir(), 'dramatis-quote-direct-'));
  const context = await launch(undefined, dir);
  const rows: string[] = [];
  try {
    const page = await context.newPage();
    for (const { id, label } of pages) {
      const runs: Record<'main' | 'note' | 'answer' | 'background' | 'scan', number[]> = {
        main: [],
        note: [],
        answer: [],
        background: [],
        scan: [],
      };
      let counts = '';
      const loadBefore = loadAverage();
      for (let i = 0; i < loads; i++) {
        await page.goto(`${server.base}/${id}.html`, { waitUntil: 'load' });
        await page.addScriptTag({ url: '/quote-page.js' });
        const r = await page.evaluate(() =>
          (
            window as unknown as {
              __quoteBench: {
                measure(): Promise<{
                  quoteMainMs: number;
                  noteMs: number;
                  answerMs: number;
                  backgroundMs: number;
                  scanMs: number;
                  requests: number;
                  blocksSent: number;
                  quotations: number;
                  painted: number;
                }>;
              };
            }
          ).__quoteBench.measure(),
        );
        runs.main.push(r.quoteMainMs);
        runs.note.push(r.noteMs);
        runs.answer.push(r.answerMs);
        runs.background.push(r.backgroundMs);
        runs.scan.push(r.scanMs);
        counts = `${r.blocksSent} blocks in ${r.requests} requests, ${r.quotations} quotations (${r.painted} painted)`;
      }
      const loadAfter = loadAverage();
      console.log(
        `quote-cost direct: ${label}: main thread ${spread(runs.main)} ms (following the scan ${median(runs.note).toFixed(2)}, answers ${median(runs.answer).toFixed(2)}); background ${median(runs.background).toFixed(1)} ms; scan ${median(runs.scan).toFixed(1)} ms; ${counts}; load average ${loadBefore} to ${loadAfter}`,
      );
      rows.push(
        `| ${label} | ${spread(runs.main)} | ${median(runs.note).toFixed(2)} | ${median(runs.answer).toFixed(2)} | ${median(runs.background).toFixed(1)} | ${median(runs.scan).toFixed(1)} | ${counts} | ${loadBefore} to ${loadAfter} |`,
      );
    }
  } finally {
    await context.close();
    rmSync(dir, { recursive: true, force: true });
  }
  console.log(
    [
      '',
      `| page | quote check, main thread: median (p25 to p75; min to max), ms | following the scan, ms | handling answers and painting, ms | background's check (not main thread), ms | the scan's first pass, for scale, ms | sent and found | load average (1 min) |`,
      '| --- | --- | --- | --- | --- | --- | --- | --- |',
      ...rows,
      '',
    ].join('\n'),
  );
}

/** Whole loads of the built extension, check on and off alternately (see the file comment). */
async function measurePaired(): Promise<void> {
  const dirs = [0, 1].map(() => mkdtempSync(path.join(os.tmpdir(), 'dramatis-quote-cost-')));
  const on = await launch(extensionDir, dirs[0]!);
  const off = await launch(extensionDir, dirs[1]!);
  const rows: string[] = [];
  try {
    // The setting as the options page stores it (platform/settings-store.ts: one key per setting).
    await off.serviceWorkers()[0]!.evaluate(() =>
      (
        globalThis as unknown as { chrome: { storage: { local: { set(v: object): Promise<void> } } } }
      ).chrome.storage.local.set({
        'settings.quoteHighlight': 'off',
      }),
    );
    // One warm-up load each: the first load of a profile compiles the content script.
    for (const context of [on, off]) await measureLoad(context, `${server.base}/${pages[0]!.id}.html`);
    for (const { id, label } of pages) {
      const url = `${server.base}/${id}.html`;
      const script: number[] = [];
      const task: number[] = [];
      const offScript: number[] = [];
      const loadBefore = loadAverage();
      for (let i = 0; i < loads; i++) {
        const first = i % 2 ? off : on;
        const a = await measureLoad(first, url);
        const b = await measureLoad(first === on ? off : on, url);
        const [withCheck, without] = first === on ? [a, b] : [b, a];
        script.push(withCheck.script - without.script);
        task.push(withCheck.task - without.task);
        offScript.push(without.script);
      }
      const loadAfter = loadAverage();
      console.log(
        `quote-cost: ${label}: on minus off, ScriptDuration ${spread(script)} ms, TaskDuration ${spread(task)} ms over ${loads} pairs; load average ${loadBefore} to ${loadAfter}`,
      );
      rows.push(
        `| ${label} | ${spread(script)} | ${spread(task)} | ${median(offScript).toFixed(1)} | ${loadBefore} to ${loadAfter} |`,
      );
    }
  } finally {
    await on.close();
    await off.close();
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  }
  console.log(
    [
      '',
      `| page | ScriptDuration, on minus off: median (p25 to p75; min to max), ms | TaskDuration, same | ScriptDuration with the check off (median), ms | load average (1 min) |`,
      '| --- | --- | --- | --- | --- |',
      ...rows,
    ].join('\n'),
  );
}
