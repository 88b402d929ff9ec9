import { describe, expect, it } from 'vitest';
import { buildCardModel, describeMatch } from '../core/card-model';
import { DEFAULT_SETTINGS } from '../core/settings';
import { findMentions, resolveMentions, scanText } from '../core/matcher';
import { loadTestKnowledgeBase } from './support/kb';

const { kb, matcher } = loadTestKnowledgeBase();
const person = (id: string) => {
  const p = kb.people.find((x) => x.id === id);
  if (!p) throw new Error(id);
  return p;
};
/** The card of `id` with every source on, and the knowledge base's background statements. */
const modelOf = (id: string) =>
  buildCardModel(person(id), kb.sources, kb.people, DEFAULT_SETTINGS, kb.background);
const KYIV_POST_001 = '001_9c4c8f1c2ef386b9';
const ARTICLE_002 = '002_508fa90569225c0e';

describe('the card model', () => {
  it('shows every direct quote word for word, labelled with outlet and date', () => {
    const model = buildCardModel(person('michael-carpenter'), kb.sources, kb.people, DEFAULT_SETTINGS);
    const quotes = model.topics.flatMap((t) => t.quotes);
    const direct = person('michael-carpenter').quotes.filter((q) => q.kind === 'direct');
    expect(direct.length).toBeGreaterThan(0);
    for (const q of direct) {
      const shown = quotes.find((s) => s.id === q.id);
      expect(shown?.text).toBe(q.text);
      expect(shown?.sources.map((source) => source.outlet)).toEqual(['Kyiv Post']);
      expect(shown?.sources[0]?.date).toBe('2 Dec 2025');
      expect(shown?.sources[0]?.isDateInferred).toBe(true);
    }
  });

  it('drops a turned-off source’s quotes, descriptions and roles, and counts what it hid', () => {
    const all = buildCardModel(person('michael-carpenter'), kb.sources, kb.people, DEFAULT_SETTINGS);
    const without = buildCardModel(person('michael-carpenter'), kb.sources, kb.people, {
      ...DEFAULT_SETTINGS,
      disabledSources: [KYIV_POST_001],
    });
    expect(all.topics.length).toBeGreaterThan(0);
    expect(
      without.topics.flatMap((t) => t.quotes).some((q) => q.sources.some((s) => s.id === KYIV_POST_001)),
    ).toBe(false);
    expect(without.descriptions.some((d) => d.source.id === KYIV_POST_001)).toBe(false);
    expect(without.hiddenQuoteCount).toBe(person('michael-carpenter').quotes.length);
  });

  it('turning an outlet off hides all of its articles', () => {
    const model = buildCardModel(person('steve-witkoff'), kb.sources, kb.people, {
      ...DEFAULT_SETTINGS,
      disabledOutlets: ['Kyiv Post'],
    });
    const cited = [
      ...model.topics.flatMap((t) => t.quotes.flatMap((q) => q.sources.map((s) => s.outlet))),
      ...model.roles.flatMap((r) => r.sources.map((s) => s.outlet)),
    ];
    expect(cited.length).toBeGreaterThan(0);
    expect(cited).not.toContain('Kyiv Post');
  });

  it('labels a conflict with the public record as such, citing the background it rests on', () => {
    const model = modelOf('kaja-kallas');
    const conflicts = model.roles.flatMap((r) => r.conflicts);
    // Only 002 names Kallas: nothing of the knowledge base disagrees with it, the public record does.
    expect(conflicts.map((c) => c.label)).toEqual(['Differs from the public record']);
    expect(conflicts[0]?.sources.map((s) => s.id)).toEqual([ARTICLE_002]);
    expect(conflicts[0]?.background.map((b) => b.id)).toEqual(['bg-kallas-eu-post']);
    expect(model.background.map((b) => b.id)).toEqual(['bg-kallas-eu-post']);
    expect(model.background[0]).toMatchObject({ asOf: '2025-12-02', restsOn: expect.any(String) });
  });

  it('says “sources disagree” only where two articles disagree, citing both sides', () => {
    const model = modelOf('donald-trump');
    const role = model.roles.find((r) => r.conflicts.length > 0);
    expect(role?.conflicts.map((c) => c.label)).toEqual([
      'Sources disagree',
      'Differs from the public record',
    ]);
    const disagree = role?.conflicts[0];
    expect(new Set(disagree?.sources.map((s) => s.id)).size).toBeGreaterThanOrEqual(2);
    expect(disagree?.sources.map((s) => s.id)).toContain(ARTICLE_002);
    expect(disagree?.background).toEqual([]);
  });

  it('shows no background when no conflict needs it', () => {
    const model = modelOf('michael-carpenter');
    expect(model.background).toEqual([]);
  });

  it('shows each summary sentence and link with its own sources, and drops those of a turned-off article', () => {
    const all = buildCardModel(person('steve-witkoff'), kb.sources, kb.people, DEFAULT_SETTINGS);
    expect(all.summary.length).toBe(person('steve-witkoff').summary.length);
    for (const sentence of all.summary) expect(sentence.sources.length).toBeGreaterThan(0);
    for (const link of all.links) expect(link.sources.length).toBeGreaterThan(0);
    const without002 = buildCardModel(person('kaja-kallas'), kb.sources, kb.people, {
      ...DEFAULT_SETTINGS,
      disabledSources: [ARTICLE_002],
    });
    expect(without002.summary).toEqual([]);
    expect(without002.roles).toEqual([]);
    expect(without002.background).toEqual([]);
  });

  it('keeps what the articles report a person did apart from what they said', () => {
    const model = buildCardModel(person('steve-witkoff'), kb.sources, kb.people, DEFAULT_SETTINGS);
    const quoted = model.topics.flatMap((t) => t.quotes.map((q) => q.id));
    const done = model.actions.map((a) => a.id);
    expect(done).toEqual(
      expect.arrayContaining(['witkoff-briefs-putin-on-florida', 'witkoff-presents-revised-proposal']),
    );
    expect(quoted).not.toContain('witkoff-briefs-putin-on-florida');
    expect(quoted.filter((id) => done.includes(id))).toEqual([]);
  });

  it('marks the partial quotes, which carry the article’s sentence', () => {
    const model = buildCardModel(person('thomas-graham'), kb.sources, kb.people, DEFAULT_SETTINGS);
    const partial = model.topics.flatMap((t) => t.quotes).find((q) => q.id === 'graham-horrific-losses');
    expect(partial?.kind).toBe('partial');
    expect(partial?.context).toContain(`“${partial?.text},”`);
  });

  it('marks a headline written by Dramatis, and a date inferred with background knowledge', () => {
    const model = buildCardModel(person('volodymyr-zelensky'), kb.sources, kb.people, DEFAULT_SETTINGS);
    const cited = new Map(model.roles.flatMap((r) => r.sources).map((s) => [s.id, s]));
    expect(cited.get('000_3cc1c4cc7cf39fe5')).toMatchObject({
      isHeadlineOurs: true,
      isDateFromBackground: true,
    });
    expect(cited.get('004_11d8a4770e6080f9')).toMatchObject({
      isHeadlineOurs: false,
      headline: 'U.S. Envoy Heads to Moscow as Washington Intensifies Push for Ukraine Peace Deal',
    });
  });

  it('groups quotes by topic in the fixed topic order, each topic once', () => {
    const model = buildCardModel(person('yuriy-boyechko'), kb.sources, kb.people, DEFAULT_SETTINGS);
    const ids = model.topics.map((t) => t.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(model.topics.every((t) => t.quotes.length > 0)).toBe(true);
  });

  it('names an unknown outlet as unknown, never a guess', () => {
    const model = buildCardModel(person('karoline-leavitt'), kb.sources, kb.people, DEFAULT_SETTINGS);
    const outlets = model.topics.flatMap((t) => t.quotes.flatMap((q) => q.sources));
    expect(outlets.length).toBeGreaterThan(0);
    for (const s of outlets) {
      expect(s.isOutletUnknown).toBe(true);
      expect(s.outlet).toMatch(/^Outlet unknown \(article 002\)$/);
    }
  });
});

describe('why this name matched', () => {
  const why = (text: string, index = -1) => {
    const mentions = findMentions(matcher, text);
    const m = index < 0 ? mentions[mentions.length + index] : mentions[index];
    if (!m) throw new Error('no mention');
    return describeMatch(m, person(m.person).name);
  };

  it('explains a full name, a surname, an anchored surname and a linked compound', () => {
    expect(why('Steve Witkoff arrived.')).toBe('Matched the full name “Steve Witkoff”, written here.');
    expect(why('Witkoff arrived.')).toBe('Matched the surname “Witkoff”.');
    expect(why('Zelenskyy spoke.')).toBe('Matched the surname “Zelenskyy”.');
    expect(why('Thomas Graham spoke. Graham argues.')).toBe(
      '“Graham” alone could be someone else; this paragraph names “Thomas Graham”.',
    );
    expect(why('the Witkoff–Dmitriev conversations')).toContain('joined to “Witkoff”');
  });

  it('says when the naming that anchors a surname is in another paragraph, and names a title', () => {
    const [, body] = resolveMentions(
      ['Thomas Graham spoke.', 'Graham argues.'].map((t) => scanText(matcher, t)),
    );
    const m = body?.[0];
    if (!m) throw new Error('no mention');
    expect(describeMatch(m, 'Thomas Graham')).toBe(
      '“Graham” alone could be someone else; another paragraph of this page names “Thomas Graham”.',
    );
    expect(why('Ivanka Trump joined her father, President Trump.')).toBe(
      'Matched “Trump” after the title “President”.',
    );
  });

  it('explains a given name plus a near spelling of the surname', () => {
    expect(why('Rustem Umirov led the delegation.')).toBe(
      'Matched “Rustem Umirov”: a given name of Rustem Umerov plus “Umirov”, a near spelling of the surname “Umerov”.',
    );
  });
});
