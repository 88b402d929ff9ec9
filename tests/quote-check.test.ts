/**
 * The quote check (issue 13): verdicts measured against a hand-written truth file, the five bundled
 * articles (each stored quote must come out as itself), and the rules a reader relies on.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  buildKnowledgeChecker,
  buildQuoteChecker,
  checkQuote,
  checkQuotations,
  type CheckedPerson,
  type QuoteVerdict,
} from '../core/quote-check';
import { buildQuotationFinder, findQuotations } from '../core/quotations';
import truth from './fixtures/quote-check/truth.json';
import { loadTestKnowledgeBase } from './support/kb';

const FIXTURES = new URL('./fixtures/quote-check/', import.meta.url);
const ACCUSING: ReadonlySet<QuoteVerdict> = new Set(['shortened', 'reworded', 'other-speaker']);

describe('quote check', () => {
  const { kb, matcher } = loadTestKnowledgeBase();
  const finder = buildQuotationFinder(matcher, kb.people);
  const checker = buildKnowledgeChecker(kb);

  it('gives the truth file’s verdicts on the test pages, and accuses no journalist wrongly', () => {
    const files = [...new Set(truth.cases.map((c) => c.file))];
    let right = 0;
    let total = 0;
    const wrong: string[] = [];
    const falseAccusations: string[] = [];
    const byVerdict = new Map<string, { right: number; total: number }>();
    for (const file of files) {
      const text = readFileSync(new URL(file, FIXTURES), 'utf8');
      const found = checkQuotations(checker, findQuotations(finder, text)).filter((c) => c.check);
      const expected = truth.cases.filter((c) => c.file === file);
      // The finder gives these pages' quotations to exactly the people the truth file lists.
      expect(found.map((c) => [c.quotation.text, c.quotation.speaker])).toEqual(
        expected.map((c) => [c.text, c.speaker]),
      );
      expected.forEach((want, i) => {
        const got = found[i]!.check!;
        const people = [...new Set(got.matches.map((m) => m.person))].sort();
        const isRight = got.verdict === want.verdict && people.join() === want.matches.join();
        total++;
        if (isRight) right++;
        else wrong.push(`${file}: “${want.text}” ${want.verdict}, got ${got.verdict} [${people.join()}]`);
        if (!isRight && ACCUSING.has(got.verdict)) falseAccusations.push(wrong.at(-1)!);
        const tally = byVerdict.get(want.verdict) ?? { right: 0, total: 0 };
        tally.total++;
        if (isRight) tally.right++;
        byVerdict.set(want.verdict, tally);
      });
    }
    console.info(
      `quote check on tests/fixtures/quote-check: ${right}/${total} right (${((100 * right) / total).toFixed(1)}%);`,
      [...byVerdict].map(([v, t]) => `${v} ${t.right}/${t.total}`).join(', '),
      wrong.length > 0 ? `\n  missed: ${wrong.join('\n  missed: ')}` : '',
    );
    expect(falseAccusations).toEqual([]);
    expect(right / total).toBeGreaterThanOrEqual(0.9);
  });

  it('finds nothing but new quotations on ordinary news pages', () => {
    const newPages = ['new-analysis.txt', 'new-battlefield.txt', 'new-diplomacy.txt'];
    const verdicts = newPages.flatMap((file) =>
      checkQuotations(checker, findQuotations(finder, readFileSync(new URL(file, FIXTURES), 'utf8')))
        .filter((c) => c.check)
        .map((c) => c.check!.verdict),
    );
    expect(verdicts.length).toBeGreaterThanOrEqual(20);
    expect(new Set(verdicts)).toEqual(new Set(['new']));
  });

  it('finds every stored quote of the five bundled articles as itself, and nothing else there', () => {
    const stored = kb.people.flatMap((p) =>
      p.quotes.filter((q) => q.kind !== 'paraphrase').map((q) => ({ person: p.id, quote: q })),
    );
    const verdicts: string[] = [];
    const matched = new Set<string>();
    for (const source of kb.sources) {
      const text = readFileSync(new URL(`../data/sources/${source.id}.txt`, import.meta.url), 'utf8');
      for (const { quotation, check } of checkQuotations(checker, findQuotations(finder, text))) {
        if (!check) continue;
        verdicts.push(check.verdict);
        // Stored words in their own source are the same words; anything else there is not stored.
        expect(['same', 'new'], `${source.id}: “${quotation.text}”`).toContain(check.verdict);
        for (const m of check.matches) {
          expect(m.person).toBe(quotation.speaker);
          expect(m.source).toBe(source.id);
          matched.add(`${m.person}/${m.quoteId}`);
        }
      }
    }
    console.info(
      `bundled articles: ${verdicts.filter((v) => v === 'same').length} same, ${verdicts.filter((v) => v === 'new').length} new; ${matched.size}/${stored.length} stored direct and partial quotes found as themselves`,
    );
    expect(matched).toEqual(new Set(stored.map((s) => `${s.person}/${s.quote.id}`)));
  });
});

/** Two people with quotes of their own, in two sources, for the rules below. */
const PEOPLE: CheckedPerson[] = [
  {
    id: 'ann',
    quotes: [
      {
        id: 'late',
        kind: 'direct',
        text: 'Nobody in this city believes the bridge will open before the spring floods arrive.',
        source: 'late',
      },
      {
        id: 'early',
        kind: 'direct',
        text: 'Nobody in this city believes the bridge will open before the spring floods arrive',
        source: 'early',
      },
      {
        id: 'said-so',
        kind: 'paraphrase',
        text: 'The council wasted money on the bridge design',
        source: 'early',
      },
      { id: 'word', kind: 'partial', text: 'very good', source: 'early' },
    ],
  },
  {
    id: 'oleh',
    quotes: [
      {
        id: 'ua',
        kind: 'direct',
        text: 'Ми не віддамо жодного метра нашої землі, хоч би що нам пропонували в Москві.',
        source: 'early',
      },
    ],
  },
];
const DATES = new Map([
  ['early', '2025-01-02'],
  ['late', '2025-03-04'],
]);

describe('quote check rules', () => {
  const checker = buildQuoteChecker(PEOPLE, DATES);

  it('reads the same words through marks, dashes, spaces, case and closing punctuation, earliest source first', () => {
    const check = checkQuote(
      checker,
      'ann',
      'nobody in  this city believes the bridge will open before the spring floods arrive!',
    );
    expect(check.verdict).toBe('same');
    expect(check.matches.map((m) => m.source)).toEqual(['early', 'late']);
  });

  it('marks the words a shortened quotation leaves out, and keeps the stored quote whole', () => {
    const check = checkQuote(
      checker,
      'ann',
      'Nobody in this city believes the bridge will open … before the floods',
    );
    expect(check.verdict).toBe('shortened');
    const alignment = check.alignment ?? [];
    expect(
      alignment
        .filter((p) => p.kind !== 'added')
        .map((p) => p.text)
        .join(''),
    ).toBe(check.matches[0]!.quote);
    expect(alignment.filter((p) => p.kind === 'left-out').map((p) => p.text.trim())).toEqual([
      'spring',
      'arrive',
    ]);
    expect(alignment.some((p) => p.kind === 'added')).toBe(false);
  });

  it('shows both wordings of a reworded quotation', () => {
    const check = checkQuote(
      checker,
      'ann',
      'Nobody in this town thinks the bridge will open before the spring floods arrive',
    );
    expect(check.verdict).toBe('reworded');
    const alignment = check.alignment ?? [];
    expect(alignment.filter((p) => p.kind === 'added').map((p) => p.text)).toEqual(['town thinks']);
    expect(alignment.filter((p) => p.kind === 'left-out').map((p) => p.text.trim())).toEqual([
      'city believes',
    ]);
  });

  it('names the other speaker of words stored as someone else’s, in any script', () => {
    const check = checkQuote(checker, 'ann', 'Ми не віддамо жодного метра нашої землі');
    expect(check.verdict).toBe('other-speaker');
    expect(check.matches.map((m) => m.person)).toEqual(['oleh']);
    expect(
      checkQuote(
        checker,
        'oleh',
        'ми не віддамо жодного метра нашої землі, хоч би що нам пропонували в Москві',
      ).verdict,
    ).toBe('same');
  });

  it('never matches a paraphrase: those are our words, not anyone’s', () => {
    expect(checkQuote(checker, 'ann', 'The council wasted money on the bridge design').verdict).toBe('new');
    expect(checkQuote(checker, 'oleh', 'The council wasted money on the bridge design').verdict).toBe('new');
  });

  it('leaves short and stop-word overlaps new', () => {
    // Two common words someone else also used prove nothing about who said them.
    expect(checkQuote(checker, 'oleh', 'very good').verdict).toBe('new');
    // A few shared words, mostly function words, are not a rewording.
    expect(checkQuote(checker, 'ann', 'Nobody in this city will ever forget it').verdict).toBe('new');
    expect(checkQuote(checker, 'ann', 'the bridge will open').verdict).toBe('new');
  });

  it('reads words in square brackets as the journalist’s, not the speaker’s', () => {
    const check = checkQuote(
      checker,
      'ann',
      'Nobody in [Kherson] believes the bridge will open before the spring floods arrive',
    );
    expect(check.verdict).toBe('shortened');
    expect(check.alignment?.filter((p) => p.kind === 'left-out').map((p) => p.text.trim())).toEqual([
      'this city',
    ]);
  });
});
