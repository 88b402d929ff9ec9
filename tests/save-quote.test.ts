/**
 * "Save this quote" (core/save-quote.ts, issue 13): the review sheet's address names the quotation; the
 * sheet ticks only that quotation, under the person the page attributes it to, whatever spaces and
 * quotation marks the article reader's text has; and once saved through My sources' validation, the
 * page's words check as "same".
 */
import { describe, expect, it } from 'vitest';
import { mergePacks } from '../core/knowledge-base';
import { createEmptyPack } from '../core/pack';
import { MY_SOURCES_PACK_ID } from '../core/pack-ids';
import { validatePack } from '../core/pack-validate';
import { buildKnowledgeChecker, checkQuote } from '../core/quote-check';
import { buildQuotationFinder } from '../core/quotations';
import {
  applySavedArticle,
  buildSaveRequest,
  checkSaveRequest,
  draftArticle,
  DRAFT_FIELDS,
  type ArticleReading,
} from '../core/save-article';
import { buildSaveQuoteParams, chooseOnlyQuotation, readQuoteToSave } from '../core/save-quote';
import { BUNDLED_PACK } from '../data/bundled-pack';
import { loadTestKnowledgeBase } from './support/kb';

/** A reading as the injected reader returns it (written for this test, in news style). */
const READING: ArticleReading = {
  text: [
    'KYIV — Officials met again on Monday as talks on a ceasefire resumed.',
    '“Sanctions on oil revenue are the one lever that Moscow truly feels,” Steven Pifer said in an interview.',
    '“We narrowed the list of open questions, and that is real work,” Steve Witkoff told reporters.',
    '“The door stays open for as long as they want it open,” said Lena Brunner, a Swiss diplomat.',
  ].join('\n'),
  metadata: {
    headline: { value: 'Talks resume in Kyiv', from: 'JSON-LD NewsArticle headline' },
    outlet: { value: 'The Harbour Ledger', from: 'JSON-LD NewsArticle publisher.name' },
    published: { value: '2026-12-01', from: 'JSON-LD NewsArticle datePublished' },
    url: { value: 'https://harbour-ledger.example/2026/12/01/talks', from: 'link rel=canonical' },
  },
  pageUrl: 'http://127.0.0.1:4173/talks.html',
};
const PIFER = 'Sanctions on oil revenue are the one lever that Moscow truly feels';

const { kb, matcher } = loadTestKnowledgeBase();
const finder = buildQuotationFinder(matcher, kb.people);
const draft = draftArticle(READING, finder);
const isKnown = (id: string) => kb.people.some((p) => p.id === id);
const kept = (choices: { isKept: boolean; speaker: string | null }[]) =>
  choices.flatMap((c, i) => (c.isKept ? [[draft.quotations[i]!.text.slice(0, 20), c.speaker]] : []));

describe('Save this quote', () => {
  it('names the quotation in the review sheet’s address, and reads it back', () => {
    const params = buildSaveQuoteParams(7, { text: PIFER, speaker: 'steven-pifer' });
    expect(params.get('tab')).toBe('7');
    expect(readQuoteToSave(params)).toEqual({ text: PIFER, speaker: 'steven-pifer' });
    expect(readQuoteToSave(new URLSearchParams({ tab: '7' }))).toBeUndefined();
    expect(readQuoteToSave(buildSaveQuoteParams(7, { text: PIFER, speaker: null }))?.speaker).toBeNull();
  });

  it('ticks only that quotation, under the person the page gives it to, whatever its spaces and marks', () => {
    // Witkoff's quotation would be ticked on an ordinary "Save this article" sheet; here it is not.
    const page = 'Sanctions  on oil revenue are the one lever that Moscow truly feels';
    const { choices, index } = chooseOnlyQuotation(draft, { text: page, speaker: 'steven-pifer' }, isKnown);
    expect(draft.quotations[index]?.text).toBe(PIFER);
    expect(kept(choices)).toEqual([['Sanctions on oil rev', 'steven-pifer']]);
  });

  it('presets the page’s speaker over the one the reader’s text proposes, and keeps a cut quotation', () => {
    const { choices } = chooseOnlyQuotation(
      draft,
      { text: 'We narrowed the list of open…', speaker: 'rustem-umerov' },
      isKnown,
    );
    expect(kept(choices)).toEqual([['We narrowed the list', 'rustem-umerov']]);
    // A speaker the knowledge base lacks is not preset: the sheet's own proposal stays.
    expect(
      kept(chooseOnlyQuotation(draft, { text: PIFER, speaker: 'nobody-known' }, isKnown).choices),
    ).toEqual([['Sanctions on oil rev', 'steven-pifer']]);
  });

  it('ticks nothing when the reader’s text lacks the quotation', () => {
    const { choices, index } = chooseOnlyQuotation(
      draft,
      { text: 'Nothing like this is in the article', speaker: 'steven-pifer' },
      isKnown,
    );
    expect(index).toBe(-1);
    expect(kept(choices)).toEqual([]);
  });

  it('saves into My sources through the pack validation; the page’s words then check as the same', () => {
    const before = buildKnowledgeChecker(kb);
    expect(checkQuote(before, 'steven-pifer', PIFER).verdict).toBe('new');
    const { choices } = chooseOnlyQuotation(draft, { text: PIFER, speaker: 'steven-pifer' }, isKnown);
    const values = Object.fromEntries(DRAFT_FIELDS.map((f) => [f, draft.fields[f].value])) as Record<
      (typeof DRAFT_FIELDS)[number],
      string
    >;
    const request = buildSaveRequest(draft, values, choices, new Date('2026-12-02T06:00:00Z'));
    expect(checkSaveRequest(request)).toEqual([]);
    expect(request.quotes.map((q) => [q.text, q.speaker])).toEqual([[PIFER, 'steven-pifer']]);
    const { pack } = applySavedArticle(createEmptyPack(MY_SOURCES_PACK_ID, 'My sources'), request);
    expect(validatePack(pack, [BUNDLED_PACK]).problems).toEqual([]);
    const after = buildKnowledgeChecker(mergePacks([BUNDLED_PACK, pack]));
    const check = checkQuote(after, 'steven-pifer', `${PIFER}.`);
    expect(check.verdict).toBe('same');
    expect(check.matches.map((m) => m.source)).toEqual([pack.sources[0]!.id]);
  });
});
