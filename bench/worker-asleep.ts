/**
 * A page that names someone, loaded with the extension's service worker stopped just before (as it is after
 * half a minute without work), in Chromium with each build given in turn: prints the medians of the
 * `dramatis:*` marks as ms after `dramatis:start`, for seeing what waking the background costs the first
 * paint (`session-loaded`, `first-painted`). The navigation itself wakes the worker (the background
 * follows tab loads), so the worker may still be starting when the content script asks for something.
 * `--awake` leaves the worker running, for the same figures without the wake-up.
 *
 * `npx tsx bench/worker-asleep.ts DIR [DIR...] [--loads=6] [--awake]`
 */
import { articlePages } from './page-gen';
import { launch, median, readMarks, round, tempProfiles } from './page-cost';
import { startServer, type Route } from './server';
import { argOf } from './args';

const dirs = process.argv.slice(2).filter((a) => !a.startsWith('--'));
if (dirs.length === 0) throw new Error('worker-asleep: give one or more extension directories');
const loads = Number(argOf('loads') ?? 6);
const isAwake = process.argv.includes('--awake');
const article = articlePages().find((p) => p.id.startsWith('002'))!;
const server = await startServer(
  new Map<string, Route>([
    ['/favicon.ico', { type: 'image/x-icon', body: '' }],
    ['/article.html', { type: 'text/html; charset=utf-8', body: article.html }],
  ]),
);
const profiles = tempProfiles();
try {
  for (const dir of dirs) {
    const context = await launch(dir, profiles.make());
    const after: Record<string, number[]> = {};
    // The first load only warms the profile up (caches, compiled code); the others are measured.
    for (let i = 0; i <= loads; i++) {
      const tab = await context.newPage();
      if (i > 0 && !isAwake) {
        const cdp = await context.newCDPSession(tab);
        await cdp.send('ServiceWorker.enable');
        await cdp.send('ServiceWorker.stopAllWorkers');
        await new Promise((resolve) => setTimeout(resolve, 300));
      }
      await tab.goto(`${server.base}/article.html`, { waitUntil: 'load' });
      await tab
        .waitForFunction(() => performance.getEntriesByName('dramatis:card-loaded').length > 0, undefined, {
          timeout: 10_000,
        })
        .catch(() => undefined); // the marks so far are reported
      const marks = await readMarks(tab);
      const start = marks['dramatis:start'] ?? NaN;
      if (i > 0)
        for (const [name, at] of Object.entries(marks))
          if (name !== 'dramatis:start') (after[name] ??= []).push(at - start);
      await tab.close();
    }
    const line = Object.entries(after)
      .map(([name, xs]) => `${name.slice(9)} +${round(median(xs))}`)
      .join(', ');
    console.log(`${dir} (${loads} loads, worker ${isAwake ? 'awake' : 'stopped before each'}): ${line}`);
    await context.close();
  }
} finally {
  profiles.removeAll();
  await server.close();
}
