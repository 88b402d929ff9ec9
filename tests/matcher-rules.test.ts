/**
 * Direct tests of matcher rules that the fixtures do not pin down: the "why this name?" reason a
 * card shows, declined Cyrillic forms, decomposed accents, and texts of hostile size.
 */
import { describe, expect, it } from 'vitest';
import { buildMatcher, findMentions, NOT_AFTER, resolveMentions, scanText } from '../core/matcher';
import { isWordChar } from '../core/text-normalize';
import givenNames from '../data/given-names.json';
import { loadTestKnowledgeBase } from './support/kb';

const { kb, matcher } = loadTestKnowledgeBase();
const find = (text: string) => findMentions(matcher, text);
/** Person and surface of each mention: what a reader sees highlighted, and whose card opens. */
const seen = (text: string) => find(text).map(({ person, surface }) => ({ person, surface }));

describe('the reason a card gives for each kind of mention', () => {
  it('a given name + surname is a full name', () => {
    expect(find('Steve Witkoff flew to Moscow.')).toEqual([
      {
        start: 0,
        end: 13,
        person: 'steve-witkoff',
        surface: 'Steve Witkoff',
        alias: 'Witkoff',
        reason: { kind: 'full-name' },
      },
    ]);
  });

  it('a surname only one person has is that person', () => {
    expect(find('Witkoff flew to Moscow.')).toEqual([
      {
        start: 0,
        end: 7,
        person: 'steve-witkoff',
        surface: 'Witkoff',
        alias: 'Witkoff',
        reason: { kind: 'surname' },
      },
    ]);
  });

  it('an ambiguous surname is anchored by the full name earlier on the page, which the card quotes', () => {
    const text = 'Kirill Dmitriev spoke first. Later Dmitriev left.';
    expect(find(text)[1]).toEqual({
      start: 35,
      end: 43,
      person: 'kirill-dmitriev',
      surface: 'Dmitriev',
      alias: 'Dmitriev',
      reason: {
        kind: 'anchored',
        anchor: { start: 0, end: 15, surface: 'Kirill Dmitriev', isElsewhere: false },
      },
    });
  });

  it('a headline surname is anchored by a full name in a later block of the page', () => {
    const blocks = ['Dmitriev flies to Miami', 'Kirill Dmitriev said the talks went well.'];
    const [headline, body] = resolveMentions(blocks.map((b) => scanText(matcher, b)));
    expect(headline).toEqual([
      {
        start: 0,
        end: 8,
        person: 'kirill-dmitriev',
        surface: 'Dmitriev',
        alias: 'Dmitriev',
        reason: {
          kind: 'anchored',
          anchor: { start: 0, end: 15, surface: 'Kirill Dmitriev', isElsewhere: true },
        },
      },
    ]);
    expect(body?.map((m) => m.reason.kind)).toEqual(['full-name']);
  });

  it('a surname dashed to a linked person names its owner, and the card names the partner', () => {
    expect(find('Witkoff–Dmitriev conversations')).toEqual([
      {
        start: 0,
        end: 7,
        person: 'steve-witkoff',
        surface: 'Witkoff',
        alias: 'Witkoff',
        reason: { kind: 'surname' },
      },
      {
        start: 8,
        end: 16,
        person: 'kirill-dmitriev',
        surface: 'Dmitriev',
        alias: 'Dmitriev',
        reason: { kind: 'linked', partner: { person: 'steve-witkoff', surface: 'Witkoff' } },
      },
    ]);
  });

  it('the dash counts only between people the knowledge base links', () => {
    // Kallas and Dmitriev are not linked: the bare "Dmitriev" stays unattributed.
    expect(seen('the Kallas–Dmitriev exchange')).toEqual([{ person: 'kaja-kallas', surface: 'Kallas' }]);
  });

  it('a standalone name alias gives the reason "alias"', () => {
    const custom = buildMatcher(
      [
        {
          id: 'pope-leo',
          givenNames: [],
          aliases: [{ text: 'Pope Leo XIV', kind: 'name', case: 'insensitive' }],
        },
      ],
      [],
    );
    expect(findMentions(custom, 'Pope Leo XIV called for a truce.')).toEqual([
      {
        start: 0,
        end: 12,
        person: 'pope-leo',
        surface: 'Pope Leo XIV',
        alias: 'Pope Leo XIV',
        reason: { kind: 'alias' },
      },
    ]);
  });
});

describe('Cyrillic', () => {
  it('finds declined surnames and attributes them to the right person', () => {
    expect(find('Встреча Путина и Зеленского. Трампу сказали. Путинизм.')).toEqual([
      expect.objectContaining({ person: 'vladimir-putin', surface: 'Путина', alias: 'Путин' }),
      expect.objectContaining({ person: 'volodymyr-zelensky', surface: 'Зеленского', alias: 'Зеленский' }),
      expect.objectContaining({ person: 'donald-trump', surface: 'Трампу', alias: 'Трамп' }),
    ]);
  });

  it('finds Ukrainian and instrumental forms, not longer words', () => {
    expect(seen('Зустріч із Зеленським, розмова з Путіним; путинизм и Путиноид.')).toEqual([
      { person: 'volodymyr-zelensky', surface: 'Зеленським' },
      { person: 'vladimir-putin', surface: 'Путіним' },
    ]);
  });
});

describe('decomposed (NFD) text', () => {
  it('finds a surname whose letters are decomposed, with the decomposed surface', () => {
    const text = 'Заявление: Зеленский ответил.'.normalize('NFD');
    expect(text).not.toBe('Заявление: Зеленский ответил.');
    const [mention] = find(text);
    expect(mention?.person).toBe('volodymyr-zelensky');
    expect(mention?.surface).toBe('Зеленский'.normalize('NFD'));
    expect(text.slice(mention?.start, mention?.end)).toBe(mention?.surface);
  });

  // Known matcher bug (reported, not fixed here: core/matcher.ts is not ours to edit): aliases are
  // indexed in NFC and NFD, but given names are only compared in the form the knowledge base writes
  // them, so a decomposed "й" in "Андрій" hides the given name; the ambiguous surname then reads as
  // "someone else's given name + Kovalenko" and the full name is not highlighted at all.
  it('finds a full name whose given name is decomposed', () => {
    expect(seen('Андрій Коваленко заявив. Дмитрий Песков ответил.'.normalize('NFD'))).toEqual([
      { person: 'andriy-kovalenko', surface: 'Андрій Коваленко'.normalize('NFD') },
      { person: 'dmitry-peskov', surface: 'Дмитрий Песков'.normalize('NFD') },
    ]);
  });
});

describe('texts of hostile size', () => {
  it('a 1 MB text finishes with every mention found', () => {
    const head = 'Kirill Dmitriev arrived. ';
    const paragraph = 'Steve Witkoff met Vladimir Putin; Dmitriev took notes and Witkoff left.\n';
    const repeats = Math.ceil(1_000_000 / paragraph.length);
    const text = head + paragraph.repeat(repeats);
    expect(text.length).toBeGreaterThanOrEqual(1_000_000);
    const mentions = find(text);
    expect(mentions.length).toBe(1 + 4 * repeats);
    const last = mentions[mentions.length - 1];
    expect(last).toMatchObject({
      person: 'steve-witkoff',
      surface: 'Witkoff',
      end: text.length - ' left.\n'.length,
    });
    expect(mentions[mentions.length - 2]?.reason).toEqual({
      kind: 'anchored',
      anchor: { start: 0, end: 15, surface: 'Kirill Dmitriev', isElsewhere: false },
    });
  });

  it('10,000 bare "Graham" with no full name on the page are nobody', () => {
    expect(find('Graham said. '.repeat(10_000))).toEqual([]);
  });
});

/*
 * Rules whose removal no fixture noticed (found by the mutation check reported with these tests):
 * each test below fails when its rule is disabled in core/matcher.ts or core/text-normalize.ts.
 */
describe('rules the fixtures do not reach', () => {
  it('initials with no given name name the person only when they are his own ("W. Bush", not "H. W. Bush")', () => {
    expect(seen('W. Bush met Putin.')).toEqual([
      { person: 'george-w-bush', surface: 'W. Bush' },
      { person: 'vladimir-putin', surface: 'Putin' },
    ]);
    expect(seen('George W. Bush spoke. Later, H. W. Bush signed.')).toEqual([
      { person: 'george-w-bush', surface: 'George W. Bush' },
    ]);
  });

  it('an ALL-CAPS headline word before an ambiguous surname is not a given name', () => {
    const text = 'Michael Carpenter spoke on Monday.\n\nEUROPE SHOULD HEED CARPENTER ON RUSSIA';
    expect(seen(text)).toEqual([
      { person: 'michael-carpenter', surface: 'Michael Carpenter' },
      { person: 'michael-carpenter', surface: 'CARPENTER' },
    ]);
  });

  it('a capitalised given name the lists do not know still names someone else', () => {
    // "Rhiannon" is in neither the knowledge base nor data/given-names.json.
    const text =
      'Michael Carpenter spoke in Vienna. Elsewhere, Rhiannon Carpenter played a show, and Carpenter thanked the crowd.';
    expect(seen(text)).toEqual([{ person: 'michael-carpenter', surface: 'Michael Carpenter' }]);
  });

  it('a title before an ambiguous surname mid-sentence keeps it anchored', () => {
    expect(seen('Michael Carpenter spoke. The remarks of Ambassador Carpenter were blunt.')).toEqual([
      { person: 'michael-carpenter', surface: 'Michael Carpenter' },
      { person: 'michael-carpenter', surface: 'Carpenter' },
    ]);
  });

  it('"Jrʼs" with the modifier-letter apostrophe is still the suffix Jr.', () => {
    expect(seen('Donald Trump Jrʼs posts angered Kyiv.')).toEqual([]);
    expect(seen('Donald Trump Jr’s posts angered Kyiv.')).toEqual([]);
    expect(seen('Donald Trumpʼs posts angered Kyiv.')).toEqual([
      { person: 'donald-trump', surface: 'Donald Trump' },
    ]);
  });

  it('the longest alias wins where a shorter one also ends on a word boundary', () => {
    const custom = buildMatcher(
      [
        {
          id: 'kim-jong-un',
          givenNames: [],
          aliases: [{ text: 'Kim Jong Un', kind: 'name', case: 'insensitive' }],
        },
        { id: 'kim-darroch', givenNames: ['Kim'], aliases: [{ text: 'Kim', kind: 'name', case: 'exact' }] },
      ],
      [],
    );
    expect(findMentions(custom, 'Kim Jong Un fired a missile.').map((m) => [m.person, m.surface])).toEqual([
      ['kim-jong-un', 'Kim Jong Un'],
    ]);
  });

  it('an alias written with an apostrophe matches any apostrophe in the text', () => {
    const custom = buildMatcher(
      [
        {
          id: 'conan-obrien',
          givenNames: ['Conan'],
          aliases: [{ text: "O'Brien", kind: 'surname', case: 'insensitive' }],
        },
      ],
      [],
    );
    const text = 'Conan O’Brien joked; Oʼbrien left; O‘BRIEN waved.';
    expect(findMentions(custom, text).map((m) => m.surface)).toEqual(['Conan O’Brien', 'Oʼbrien', 'O‘BRIEN']);
  });
});

describe('names after any mark', () => {
  it('a full name in square brackets is the full name, and a namesake in brackets is not the person', () => {
    expect(find('[Donald Trump] [Melania Trump]').map((m) => [m.surface, m.reason.kind])).toEqual([
      ['Donald Trump', 'full-name'],
    ]);
  });
});

describe('near spellings of a surname', () => {
  it('a given name plus a near spelling gives the reason "near-spelling", with the spelling as written', () => {
    expect(find('Talks resumed. Rustem Umirov led the delegation.')).toEqual([
      {
        start: 15,
        end: 28,
        person: 'rustem-umerov',
        surface: 'Rustem Umirov',
        alias: 'Umerov',
        reason: { kind: 'near-spelling', spelling: 'Umirov' },
      },
    ]);
  });

  it('the spelling learned on one page anchors nothing on another', () => {
    const pageWithNaming = 'Steve Witkof flew in. Later Witkof said the talks went well.';
    expect(seen(pageWithNaming).map((m) => m.surface)).toEqual(['Steve Witkof', 'Witkof']);
    expect(seen('Witkof said the talks went well.')).toEqual([]);
  });

  it('a near spelling that is another person’s alias is that other person’s namesake, not the person', () => {
    const custom = buildMatcher(
      [
        {
          id: 'ivan-petrov',
          givenNames: ['Ivan'],
          aliases: [{ text: 'Petrov', kind: 'surname', case: 'insensitive' }],
        },
        {
          id: 'olga-petrova',
          givenNames: ['Olga'],
          aliases: [{ text: 'Petrova', kind: 'surname', case: 'insensitive' }],
        },
      ],
      [],
    );
    expect(findMentions(custom, 'Ivan Petrova signed it.')).toEqual([]);
    expect(findMentions(custom, 'Ivan Petrow signed it.').map((m) => [m.person, m.surface])).toEqual([
      ['ivan-petrov', 'Ivan Petrow'],
    ]);
  });

  it('a near spelling that is a common given name is someone else', () => {
    const custom = buildMatcher(
      [
        {
          id: 'anna-marten',
          givenNames: ['Anna'],
          aliases: [{ text: 'Marten', kind: 'surname', case: 'insensitive' }],
        },
      ],
      ['Martin'],
    );
    expect(findMentions(custom, 'Anna Martin signed it.')).toEqual([]);
    expect(findMentions(custom, 'Anna Marton signed it.').map((m) => m.surface)).toEqual(['Anna Marton']);
  });

  it('needs the capitals of a name on both words', () => {
    expect(seen('rustem Umirov and Rustem umirov')).toEqual([]);
  });

  it('reads a Latin given name only capitalised as written, a Cyrillic one in any case', () => {
    // A matcher of its own: the spellings learned by the tests above stay in the shared one.
    const fresh = buildMatcher(kb.people, givenNames.names);
    const surfaces = (text: string) => findMentions(fresh, text).map((m) => m.surface);
    expect(surfaces('RUSTEM Umirov led the delegation.')).toEqual([]);
    expect(surfaces('РУСТЕМ Умиров возглавил делегацию.')).toEqual(['РУСТЕМ Умиров']);
  });

  it('reads a given name inside another alias (the scan skips the words of a match)', () => {
    const custom = buildMatcher(
      [
        {
          id: 'ivan-petrov',
          givenNames: ['Ivan'],
          aliases: [{ text: 'Petrov', kind: 'surname', case: 'insensitive' }],
        },
        { id: 'radio-ivan', givenNames: [], aliases: [{ text: 'Radio Ivan', kind: 'name', case: 'exact' }] },
      ],
      [],
    );
    expect(findMentions(custom, 'Radio Ivan Petrow spoke.').map((m) => m.surface)).toEqual(['Radio Ivan']);
    expect([...custom.learned.entries.keys()]).toEqual(['petrow']);
  });
});

describe('the scan pattern', () => {
  it('passes over a place only when a word character is before it', () => {
    const notAfter = new RegExp(`[${NOT_AFTER}]`);
    for (let code = 0; code <= 0xffff; code++)
      if (notAfter.test(String.fromCharCode(code))) expect(isWordChar(code), code.toString(16)).toBe(true);
  });
});
