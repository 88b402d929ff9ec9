/**
 * A quote that several sources print, as the card shows it (core/quote-sources.ts through the card
 * model over the merged packs): once, with every source turned on, earliest first, the reader's saved
 * articles marked as theirs with their address; different words, and paraphrases, stay apart.
 */
import { describe, expect, it } from 'vitest';
import { selectCardData } from '../core/card-data';
import { buildCardModelOf, type QuoteModel } from '../core/card-model';
import { mergePacks } from '../core/knowledge-base';
import { createEmptyPack, type Pack } from '../core/pack';
import { MY_SOURCES_PACK_ID } from '../core/pack-ids';
import { validatePack } from '../core/pack-validate';
import { applySavedArticle, type SaveArticleRequest } from '../core/save-article';
import { DEFAULT_SETTINGS } from '../core/settings';
import { BUNDLED_PACK } from '../data/bundled-pack';

/** Michael Carpenter's words in the bundled Kyiv Post article of 2 December 2025. */
const WORDS =
  'Steve Witkoff has consistently advanced Russia’s interests in the negotiation process so little wonder that he was well received in Moscow';

/** A saved article (text written for this test) that quotes `words` from Carpenter. */
function requestOf(url: string, published: string, outlet: string, words: string): SaveArticleRequest {
  const sentence = `“${words},” Michael Carpenter said in an interview.`;
  return {
    text: ['WASHINGTON — A former envoy criticised the talks.', sentence].join('\n'),
    fields: { headline: 'A former envoy on the talks', outlet, authors: '', published, url },
    fieldSources: {
      headline: undefined,
      outlet: undefined,
      authors: undefined,
      published: undefined,
      url: undefined,
    },
    quotes: [{ text: words, sentence, speaker: 'michael-carpenter', cue: 'after', topic: 'us-role' }],
    savedAt: '2026-12-02T10:00:00Z',
  };
}

/** My sources after saving `requests` in order (checked valid, as the background checks every save). */
function saveAll(requests: SaveArticleRequest[]): Pack {
  const mine = requests.reduce(
    (pack, request) => applySavedArticle(pack, request).pack,
    createEmptyPack(MY_SOURCES_PACK_ID, 'My sources'),
  );
  expect(validatePack(mine, [BUNDLED_PACK]).problems).toEqual([]);
  return mine;
}

/** Carpenter's quotes on his card, over the bundled pack and `mine`, under `settings`. */
function carpenterQuotes(mine: Pack, settings = DEFAULT_SETTINGS): QuoteModel[] {
  const data = selectCardData(mergePacks([BUNDLED_PACK, mine]), 'michael-carpenter');
  if (!data) throw new Error('michael-carpenter is not in the merged knowledge base');
  return buildCardModelOf(data, settings).topics.flatMap((t) => t.quotes);
}

describe('one quote, every source', () => {
  const later = requestOf('https://ledger.example/later', '2025-12-10', 'The Harbour Ledger', WORDS);
  const earlier = requestOf('https://wire.example/earlier', '2025-11-30', 'Test Wire', WORDS);

  it('shows words printed by a bundled article and two saved ones once, with all three sources, earliest first', () => {
    const quotes = carpenterQuotes(saveAll([later, earlier]));
    const shown = quotes.filter((q) => q.text === WORDS);
    expect(shown).toHaveLength(1);
    expect(shown[0]?.sources.map((s) => [s.outlet, s.date, s.isSaved, s.url])).toEqual([
      ['Test Wire', '30 Nov 2025', true, 'https://wire.example/earlier'],
      ['Kyiv Post', '2 Dec 2025', false, undefined],
      ['The Harbour Ledger', '10 Dec 2025', true, 'https://ledger.example/later'],
    ]);
    // The earliest source's own record is shown: its sentence, word for word.
    expect(shown[0]?.context).toBe(`“${WORDS},” Michael Carpenter said in an interview.`);
  });

  it('drops a source turned off from the quote, and shows the quote while one source is left', () => {
    const quotes = carpenterQuotes(saveAll([later]), {
      ...DEFAULT_SETTINGS,
      disabledOutlets: ['Kyiv Post'],
    });
    const shown = quotes.filter((q) => q.text === WORDS);
    expect(shown.map((q) => q.sources.map((s) => s.outlet))).toEqual([['The Harbour Ledger']]);
  });

  it('keeps different words apart (one word changed), and never merges a paraphrase', () => {
    const changed = WORDS.replace('consistently', 'always');
    const mine = saveAll([
      requestOf('https://ledger.example/other', '2025-12-10', 'The Harbour Ledger', changed),
    ]);
    const quotes = carpenterQuotes(mine);
    expect(quotes.filter((q) => q.text === WORDS).map((q) => q.sources.length)).toEqual([1]);
    expect(quotes.filter((q) => q.text === changed).map((q) => q.sources[0]?.isSaved)).toEqual([true]);
    const bundled = BUNDLED_PACK.people.find((p) => p.id === 'michael-carpenter')?.quotes ?? [];
    expect(quotes.filter((q) => q.kind === 'paraphrase')).toHaveLength(
      bundled.filter((q) => q.kind === 'paraphrase').length,
    );
  });
});
