/**
 * Where one cold load's time goes: the first page load of a fresh Chromium profile with the real build
 * (.output/chrome-mv3, or the directory given), traced, on a page that names nobody (or `--page=ID`, an id of
 * plainPages() or articlePages()). Prints the content script's compile and evaluation (trace events naming
 * content.js), the rest of its main-thread script time, and the `dramatis:*` marks it leaves (ms since the
 * navigation started). `--cpuprofile=FILE` also writes a V8 CPU profile of the load (read it with
 * bench/profile-summary.ts; build unminified to keep function names).
 * `--warm` traces the second load instead (the script compiled and cached, as on a site's second page).
 * Durations are wall time, with the thread's CPU time beside them (what a loaded machine inflates less).
 * `--trace=FILE` keeps the trace (bench/trace-summary.ts reads it).
 * `npx tsx bench/load-profile.ts [EXTENSION_DIR] [--page=plain-article] [--warm] [--cpuprofile=FILE] [--trace=FILE]`.
 */
import { chromium } from 'playwright-core';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromiumArgs } from '../tests/e2e/support/chromium';
import { articlePages, plainPages } from './page-gen';
import { startServer } from './server';
import { recordTrace, type TraceEvent } from './trace';

const ROOT = path.resolve(import.meta.dirname, '..');
const ms = (us: number) => Math.round(us / 10) / 100;

/** Traces one cold load and sums the content script's share of it. */
async function profileColdLoad(
  extensionDir: string,
  pageId: string,
  options: { cpuProfile?: string; traceFile?: string; isWarm?: boolean },
): Promise<void> {
  const { cpuProfile, isWarm = false } = options;
  const page = [...plainPages(), ...articlePages()].find((p) => p.id === pageId);
  if (!page) throw new Error(`load-profile: no page "${pageId}"`);
  const server = await startServer(new Map([[`/${page.id}.html`, { type: 'text/html', body: page.html }]]));
  const dir = mkdtempSync(path.join(os.tmpdir(), 'dramatis-profile-'));
  const context = await chromium.launchPersistentContext(dir, {
    executablePath: process.env.CHROMIUM_BIN ?? '/usr/bin/chromium',
    headless: true,
    args: chromiumArgs(extensionDir),
  });
  try {
    if (context.serviceWorkers().length === 0) await context.waitForEvent('serviceworker');
    const url = `${server.base}/${page.id}.html`;
    if (isWarm) {
      // A second page of the site: the content script compiled and cached by the first.
      const first = await context.newPage();
      await first.goto(url, { waitUntil: 'load' });
      await first.waitForTimeout(1000);
      await first.close();
    }
    const tab = await context.newPage();
    const cdp = await context.newCDPSession(tab);
    const categories = 'devtools.timeline,v8,disabled-by-default-devtools.timeline,blink.user_timing';
    const { events, result: marks } = await recordTrace(cdp, categories, async () => {
      if (cpuProfile) {
        await cdp.send('Profiler.enable');
        await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
        await cdp.send('Profiler.start');
      }
      await tab.goto(url, { waitUntil: 'load' });
      await tab.waitForTimeout(1500);
      if (cpuProfile) writeFileSync(cpuProfile, JSON.stringify((await cdp.send('Profiler.stop')).profile));
      return tab.evaluate(() =>
        performance
          .getEntriesByType('mark')
          .filter((m) => m.name.startsWith('dramatis:'))
          .map((m) => `${m.name} ${m.startTime.toFixed(1)}`),
      );
    });
    if (options.traceFile) writeFileSync(options.traceFile, JSON.stringify({ traceEvents: events }));
    const isContent = (e: TraceEvent) =>
      /content-scripts\/content\.js/.test(
        e.args?.data?.url ?? e.args?.fileName ?? e.args?.data?.fileName ?? '',
      );
    const sum = (names: string[]) => {
      const found = events.filter((e) => e.ph === 'X' && names.includes(e.name) && isContent(e));
      const wall = found.reduce((total, e) => total + (e.dur ?? 0), 0);
      const cpu = found.reduce((total, e) => total + (e.tdur ?? 0), 0);
      return `${ms(wall)} (CPU ${ms(cpu)})`;
    };
    console.log(`page ${page.id}, ${isWarm ? 'warm (second load)' : 'cold (first load of a new profile)'}`);
    console.log(`content.js compile: ${sum(['v8.compile', 'V8.CompileCode'])} ms`);
    // EvaluateScript (Blink) wraps v8.run (V8): listed apart, not added up.
    console.log(
      `content.js evaluation (top level, includes main()): EvaluateScript ${sum(['EvaluateScript'])} ms`,
    );
    console.log(`  of which V8 ran the script: ${sum(['v8.run'])} ms`);
    console.log(`content.js function calls after it (callbacks, tasks): ${sum(['FunctionCall'])} ms`);
    console.log(`marks (ms since navigation start):\n  ${marks.join('\n  ')}`);
  } finally {
    await context.close();
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

const dirArg = process.argv.slice(2).find((a) => !a.startsWith('--'));
const pageArg = process.argv.find((a) => a.startsWith('--page='))?.slice(7) ?? 'plain-article';
await profileColdLoad(dirArg ?? path.join(ROOT, '.output/chrome-mv3'), pageArg, {
  cpuProfile: process.argv.find((a) => a.startsWith('--cpuprofile='))?.slice(13),
  traceFile: process.argv.find((a) => a.startsWith('--trace='))?.slice(8),
  isWarm: process.argv.includes('--warm'),
});
