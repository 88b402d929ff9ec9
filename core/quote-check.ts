/**
 * The quote check (issue 13): is a quotation on a page what its speaker said in a stored source?
 * Each quotation the finder (core/quotations.ts) gives to a knowledge-base person is compared with the
 * stored direct and partial quotes of everyone (paraphrases are our own words, never anyone's, and are
 * never compared). The verdict is one of:
 *
 * - `same`: the same words as a stored quote of that person (quotation marks, dashes, spaces, case and
 *   punctuation aside); every stored quote with those words is a match, earliest source first;
 * - `shortened`: a stored quote of that person with words left out (with or without an ellipsis);
 * - `reworded`: a different wording of a stored quote of that person, close enough by word alignment;
 * - `other-speaker`: the same (or shortened) words are stored as said by someone else only;
 * - `new`: nothing stored matches.
 *
 * Precision first: a wrong `reworded`, `shortened` or `other-speaker` tells the reader a journalist got a
 * quote wrong, so each needs enough shared words that carry meaning (stop words count for nothing), and
 * anything short or loose is `new`. Pure: the background, the command line and the tests call it.
 */
import { diffArrays } from 'diff';

/** What the check needs of a knowledge-base person (a subset of data/schema.ts's Person). */
export interface CheckedPerson {
  id: string;
  quotes: readonly { id: string; kind: 'direct' | 'partial' | 'paraphrase'; text: string; source: string }[];
}

/** A stored quote a verdict rests on. */
export interface QuoteMatch {
  /** Who said it in the source. */
  person: string;
  /** The stored quote's id (unique within its person). */
  quoteId: string;
  /** The stored words, verbatim from the source. */
  quote: string;
  source: string;
  kind: 'direct' | 'partial';
}

/** One run of words of the alignment between a stored quote and the page's words. */
export interface AlignedPart {
  /**
   * `kept`: stored words the page has too; `left-out`: stored words the page leaves out; `added`: the
   * page's words the stored quote does not have.
   */
  kind: 'kept' | 'left-out' | 'added';
  /** Verbatim text: of the stored quote for kept and left-out parts, of the page for added ones. */
  text: string;
}

/** The verdict on one quotation. */
export type QuoteVerdict = 'same' | 'shortened' | 'reworded' | 'other-speaker' | 'new';

/** The outcome of checking one quotation. */
export interface QuoteCheck {
  verdict: QuoteVerdict;
  /** The stored quotes the verdict rests on, earliest source first; empty for `new`. */
  matches: QuoteMatch[];
  /**
   * The first match, word by word against the page: concatenating its kept and left-out parts gives the
   * stored quote exactly. Absent for `same` and `new`.
   */
  alignment?: AlignedPart[];
}

/**
 * Every threshold of the check, in one place. Chosen on tests/fixtures/quote-check/ (truth.json: 49
 * quotations given to knowledge-base people, 22 of them new, on pages written from the bundled quotes)
 * and the five bundled articles, measured against the speaker's own stored quotes:
 * - Reworded quotations share 73–89% of their words in order with the stored quote (Dice over the
 *   stored words from the first to the last shared one), or 90% in any order for one whose words were
 *   moved around. New quotations share at most 50% in order, except one- to five-word ones ("productive",
 *   "The West needs to use it.") that share only stop words and one or two others; and at most 50% in
 *   any order. Hence 0.6 in order, 0.8 in any order.
 * - New quotations share at most 3 content words with any stored quote of their speaker ("Putin is
 *   stringing everyone along"); reworded ones caught share 4 to 10. Hence at least 4, which also keeps
 *   "a short quote of 3 common words" out. A rewording that keeps fewer ("Russia has no intention of
 *   fighting Europe" for "Russia does not intend to fight Europe") stays new: precision first.
 * - One- and two-word stored partial quotes ("productive", "very optimistic") are ordinary words: a page
 *   using them for someone else proves nothing, hence the minimum length for other-speaker.
 */
export const QUOTE_CHECK_LIMITS = {
  /** A shortened quotation keeps at least this many words of the stored one... */
  shortenedMinWords: 4,
  /** ...of which at least this many carry meaning (are not stop words). */
  shortenedMinContentWords: 3,
  /** A reworded quotation shares at least this many content words with the stored quote... */
  rewordedMinContentWords: 4,
  /** ...and at least this share (Dice: 2 × shared / (page words + stored words aligned)). */
  rewordedMinDice: 0.6,
  /** ...and this share of the page's own words comes from the stored quote... */
  rewordedMinPageShare: 0.6,
  /** ...or, for words moved around ("neither closer to nor further from"), this share of the same words in any order. */
  rewordedMinBagDice: 0.8,
  /** The words shared with someone else's quote, for other-speaker: at least this many... */
  otherSpeakerMinWords: 5,
  /** ...of which at least this many carry meaning. */
  otherSpeakerMinContentWords: 3,
  /** A stored partial quote found whole inside a longer quotation counts as the same words from this many. */
  containedMinWords: 4,
} as const;

/**
 * English function words (folded): shared stop words say nothing about whether two quotations are the
 * same words, so they never count toward the thresholds above.
 */
const STOP_WORDS: ReadonlySet<string> = new Set(
  `a an the and or but nor so yet if then than that this these those there here of in on at to for from by
  with without about into onto over under after before between through during against among as is are
  was were be been being am do does did done doing have has had having will would shall should can could
  may might must not no it its it's i i'm me my we we're our us you your he him his she her they them
  their what which who whom whose when where why how all any some each every both either neither more most
  much many such only own same other just also very too even still now up down out off again further once
  one's let's that's there's what's don't doesn't didn't won't can't isn't aren't wasn't weren't`.split(
    /\s+/,
  ),
);

/** A word of a quotation: where it is in the text and its folded form. */
interface Token {
  start: number;
  end: number;
  key: string;
  isContent: boolean;
}

/** A stored quote as the checker holds it. */
interface IndexedQuote {
  match: QuoteMatch;
  text: string;
  tokens: Token[];
  /** The folded words joined by spaces: equal for quotations that are the same words. */
  key: string;
  contentCount: number;
  /** Source date (YYYY-MM-DD) for ordering, or "" when unknown. */
  date: string;
}

/** A compiled checker: the stored quotes, indexed by their words and their whole word sequence. */
export interface QuoteChecker {
  readonly quotes: readonly IndexedQuote[];
  /** Whole word sequence -> the quotes that have exactly those words. */
  readonly byKey: ReadonlyMap<string, readonly number[]>;
  /** Content word -> the quotes that contain it: only quotes sharing words with a quotation are aligned. */
  readonly byWord: ReadonlyMap<string, readonly number[]>;
}

const WORD = /[\p{L}\p{N}]+(?:['’ʼ][\p{L}\p{N}]+)*/gu;
/** Words a journalist puts in square brackets are theirs, not the speaker's: "[Putin] thus sees". */
const BRACKETED = /\[[^\]]*\]/g;

/** The words of `text` with their offsets, folded (lower case, one apostrophe). */
function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  for (const m of text.matchAll(WORD)) {
    const key = m[0].toLowerCase().replace(/[’ʼ]/g, "'");
    tokens.push({ start: m.index, end: m.index + m[0].length, key, isContent: !STOP_WORDS.has(key) });
  }
  return tokens;
}

const keyOf = (tokens: readonly Token[]) => tokens.map((t) => t.key).join(' ');

/**
 * Builds a checker over the direct and partial quotes of `people`. `sourceDates` (source id -> YYYY-MM-DD)
 * orders matches earliest first.
 */
export function buildQuoteChecker(
  people: readonly CheckedPerson[],
  sourceDates: ReadonlyMap<string, string> = new Map(),
): QuoteChecker {
  const quotes: IndexedQuote[] = [];
  const byKey = new Map<string, number[]>();
  const byWord = new Map<string, number[]>();
  const add = <K>(map: Map<K, number[]>, key: K, i: number) => {
    const list = map.get(key);
    if (!list) map.set(key, [i]);
    else if (list[list.length - 1] !== i) list.push(i);
  };
  for (const person of people) {
    for (const q of person.quotes) {
      if (q.kind === 'paraphrase') continue;
      const tokens = tokenize(q.text);
      if (tokens.length === 0) continue;
      const i = quotes.length;
      quotes.push({
        match: { person: person.id, quoteId: q.id, quote: q.text, source: q.source, kind: q.kind },
        text: q.text,
        tokens,
        key: keyOf(tokens),
        contentCount: tokens.filter((t) => t.isContent).length,
        date: sourceDates.get(q.source) ?? '',
      });
      add(byKey, keyOf(tokens), i);
      for (const t of tokens) if (t.isContent) add(byWord, t.key, i);
    }
  }
  return { quotes, byKey, byWord };
}

/** How one stored quote lines up with the page's words. */
interface Fit {
  quote: IndexedQuote;
  /** Words in common, in order. */
  shared: number;
  sharedContent: number;
  /** Page words the stored quote lacks. */
  added: number;
  /** Stored words the page lacks. */
  leftOut: number;
  /** Stored words from the first to the last shared one. */
  window: number;
  /** The shared words are one unbroken run of the page's words. */
  isSharedRunInPage: boolean;
  parts: AlignedPart[];
}

/** Aligns a stored quote with the page's words (jsdiff's Myers diff over folded words). */
function fitQuote(quote: IndexedQuote, page: readonly Token[], pageText: string): Fit {
  const changes = diffArrays<Token>(quote.tokens, [...page], { comparator: (a, b) => a.key === b.key });
  const s = quote.tokens;
  // A stored part runs from its first word to the next part's first word, so the parts rebuild the quote.
  const storedSlice = (from: number, to: number) =>
    quote.text.slice(from === 0 ? 0 : s[from]!.start, to >= s.length ? quote.text.length : s[to]!.start);
  const parts: AlignedPart[] = [];
  let i = 0;
  let j = 0;
  let shared = 0;
  let sharedContent = 0;
  let added = 0;
  let leftOut = 0;
  let first = -1;
  let last = -1;
  let firstInPage = -1;
  let lastInPage = -1;
  for (const change of changes) {
    if (change.added) {
      parts.push({ kind: 'added', text: pageText.slice(page[j]!.start, page[j + change.count - 1]!.end) });
      added += change.count;
      j += change.count;
    } else if (change.removed) {
      parts.push({ kind: 'left-out', text: storedSlice(i, i + change.count) });
      leftOut += change.count;
      i += change.count;
    } else {
      parts.push({ kind: 'kept', text: storedSlice(i, i + change.count) });
      if (first < 0) first = i;
      if (firstInPage < 0) firstInPage = j;
      shared += change.count;
      sharedContent += s.slice(i, i + change.count).filter((t) => t.isContent).length;
      i += change.count;
      j += change.count;
      last = i;
      lastInPage = j;
    }
  }
  return {
    quote,
    shared,
    sharedContent,
    added,
    leftOut,
    window: first < 0 ? 0 : last - first,
    isSharedRunInPage: shared > 0 && lastInPage - firstInPage === shared,
    parts,
  };
}

const L = QUOTE_CHECK_LIMITS;

/** The page's words are the stored ones with some left out, and enough of them to mean something. */
const isShortened = (f: Fit) =>
  f.added === 0 &&
  f.leftOut > 0 &&
  f.shared >= L.shortenedMinWords &&
  f.sharedContent >= L.shortenedMinContentWords;

/** A stored partial quote (a fragment of what was said) found whole inside the page's longer quotation. */
const isContained = (f: Fit) =>
  f.quote.match.kind === 'partial' &&
  f.leftOut === 0 &&
  f.isSharedRunInPage &&
  f.shared >= L.containedMinWords &&
  f.sharedContent >= L.shortenedMinContentWords;

/** Dice similarity over the aligned stretch of the stored quote. */
const diceOf = (f: Fit, pageWords: number) => (2 * f.shared) / (pageWords + f.window);

/** Dice similarity of the two quotations' words in any order (multisets), whole stored quote against the page. */
function bagDiceOf(quote: IndexedQuote, page: readonly Token[]): number {
  const counts = new Map<string, number>();
  for (const t of quote.tokens) counts.set(t.key, (counts.get(t.key) ?? 0) + 1);
  let shared = 0;
  let sharedContent = 0;
  for (const t of page) {
    const left = counts.get(t.key) ?? 0;
    if (left === 0) continue;
    counts.set(t.key, left - 1);
    shared++;
    if (t.isContent) sharedContent++;
  }
  return sharedContent >= L.rewordedMinContentWords ? (2 * shared) / (quote.tokens.length + page.length) : 0;
}

const isReworded = (f: Fit, page: readonly Token[]) =>
  (f.sharedContent >= L.rewordedMinContentWords &&
    diceOf(f, page.length) >= L.rewordedMinDice &&
    f.shared / page.length >= L.rewordedMinPageShare) ||
  bagDiceOf(f.quote, page) >= L.rewordedMinBagDice;

/** Earliest source first, then by source id, so that every run lists matches in one order. */
const byDate = (a: IndexedQuote, b: IndexedQuote) =>
  (a.date || '9999').localeCompare(b.date || '9999') || a.match.source.localeCompare(b.match.source);

/** The matches of a verdict, earliest first, without a source listed twice for the same words. */
function matchesOf(quotes: readonly IndexedQuote[]): QuoteMatch[] {
  return [...quotes].sort(byDate).map((q) => q.match);
}

/** Checks one quotation (`text`, the words between the marks) that the page gives to `speaker`. */
export function checkQuote(checker: QuoteChecker, speaker: string, text: string): QuoteCheck {
  const page = tokenize(text.replace(BRACKETED, (m) => ' '.repeat(m.length)));
  if (page.length === 0) return { verdict: 'new', matches: [] };
  const key = keyOf(page);
  const exact = (checker.byKey.get(key) ?? []).map((i) => checker.quotes[i]!);
  const own = exact.filter((q) => q.match.person === speaker);
  if (own.length > 0) return { verdict: 'same', matches: matchesOf(own) };

  // Only stored quotes that share content words with the page are worth aligning.
  const hits = new Map<number, number>();
  for (const word of new Set(page.filter((t) => t.isContent).map((t) => t.key)))
    for (const i of checker.byWord.get(word) ?? []) hits.set(i, (hits.get(i) ?? 0) + 1);
  const fits: Fit[] = [];
  const minHits = Math.min(
    L.shortenedMinContentWords,
    L.rewordedMinContentWords,
    L.otherSpeakerMinContentWords,
  );
  for (const [i, count] of hits) if (count >= minHits) fits.push(fitQuote(checker.quotes[i]!, page, text));
  const best = (list: Fit[], score: (f: Fit) => number) => [...list].sort((a, b) => score(b) - score(a));

  const ownFits = fits.filter((f) => f.quote.match.person === speaker);
  const contained = ownFits.filter(isContained);
  if (contained.length > 0) return { verdict: 'same', matches: matchesOf(contained.map((f) => f.quote)) };
  const shortened = best(ownFits.filter(isShortened), (f) => f.shared);
  if (shortened[0]) return withAlignment('shortened', shortened);

  // Someone else's words: exactly, or shortened, and long enough to be more than a stock phrase.
  const isLongEnough = (shared: number, content: number) =>
    shared >= L.otherSpeakerMinWords && content >= L.otherSpeakerMinContentWords;
  const otherExact = exact.filter((q) => isLongEnough(q.tokens.length, q.contentCount));
  if (otherExact.length > 0) return { verdict: 'other-speaker', matches: matchesOf(otherExact) };
  const otherShortened = best(
    fits.filter(
      (f) => f.quote.match.person !== speaker && isShortened(f) && isLongEnough(f.shared, f.sharedContent),
    ),
    (f) => f.shared,
  );
  if (otherShortened[0]) return withAlignment('other-speaker', otherShortened);

  const reworded = best(
    ownFits.filter((f) => isReworded(f, page)),
    (f) => Math.max(diceOf(f, page.length), bagDiceOf(f.quote, page)),
  );
  if (reworded[0]) return withAlignment('reworded', reworded);
  return { verdict: 'new', matches: [] };
}

/**
 * A verdict resting on the best fit (first): every stored copy of the same words is a match, earliest
 * first, and the alignment is that of the first match.
 */
function withAlignment(verdict: QuoteVerdict, fits: readonly Fit[]): QuoteCheck {
  const top = fits[0]!;
  const copies = fits.filter((f) => f.quote.key === top.quote.key).sort((a, b) => byDate(a.quote, b.quote));
  return { verdict, matches: copies.map((f) => f.quote.match), alignment: copies[0]!.parts };
}

/** A quotation of a page and the check of its words, when the finder gave it to a knowledge-base person. */
export interface CheckedQuotation<Q extends { text: string; speaker: string | null }> {
  quotation: Q;
  check: QuoteCheck | null;
}

/**
 * Checks every quotation the finder gave to a knowledge-base person; the others (no speaker, or
 * someone outside the knowledge base) get null: there is nothing to compare their words with.
 */
export function checkQuotations<Q extends { text: string; speaker: string | null }>(
  checker: QuoteChecker,
  quotations: readonly Q[],
): CheckedQuotation<Q>[] {
  return quotations.map((quotation) => ({
    quotation,
    check: quotation.speaker ? checkQuote(checker, quotation.speaker, quotation.text) : null,
  }));
}

/** Builds a checker over a merged knowledge base: its people's quotes, ordered by their sources' dates. */
export function buildKnowledgeChecker(knowledge: {
  people: readonly CheckedPerson[];
  sources: readonly { id: string; published: { date: string } }[];
}): QuoteChecker {
  return buildQuoteChecker(knowledge.people, new Map(knowledge.sources.map((s) => [s.id, s.published.date])));
}
