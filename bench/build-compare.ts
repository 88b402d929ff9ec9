/**
 * Two builds of the extension side by side: the same pages loaded in Chromium with build A, with build B
 * and without any, in turn (A, B, none; the order rotates), so that all three see the same machine load.
 * Per page and build: the extra main-thread script time against no extension (CDP ScriptDuration, median of
 * the paired differences and its IQR) and the content script's `dramatis:*` marks as ms after its
 * `dramatis:start` (medians). `--cold=N` adds N first loads of a fresh profile per build (nothing compiled
 * or cached). For before/after figures of a change to the content script (bench/results/issue-10.md).
 *
 * `npx tsx bench/build-compare.ts DIR_A DIR_B [--loads=8] [--cold=0] [--pages=plain-article,002_508fa90569225c0e]`
 */
import type { BrowserContext } from 'playwright-core';
import os from 'node:os';
import { articlePages, plainPages } from './page-gen';
import { launch, measureLoad, median, quantile, round, tempProfiles, type LoadFigures } from './page-cost';
import { startServer, type Route } from './server';
import { argOf } from './args';

const [dirA, dirB] = process.argv.slice(2).filter((a) => !a.startsWith('--'));
if (!dirA || !dirB) throw new Error('build-compare: give two extension directories (DIR_A DIR_B)');
const loads = Number(argOf('loads') ?? 8);
const cold = Number(argOf('cold') ?? 0);
const wanted = (argOf('pages') ?? 'plain-article,plain-reference,plain-10k-nodes,002_508fa90569225c0e').split(
  ',',
);

const all = [...plainPages(), ...articlePages()];
const pages = wanted.map((id) => {
  const page = all.find((p) => p.id === id);
  if (!page) throw new Error(`build-compare: no page "${id}" (ids: ${all.map((p) => p.id).join(', ')})`);
  return page;
});
const routes = new Map<string, Route>([['/favicon.ico', { type: 'image/x-icon', body: '' }]]);
for (const p of pages) routes.set(`/${p.id}.html`, { type: 'text/html; charset=utf-8', body: p.html });
const server = await startServer(routes);
const profiles = tempProfiles();
const tempDir = profiles.make;
const BUILDS = [
  { name: 'A', dir: dirA },
  { name: 'B', dir: dirB },
  { name: 'none', dir: undefined },
] as const;
type Name = (typeof BUILDS)[number]['name'];

/** One line per build: extra script time against `none`, and the marks after start. */
function report(label: string, figures: Record<Name, LoadFigures[]>): void {
  console.log(`${label} (${figures.A.length} loads each)`);
  for (const build of ['A', 'B'] as const) {
    const diffs = figures[build].map((x, i) => x.script - (figures.none[i]?.script ?? NaN));
    const names = [...new Set(figures[build].flatMap((x) => Object.keys(x.marks)))].filter(
      (n) => n !== 'dramatis:start',
    );
    const marks = names.map((name) => {
      const after = figures[build].map((x) => (x.marks[name] ?? NaN) - (x.marks['dramatis:start'] ?? NaN));
      return `${name.slice(9)} +${round(median(after.filter(Number.isFinite)))}`;
    });
    console.log(
      `  ${build}: extra script ${round(median(diffs))} ms (IQR ${round(quantile(diffs, 0.25))}..${round(
        quantile(diffs, 0.75),
      )}); ${marks.join(', ')}`,
    );
  }
}

const contexts: BrowserContext[] = [];
try {
  console.log(
    `A = ${dirA}\nB = ${dirB}\nload average ${os
      .loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')}`,
  );
  if (cold > 0) {
    const figures: Record<Name, LoadFigures[]> = { A: [], B: [], none: [] };
    for (let i = 0; i < cold; i++) {
      for (let k = 0; k < BUILDS.length; k++) {
        const build = BUILDS[(i + k) % BUILDS.length]!;
        const context = await launch(build.dir, tempDir());
        figures[build.name].push(await measureLoad(context, `${server.base}/${pages[0]!.id}.html`));
        await context.close();
      }
    }
    report(`cold first load of ${pages[0]!.id}`, figures);
  }
  const open = {} as Record<Name, BrowserContext>;
  for (const build of BUILDS) {
    open[build.name] = await launch(build.dir, tempDir());
    contexts.push(open[build.name]);
    await measureLoad(open[build.name], `${server.base}/${pages[0]!.id}.html`); // warm-up
  }
  for (const page of pages) {
    const figures: Record<Name, LoadFigures[]> = { A: [], B: [], none: [] };
    for (let i = 0; i < loads; i++) {
      for (let k = 0; k < BUILDS.length; k++) {
        const build = BUILDS[(i + k) % BUILDS.length]!;
        figures[build.name].push(await measureLoad(open[build.name], `${server.base}/${page.id}.html`));
      }
    }
    report(page.id, figures);
  }
  console.log(
    `load average ${os
      .loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')}`,
  );
} finally {
  for (const context of contexts) await context.close().catch(() => undefined);
  await server.close();
  profiles.removeAll();
}
