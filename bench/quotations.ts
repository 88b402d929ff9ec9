/**
 * `npx tsx bench/quotations.ts` (run by `npm run bench`): how long the quotation finder takes on an
 * article of about 20,000 characters in Node, the budget being 10 ms so that a page can afford it.
 * The article is the five bundled sources joined and cut at 20,000 characters; the matcher and finder
 * are built once, as the save flow does. Prints one line and, with --json, the figures as JSON.
 */
import { performance } from 'node:perf_hooks';
import { buildMatcher } from '../core/matcher';
import { buildQuotationFinder, findQuotations } from '../core/quotations';
import givenNames from '../data/given-names.json';
import { loadKnowledgeBase } from '../scripts/kb-files';

const CHARS = 20_000;
const WARMUP = 20;
const RUNS = 100;

/** Times the finder over one 20,000-character article; returns the median and worst run in ms. */
export function benchQuotations(): { chars: number; quotations: number; medianMs: number; maxMs: number } {
  const kb = loadKnowledgeBase();
  const finder = buildQuotationFinder(buildMatcher(kb.people, givenNames.names), kb.people);
  let text = kb.sources.map((s) => s.text).join('\n\n');
  while (text.length < CHARS) text += `\n\n${text}`;
  text = text.slice(0, CHARS);
  let quotations = 0;
  for (let i = 0; i < WARMUP; i++) quotations = findQuotations(finder, text).length;
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const start = performance.now();
    findQuotations(finder, text);
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  const round = (x: number) => Math.round(x * 100) / 100;
  return {
    chars: text.length,
    quotations,
    medianMs: round(times[times.length >> 1] ?? NaN),
    maxMs: round(times[times.length - 1] ?? NaN),
  };
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].split('/').pop() ?? '')) {
  const r = benchQuotations();
  if (process.argv.includes('--json')) console.log(JSON.stringify(r));
  else
    console.log(
      `bench: quotation finder (Node ${process.version}): ${r.chars} characters, ${r.quotations} quotations, median ${r.medianMs} ms, worst ${r.maxMs} ms of ${RUNS} runs (target < 10 ms)`,
    );
}
