/**
 * What the quote check (issue 13) adds to a page's main thread: the built extension (.output/chrome-mv3)
 * in two Chromium profiles, one with the quote check on (the default) and one with `quoteHighlight: off`,
 * loading the same pages alternately (the five articles, which quote knowledge-base people, and pages
 * that name nobody). Reports the median of the paired differences in CDP ScriptDuration per page.
 *
 * Run: `npx tsx bench/quote-cost.ts [--loads=N]` after `npx wxt build`.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { launch, measureLoad, median } from './page-cost';
import { articlePages, plainPages } from './page-gen';
import { startServer, type Route } from './server';

const ROOT = path.resolve(import.meta.dirname, '..');
const loadsArg = process.argv.find((a) => a.startsWith('--loads='));
const loads = loadsArg ? Number(loadsArg.slice(8)) : 8;
const extensionDir = path.join(ROOT, '.output/chrome-mv3');

const routes = new Map<string, Route>([['/favicon.ico', { type: 'image/x-icon', body: '' }]]);
const pages: string[] = [];
for (const p of [...articlePages(), ...plainPages().slice(0, 2)]) {
  routes.set(`/${p.id}.html`, { type: 'text/html; charset=utf-8', body: p.html });
  pages.push(p.id);
}
const server = await startServer(routes);
const dirs = [0, 1].map(() => mkdtempSync(path.join(os.tmpdir(), 'dramatis-quote-cost-')));
const on = await launch(extensionDir, dirs[0]!);
const off = await launch(extensionDir, dirs[1]!);
try {
  // The setting as the options page stores it (platform/settings-store.ts: one key per setting).
  await off.serviceWorkers()[0]!.evaluate(() =>
    (
      globalThis as unknown as { chrome: { storage: { local: { set(v: object): Promise<void> } } } }
    ).chrome.storage.local.set({
      'settings.quoteHighlight': 'off',
    }),
  );
  for (const context of [on, off]) await measureLoad(context, `${server.base}/${pages[0]}.html`);
  for (const id of pages) {
    const url = `${server.base}/${id}.html`;
    const diffs: number[] = [];
    for (let i = 0; i < loads; i++) {
      const first = i % 2 ? off : on;
      const a = await measureLoad(first, url);
      const b = await measureLoad(first === on ? off : on, url);
      diffs.push(first === on ? a.script - b.script : b.script - a.script);
    }
    console.log(
      `quote-cost: ${id}: quote check on minus off, ScriptDuration median ${median(diffs).toFixed(2)} ms over ${loads} pairs`,
    );
  }
} finally {
  await on.close();
  await off.close();
  await server.close();
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
}
