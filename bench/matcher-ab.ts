/**
 * The matcher of this tree against the matcher of another checkout (the commit before a change), in one
 * process, in alternating rounds over the same blocks as `npm run bench:matcher`: on a shared machine
 * the load then weighs on both alike, and the CPU time each round used is compared as well as its wall
 * time. Usage (issue 15's figures, bench/results/issue-15.md):
 *   git archive f2c4923 | tar -x -C /tmp/base && ln -s "$PWD/node_modules" /tmp/base/node_modules
 *   npx tsx bench/matcher-ab.ts /tmp/base
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import * as current from '../core/matcher';
import { loadKnowledgeBase, PROJECT_ROOT } from '../scripts/kb-files';
import { matcherBenchBlocks } from './matcher-blocks';

type MatcherModule = typeof current;
const baseDir = resolve(process.argv[2] ?? '');
const base = (await import(join(baseDir, 'core', 'matcher.ts'))) as MatcherModule;
const baseKb = (await import(join(baseDir, 'scripts', 'kb-files.ts'))) as {
  loadKnowledgeBase: typeof loadKnowledgeBase;
};
const { names } = JSON.parse(readFileSync(join(PROJECT_ROOT, 'data', 'given-names.json'), 'utf8')) as {
  names: string[];
};
const sides = [
  { name: 'base', lib: base, people: baseKb.loadKnowledgeBase().people },
  { name: 'this tree', lib: current, people: loadKnowledgeBase().people },
].map((side) => ({
  ...side,
  matcher: side.lib.buildMatcher(side.people, names),
  wall: [] as number[],
  cpu: [] as number[],
}));

const rounds = Number(process.env.ROUNDS ?? 25);
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? NaN;
for (const [label, blocks] of matcherBenchBlocks()) {
  const mentions = sides.map(() => 0);
  for (const side of sides) side.wall = side.cpu = [];
  for (let r = 0; r < rounds + 3; r++) {
    const order = r % 2 === 0 ? sides : [...sides].reverse();
    for (const side of order) {
      const cpu0 = process.cpuUsage();
      const t0 = performance.now();
      const resolved = side.lib.resolveMentions(blocks.map((text) => side.lib.scanText(side.matcher, text)));
      const wall = performance.now() - t0;
      const cpu = process.cpuUsage(cpu0);
      if (r < 3) continue; // the first rounds warm the JIT up
      side.wall = [...side.wall, wall];
      side.cpu = [...side.cpu, (cpu.user + cpu.system) / 1000];
      mentions[sides.indexOf(side)] = resolved.reduce((n, list) => n + list.length, 0);
    }
  }
  const [a, b] = sides;
  if (!a || !b) throw new Error('two sides');
  // Each round's two runs saw the same load: the median of their paired ratios is the steadier figure.
  const paired = (x: number[], y: number[]) => {
    const ratios = y.map((v, i) => v / (x[i] ?? NaN)).sort((p, q) => p - q);
    const at = (q: number) => `${((ratios[Math.floor(q * (ratios.length - 1))]! - 1) * 100).toFixed(1)}%`;
    return `${at(0.5)} (IQR ${at(0.25)}..${at(0.75)})`;
  };
  console.log(
    `${label}, ${rounds} rounds: mentions ${mentions.join(' / ')}; median wall ${median(a.wall).toFixed(1)} / ${median(b.wall).toFixed(1)} ms; median CPU ${median(a.cpu).toFixed(1)} / ${median(b.cpu).toFixed(1)} ms (base / this tree); paired, this tree against base: wall ${paired(a.wall, b.wall)}, CPU ${paired(a.cpu, b.cpu)}`,
  );
}
