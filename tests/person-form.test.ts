/**
 * The "Add a person" form's proposals (issue 14): the name, surname, given names, pronoun and role it
 * proposes from a selection and its page, the warnings a surname deserves (a common word, someone's
 * given name, another person's alias) with the matcher rules they set, and the person it builds, which
 * passes the pack validation and is then spotted by the matcher.
 */
import { describe, expect, it } from 'vitest';
import { isCommonWord } from '../core/common-words';
import { buildMatcher, findMentions } from '../core/matcher';
import { createEmptyPack } from '../core/pack';
import { MY_SOURCES_PACK_ID } from '../core/pack-ids';
import { validatePack } from '../core/pack-validate';
import {
  buildPerson,
  checkPersonForm,
  checkSurname,
  cleanSelection,
  personIdOf,
  proposePerson,
  putPerson,
  removePerson,
  type NameContext,
} from '../core/person-form';
import givenNames from '../data/given-names.json';
import { loadBundledPack } from '../scripts/pack-files';

const bundled = loadBundledPack();
const kb = { people: bundled.people, pack: bundled };
const context = (pageText = ''): NameContext => ({
  people: kb.people,
  isWord: isCommonWord, // The list the form uses (data/common-words.json).
  givenNames: givenNames.names,
  pageText,
});

const PAGE = [
  'Kellogg meets Zelensky in Kyiv',
  'US special envoy Keith Kellogg arrived in Kyiv on Tuesday. He said the talks would go on.',
  'Kellogg, who met the president twice, left on Wednesday.',
].join('\n');

describe('what the form proposes', () => {
  it('takes the name from the selection, without a title, quotes or a possessive', () => {
    expect(cleanSelection('  “Gen. Keith  Kellogg’s ')).toBe('Keith Kellogg');
    expect(cleanSelection('Senator Lindsey Graham,')).toBe('Lindsey Graham');
  });

  it('proposes surname, given name, pronoun, and a role from the first sentence that names the person', () => {
    const proposal = proposePerson('Keith Kellogg', PAGE);
    expect(proposal).toMatchObject({
      name: 'Keith Kellogg',
      surname: 'Kellogg',
      givenNames: 'Keith',
      pronoun: 'he',
      role: 'US special envoy',
      sentence: 'US special envoy Keith Kellogg arrived in Kyiv on Tuesday.',
    });
    // Every sentence naming the person is offered, so the reader can pick another.
    expect(proposal.sentences).toContain('Kellogg, who met the president twice, left on Wednesday.');
  });

  it('reads a role given in apposition after the name', () => {
    const page = 'Liana Fix, a fellow at the Council on Foreign Relations, said she doubted it.';
    expect(proposePerson('Liana Fix', page)).toMatchObject({
      role: 'a fellow at the Council on Foreign Relations',
      pronoun: 'she',
    });
  });

  it('reads a role given before the name and its comma', () => {
    const page = 'A Swiss diplomat who helped arrange the meeting, Lena Brunner, said the rooms stay open.';
    expect(proposePerson('Lena Brunner', page).role).toBe('A Swiss diplomat who helped arrange the meeting');
  });

  it('handles Cyrillic names: the parts, and a Latin id', () => {
    const page = 'Помощник президента Юрий Ушаков заявил журналистам, что встреча прошла хорошо.';
    const proposal = proposePerson('Юрий Ушаков', page);
    expect(proposal).toMatchObject({ name: 'Юрий Ушаков', surname: 'Ушаков', givenNames: 'Юрий' });
    expect(proposal.role).toBe('Помощник президента');
    expect(personIdOf('Юрий Ушаков', new Set())).toMatch(/^[a-z]+-[a-z]+$/);
    expect(checkSurname('Ушаков', context(page)).warnings.map((w) => w.kind)).not.toContain('common-word');
  });

  it('gives a new person an id of their own', () => {
    expect(personIdOf('Keith Kellogg', new Set())).toBe('keith-kellogg');
    expect(personIdOf('Keith Kellogg', new Set(['keith-kellogg']))).toBe('keith-kellogg-2');
    expect(personIdOf('José Álvarez', new Set())).toBe('jose-alvarez');
  });
});

describe('warnings about a surname, and the rules they set', () => {
  it.each(['Fix', 'Bush', 'Rice', 'Brown', 'White', 'Hunt'])(
    '“%s” is a common word: exact case, and alone only where anchored',
    (surname) => {
      const { warnings, rule } = checkSurname(surname, context());
      expect(warnings.map((w) => w.kind)).toContain('common-word');
      expect(rule.case).toBe('exact');
      expect(rule.ambiguous).toMatch(/common word/);
    },
  );

  it('a surname the page itself writes in lower case is a word there', () => {
    const { rule } = checkSurname('Kellogg', { ...context('They ate kellogg cereal.'), isWord: () => false });
    expect(rule.case).toBe('exact');
  });

  it('“Graham” is a given name: alone, only where anchored (but any case)', () => {
    const { warnings, rule } = checkSurname('Graham', { ...context(), people: [], isWord: () => false });
    expect(warnings.map((w) => w.kind)).toEqual(['given-name']);
    expect(rule).toMatchObject({ case: 'insensitive', ambiguous: expect.stringMatching(/given name/) });
  });

  it('a surname that is another person’s alias is declared shared with them', () => {
    const { warnings, rule } = checkSurname('Graham', context());
    expect(warnings.map((w) => w.kind)).toContain('shared-alias');
    expect(warnings.find((w) => w.kind === 'shared-alias')?.message).toMatch(/Thomas Graham/);
    expect(rule.sharedWith).toEqual(['thomas-graham']);
    // Editing Thomas Graham himself is no conflict.
    expect(checkSurname('Graham', { ...context(), selfId: 'thomas-graham' }).rule.sharedWith).toBeUndefined();
  });

  it.each(['Kellogg', 'Witkoff', 'Lindqvist', 'Brunner'])(
    'a surname that is not a word (“%s”) has no warning and any case',
    (surname) => {
      // Nobody known yet: Steve Witkoff's own alias would be shared (the test above).
      expect(checkSurname(surname, { ...context(), people: [] })).toEqual({
        warnings: [],
        rule: { case: 'insensitive' },
      });
    },
  );

  it('names that the word lists know mostly as names are not common words (“Johnson”, “Carter”)', () => {
    for (const surname of ['Johnson', 'Carter', 'Smith'])
      expect(checkSurname(surname, { ...context(), people: [] }).rule.case).toBe('insensitive');
  });

  it('a common word that is also another person’s alias gets both warnings (Liana Fix is bundled)', () => {
    const { warnings, rule } = checkSurname('Fix', context());
    expect(warnings.map((w) => w.kind)).toEqual(['common-word', 'shared-alias']);
    expect(rule).toMatchObject({ case: 'exact', sharedWith: ['liana-fix'] });
  });

  it('a Cyrillic surname: no common-word warning; another person’s Cyrillic alias is shared', () => {
    expect(checkSurname('Ушаков', { ...context(), people: [] })).toEqual({
      warnings: [],
      rule: { case: 'insensitive' },
    });
    const { warnings, rule } = checkSurname('Ушаков', context());
    expect(warnings.map((w) => w.kind)).toEqual(['shared-alias']);
    expect(rule).toMatchObject({ case: 'insensitive', sharedWith: ['yuri-ushakov'] });
  });
});

describe('the person the form builds', () => {
  const source = {
    id: 'saved-0000abcd',
    url: 'https://example.com/kellogg',
    outlet: { name: 'Example News', basis: 'read from the page' },
    headline: { text: 'Kellogg meets Zelensky in Kyiv', isPrinted: true, basis: 'read from the page' },
    published: { date: '2026-12-01', inferred: false, basis: 'read from the page', background: [] },
    provenance: 'Saved by the reader.',
    text: PAGE,
  };
  const mine = { ...createEmptyPack(MY_SOURCES_PACK_ID, 'My sources'), sources: [source] };

  it('passes the pack validation, and the matcher then finds the person', () => {
    const form = proposePerson('Keith Kellogg', PAGE);
    expect(checkPersonForm(form, PAGE)).toEqual([]);
    const person = buildPerson(form, 'keith-kellogg', source.id, context(PAGE));
    expect(person.roles).toEqual([{ title: 'US special envoy', sources: [source.id] }]);
    const { pack, problems } = validatePack(putPerson(mine, person), [kb.pack]);
    expect(problems).toEqual([]);
    const matcher = buildMatcher([...kb.people, ...(pack?.people ?? [])], givenNames.names);
    expect(findMentions(matcher, 'Then Kellogg flew home.').map((m) => m.person)).toEqual(['keith-kellogg']);
  });

  it('a sentence the reader rewrote is refused: the role must be checkable in the page', () => {
    const form = { ...proposePerson('Keith Kellogg', PAGE), sentence: 'Kellogg is a famous envoy.' };
    expect(checkPersonForm(form, PAGE)).toEqual([expect.stringMatching(/^Sentence: /)]);
  });

  it('a Cyrillic person is also known by the common romanisation of the name', () => {
    const form = {
      ...proposePerson('Keith Kellogg', PAGE),
      name: 'Кит Келлог',
      surname: 'Келлог',
      givenNames: 'Кит',
    };
    const person = buildPerson(form, 'kit-kellog', source.id, context(PAGE));
    expect(person.aliases.map((a) => a.text)).toEqual(['Келлог', 'Kellog']);
    expect(person.givenNames).toEqual(['Кит', 'Kit']);
  });

  it('is replaced when edited, and removed with their quotes and the links to them', () => {
    const person = buildPerson(
      proposePerson('Keith Kellogg', PAGE),
      'keith-kellogg',
      source.id,
      context(PAGE),
    );
    const withQuote = {
      ...person,
      quotes: [
        {
          id: 'q1',
          kind: 'direct',
          text: 'x',
          source: source.id,
          context: 'x',
          cue: 'x',
          topic: 'peace-plan',
        },
      ],
    } as never;
    const pack = putPerson(putPerson(mine, withQuote), { ...person, name: 'Gen. Keith Kellogg' });
    expect(pack.people.map((p) => [p.id, p.name, p.quotes.length])).toEqual([
      ['keith-kellogg', 'Gen. Keith Kellogg', 0],
    ]);
    expect(removePerson(pack, 'keith-kellogg').people).toEqual([]);
  });
});
