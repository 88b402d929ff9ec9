/**
 * The name gate (core/name-gate.ts), built as the build builds it: the contract that keeps a page's names
 * from vanishing (wherever the page's matcher finds a name, the gate opens), and the gate staying shut on
 * text that names nobody (else every page would load the matcher and the two stages would save nothing).
 */
import { readdirSync, readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileAddedPeople, mergeMatcherIndexes } from '../core/added-people';
import {
  compileMatcherIndex,
  findMentions,
  formRows,
  matcherFromIndex,
  scanText,
  type Matcher,
} from '../core/matcher';
import { compileNameGate, gateOpens, gateText, readNameGateSource, type NameGate } from '../core/name-gate';
import { nameGateSource } from '../core/name-gate-source';
import { foldCode } from '../core/text-normalize';
import { OTHER_GIVEN_NAMES, PEOPLE } from '../data/bundle';
import commonWords from '../data/common-words.json';
import { MATCHER_INDEX, MATCHER_PEOPLE } from '../data/matcher-index';
import { BUNDLED_NAME_GATE } from '../data/name-gate';
import type { Person } from '../data/schema';
import { madeUpPerson } from './support/added-person';
import { parseMarked } from './support/marked';

const GATE = compileNameGate(BUNDLED_NAME_GATE);
/** A page's matcher, new: a matcher learns near spellings as it reads a page, so each page gets its own. */
const pageMatcher = (): Matcher => matcherFromIndex(MATCHER_INDEX, MATCHER_PEOPLE);
/** Whether the page's matcher finds anyone, or anything that might be someone, in a text read alone. */
const matcherSees = (text: string) => scanText(pageMatcher(), text).length > 0;

const read = (path: string) => readFileSync(new URL(path, import.meta.url), 'utf8');
const json = <T>(path: string) => JSON.parse(read(path)) as T;

/** Every text of the fixtures and the knowledge base's sources, as pages: each a list of blocks (lines). */
function fixturePages(): { name: string; blocks: string[] }[] {
  const lines = (text: string) => text.split('\n').filter((line) => line.trim() !== '');
  const pages: { name: string; blocks: string[] }[] = [];
  for (const file of readdirSync(new URL('fixtures/articles', import.meta.url)).filter((f) =>
    f.endsWith('.txt'),
  ))
    pages.push({ name: file, blocks: lines(parseMarked(read(`fixtures/articles/${file}`)).text) });
  for (const file of readdirSync(new URL('../data/sources', import.meta.url)).filter((f) =>
    f.endsWith('.txt'),
  ))
    pages.push({ name: file, blocks: lines(read(`../data/sources/${file}`)) });
  json<{ marked: string }[]>('fixtures/hard-cases.json').forEach((c, i) =>
    pages.push({ name: `hard case #${i}`, blocks: lines(parseMarked(c.marked).text) }),
  );
  for (const file of ['fixtures/quotations/hard-cases.json', 'fixtures/quotations/news-styles.json'])
    json<{ text: string }[]>(file).forEach((c, i) =>
      pages.push({ name: `${file} #${i}`, blocks: lines(c.text) }),
    );
  const quoteCheck = new URL('fixtures/quote-check', import.meta.url);
  for (const file of readdirSync(quoteCheck).filter((f) => f.endsWith('.txt')))
    pages.push({ name: file, blocks: lines(read(`fixtures/quote-check/${file}`)) });
  return pages;
}

describe('the bundled name gate', () => {
  it('is the one the build writes from the bundled knowledge base', () => {
    expect(BUNDLED_NAME_GATE).toEqual(nameGateSource(compileMatcherIndex(PEOPLE, OTHER_GIVEN_NAMES), PEOPLE));
  });

  it('opens on every block of the fixtures where the matcher finds someone (and stays shut on many that name nobody)', () => {
    let named = 0;
    let shut = 0;
    const missed: string[] = [];
    for (const { name, blocks } of fixturePages()) {
      for (const block of blocks) {
        const opens = gateOpens(GATE, block);
        if (matcherSees(block)) {
          named++;
          if (!opens) missed.push(`${name}: ${block}`);
        } else if (!opens) shut++;
      }
    }
    expect(missed).toEqual([]);
    expect(named).toBeGreaterThan(500);
    expect(shut, 'blocks that name nobody keep the gate shut').toBeGreaterThan(150);
  });

  it('on each fixture page read in order, has opened by the first block where the matcher finds a mention', () => {
    // The page's matcher carries what it learned from earlier blocks (near spellings): the watch must
    // have opened by then, on that block or an earlier one.
    for (const { name, blocks } of fixturePages()) {
      const matcher = pageMatcher();
      const first = blocks.findIndex((block) => findMentions(matcher, block).length > 0);
      if (first < 0) continue;
      expect(
        blocks.slice(0, first + 1).some((block) => gateOpens(GATE, block)),
        name,
      ).toBe(true);
    }
  });
});

/** Characters a page may hide inside a word (core/text-normalize.ts `isInvisible`). */
const INVISIBLE = ['\u00ad', '\u200b', '\u200c', '\u200d', '\u2060', '\ufeff', '\u200e', '\u202a', '\u2066'];

/** Every alias form the index holds, as written, with its person's given names. */
const FORMS = formRows(MATCHER_INDEX).map(([, written, id]) => ({
  written,
  given: MATCHER_PEOPLE.find((p) => p.id === id)?.givenNames ?? [],
}));

/** A word with invisible characters put in at the given places. */
function hide(word: string, at: readonly number[], chars: readonly string[]): string {
  let out = word;
  at.forEach((place, i) => {
    const k = place % (out.length + 1);
    out = out.slice(0, k) + (chars[i % chars.length] ?? '') + out.slice(k);
  });
  return out;
}

const writings = (form: string) => [
  form,
  form.toUpperCase(),
  form.toLowerCase(),
  form.normalize('NFD'),
  form.normalize('NFC'),
  form.normalize('NFD').toUpperCase(),
];
const BEFORE = [
  '',
  ' ',
  'President ',
  'envoy ',
  '(',
  '“',
  '«',
  '—',
  '\u00a0',
  '\n',
  'said ',
  'Mr. ',
  '#',
  '@',
];
const AFTER = [
  '',
  '’s',
  "'s",
  'ʼs',
  '.',
  ',',
  ';',
  ')',
  '”',
  '»',
  '-led',
  '–',
  ' said',
  ' Jr.',
  '\u00a0',
  '!',
];

describe('the gate and the matcher on random text', () => {
  const filler = fc.oneof(
    fc.string({ unit: 'grapheme-ascii', maxLength: 30 }),
    fc.constantFrom('', ' ', 'The talks went on. ', 'Officials said that ', 'In Kyiv, '),
  );
  /** Asserts the contract on `name` between random text; returns how many texts the matcher saw someone in. */
  const opensWhereMatcherSees = (name: fc.Arbitrary<string>, numRuns: number): number => {
    let seen = 0;
    fc.assert(
      fc.property(filler, name, filler, (head, written, tail) => {
        const text = `${head}${written}${tail}`;
        if (!matcherSees(text)) return;
        seen++;
        expect(gateOpens(GATE, text), JSON.stringify(text)).toBe(true);
      }),
      { numRuns },
    );
    return seen;
  };

  it('opens wherever the matcher sees an alias form, however the page writes it', () => {
    const written = fc
      .record({
        form: fc.constantFrom(...FORMS),
        writing: fc.nat(5),
        invisible: fc.array(fc.nat(), { maxLength: 3 }),
        hidden: fc.constantFrom(...INVISIBLE),
        hasGiven: fc.boolean(),
        before: fc.constantFrom(...BEFORE),
        after: fc.constantFrom(...AFTER),
      })
      .map(({ form, writing, invisible, hidden, hasGiven, before, after }) => {
        const given = hasGiven && form.given.length > 0 ? `${form.given[0]} ` : '';
        const surface = hide(writings(form.written)[writing] ?? form.written, invisible, [hidden]);
        return `${before}${given}${surface}${after}`;
      });
    expect(opensWhereMatcherSees(written, 600), 'the matcher saw most of the names').toBeGreaterThan(200);
  });

  it('opens wherever a given name teaches the matcher a near spelling ("Rustem Umirov")', () => {
    const nearNaming = fc
      .record({
        person: fc.constantFrom(...PEOPLE.filter((p) => p.aliases.some((a) => a.kind === 'surname'))),
        edit: fc.nat(),
        letter: fc.constantFrom('a', 'e', 'i', 'o', 'u', 'y', 'k', 'r'),
        space: fc.constantFrom(' ', '\u00a0', '  ', '\n', ' \u00ad', '\u2009'),
        after: fc.constantFrom(...AFTER),
      })
      .map(({ person, edit, letter, space, after }) => {
        const given = person.givenNames[edit % person.givenNames.length] ?? '';
        const surname = person.aliases.find((a) => a.kind === 'surname')?.text ?? '';
        const k = 1 + (edit % Math.max(1, surname.length - 1));
        const near = surname.slice(0, k) + letter + surname.slice(k + (edit % 2)); // one edit from it
        return `${given}${space}${near}${after}`;
      });
    expect(opensWhereMatcherSees(nearNaming, 400)).toBeGreaterThan(50);
  });

  it('opens wherever the matcher sees anyone in names and words run together', () => {
    const pieces = [
      ...new Set([
        ...FORMS.map((f) => f.written),
        ...PEOPLE.flatMap((p) => p.givenNames),
        ...['Mr.', 'President', 'the', 'card', 'said', 'Jr.', 'Umirov', 'Witkof', 'Zelenskyi'],
      ]),
    ];
    const piece = fc
      .constantFrom(...pieces)
      .chain((p) => fc.constantFrom(p, p.toUpperCase(), p.toLowerCase(), p.normalize('NFD')));
    const gap = fc.constantFrom(
      ' ',
      '\u00a0',
      '\n',
      '’s ',
      ', ',
      '. ',
      '-',
      '–',
      '\u00ad',
      '\u200b',
      '',
      'x',
    );
    const text = fc
      .array(fc.tuple(gap, piece), { minLength: 1, maxLength: 8 })
      .map((parts) => parts.map(([g, p]) => g + p).join(''));
    fc.assert(
      fc.property(text, (t) => {
        if (matcherSees(t)) expect(gateOpens(GATE, t), JSON.stringify(t)).toBe(true);
      }),
      { numRuns: 600 },
    );
  });
  it('opens on a name whose letters a page writes with look-alike compatibility characters', () => {
    // U+212A KELVIN SIGN lower-cases to "k": the matcher reads "\u212Aushner" as Kushner.
    for (const text of ['\u212Aushner said', 'Jared \u212Aushner', 'Andriy \u212Aovalenko']) {
      expect(matcherSees(text), text).toBe(true);
      expect(gateOpens(GATE, text), text).toBe(true);
    }
  });

  it('folds every UTF-16 unit as the matcher folds it, whatever stands around it', () => {
    // The gate's pattern is case-sensitive over folded text: a unit folded otherwise than the matcher folds
    // it ("\u212Aushner", K KELVIN SIGN, is Kushner to the matcher; İ and a final Σ lower-case otherwise
    // in JavaScript) would hide a name from the gate.
    const differing: string[] = [];
    for (let code = 0; code < 0x10000; code++) {
      if (code >= 0xd800 && code <= 0xdfff) continue;
      const ch = String.fromCharCode(code);
      const expected = `a${String.fromCharCode(foldCode(code))}b${String.fromCharCode(foldCode(code))}`;
      const text = gateText(`a${ch}b${ch}`);
      if (text.visible === `a${ch}b${ch}` && text.folded !== expected) differing.push(code.toString(16));
    }
    expect(differing).toEqual([]);
    expect(gateOpens(GATE, '\u212Aushner met Ushakov')).toBe(true);
    expect(gateOpens(GATE, 'İSTANBUL: Talks with \u212AUSHNER')).toBe(true);
  });
});

/** Prose of our own that names nobody the knowledge base knows. */
const ORDINARY_TEXT = [
  `The city council met on Tuesday evening to discuss the new bus routes, the price of parking near the
  market and a plan to plant four hundred trees along the river. Residents who spoke at the meeting asked
  for more benches, better lighting on the footpaths and a crossing near the primary school, where
  children walk to class every morning. The council said it would publish a report in the spring.`,
  `To make the bread, mix the flour, salt and yeast in a large bowl, then add warm water a little at a time
  until the dough comes together. Knead it for ten minutes on a floured table, cover it with a cloth and
  leave it somewhere warm for an hour. Shape the loaf, let it rise again, and bake it until the crust is
  brown and sounds hollow when you tap it.`,
  `Rain is expected across the north on Thursday, with strong winds along the coast and snow on higher
  ground. Temperatures will stay below the seasonal average until the weekend, when a ridge of high
  pressure should bring drier, brighter weather to most places. Drivers are advised to allow extra time
  for their journeys and to check for delays before they set off.`,
  `Shares in the largest banks rose sharply in early trading after the central bank left interest rates
  unchanged and signalled that it could cut them later in the year. Analysts said the decision had been
  widely expected, but that the tone of the statement was softer than markets had feared. The currency
  fell slightly against the euro and the yen.`,
  `The museum's new wing, which opens next month, holds more than two hundred paintings, drawings and
  prints, many of them shown to the public for the first time. Curators spent three years restoring the
  collection, which had been stored in a damp basement since the war. Tickets are free for students and
  for visitors under eighteen.`,
];

describe('the gate stays shut on text that names nobody', () => {
  it.each(ORDINARY_TEXT.map((text) => [text.slice(0, 40), text]))('%s…', (_, text) => {
    expect(matcherSees(text)).toBe(false);
    expect(gateOpens(GATE, text)).toBe(false);
  });

  it('on the common English words, in lower case', () => {
    const words = commonWords.words;
    expect(words.length).toBeGreaterThan(10_000);
    expect(gateOpens(GATE, words)).toBe(false);
  });

  it.each([
    'trump card',
    'he played his trump card',
    'fix the roof',
    'a quick fix',
    'don’t',
    "Don't do that",
    'I will',
    'Will you come?',
    'mark my words',
    'Mark my words',
    'a bush in the garden',
    'the carpenter and the mason',
    'graham crackers',
    'tom said',
  ])('on "%s"', (text) => {
    expect(matcherSees(text)).toBe(false);
    expect(gateOpens(GATE, text)).toBe(false);
  });
});

describe('the case a word needs', () => {
  const exact = Object.entries(BUNDLED_NAME_GATE.exact);

  it('marks exact the words of the aliases whose case is exact (Trump, Bush, Fix, Carpenter, Graham)', () => {
    expect(exact.map(([key]) => key)).toEqual(
      expect.arrayContaining(['trump', 'bush', 'fix', 'carpenter', 'graham', 'фикс']),
    );
  });

  it.each(exact.map(([key, written]) => [key, written]))(
    '"%s" opens as written or in capitals, not otherwise',
    (key, written) => {
      for (const word of written) {
        for (const text of [`${word} said`, `says ${word.toUpperCase()}.`, `«${word}»`, `${word}’s`]) {
          expect(gateOpens(GATE, text), text).toBe(true);
        }
        const others = [
          key,
          key.replace(/^./u, (c) => c.toUpperCase()),
          word.slice(0, 1) + word.slice(1).toUpperCase(),
        ].filter((w) => w !== word && w !== word.toUpperCase());
        for (const other of others) {
          const text = `then ${other} said`;
          expect(matcherSees(text), text).toBe(false);
          expect(gateOpens(GATE, text), text).toBe(false);
        }
      }
    },
  );

  it('opens on a given name only when a capitalised word follows it, as the near-spelling rule reads it', () => {
    expect(BUNDLED_NAME_GATE.given).toEqual(expect.arrayContaining(['rustem', 'steve']));
    const cases: [string, boolean][] = [
      ['Rustem Umirov said', true],
      ['Rustem\u00a0Umirov', true],
      ['Rus\u00adtem \u200bUmirov', true],
      ['Defence Minister Rustem\n  Umirov', true],
      ['Rustem said', false],
      ['rustem Umirov', false],
      ['Rustem umirov', false],
      ['Rustem', false],
      ['Rustem, Umirov', false],
      ['Rustemx Umirov', false],
    ];
    for (const [text, opens] of cases) {
      expect(gateOpens(GATE, text), text).toBe(opens);
      if (!opens) expect(matcherSees(text), text).toBe(false);
    }
    expect(findMentions(pageMatcher(), 'Rustem Umirov said').map((m) => m.person)).toEqual(['rustem-umerov']);
  });

  it.each(BUNDLED_NAME_GATE.given.filter((g) => /^\p{L}+$/u.test(g)))(
    'given name "%s" opens before a capital, not before a lower-case word',
    (key) => {
      const capitalised = key.replace(/^./u, (c) => c.toUpperCase());
      expect(gateOpens(GATE, `${capitalised} Xyzzow`)).toBe(true);
      for (const text of [`${capitalised} said`, `${key} Xyzzow`, `${capitalised}.`]) {
        expect(gateOpens(GATE, text), text).toBe(false);
        expect(matcherSees(text), text).toBe(false);
      }
    },
  );
});

/** A made-up person the reader added (shaped as the add-person form saves one). */
const addedPerson = (id: string, given: string, surname: string): Person =>
  madeUpPerson(id, given, surname, 'he');

describe("the added people's gate", () => {
  const added = compileAddedPeople(
    [
      ...PEOPLE,
      addedPerson('keith-kellogg', 'Keith', 'Kellogg'),
      addedPerson('ekrem-imamoglu', 'Ekrem', 'İmamoğlu'),
    ],
    new Set(PEOPLE.map((p) => p.id)),
    OTHER_GIVEN_NAMES,
  );
  if (!added) throw new Error('no added people');
  const gate = compileNameGate(nameGateSource(added.index, added.people));
  const merged = matcherFromIndex(mergeMatcherIndexes(MATCHER_INDEX, added.index), [
    ...MATCHER_PEOPLE,
    ...added.people,
  ]);

  /** The added person `id` is found in each text by the page's matcher and the added gate, not the bundled gate. */
  const expectAddedGateOpens = (id: string, texts: readonly string[]) => {
    for (const text of texts) {
      expect(
        findMentions(merged, text).map((m) => m.person),
        text,
      ).toContain(id);
      expect(gateOpens(gate, text), text).toBe(true);
      expect(gateOpens(GATE, text), text).toBe(false);
    }
  };

  it('opens on the added person where the page matcher finds them, and the bundled gate does not', () => {
    expectAddedGateOpens('keith-kellogg', [
      'Kellogg said on Monday',
      'envoy Keith Kellogg’s visit',
      'KELLOGG',
      'Keith Kelloggg arrived',
    ]);
  });

  it('opens on a name with a capital that lower-cases to two characters ("İmamoğlu": İ is i and a dot above)', () => {
    expectAddedGateOpens('ekrem-imamoglu', [
      'İmamoğlu said',
      'Ekrem İmamoğlu',
      'İMAMOĞLU',
      'İmamoğlu'.normalize('NFD'),
      'İ\u00admamoğlu',
    ]);
  });

  it('holds only the added people', () => {
    expect(gateOpens(gate, 'Steve Witkoff and Vladimir Putin')).toBe(false);
    expect(gateOpens(gate, ORDINARY_TEXT.join(' '))).toBe(false);
  });
});

describe('seams: where one text node ends and the next begins (page/name-watch.ts)', () => {
  it('let a word begin at a seam whatever precedes it, and nowhere else', () => {
    // "<h2>THE WAR</h2><p><span>Z</span>elensky": two blocks to the matcher, one run of letters to the watch.
    expect(gateOpens(GATE, 'THE WARZelensky')).toBe(false);
    expect(gateOpens(GATE, 'THE WARZelensky', [7, 8])).toBe(true);
    expect(gateOpens(GATE, 'THE WARZelensky', [8])).toBe(false);
    expect(gateOpens(GATE, 'Rustem\nUmirov', [7])).toBe(true);
  });

  it('say how long the longest word is (what the watch carries from one node to the next)', () => {
    const words = [...formRows(MATCHER_INDEX).map(([key]) => key), ...BUNDLED_NAME_GATE.given];
    expect(BUNDLED_NAME_GATE.longest).toBeGreaterThanOrEqual(
      Math.max(...BUNDLED_NAME_GATE.given.map((g) => g.length)),
    );
    expect(BUNDLED_NAME_GATE.longest).toBeLessThanOrEqual(Math.max(...words.map((w) => w.length)));
  });
});

describe('an empty gate', () => {
  const empty: NameGate = compileNameGate(nameGateSource({ forms: [], givenForms: [] }, []));

  it('opens on nothing', () => {
    expect(nameGateSource({ forms: [], givenForms: [] }, [])).toEqual({
      pattern: '',
      exact: {},
      given: [],
      longest: 0,
    });
    for (const text of ['', ' ', 'Trump', 'Steve Witkoff', 'Rustem Umirov', ...FORMS.map((f) => f.written)])
      expect(gateOpens(empty, text), text).toBe(false);
  });
});

describe('a gate as stored (the added people’s, published by the background)', () => {
  it('reads back as written, and opens as the gate it was written from', () => {
    const stored = JSON.parse(JSON.stringify(BUNDLED_NAME_GATE)) as unknown;
    const read = readNameGateSource(stored);
    expect(read).toEqual(BUNDLED_NAME_GATE);
    expect(gateOpens(compileNameGate(read!), 'Steve Witkoff arrived')).toBe(true);
  });

  it('reads a damaged value or one of another format as no gate, so that a page reads with the bundled gate alone', () => {
    const good = { pattern: 'kellogg', exact: {}, given: [], longest: 7 };
    expect(readNameGateSource(good)).toEqual(good);
    for (const damaged of [
      null,
      'kellogg',
      [],
      { ...good, pattern: 7 },
      { ...good, pattern: '(unclosed' },
      { ...good, exact: { kellogg: 'Kellogg' } },
      { ...good, exact: null },
      { ...good, given: 'keith' },
      { ...good, longest: '7' },
      { people: [], index: {} }, // the added people's index, not their gate
    ])
      expect(readNameGateSource(damaged), JSON.stringify(damaged)).toBeUndefined();
  });
});
