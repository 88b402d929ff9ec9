/**
 * Issue 15: may the matcher's case rules relax where a whole block is lower case ("trump signs order"
 * in an all-lower-case menu)? Scores the lower-case blocks of bench/lowercase/blocks.json (menus, tags,
 * URL slugs, tweets, with the verb and noun "trump") as the matcher reads them today and under two
 * relaxations, and prints precision and recall of each with the wrong and missed mentions:
 * `npm run -s bench:lowercase`. The decision and its figures: bench/results/issue-15.md.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildMatcher, resolveMentions, scanText, type Matcher, type MatcherPerson } from '../core/matcher';
import { loadKnowledgeBase, PROJECT_ROOT } from '../scripts/kb-files';
import { parseMarked, score } from '../tests/support/marked';

interface Page {
  style: string;
  note: string;
  blocks: string[];
}

const { pages } = JSON.parse(
  readFileSync(join(PROJECT_ROOT, 'bench', 'lowercase', 'blocks.json'), 'utf8'),
) as {
  pages: Page[];
};
const { names } = JSON.parse(readFileSync(join(PROJECT_ROOT, 'data', 'given-names.json'), 'utf8')) as {
  names: string[];
};
const people = loadKnowledgeBase().people;

/** The people with the case of their aliases relaxed where `relax` says so. */
function relaxedPeople(relax: (alias: MatcherPerson['aliases'][number]) => boolean): MatcherPerson[] {
  return people.map((p) => ({
    ...p,
    aliases: p.aliases.map((a) =>
      a.case === 'exact' && relax(a) ? { ...a, case: 'insensitive' as const } : a,
    ),
  }));
}

const HAS_CAPITAL = /\p{Lu}/u;
const strict = buildMatcher(people, names);
const variants: { name: string; matcherFor: (block: string) => Matcher }[] = [
  { name: 'today (exact-case aliases keep their case)', matcherFor: () => strict },
  {
    name: 'relaxed: in a block with no capital, every exact-case alias matches any case',
    matcherFor: ((m) => (block: string) => (HAS_CAPITAL.test(block) ? strict : m))(
      buildMatcher(
        relaxedPeople(() => true),
        names,
      ),
    ),
  },
  {
    name: 'relaxed for unambiguous aliases only (Trump), in a block with no capital',
    matcherFor: ((m) => (block: string) => (HAS_CAPITAL.test(block) ? strict : m))(
      buildMatcher(
        relaxedPeople((a) => !a.ambiguous),
        names,
      ),
    ),
  },
];
/** Relaxed for Trump only, and only where the lower-case block names someone else of the knowledge base. */
const trumpOnly = buildMatcher(
  relaxedPeople((a) => !a.ambiguous),
  names,
);
variants.push({
  name: 'relaxed for unambiguous aliases only, in a block with no capital that names another person',
  matcherFor: (block) =>
    !HAS_CAPITAL.test(block) && scanText(strict, block).some((c) => !c.isSomeoneElse && !c.entry.needsAnchor)
      ? trumpOnly
      : strict,
});

for (const variant of variants) {
  let found = 0;
  let wrong = 0;
  let expected = 0;
  let missed = 0;
  const notes: string[] = [];
  const byStyle = new Map<string, { wrong: number; missed: number; right: number }>();
  for (const page of pages) {
    const parsed = page.blocks.map(parseMarked);
    const resolved = resolveMentions(parsed.map(({ text }) => scanText(variant.matcherFor(text), text)));
    parsed.forEach(({ text, mentions }, i) => {
      const result = resolved[i] ?? [];
      const s = score(mentions, result);
      found += result.length;
      wrong += s.wrong.length;
      expected += mentions.length;
      missed += s.missed.length;
      const tally = byStyle.get(page.style) ?? { wrong: 0, missed: 0, right: 0 };
      tally.wrong += s.wrong.length;
      tally.missed += s.missed.length;
      tally.right += result.length - s.wrong.length;
      byStyle.set(page.style, tally);
      for (const m of s.wrong)
        notes.push(`  wrong: "${text.slice(m.start, m.end)}" as ${m.person} in "${text}"`);
      for (const m of s.missed)
        notes.push(`  missed: "${text.slice(m.start, m.end)}" (${m.person}) in "${text}"`);
    });
  }
  const precision = found === 0 ? 1 : (found - wrong) / found;
  const recall = expected === 0 ? 1 : (expected - missed) / expected;
  console.log(`${variant.name}`);
  console.log(
    `  ${found - wrong} right, ${wrong} wrong, ${missed} missed of ${expected}: precision ${precision.toFixed(3)}, recall ${recall.toFixed(3)}`,
  );
  console.log(
    `  by style: ${[...byStyle].map(([style, t]) => `${style} ${t.right} right/${t.wrong} wrong/${t.missed} missed`).join('; ')}`,
  );
  for (const note of notes) console.log(note);
}
console.log(`${pages.length} pages, ${pages.reduce((n, p) => n + p.blocks.length, 0)} blocks`);
