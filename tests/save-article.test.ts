/**
 * "Save this article" (core/save-article.ts and the background's `background:save-article`): the review
 * sheet's draft of a reading (fields with where they came from, quotations with sentence, speaker and
 * cue, only knowledge-base speakers ticked), the saved source and quotes built from the reader's choices
 * (valid as a pack), and saving the same address again updating that source instead of adding one.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { createEmptyPack } from '../core/pack';
import { MY_SOURCES_PACK_ID } from '../core/pack-ids';
import { validatePack } from '../core/pack-validate';
import { buildQuotationFinder } from '../core/quotations';
import {
  applySavedArticle,
  buildSaveRequest,
  checkSaveRequest,
  chooseInitially,
  chooseSpeaker,
  draftArticle,
  type ArticleReading,
  type SaveArticleRequest,
} from '../core/save-article';
import { BUNDLED_PACK } from '../data/bundled-pack';
import type { CardData } from '../core/card-data';
import type { PacksOverview, PackResult } from '../platform/messages';
import { askBackground, startFreshBackground } from './support/background';
import { loadTestKnowledgeBase } from './support/kb';

const URL_1 = 'https://harbour-ledger.example/world/2025/12/11/geneva-envoys';

/** A reading as the injected reader returns it (text written for this test, in news style). */
const READING: ArticleReading = {
  text: [
    'GENEVA — American and Ukrainian negotiators ended two days of talks on Thursday without setting a date to meet again.',
    '“We narrowed the list of open questions, and that is real work,” Steve Witkoff told reporters outside the hotel.',
    'A Swiss diplomat who helped arrange the meeting, Lena Brunner, said the hosts would keep the rooms available. “The door stays open for as long as they want it open,” Brunner said.',
  ].join('\n'),
  metadata: {
    headline: {
      value: 'Envoys leave Geneva with no date for a second round',
      from: 'JSON-LD NewsArticle headline',
    },
    outlet: { value: 'The Harbour Ledger', from: 'JSON-LD NewsArticle publisher.name' },
    published: { value: '2025-12-11T18:40:00+01:00', from: 'JSON-LD NewsArticle datePublished' },
    url: { value: URL_1, from: 'link rel=canonical' },
  },
  pageUrl: 'http://127.0.0.1:4173/saved-article.html',
};

const { kb, matcher } = loadTestKnowledgeBase();
const finder = buildQuotationFinder(matcher, kb.people);

describe('draftArticle', () => {
  const draft = draftArticle(READING, finder);

  it('fills each field with where it came from, cuts a date-time to its date, leaves a missing field empty', () => {
    expect(draft.fields.headline).toEqual({
      value: 'Envoys leave Geneva with no date for a second round',
      from: 'JSON-LD NewsArticle headline',
    });
    expect(draft.fields.published.value).toBe('2025-12-11');
    expect(draft.fields.authors).toEqual({ value: '', from: undefined });
    expect(draft.fields.url.value).toBe(URL_1);
  });

  it('proposes the knowledge-base speaker with the sentence and the cue; someone else starts unticked', () => {
    const [witkoff, brunner] = draft.quotations;
    expect(witkoff).toMatchObject({
      text: 'We narrowed the list of open questions, and that is real work',
      speaker: 'steve-witkoff',
      cue: 'after',
      sentence:
        '“We narrowed the list of open questions, and that is real work,” Steve Witkoff told reporters outside the hotel.',
    });
    expect(witkoff?.reason).toContain('after the quotation');
    expect(brunner?.speaker).toBeNull();
    expect(brunner?.sentence).toBe('“The door stays open for as long as they want it open,” Brunner said.');
    expect(chooseInitially(draft).map((c) => c.isKept)).toEqual([true, false]);
  });
});

/** The request of the sheet above, as the reader leaves it (or with `edit` applied). */
function requestOf(
  reading: ArticleReading = READING,
  edit?: (r: SaveArticleRequest) => void,
): SaveArticleRequest {
  const draft = draftArticle(reading, finder);
  const values = Object.fromEntries(Object.entries(draft.fields).map(([k, f]) => [k, f.value])) as Record<
    keyof typeof draft.fields,
    string
  >;
  const request = buildSaveRequest(draft, values, chooseInitially(draft), new Date('2026-12-02T10:00:00Z'));
  edit?.(request);
  return request;
}

describe('building the saved source and quotes', () => {
  it('keeps only ticked quotations and says which fields the reader changed', () => {
    const draft = draftArticle(READING, finder);
    const choices = chooseInitially(draft);
    const values = {
      headline: 'Envoys leave Geneva',
      outlet: 'The Harbour Ledger',
      authors: '',
      published: '2025-12-11',
      url: URL_1,
    };
    const request = buildSaveRequest(draft, values, choices, new Date('2026-12-02T10:00:00Z'));
    expect(request.quotes.map((q) => q.speaker)).toEqual(['steve-witkoff']);
    expect(request.fieldSources.headline).toBeUndefined();
    expect(request.fieldSources.outlet).toBe('JSON-LD NewsArticle publisher.name');
  });

  it('makes a valid My sources pack: the source with its text and address, the quote added to its person', () => {
    const { pack, isUpdate } = applySavedArticle(
      createEmptyPack(MY_SOURCES_PACK_ID, 'My sources'),
      requestOf(),
    );
    expect(isUpdate).toBe(false);
    expect(validatePack(pack, [BUNDLED_PACK]).problems).toEqual([]);
    const [source] = pack.sources;
    expect(source).toMatchObject({
      url: URL_1,
      outlet: { name: 'The Harbour Ledger' },
      headline: { text: 'Envoys leave Geneva with no date for a second round' },
      published: { date: '2025-12-11', inferred: false },
      text: READING.text,
    });
    expect(pack.additions).toEqual([
      {
        person: 'steve-witkoff',
        quotes: [
          expect.objectContaining({
            kind: 'direct',
            text: 'We narrowed the list of open questions, and that is real work',
            source: source?.id,
          }),
        ],
      },
    ]);
  });

  it('keeps a quotation whose sentence names nobody (later in the paragraph, or carried over) valid and faithful', () => {
    const text = [
      'GENEVA — Talks ended on Thursday.',
      'Kirill Dmitriev said the meeting went on for five hours. “We made progress on the economic track.”',
      '“The sanctions question stays open.”',
      'Officials declined to comment.',
    ].join('\n');
    const reading = { ...READING, text };
    const request = requestOf(reading);
    expect(request.quotes.map((q) => [q.text, q.speaker, q.cue])).toEqual([
      ['We made progress on the economic track.', 'kirill-dmitriev', 'same-paragraph'],
      ['The sanctions question stays open.', 'kirill-dmitriev', 'carry-over'],
    ]);
    const { pack } = applySavedArticle(createEmptyPack(MY_SOURCES_PACK_ID, 'My sources'), request);
    expect(validatePack(pack, [BUNDLED_PACK]).problems).toEqual([]);
    const naming = 'Kirill Dmitriev said the meeting went on for five hours.';
    // The cue is the source's sentence that names him; the context runs, verbatim, from it to the quote.
    expect(pack.additions[0]?.quotes?.map((q) => [q.cue, q.context])).toEqual([
      [naming, `${naming} “We made progress on the economic track.”`],
      [naming, `${naming} “We made progress on the economic track.”\n“The sanctions question stays open.”`],
    ]);
  });

  it('still refuses a cue in another paragraph when the quotation does not open the next one', () => {
    const text = [
      'Kirill Dmitriev said the meeting went on for five hours.',
      'Officials said: “The sanctions question stays open.”',
    ].join('\n');
    const request = requestOf({ ...READING, text }, (r) => {
      r.quotes = [
        {
          text: 'The sanctions question stays open.',
          sentence: 'Officials said: “The sanctions question stays open.”',
          attribution: { naming: 'Kirill Dmitriev said the meeting went on for five hours.', context: text },
          speaker: 'kirill-dmitriev',
          cue: 'carry-over',
          topic: 'peace-plan',
        },
      ];
    });
    const { pack } = applySavedArticle(createEmptyPack(MY_SOURCES_PACK_ID, 'My sources'), request);
    expect(validatePack(pack, [BUNDLED_PACK]).problems.map((p) => `${p.field}: ${p.message}`)).toEqual([
      expect.stringMatching(/^quotes\[0\]\.cue: the cue is in another paragraph than the quote/),
    ]);
  });

  it('saving the same address again replaces that source and its quotes', () => {
    const first = applySavedArticle(createEmptyPack(MY_SOURCES_PACK_ID, 'My sources'), requestOf()).pack;
    const changed = requestOf(READING, (r) => {
      r.fields.headline = 'Envoys leave Geneva, no date set';
      r.quotes = [];
    });
    const { pack, isUpdate } = applySavedArticle(first, changed);
    expect(isUpdate).toBe(true);
    expect(pack.sources).toHaveLength(1);
    expect(pack.sources[0]?.headline.text).toBe('Envoys leave Geneva, no date set');
    expect(pack.additions).toEqual([]);
    expect(validatePack(pack, [BUNDLED_PACK]).problems).toEqual([]);
  });

  it('names each field the reader must fill before saving', () => {
    const problems = checkSaveRequest(
      requestOf(READING, (r) => {
        r.fields.published = '';
        r.fields.headline = ' ';
        r.quotes[0]!.speaker = '';
      }),
    );
    expect(problems).toEqual([
      expect.stringMatching(/^Headline:/),
      expect.stringMatching(/^Publication date:/),
      expect.stringMatching(/^Quotation 1 \(“We narrowed/),
    ]);
  });
});

describe('changing a quotation’s speaker (quotes are attributed only where the source attributes them)', () => {
  const person = (id: string) => kb.people.find((p) => p.id === id)!;
  const TEXT = [
    'GENEVA — Talks ended on Thursday.',
    'Rustem Umerov sat beside Steve Witkoff at the table. “We narrowed the list of open questions,” one of the envoys told reporters.',
    '“Nothing is agreed until the people of Ukraine can live with it,” Umerov said.',
    'Later, Kirill Dmitriev spoke to the press.',
    '“I told Witkoff we will not sign,” a Russian official said.',
    'Charles Kushner, the ambassador, spoke at a dinner in Paris. “Allies must pay their share,” Kushner said.',
  ].join('\n');
  const reading = { ...READING, text: TEXT };
  const draft = draftArticle(reading, finder);
  const at = (words: string) => draft.quotations.findIndex((q) => q.text.startsWith(words));
  const values = Object.fromEntries(Object.entries(draft.fields).map(([k, f]) => [k, f.value])) as Record<
    keyof typeof draft.fields,
    string
  >;
  /** The sheet's choices after making `id` the speaker of the quotation starting with `words` (ticked). */
  const chooseFor = (words: string, id: string | null) => {
    const choices = chooseInitially(draft);
    const i = at(words);
    choices[i] = {
      ...chooseSpeaker(draft.quotations[i]!, choices[i]!, id ? person(id) : null),
      isKept: true,
    };
    return choices;
  };
  const save = (choices: ReturnType<typeof chooseInitially>) =>
    applySavedArticle(
      createEmptyPack(MY_SOURCES_PACK_ID, 'My sources'),
      buildSaveRequest(draft, values, choices, new Date('2026-12-02T10:00:00Z')),
    ).pack;

  it('saves the quotation under a person the same paragraph names, with that naming as its evidence', () => {
    const choices = chooseFor('We narrowed', 'steve-witkoff');
    expect(choices[at('We narrowed')]?.problem).toBeUndefined();
    const pack = save(choices);
    expect(validatePack(pack, [BUNDLED_PACK]).problems).toEqual([]);
    const naming = 'Rustem Umerov sat beside Steve Witkoff at the table.';
    expect(pack.additions.find((a) => a.person === 'steve-witkoff')?.quotes).toEqual([
      expect.objectContaining({
        text: 'We narrowed the list of open questions',
        cue: naming,
        context: `${naming} “We narrowed the list of open questions,” one of the envoys told reporters.`,
      }),
    ]);
  });

  it('reads the paragraph before for a quotation that opens its paragraph (the carry-over rule)', () => {
    const choices = chooseFor('Nothing is agreed', 'steve-witkoff');
    expect(choices[at('Nothing is agreed')]?.problem).toBeUndefined();
    const pack = save(choices);
    expect(validatePack(pack, [BUNDLED_PACK]).problems).toEqual([]);
    const quote = pack.additions.find((a) => a.person === 'steve-witkoff')?.quotes?.[0];
    expect(quote?.cue).toBe('Rustem Umerov sat beside Steve Witkoff at the table.');
    expect(quote?.context).toContain('\n“Nothing is agreed');
  });

  it('flags a person the source does not name near the quotation; that row is left out, the others save', () => {
    const choices = chooseFor('We narrowed', 'marco-rubio');
    const flagged = choices[at('We narrowed')]!;
    expect(flagged).toMatchObject({ speaker: 'marco-rubio', isKept: true });
    expect(flagged.problem).toMatch(/^The article does not name Marco Rubio near this quotation/);
    const request = buildSaveRequest(draft, values, choices, new Date('2026-12-02T10:00:00Z'));
    // Umerov's quotation (proposed and ticked) is saved; the flagged one is not.
    expect(request.quotes.map((q) => [q.text.slice(0, 17), q.speaker])).toEqual([
      ['Nothing is agreed', 'rustem-umerov'],
    ]);
    const pack = save(choices);
    expect(validatePack(pack, [BUNDLED_PACK]).problems).toEqual([]);
    expect(pack.additions.map((a) => a.person)).toEqual(['rustem-umerov']);
  });

  it('does not reach two paragraphs back, nor take a name inside the quoted words as the speaker', () => {
    // Dmitriev is named in the paragraph before the official's quotation, which opens its own: that
    // is the carry-over place, so it counts; Umerov, two paragraphs back, does not.
    expect(chooseFor('I told Witkoff', 'kirill-dmitriev')[at('I told Witkoff')]?.problem).toBeUndefined();
    expect(chooseFor('I told Witkoff', 'rustem-umerov')[at('I told Witkoff')]?.problem).toMatch(
      /does not name Rustem Umerov/,
    );
    // “I told Witkoff …” names Witkoff inside the words: he is not said to be the speaker.
    expect(chooseFor('I told Witkoff', 'steve-witkoff')[at('I told Witkoff')]?.problem).toMatch(
      /does not name Steve Witkoff/,
    );
  });

  it('does not take someone else of the same surname for the knowledge-base person', () => {
    expect(draft.quotations[at('Allies must pay')]?.speaker).toBeNull();
    expect(chooseFor('Allies must pay', 'jared-kushner')[at('Allies must pay')]?.problem).toMatch(
      /does not name Jared Kushner/,
    );
  });

  it('changing back to the proposed speaker, or to nobody, clears the flag', () => {
    const i = at('Nothing is agreed');
    const q = draft.quotations[i]!;
    const flagged = chooseSpeaker(q, chooseInitially(draft)[i]!, person('marco-rubio'));
    const back = chooseSpeaker(q, flagged, person('rustem-umerov'));
    expect(back).toMatchObject({ speaker: 'rustem-umerov', problem: undefined, attribution: undefined });
    expect(chooseSpeaker(q, flagged, null)).toMatchObject({ speaker: null, problem: undefined });
  });
});

describe('background: save-article', () => {
  const ask = askBackground;
  beforeEach(startFreshBackground);

  it('saves to My sources once per address; the quote joins the person’s card with its source', async () => {
    const first = await ask<PackResult & { isUpdate?: boolean }>({
      type: 'background:save-article',
      article: requestOf(),
    });
    expect(first).toMatchObject({ ok: true, isUpdate: false });
    const again = await ask<PackResult & { isUpdate?: boolean }>({
      type: 'background:save-article',
      article: requestOf(),
    });
    expect(again).toMatchObject({ ok: true, isUpdate: true });

    const overview = await ask<PacksOverview>({ type: 'background:list-packs' });
    expect(overview.packs.find((p) => p.id === MY_SOURCES_PACK_ID)).toMatchObject({ sources: 1, quotes: 1 });
    const card = await ask<CardData>({ type: 'background:card-data', person: 'steve-witkoff' });
    const saved = card.person.quotes.find((q) => q.text.startsWith('We narrowed'));
    expect(card.sources.find((s) => s.id === saved?.source)?.outlet.name).toBe('The Harbour Ledger');
  });

  it('refuses a quote that is not in the article text, and stores nothing', async () => {
    const tampered = requestOf(READING, (r) => {
      r.quotes[0]!.text = 'We have agreed on everything';
    });
    const answer = await ask<PackResult>({ type: 'background:save-article', article: tampered });
    expect(answer.ok).toBe(false);
    expect(!answer.ok && answer.error).toMatch(/not found verbatim/);
    const overview = await ask<PacksOverview>({ type: 'background:list-packs' });
    expect(overview.packs.find((p) => p.id === MY_SOURCES_PACK_ID)).toMatchObject({ sources: 0 });
  });

  it('refuses a quotation given to someone its source does not name there (sent past the sheet), and stores nothing', async () => {
    expect((await ask<PackResult>({ type: 'background:save-article', article: requestOf() })).ok).toBe(true);
    const moved = requestOf(READING, (r) => {
      r.fields.url = 'https://harbour-ledger.example/world/2025/12/12/other';
      r.quotes[0]!.speaker = 'marco-rubio';
    });
    const answer = await ask<PackResult>({ type: 'background:save-article', article: moved });
    expect(answer.ok).toBe(false);
    expect(!answer.ok && answer.error).toMatch(/marco-rubio.*cue/s);
    const overview = await ask<PacksOverview>({ type: 'background:list-packs' });
    expect(overview.packs.find((p) => p.id === MY_SOURCES_PACK_ID)).toMatchObject({ sources: 1, quotes: 1 });
  });
});
