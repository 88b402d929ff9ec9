/**
 * Property tests of the matcher: whatever a page contains (any Unicode, odd spaces, invisible
 * characters, lone surrogates, names glued to anything), the content script gets mentions it can
 * paint: inside the text, in order, not overlapping, each surface the exact text it underlines, and
 * no exception that would stop the page scan.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { declinedForms, findMentions, resolveMentions, scanText, type Mention } from '../core/matcher';
import { loadTestKnowledgeBase } from './support/kb';

const { kb, matcher } = loadTestKnowledgeBase();
const RUNS = { numRuns: 300 };

/** Every spelling the knowledge base knows: aliases, their declined forms, given names, middle names. */
const NAME_PIECES = [
  ...new Set(
    kb.people.flatMap((p) => [
      ...p.aliases.flatMap((a) => declinedForms(a.text)),
      ...p.givenNames,
      ...(p.middleNames ?? []),
      ...(p.middleInitials ?? []).map((i) => `${i}.`),
      ...(p.suffix ? [p.suffix] : []),
    ]),
  ),
  'Jr.',
  'President',
  'Mr.',
  'Senator',
  'Lindsey',
  'the',
];

/** Characters that sit between words on real pages, the awkward ones included. */
const SEPARATORS = [
  ' ',
  '  ',
  '\u00a0',
  '\u202f',
  '\u00ad',
  '\u200b',
  '\u2060',
  '\ufeff',
  '\n',
  '\r\n',
  '\t',
  '’',
  'ʼ',
  "'",
  '’s ',
  '–',
  '—',
  '-',
  '/',
  '.',
  '. ',
  ', ',
  ': ',
  '(',
  ')',
  '“',
  '”',
  '«',
  '\u0301',
  '\ud83d',
  '🙂',
];

/** Any UTF-16 unit, lone surrogates included (pages do contain them). */
const anyCodeUnit = fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c));

const separator = fc.oneof(
  { arbitrary: fc.constantFrom(...SEPARATORS), weight: 8 },
  fc.string({ unit: 'grapheme-ascii', minLength: 1, maxLength: 3 }),
  fc.string({ unit: 'grapheme', minLength: 1, maxLength: 2 }),
  fc.constantFrom('a', 'z', 'é', 'ж', 'і', 'S', 'W', 'Ж'),
);

const namePiece = fc
  .constantFrom(...NAME_PIECES)
  .chain((name) => fc.constantFrom(name, name.toUpperCase(), name.toLowerCase(), name.normalize('NFD')));

/** Names and separators, interleaved: the texts where the rules actually fire. */
const nameText = fc
  .array(fc.tuple(separator, namePiece), { maxLength: 25 })
  .chain((pairs) => separator.map((tail) => pairs.map(([s, n]) => s + n).join('') + tail));

const anyText = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 200 }),
  fc.string({ unit: 'binary', maxLength: 200 }),
  fc.string({ unit: anyCodeUnit, maxLength: 200 }),
  nameText,
);

/** The guarantees the content script relies on to paint `mentions` over `text`. */
function expectPaintable(text: string, mentions: readonly Mention[]): void {
  let previousEnd = 0;
  for (const m of mentions) {
    expect(m.start).toBeGreaterThanOrEqual(0);
    expect(m.start).toBeLessThan(m.end);
    expect(m.end).toBeLessThanOrEqual(text.length);
    expect(m.surface).toBe(text.slice(m.start, m.end));
    expect(m.start, 'sorted and not overlapping').toBeGreaterThanOrEqual(previousEnd);
    previousEnd = m.end;
    const person = kb.people.find((p) => p.id === m.person);
    expect(person?.aliases.map((a) => a.text)).toContain(m.alias);
  }
}

describe('matcher properties', () => {
  it('mentions in any text are inside it, in order, non-overlapping, and slice to their surface', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        expectPaintable(text, findMentions(matcher, text));
      }),
      RUNS,
    );
  });

  it('a page split into random blocks resolves without throwing, each block paintable', () => {
    const blocks = fc.tuple(anyText, fc.array(fc.nat(), { maxLength: 8 })).map(([text, cuts]) => {
      const points = [...new Set(cuts.map((c) => c % (text.length + 1)))].sort((a, b) => a - b);
      const out: string[] = [];
      let last = 0;
      for (const p of points) {
        out.push(text.slice(last, p));
        last = p;
      }
      out.push(text.slice(last));
      return out;
    });
    fc.assert(
      fc.property(blocks, (texts) => {
        const resolved = resolveMentions(texts.map((t) => scanText(matcher, t)));
        expect(resolved.length).toBe(texts.length);
        texts.forEach((t, i) => expectPaintable(t, resolved[i] ?? []));
      }),
      RUNS,
    );
  });

  it('every given name + surname of a person, between neutral separators, is that person in full', () => {
    const fullNames = kb.people.flatMap((p) =>
      p.givenNames.flatMap((g) => p.aliases.map((a) => ({ person: p.id, given: g, surname: a.text }))),
    );
    const gap = fc.constantFrom(' ', '\u00a0', '\u202f', '\n', ' \u200b', '\u00a0\u00ad');
    const between = fc.constantFrom(' ', '. ', ', ', '; ', '\n', ' (', ') ', ' – ', ' and ', '.\n\n');
    const text = fc.array(fc.tuple(fc.constantFrom(...fullNames), gap, between), {
      minLength: 1,
      maxLength: 8,
    });
    fc.assert(
      fc.property(text, (parts) => {
        const t = parts.map(([n, g, b]) => `${n.given}${g}${n.surname}${b}`).join('');
        const found = findMentions(matcher, t);
        expectPaintable(t, found);
        expect(
          found.map((m) => ({ person: m.person, kind: m.reason.kind })),
          JSON.stringify(t),
        ).toEqual(parts.map(([n]) => ({ person: n.person, kind: 'full-name' })));
      }),
      RUNS,
    );
  });
});
