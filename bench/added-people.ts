/**
 * What people the reader added cost a page at start (issue 14), in Node: building the page's matcher
 * from the bundled index alone (no added people: what every page pays today), and from the bundled
 * index merged with the published index of N added people, plus reading that value (parse and check).
 * Also times the background's compile of the N people, which runs once per change of the packs, and
 * prints the size of the value pages read. Prints the median and fastest of each (the machine may be
 * shared: compare the fastest). `npx tsx bench/added-people.ts [N]` (default 20).
 */
import { compileAddedPeople, mergeMatcherIndexes, readAddedPeople } from '../core/added-people';
import { compileMatcherIndex, matcherFromIndex, type MatcherPerson } from '../core/matcher';
import type { Person } from '../data/schema';
import { madeUpPerson } from '../tests/support/added-person';
import { loadKnowledgeBase } from '../scripts/kb-files';
import givenNames from '../data/given-names.json';

const count = Number(process.argv[2] ?? 20);
const RUNS = 200;

/** Milliseconds of `run`, median and fastest of RUNS runs after a warm-up. */
function time(run: () => unknown): { median: number; min: number } {
  const times: number[] = [];
  for (let i = 0; i < RUNS + 10; i++) {
    const t0 = performance.now();
    run();
    if (i >= 10) times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  return { median: times[Math.floor(times.length / 2)]!, min: times[0]! };
}

const SYLLABLES = ['kel', 'mar', 'tov', 'ber', 'lin', 'dor', 'vas', 'sen', 'rid', 'gan'];
/** N made-up people shaped like added ones: one given name, one surname, a role citing one source. */
function makePeople(n: number): Person[] {
  return Array.from({ length: n }, (_, i) => {
    const surname = `${SYLLABLES[i % 10]!}${SYLLABLES[Math.floor(i / 10) % 10]!}ski`.replace(/^./, (c) =>
      c.toUpperCase(),
    );
    const given = givenNames.names[(i * 7) % givenNames.names.length]!;
    return madeUpPerson(`added-${i}`, given, surname, 'they');
  });
}

const kb = loadKnowledgeBase();
const bundledPeople: MatcherPerson[] = kb.people;
const bundledIndex = compileMatcherIndex(bundledPeople, givenNames.names);
const people = makePeople(count);
const compile = () => compileAddedPeople(people, new Set(kb.people.map((p) => p.id)), givenNames.names);
const published = JSON.parse(JSON.stringify(compile() ?? null)) as unknown; // as storage hands it back

const none = time(() => matcherFromIndex(bundledIndex, bundledPeople));
const added = time(() => {
  const value = readAddedPeople(published);
  if (!value) return matcherFromIndex(bundledIndex, bundledPeople);
  return matcherFromIndex(mergeMatcherIndexes(bundledIndex, value.index), [
    ...bundledPeople,
    ...value.people,
  ]);
});
const background = time(compile);
const fmt = ({ median, min }: { median: number; min: number }) =>
  `${median.toFixed(3)} ms (fastest ${min.toFixed(3)} ms)`;
console.log(`page matcher, bundled only:              ${fmt(none)}`);
console.log(`page matcher, bundled + ${count} added people: ${fmt(added)}`);
console.log(
  `  extra per page start:                  ${(added.median - none.median).toFixed(3)} ms (median)`,
);
console.log(`background compile of ${count} people:      ${fmt(background)} (once per change of the packs)`);
console.log(`published value: ${JSON.stringify(published).length} characters of JSON`);
