import { describe, expect, it } from 'vitest';
import { buildSearchIndex, makeSnippet, normalizeQuery, type Span } from '../core/search';
import { DEFAULT_SETTINGS } from '../core/settings';
import { PEOPLE, SOURCES } from '../data/bundle';

const NO_FILTER = { disabledSources: [], disabledOutlets: [] };
const index = buildSearchIndex(PEOPLE, SOURCES, NO_FILTER);
const topPerson = (query: string) => index.search(query).people[0]?.id;
const spanTexts = (text: string, spans: readonly Span[]) => spans.map(([s, e]) => text.slice(s, e));

describe('search: people', () => {
  // The typo list: each must put the right person first.
  it.each([
    ['witkof', 'steve-witkoff'],
    ['zelenski', 'volodymyr-zelensky'],
    ['dmitriyev', 'kirill-dmitriev'],
    ['peskow', 'dmitry-peskov'],
    ['umerow', 'rustem-umerov'],
  ])('the typo "%s" finds %s first', (query, id) => {
    expect(topPerson(query)).toBe(id);
  });

  it.each([
    ['Witkoff', 'steve-witkoff'],
    ['WITKOFF', 'steve-witkoff'],
    ['  steve   witkoff ', 'steve-witkoff'],
    ['Steven Witkof', 'steve-witkoff'],
    ['Zelenskyy', 'volodymyr-zelensky'],
    ['Zelenskiy', 'volodymyr-zelensky'],
    ['Уиткофф', 'steve-witkoff'],
    ['Зеленский', 'volodymyr-zelensky'],
    ['Зеленськiй', 'volodymyr-zelensky'], // a Latin "i" typed among Cyrillic letters
    ['Песков', 'dmitry-peskov'],
    ['Дмитрий Песков', 'dmitry-peskov'],
    ['Умеров', 'rustem-umerov'],
    ['kushner', 'jared-kushner'],
    ['Sestanovic', 'stephen-sestanovich'],
  ])('"%s" finds %s first (names, aliases, transliterations, Cyrillic)', (query, id) => {
    expect(topPerson(query)).toBe(id);
  });

  it('finds people by role and says which role matched', () => {
    const [hit] = index.search('Kremlin spokesman').people;
    expect(hit?.id).toBe('dmitry-peskov');
    expect(hit?.detail?.label).toBe('Role');
    expect(hit?.detail?.text).toBe('Kremlin spokesman');
    expect(topPerson('National Security and Defence Council')).toBe('rustem-umerov');
    expect(topPerson('special envoy')).toBe('steve-witkoff');
  });

  it('says which spelling matched when it is not the name', () => {
    const [hit] = index.search('Уиткофф').people;
    expect(hit?.nameSpans).toEqual([]);
    expect(hit?.detail).toMatchObject({ label: 'Also written', text: 'Уиткофф' });
    expect(spanTexts(hit!.detail!.text, hit!.detail!.spans)).toEqual(['Уиткофф']);
  });

  it('marks the matched part of the name', () => {
    const [hit] = index.search('witkoff').people;
    expect(hit?.detail).toBeUndefined();
    expect(spanTexts(hit!.name, hit!.nameSpans)).toEqual(['Witkoff']);
  });

  it('finds both people a shared given name belongs to', () => {
    const ids = index.search('Yuri').people.map((p) => p.id);
    expect(ids).toEqual(expect.arrayContaining(['yuri-ushakov', 'yuriy-boyechko']));
  });
});

describe('search: quotes', () => {
  it('finds a quote by its words, with the person and the source', () => {
    const hit = index.search('stringing the US along').quotes[0];
    expect(hit).toMatchObject({
      id: 'barros-stringing-the-us-along',
      personId: 'george-barros',
      personName: 'George Barros',
      quoteKind: 'direct',
      sources: [expect.objectContaining({ id: '001_9c4c8f1c2ef386b9', outlet: 'Kyiv Post' })],
    });
  });

  it('forgives a typo in a quote search', () => {
    expect(index.search('magnificant city').quotes[0]?.id).toBe('witkoff-magnificent-city');
  });

  it('needs every word of a multi-word query in the quote', () => {
    const ids = index.search('horrific losses').quotes.map((q) => q.id);
    expect(ids).toEqual(['graham-horrific-losses']);
  });

  it('finds paraphrases too, marked as such', () => {
    const hit = index.search('economy buckling').quotes[0];
    expect(hit).toMatchObject({ id: 'graham-economy-buckling', quoteKind: 'paraphrase' });
  });

  it('marks where the query matched in the quote', () => {
    const hit = index.search('tapping').quotes[0];
    expect(hit?.id).toBe('sestanovich-tapping-him-along');
    expect(spanTexts(hit!.text, hit!.spans)).toEqual(['tapping']);
  });
});

describe('search: empty and no-result queries', () => {
  it.each(['', ' ', 'w'])('returns nothing for the too-short query %j', (query) => {
    expect(index.search(query)).toEqual({ people: [], quotes: [] });
  });

  it('returns nothing for gibberish', () => {
    expect(index.search('xqzvjw')).toEqual({ people: [], quotes: [] });
  });

  it('respects the limits', () => {
    const results = index.search('putin', { people: 1, quotes: 2 });
    expect(results.people).toHaveLength(1);
    expect(results.quotes).toHaveLength(2);
  });

  it('normalises whitespace in the query', () => {
    expect(normalizeQuery('  steve \n witkoff ')).toBe('steve witkoff');
  });
});

describe('search: turned-off sources', () => {
  it('drops the quotes of a turned-off source and keeps the others', () => {
    const settings = { ...DEFAULT_SETTINGS, disabledSources: ['001_9c4c8f1c2ef386b9'] };
    const filtered = buildSearchIndex(PEOPLE, SOURCES, settings);
    expect(filtered.search('stringing the US along').quotes).toEqual([]);
    expect(filtered.search('horrific losses').quotes.map((q) => q.id)).toEqual(['graham-horrific-losses']);
  });

  it('drops every source of a turned-off outlet', () => {
    const filtered = buildSearchIndex(PEOPLE, SOURCES, {
      disabledSources: [],
      disabledOutlets: ['Kyiv Post'],
    });
    const all = ['horrific losses', 'stringing the US along', 'magnificent city'].flatMap(
      (q) => filtered.search(q).quotes,
    );
    expect(all).toEqual([]);
    expect(filtered.search('difficult yet productive').quotes[0]?.id).toBe('rubio-difficult-yet-productive');
  });

  it('drops roles and descriptions that only turned-off sources state, but still finds the person by name', () => {
    const filtered = buildSearchIndex(PEOPLE, SOURCES, {
      disabledSources: ['002_508fa90569225c0e'],
      disabledOutlets: [],
    });
    expect(filtered.search('Kremlin spokesman').people.map((p) => p.id)).not.toContain('dmitry-peskov');
    expect(index.search('mogul').people[0]).toMatchObject({
      id: 'steve-witkoff',
      detail: { label: 'Described as' },
    });
    const without000 = buildSearchIndex(PEOPLE, SOURCES, {
      disabledSources: ['000_3cc1c4cc7cf39fe5'],
      disabledOutlets: [],
    });
    expect(without000.search('mogul').people).toEqual([]);
    expect(filtered.search('peskow').people[0]?.id).toBe('dmitry-peskov');
  });
});

describe('makeSnippet', () => {
  it('keeps a short text whole', () => {
    expect(makeSnippet('short text', [[0, 5]])).toEqual({ text: 'short text', spans: [[0, 5]] });
  });

  it('cuts a long text around the first match, on spaces, and shifts the spans', () => {
    const words = Array.from({ length: 60 }, (_, i) => `word${i}`);
    const text = words.join(' ');
    const start = text.indexOf('word40');
    const snippet = makeSnippet(text, [[start, start + 6]], 60);
    expect(snippet.text.startsWith('…')).toBe(true);
    expect(snippet.text.endsWith('…')).toBe(true);
    expect(snippet.text.length).toBeLessThanOrEqual(62);
    expect(spanTexts(snippet.text, snippet.spans)).toEqual(['word40']);
    expect(snippet.text).not.toMatch(/…\S*ord\d+ $/);
  });
});
