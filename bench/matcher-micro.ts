/**
 * A Node micro-benchmark of the matcher alone: `scanText` over every block of the bench's large page
 * and of the five articles (repeated), then `resolveMentions`, as the content script runs them. Prints
 * the median and fastest time of each (the machine may be shared: compare the fastest) and the size of the compiled index the content script ships. No browser:
 * `npm run -s bench:matcher` (the browser bench, `npm run bench`, measures the whole page path).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  compileMatcherIndex,
  formRows,
  matcherFromIndex,
  resolveMentions,
  scanText,
  type Matcher,
} from '../core/matcher';
import { loadKnowledgeBase, PROJECT_ROOT } from '../scripts/kb-files';
import { matcherBenchBlocks } from './matcher-blocks';

/** Median milliseconds of `runs` runs of scanning and resolving `blocks`, and the mentions found. */
function measure(
  matcher: Matcher,
  blocks: readonly string[],
  runs: number,
): { ms: number; min: number; mentions: number } {
  const times: number[] = [];
  let mentions = 0;
  for (let r = 0; r < runs + 3; r++) {
    const t0 = performance.now();
    const resolved = resolveMentions(blocks.map((text) => scanText(matcher, text)));
    const t1 = performance.now();
    if (r >= 3) times.push(t1 - t0); // the first runs warm the JIT up
    mentions = resolved.reduce((n, list) => n + list.length, 0);
  }
  times.sort((a, b) => a - b);
  return { ms: times[Math.floor(times.length / 2)] ?? NaN, min: times[0] ?? NaN, mentions };
}

const kb = loadKnowledgeBase();
const { names } = JSON.parse(readFileSync(join(PROJECT_ROOT, 'data', 'given-names.json'), 'utf8')) as {
  names: string[];
};
const index = compileMatcherIndex(kb.people, names);
const matcher = matcherFromIndex(index, kb.people);
const chars = (blocks: readonly string[]) => blocks.reduce((n, b) => n + b.length, 0);
const runs = Number(process.env.RUNS ?? 25);
for (const [label, blocks] of matcherBenchBlocks()) {
  const { ms, min, mentions } = measure(matcher, blocks, runs);
  console.log(
    `${label}: ${blocks.length} blocks, ${(chars(blocks) / 1e6).toFixed(2)} M chars, ${mentions} mentions, median ${ms.toFixed(1)} ms, fastest ${min.toFixed(1)} ms`,
  );
}
const json = JSON.stringify(index);
console.log(`compiled index: ${json.length} bytes of JSON (${formRows(index).length} alias forms)`);
