/**
 * "Save this article" (issue 12), the pure part: from a reading of a page (its text and metadata) to the
 * review sheet's draft (metadata fields the reader edits, every quotation with its sentence, proposed
 * speaker and cue), and from the reader's choices to the new My sources pack. Saving the same address
 * again replaces that source and its quotes instead of adding a second. The pack is validated afterwards
 * like every pack (platform/packs-db.ts); this module only builds it.
 */
import { findMentions, type Mention } from './matcher';
import type { Pack, PackSource } from './pack';
import type { PageMetadata } from './page-metadata';
import { findQuotations, type QuotationFinder, type QuoteCue } from './quotations';
import { hasNaming } from '../data/faithfulness';
import { TOPICS, type Person, type Quote, type TopicId } from '../data/schema';

/** What the injected reader returns for a page (entrypoints/article-reader.ts). */
export interface ArticleReading {
  /** The article's text: its blocks of running text joined with "\n". */
  text: string;
  metadata: PageMetadata;
  /** The tab's address when it was read (the canonical address, where the page gives one, is in metadata). */
  pageUrl: string;
}

/** One editable metadata field of the review sheet: its text and where it came from. */
export interface DraftField {
  value: string;
  /** Where on the page it was read ("JSON-LD NewsArticle headline"), or undefined when the page gives none. */
  from: string | undefined;
}

/** The metadata fields the review sheet shows, in its order. */
export const DRAFT_FIELDS = ['headline', 'outlet', 'authors', 'published', 'url'] as const;
/** One of DRAFT_FIELDS. */
export type DraftFieldName = (typeof DRAFT_FIELDS)[number];

/** One quotation of the review sheet. */
export interface DraftQuotation {
  /** The quoted words, exactly as in the text. */
  text: string;
  /** The sentence it stands in, exactly as in the text. */
  sentence: string;
  /**
   * The source's words that attribute it: the sentence that names the speaker (its `naming`, the saved
   * quote's cue) and the text from there through the quotation's sentence (its `context`). Both are the
   * sentence itself when it names the speaker; for a quotation whose sentence names nobody ("same
   * paragraph", carried over from the previous paragraph) they reach back to the sentence that does.
   */
  attribution: QuoteAttribution;
  /** The knowledge-base person Dramatis proposes, or null (someone else or unknown). */
  speaker: string | null;
  /** The name the text gives the speaker, or null. */
  speakerName: string | null;
  cue: QuoteCue | null;
  /** Why Dramatis proposes this speaker, for the reader. */
  reason: string;
  /**
   * The knowledge-base people the source names where it may attribute this quotation (see
   * findNamingsNear), nearest first, each with the attribution that naming gives: where the reader may
   * move the quotation to another speaker (chooseSpeaker).
   */
  namedNear: NamingNear[];
}

/** A knowledge-base person named near a quotation, and the attribution that naming would give it. */
export interface NamingNear {
  person: string;
  attribution: QuoteAttribution;
}

/** Where a quotation is attributed in the source: the naming sentence, and the span through the quotation. */
export interface QuoteAttribution {
  naming: string;
  context: string;
}

/** The review sheet's content before the reader's edits. */
export interface ArticleDraft {
  fields: Record<DraftFieldName, DraftField>;
  quotations: DraftQuotation[];
  text: string;
}

/** The reader's decision on one quotation. */
export interface QuotationChoice {
  isKept: boolean;
  /** The knowledge-base person it is saved under (required when kept). */
  speaker: string | null;
  topic: TopicId;
  /**
   * Where the source names `speaker` near the quotation, when the reader chose someone other than the
   * proposed speaker (absent: the quotation's own attribution).
   */
  attribution?: QuoteAttribution | undefined;
  /**
   * Why the quotation cannot be saved under `speaker`: the source does not name them where it attributes
   * the quotation. Such a quotation is left out of the save, and the other ones are saved.
   */
  problem?: string | undefined;
}

/** Everything the background needs to save an article: the text, the edited fields, the kept quotes. */
export interface SaveArticleRequest {
  text: string;
  fields: Record<DraftFieldName, string>;
  /** Where each field came from (undefined: the page gave none); a field the reader changed says so. */
  fieldSources: Record<DraftFieldName, string | undefined>;
  quotes: {
    text: string;
    sentence: string;
    /** Where the source attributes it (default: the sentence names the speaker). */
    attribution?: QuoteAttribution | undefined;
    speaker: string;
    cue: QuoteCue | null;
    topic: TopicId;
  }[];
  /** When it was saved (ISO 8601), for the source's provenance. */
  savedAt: string;
}

/** The topic a quotation starts with on the review sheet (the reader picks another). */
export const DEFAULT_TOPIC: TopicId = Object.keys(TOPICS)[0] as TopicId;

/** What each cue means, for the reader ("why Dramatis proposes this speaker"). */
const CUE_REASONS: Record<QuoteCue, string> = {
  before: 'named with a speech verb just before the quotation',
  after: 'named with a speech verb right after the quotation',
  colon: 'speaks in the clause the colon ends',
  'according-to': '“according to” them',
  'in-sentence': 'named with a speech verb earlier in the sentence',
  'same-paragraph': 'speaks in another part of this sentence or paragraph',
  'carry-over': 'ends the previous paragraph with a quotation, and nothing comes between',
  continuation: 'the quotation runs on from the previous paragraph',
  nested: 'a quotation inside another one: not the quoted speaker’s own words',
};

/** The sentence around [start, end) in `text`: from the previous sentence end to the next, within the line. */
export function findSentence(text: string, start: number, end: number): string {
  const [from, to] = findSentenceBounds(text, start, end);
  return text.slice(from, to);
}

/** The offsets [from, to) of the sentence around [start, end) in `text`, spaces around it left out. */
function findSentenceBounds(text: string, start: number, end: number): [number, number] {
  const lineStart = text.lastIndexOf('\n', start - 1) + 1;
  const lineEndAt = text.indexOf('\n', end);
  const lineEnd = lineEndAt === -1 ? text.length : lineEndAt;
  let from = lineStart;
  const before = text.slice(lineStart, start);
  // A sentence ends with . ! ? or … (closing marks may follow), then a space.
  for (const match of before.matchAll(/[.!?…]["'”’»)]*\s+/g))
    from = lineStart + match.index + match[0].length;
  let to = lineEnd;
  const after = /[.!?…]["'”’»)]*(?=\s|$)/.exec(text.slice(end, lineEnd));
  if (after) to = end + after.index + after[0].length;
  while (from < to && /\s/.test(text[from] ?? '')) from++;
  while (to > from && /\s/.test(text[to - 1] ?? '')) to--;
  return [from, to];
}

/** Cues whose speaker is named outside the quotation's sentence: earlier in its paragraph, or the one before. */
const NAMED_BEFORE: ReadonlySet<QuoteCue> = new Set(['same-paragraph', 'carry-over', 'continuation']);

/**
 * Where the source attributes the quotation at [start, end): its sentence, unless the speaker is named
 * only before it (see NAMED_BEFORE), where it is the last sentence naming `speakerName` earlier in the
 * paragraph (for a carry-over or continuation, in the previous paragraph) through the quotation's sentence.
 * Words of the source only: nothing is joined or cut inside.
 */
export function findAttribution(
  text: string,
  start: number,
  end: number,
  cue: QuoteCue | null,
  speakerName: string | null,
): QuoteAttribution {
  const [from, to] = findSentenceBounds(text, start, end);
  const sentence = { naming: text.slice(from, to), context: text.slice(from, to) };
  if (!cue || !NAMED_BEFORE.has(cue) || !speakerName || sentence.naming.includes(speakerName))
    return sentence;
  const paragraphStart = text.lastIndexOf('\n', from - 1) + 1;
  const reach = cue === 'same-paragraph' ? paragraphStart : text.lastIndexOf('\n', paragraphStart - 2) + 1;
  const named = text.lastIndexOf(speakerName, from - 1);
  if (named < reach) return sentence;
  const [namingFrom, namingTo] = findSentenceBounds(text, named, named + speakerName.length);
  return { naming: text.slice(namingFrom, namingTo), context: text.slice(namingFrom, to) };
}

/** Why `speakerName` is proposed, the text's cue words included where they are short. */
function describeReason(cue: QuoteCue | null, speakerName: string | null): string {
  if (!cue) return 'Nothing in the text says who said it.';
  // The finder names only knowledge-base people and full names; a bare surname of someone else
  // ("Brunner said") or an unnamed official still has a cue.
  return `${speakerName ?? 'the speaker'}: ${CUE_REASONS[cue]}`;
}

/**
 * The knowledge-base people the source names where it may attribute the quotation at [start, end), the
 * places the pack's validation accepts a cue (data/validate.ts): the quotation's own sentence first, then
 * the rest of its paragraph (nearest first, before the quotation, then after it), then, when the
 * quotation opens its paragraph (the carry-over rule), the paragraph before, from its end. A name inside
 * quoted words is not a naming of the speaker: `quoted` lists those spans. Each naming gives the
 * attribution it would be saved with: its sentence, and the source's words from there through the
 * quotation's sentence (or from the quotation's sentence through it).
 */
export function findNamingsNear(
  text: string,
  start: number,
  end: number,
  mentions: readonly Pick<Mention, 'start' | 'end' | 'person'>[],
  quoted: readonly { start: number; end: number }[],
): NamingNear[] {
  const [from, to] = findSentenceBounds(text, start, end);
  const paragraphStart = text.lastIndexOf('\n', start - 1) + 1;
  const paragraphEndAt = text.indexOf('\n', end);
  const paragraphEnd = paragraphEndAt === -1 ? text.length : paragraphEndAt;
  const opensParagraph =
    paragraphStart > 0 &&
    /^\s*$/.test(text.slice(paragraphStart, start - 1)) &&
    OPENING.test(text[start - 1] ?? '');
  const previousStart = opensParagraph ? text.lastIndexOf('\n', paragraphStart - 2) + 1 : paragraphStart;
  const outside = mentions.filter(
    (m) =>
      !quoted.some((q) => m.start < q.end && m.end > q.start) &&
      m.start >= previousStart &&
      m.end <= paragraphEnd,
  );
  const byNearness = [
    ...outside.filter((m) => m.start >= from && m.end <= to),
    ...outside.filter((m) => m.start >= paragraphStart && m.end <= from).reverse(),
    ...outside.filter((m) => m.start >= to),
    ...outside.filter((m) => m.end <= paragraphStart).reverse(),
  ];
  const namings: NamingNear[] = [];
  for (const m of byNearness) {
    const [namingFrom, namingTo] = findSentenceBounds(text, m.start, m.end);
    namings.push({
      person: m.person,
      attribution: {
        naming: text.slice(namingFrom, namingTo),
        context: text.slice(Math.min(from, namingFrom), Math.max(to, namingTo)),
      },
    });
  }
  return namings;
}

/** An opening quotation mark (the mark before a quotation that opens its paragraph). */
const OPENING = /^["“«„‘]$/;

/** Builds the review sheet's draft of a reading, with the quotation finder over the knowledge base. */
export function draftArticle(reading: ArticleReading, finder: QuotationFinder): ArticleDraft {
  const { text } = reading;
  const found = findQuotations(finder, text);
  const mentions = findMentions(finder.matcher, text);
  const quotations = found
    .filter((q) => q.depth === 0)
    .map((q) => ({
      text: q.text,
      sentence: findSentence(text, q.start, q.end),
      attribution: findAttribution(text, q.start, q.end, q.cue, q.speakerName),
      speaker: q.speaker,
      speakerName: q.speakerName,
      cue: q.cue,
      reason: describeReason(q.cue, q.speakerName),
      namedNear: findNamingsNear(text, q.start, q.end, mentions, found),
    }));
  return { fields: draftFields(reading), quotations, text };
}

/**
 * The choice of a quotation after the reader makes `person` its speaker (null: nobody chosen). The
 * proposed speaker keeps the quotation's own attribution; anyone else must be named where the source
 * attributes it (DraftQuotation.namedNear), by a name or alias the pack's validation reads as theirs:
 * that naming becomes the attribution. Otherwise the choice carries the problem, and the quotation is
 * left out of the save: quotes are attributed only where the source attributes them.
 */
export function chooseSpeaker(
  quotation: DraftQuotation,
  choice: QuotationChoice,
  person: Pick<Person, 'id' | 'name' | 'aliases'> | null,
): QuotationChoice {
  const chosen = { ...choice, speaker: person?.id ?? null, attribution: undefined, problem: undefined };
  if (!person || person.id === quotation.speaker) return chosen;
  const names = { name: person.name, aliases: person.aliases, descriptions: [] };
  const naming = quotation.namedNear.find(
    (n) => n.person === person.id && hasNaming(n.attribution.naming, names),
  );
  if (naming) return { ...chosen, attribution: naming.attribution };
  return {
    ...chosen,
    problem: `The article does not name ${person.name} near this quotation, so it will not be saved as theirs. Choose the person the article names here, or untick it.`,
  };
}

/** The metadata fields of a reading as a form first shows them (the review sheet, the add-person form). */
export function draftFields(reading: ArticleReading): Record<DraftFieldName, DraftField> {
  const { metadata } = reading;
  const field = (value: string | undefined, from: string | undefined): DraftField =>
    value ? { value, from } : { value: '', from: undefined };
  const published = metadata.published?.value;
  const fields: Record<DraftFieldName, DraftField> = {
    headline: field(metadata.headline?.value, metadata.headline?.from),
    outlet: field(metadata.outlet?.value, metadata.outlet?.from),
    authors: field(metadata.authors?.value.join(', '), metadata.authors?.from),
    // The sheet edits a date (YYYY-MM-DD): a date-time is cut to its date as the page wrote it.
    published: field(/^\d{4}-\d{2}-\d{2}/.exec(published ?? '')?.[0], metadata.published?.from),
    url: metadata.url
      ? field(metadata.url.value, metadata.url.from)
      : field(reading.pageUrl, 'the address of the tab'),
  };
  return fields;
}

/** The choices the sheet starts with: quotations of a knowledge-base person ticked, all others not. */
export function chooseInitially(draft: ArticleDraft): QuotationChoice[] {
  return draft.quotations.map((q) => ({
    isKept: q.speaker !== null,
    speaker: q.speaker,
    topic: DEFAULT_TOPIC,
  }));
}

/**
 * The save request of the reviewed sheet: the fields as edited (a field the reader changed is the
 * reader's, not the page's) and the ticked quotations, each under the speaker the reader left or chose.
 */
export function buildSaveRequest(
  draft: ArticleDraft,
  values: Record<DraftFieldName, string>,
  choices: readonly QuotationChoice[],
  savedAt: Date,
): SaveArticleRequest {
  const fields = {} as Record<DraftFieldName, string>;
  const fieldSources = {} as Record<DraftFieldName, string | undefined>;
  for (const name of DRAFT_FIELDS) {
    fields[name] = values[name].trim();
    fieldSources[name] =
      fields[name] === draft.fields[name].value.trim() ? draft.fields[name].from : undefined;
  }
  const quotes = draft.quotations.flatMap((q, i) => {
    const choice = choices[i];
    // A quotation whose chosen speaker the source does not name near it is left out (chooseSpeaker).
    if (!choice?.isKept || choice.problem) return [];
    return [
      {
        text: q.text,
        sentence: q.sentence,
        attribution: choice.attribution ?? q.attribution,
        speaker: choice.speaker ?? '',
        cue: q.cue,
        topic: choice.topic,
      },
    ];
  });
  return { text: draft.text, fields, fieldSources, quotes, savedAt: savedAt.toISOString() };
}

/** Problems that keep the sheet from saving, one line each naming the field or quotation. */
export function checkSaveRequest(request: SaveArticleRequest): string[] {
  const problems: string[] = [];
  if (!request.fields.headline.trim()) problems.push('Headline: enter the article’s headline.');
  if (!/^\d{4}-\d{2}-\d{2}$/.test(request.fields.published.trim()))
    problems.push('Publication date: enter the date the article was published (YYYY-MM-DD).');
  if (!/^https?:\/\/\S+$/i.test(request.fields.url.trim()))
    problems.push('Address: enter the article’s http(s) address.');
  if (!request.text.trim()) problems.push('The page has no article text to save.');
  request.quotes.forEach((q, i) => {
    if (!q.speaker) problems.push(`Quotation ${i + 1} (“${shorten(q.text)}”): choose who said it.`);
  });
  return problems;
}

/** The first words of `text`, for messages. */
export function shorten(text: string): string {
  return text.length > 40 ? `${text.slice(0, 39).trimEnd()}…` : text;
}

/** A stable, short hex hash of an address (FNV-1a, 32 bits): the saved source's id. */
function hashAddress(url: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < url.length; i++) hash = Math.imul(hash ^ url.charCodeAt(i), 0x01000193) >>> 0;
  return hash.toString(16).padStart(8, '0');
}

/** What a field's basis says: where it was read, or that the reader entered or changed it. */
function describeBasis(name: DraftFieldName, request: SaveArticleRequest): string {
  const from = request.fieldSources[name];
  return from ? `read from the page (${from})` : 'entered by the reader';
}

/**
 * One saved quote of My sources. The one place a saved quotation becomes a quote of the pack format,
 * so that a change of the quote schema (kinds, cues) is made here only.
 */
export function buildSavedQuote(input: {
  id: string;
  text: string;
  source: string;
  sentence: string;
  attribution?: QuoteAttribution | undefined;
  cue: QuoteCue | null;
  topic: TopicId;
}): Quote {
  // The schema's cue is the source's words that name the speaker: the sentence that names them (the
  // quotation's own, or for a quotation carried over or later in the paragraph, the earlier one the
  // finder read the speaker from), and the context runs from there through the quotation's sentence.
  // The pack's validation checks both verbatim and that the cue names the person.
  // Words inside the journalist's sentence are a partial quote (issue 16's kinds).
  const { naming, context } = input.attribution ?? { naming: input.sentence, context: input.sentence };
  return {
    id: input.id,
    kind: input.cue === 'in-sentence' ? 'partial' : 'direct',
    text: input.text,
    source: input.source,
    context,
    cue: naming,
    topic: input.topic,
  };
}

/**
 * My sources after saving `request`: its source (one per address: saving an address again replaces the
 * source and every quote citing it) and its quotes, each added to its person (a person of My sources
 * itself, or an addition to a person of another pack). Also says whether it replaced an earlier save.
 */
export function applySavedArticle(
  pack: Pack,
  request: SaveArticleRequest,
): { pack: Pack; isUpdate: boolean } {
  const url = request.fields.url.trim();
  const previous = pack.sources.find((s) => s.url === url);
  const takenIds = new Set(pack.sources.map((s) => s.id));
  let id = previous?.id ?? `saved-${hashAddress(url)}`;
  for (let n = 2; !previous && takenIds.has(id); n++) id = `saved-${hashAddress(url)}-${n}`;

  const outlet = request.fields.outlet.trim();
  const authors = request.fields.authors.trim();
  const source: PackSource = {
    id,
    url,
    outlet: {
      name: outlet || null,
      basis: outlet ? describeBasis('outlet', request) : 'the page does not name its outlet',
    },
    headline: {
      text: request.fields.headline.trim(),
      isPrinted: request.text.includes(request.fields.headline.trim()),
      basis: describeBasis('headline', request),
    },
    published: {
      date: request.fields.published.trim(),
      inferred: false,
      basis: describeBasis('published', request),
      background: [],
    },
    provenance: [
      `Saved by the reader with Dramatis on ${request.savedAt.slice(0, 10)}; text read with Readability.`,
      authors ? `Authors: ${authors} (${describeBasis('authors', request)}).` : '',
    ]
      .filter(Boolean)
      .join(' '),
    text: request.text,
  };

  const withoutOld = <T extends { quotes?: Quote[] | undefined }>(holder: T): T =>
    holder.quotes ? { ...holder, quotes: holder.quotes.filter((q) => q.source !== id) } : holder;
  const people = pack.people.map(withoutOld);
  let additions = pack.additions.map(withoutOld);

  request.quotes.forEach((q, i) => {
    const quote = buildSavedQuote({ ...q, id: `${id}-q${i + 1}`, source: id });
    const own = people.find((p) => p.id === q.speaker);
    if (own) {
      own.quotes = [...own.quotes, quote];
      return;
    }
    const addition = additions.find((a) => a.person === q.speaker);
    if (addition) addition.quotes = [...(addition.quotes ?? []), quote];
    else additions.push({ person: q.speaker, quotes: [quote] });
  });
  // An addition left with nothing (its only quotes came from the replaced source) is dropped.
  additions = additions.filter((a) => Boolean(a.quotes?.length || a.roles || a.descriptions || a.links));

  const sources = previous ? pack.sources.map((s) => (s.id === id ? source : s)) : [...pack.sources, source];
  return { pack: { ...pack, sources, people, additions }, isUpdate: previous !== undefined };
}
