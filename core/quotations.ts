/**
 * The quotation finder: every direct quotation in a news text and who said it. Used unchanged by the
 * save flow, the quote check, the command line (`npm run quotes`) and the tests.
 *
 * Marks are read by core/quote-marks.ts; this module reads the words around each quotation the way
 * a reader does: a cue right after it ("…,” Ushakov said / said Ushakov / he added), a cue before it
 * (Pifer added: “…” / Ushakov told reporters that “…” / according to Ushakov), a speech verb earlier
 * in the same sentence for a partial quotation (Rubio described the talks as “…”), the speaker of the
 * previous part for a quotation carried on in the same sentence, paragraph or the next paragraph.
 * People are recognised by the one matcher (core/matcher.ts); "he", "she" and descriptions such as
 * "the Kremlin aide" refer back to the last person they fit. Anyone named who is not in the knowledge
 * base, and every unnamed official, body or outlet, is someone else: a KB person never inherits their
 * words. Precision comes first: where the text does not say who spoke, the speaker is left unknown.
 */
import { resolveMentions, scanText, type Matcher } from './matcher';
import { findQuoteSpans, splitParagraphs, type QuoteSpan } from './quote-marks';
import {
  FILLER_WORDS,
  GROUP_NOUNS,
  PERSON_NOUNS,
  SPEECH_NOUNS,
  SPEECH_VERBS,
  TITLE_WORDS,
} from './quote-words';

/** What the finder needs of a knowledge-base person (a subset of data/schema.ts's Person). */
export interface SpeakerProfile {
  id: string;
  pronoun: 'he' | 'she' | 'they';
  roles: readonly { title: string }[];
  descriptions: readonly { text: string }[];
  affiliation: string;
  country: string;
}

/** A compiled finder: the matcher plus what descriptions and pronouns are checked against. */
export interface QuotationFinder {
  readonly matcher: Matcher;
  readonly pronouns: ReadonlyMap<string, 'he' | 'she' | 'they'>;
  /** Folded words of each person's roles, descriptions, affiliation and country. */
  readonly roleWords: ReadonlyMap<string, ReadonlySet<string>>;
}

/** How a quotation's speaker was found. */
export type QuoteCue =
  /** A speech verb right before it: `Pifer added: “…”`, `said Ushakov: “…”`. */
  | 'before'
  /** Right after it: `“…,” Ushakov said`, `“…,” said Ushakov`, `“…,” he added`. */
  | 'after'
  /** A colon after a clause in which someone speaks: `Boyechko’s bottom line is the harshest yet: “…”`. */
  | 'colon'
  /** `according to Ushakov` / `по словам Ушакова`, before or after. */
  | 'according-to'
  /** A speech verb earlier in the sentence: `Rubio described the talks as “…”`. */
  | 'in-sentence'
  /** Another part of the same sentence or paragraph whose speaker is known: `“…,” he said. “…”`. */
  | 'same-paragraph'
  /** The paragraph before ends with this speaker's quotation and nothing else comes between. */
  | 'carry-over'
  /** The quotation runs on from the previous paragraph (its opening mark repeated). */
  | 'continuation'
  /** A quotation inside a quotation: the quoted speaker's words are not theirs. */
  | 'nested';

/** One quotation found in a text. Offsets are UTF-16 code units, end exclusive, marks excluded. */
export interface Quotation {
  start: number;
  end: number;
  text: string;
  /** The knowledge-base id of the speaker, or null when the speaker is someone else or unknown. */
  speaker: string | null;
  /** The name the text gives the speaker ("Ushakov", "Charles Kushner"), or null. */
  speakerName: string | null;
  /** How the speaker was found; null when nothing in the text gives one (scare quotes, titles). */
  cue: QuoteCue | null;
  /** 0 for a quotation in running text, 1 for one inside another. */
  depth: number;
  /** No closing mark: the text (or the paragraph) ends inside the quotation. */
  isCut: boolean;
}

/** Builds a finder over the knowledge base's people and the matcher built from them. */
export function buildQuotationFinder(matcher: Matcher, people: readonly SpeakerProfile[]): QuotationFinder {
  const pronouns = new Map<string, 'he' | 'she' | 'they'>();
  const roleWords = new Map<string, Set<string>>();
  for (const p of people) {
    pronouns.set(p.id, p.pronoun);
    const text = [
      ...p.roles.map((r) => r.title),
      ...p.descriptions.map((d) => d.text),
      p.affiliation,
      p.country,
    ]
      .join(' ')
      .toLowerCase();
    roleWords.set(p.id, new Set(text.match(WORDS_OF_ROLE) ?? []));
  }
  return { matcher, pronouns, roleWords };
}

const WORDS_OF_ROLE = /[\p{L}\p{N}]+(?:\.[\p{L}\p{N}]+)*/gu;

const toSet = (words: readonly string[]) => new Set(words);
const SPEECH_VERB = toSet(SPEECH_VERBS);
const SPEECH_NOUN = toSet(SPEECH_NOUNS);
const PERSON_NOUN = toSet(PERSON_NOUNS);
const GROUP_NOUN = toSet(GROUP_NOUNS);
const FILLER = toSet(FILLER_WORDS);
const TITLE = toSet(TITLE_WORDS);
/** Words that, after "appeared to"-style verbs, leave the subject in place. */
const RAISING = toSet([
  'appeared',
  'appears',
  'seemed',
  'seems',
  'went',
  'wanted',
  'tried',
  'sought',
  'hastened',
]);
const PRONOUNS = new Map<string, 'he' | 'she' | 'they'>([
  ['he', 'he'],
  ['she', 'she'],
  ['they', 'they'],
  ['он', 'he'],
  ['она', 'she'],
  ['они', 'they'],
  ['він', 'he'],
  ['вона', 'she'],
  ['вони', 'they'],
]);
const DEFINITE = toSet(['the', 'this', 'that']);
/** Determiners a reference may start with when read forwards ("said the Kremlin aide"; not "said that …"). */
const FORWARD_DETERMINERS = toSet([
  'the',
  'a',
  'an',
  'one',
  'another',
  'two',
  'three',
  'several',
  'some',
  'many',
]);
const DETERMINERS = toSet([
  'the',
  'this',
  'that',
  'a',
  'an',
  'one',
  'another',
  'two',
  'three',
  'several',
  'some',
  'many',
  'other',
  'his',
  'her',
  'their',
  'its',
  'our',
  'both',
  'most',
  'few',
]);
/** Capitalised words at the start of a sentence that are not names. */
const SENTENCE_WORDS = toSet(
  `but and or so yet then also meanwhile however still now yesterday today later earlier separately when while
  after before as if on in at the a an this that his her their its our speaking asked even by for from with`.split(
    /\s+/,
  ),
);
const ABBREVIATIONS = toSet(
  'mr mrs ms dr st gen sen rep gov lt col capt sgt jr sr prof no mt ft vs etc inc corp co ltd adm maj cmdr'.split(
    ' ',
  ),
);
/** Conjunctions after which a new subject starts a new clause ("…, while both sides used …"). */
const CLAUSE_JOINERS = toSet(['while', 'whereas', 'but', 'although', 'though', 'and', 'because']);
/** Prepositions: a name right after one is not the subject of the verb that follows ("Assistant to President Bush points out"). */
const PREPOSITIONS = toSet(['to', 'of', 'for', 'by', 'from', 'at', 'under', 'about', 'against', 'on', 'in']);
/** Titles of works: a quotation after these is a name, not words. */
const TITLE_CUES = toSet(['titled', 'entitled', 'headlined', 'so-called', 'dubbed']);
/** Demonyms and the names that fit them in a person's roles. */
const DEMONYMS: ReadonlyMap<string, readonly string[]> = new Map([
  ['ukrainian', ['ukraine', 'ukrainian', 'kyiv']],
  ['russian', ['russia', 'russian', 'kremlin', 'moscow']],
  ['american', ['us', 'u.s', 'united', 'american', 'white']],
  ['us', ['us', 'u.s', 'united', 'american', 'white']],
  ['u.s', ['us', 'u.s', 'united', 'american', 'white']],
  ['french', ['france', 'french']],
  ['british', ['uk', 'u.k', 'kingdom', 'britain', 'british']],
  ['uk', ['uk', 'u.k', 'kingdom', 'britain', 'british']],
  ['estonian', ['estonia', 'estonian']],
  ['european', ['europe', 'european', 'eu']],
  ['eu', ['europe', 'european', 'eu']],
]);
/** Head nouns and the role words that fit them. */
const HEAD_SYNONYMS: ReadonlyMap<string, readonly string[]> = new Map([
  ['leader', ['leader', 'president', 'minister', 'chancellor', 'head', 'chief']],
  ['aide', ['aide', 'adviser', 'advisor', 'assistant']],
  ['adviser', ['aide', 'adviser', 'advisor', 'assistant']],
  ['advisor', ['aide', 'adviser', 'advisor', 'assistant']],
  ['envoy', ['envoy', 'emissary']],
  ['spokesman', ['spokesman', 'spokeswoman', 'spokesperson', 'press']],
  ['spokeswoman', ['spokesman', 'spokeswoman', 'spokesperson', 'press']],
  ['spokesperson', ['spokesman', 'spokeswoman', 'spokesperson', 'press']],
  ['diplomat', ['diplomat', 'ambassador', 'foreign', 'envoy']],
  ['negotiator', ['negotiator', 'envoy']],
]);

// ---- Tokens ------------------------------------------------------------------------------------

interface Token {
  start: number;
  end: number;
  kind: 'word' | 'punct' | 'quote';
  /** The word or punctuation as written. */
  text: string;
  /** Lower case; for a possessive ("Trump’s") without the ending. */
  lower: string;
  isCap: boolean;
  isPossessive: boolean;
  paragraph: number;
  sentence: number;
  /** For a quote token: its span's index. */
  span: number;
  /** The knowledge-base mention this word is part of. */
  mention: number;
  /** Part of a name the matcher saw as someone else's (or could not anchor). */
  isOther: boolean;
}

const TOKEN = /[\p{L}\p{M}\p{N}]+(?:[.'’ʼ‐-][\p{L}\p{M}\p{N}]+)*|[,.;:!?—–()]|(?<=\s)-(?=\s)/gu;
const UPPER = /^\p{Lu}/u;
const PUNCTUATION = ',.;:!?—–()-';
const POSSESSIVE = /['’ʼ]s$/i;

interface MentionInfo {
  start: number;
  end: number;
  person: string;
  surface: string;
}

/** Everything the attribution reads, computed once per text. */
interface Doc {
  text: string;
  tokens: Token[];
  spans: QuoteSpan[];
  /** Token index of each outer span's quote token. */
  quoteToken: Map<number, number>;
  mentions: MentionInfo[];
  /** First token index of each paragraph (and one past the last). */
  paragraphTokens: number[];
  /** Paragraphs that do not end like a sentence: headlines, captions, "Read more" links. */
  isHeading: boolean[];
  /** Each paragraph's number counting only the paragraphs that are not headings. */
  rank: number[];
  /** Full names of people outside the knowledge base, in order ("Charles Kushner"). */
  otherNames: { at: number; name: string }[];
  finder: QuotationFinder;
}

function tokenize(doc: Doc, paragraphs: readonly { start: number; end: number }[]): void {
  const { text, tokens, spans } = doc;
  const outer = spans.map((s, i) => ({ s, i })).filter(({ s }) => s.depth === 0);
  let q = 0;
  let sentence = 0;
  paragraphs.forEach((para, p) => {
    doc.paragraphTokens.push(tokens.length);
    TOKEN.lastIndex = para.start;
    const pushQuote = (o: { s: QuoteSpan; i: number }) => {
      const end = o.s.close === -1 ? para.end : o.s.close + 1;
      doc.quoteToken.set(o.i, tokens.length);
      tokens.push({
        start: o.s.open,
        end,
        kind: 'quote',
        text: text.slice(o.s.start, o.s.end),
        lower: '',
        isCap: false,
        isPossessive: false,
        paragraph: p,
        sentence,
        span: o.i,
        mention: -1,
        isOther: false,
      });
      TOKEN.lastIndex = end;
    };
    for (;;) {
      const next = outer[q];
      const m = TOKEN.exec(text);
      const at = m && m.index < para.end ? m.index : para.end;
      if (next && next.s.open < at && next.s.paragraph === p) {
        q++;
        pushQuote(next);
        continue;
      }
      if (!m || m.index >= para.end) break;
      const word = m[0];
      // Punctuation tokens are one character from PUNCTUATION; anything else is a word.
      const isWord = word.length > 1 || !PUNCTUATION.includes(word);
      const hasEnding = isWord && POSSESSIVE.test(word);
      const after = text[m.index + word.length];
      const isPossessive = isWord && (hasEnding || after === '’' || after === "'");
      const lower = (hasEnding ? word.slice(0, -2) : word).toLowerCase();
      tokens.push({
        start: m.index,
        end: m.index + word.length,
        kind: isWord ? 'word' : 'punct',
        text: word,
        lower,
        isCap: isWord && UPPER.test(word),
        isPossessive,
        paragraph: p,
        sentence,
        span: -1,
        mention: -1,
        isOther: false,
      });
    }
    sentence = splitSentences(doc, doc.paragraphTokens[p] ?? 0, tokens.length, sentence);
  });
  doc.paragraphTokens.push(tokens.length);
}

/** Numbers the sentences of one paragraph's tokens; returns the next free sentence number. */
function splitSentences(doc: Doc, from: number, to: number, first: number): number {
  const { tokens } = doc;
  let sentence = first;
  for (let i = from; i < to; i++) {
    const t = tokens[i];
    if (!t) break;
    t.sentence = sentence;
    const next = tokens[i + 1];
    if (!next || i + 1 >= to) continue;
    const startsNew = next.isCap || next.kind === 'quote' || /^\d/.test(next.text);
    if (!startsNew) continue;
    if (t.kind === 'punct' && (t.text === '.' || t.text === '!' || t.text === '?')) {
      const before = tokens[i - 1];
      const isAbbreviation =
        t.text === '.' &&
        before !== undefined &&
        before.kind === 'word' &&
        (ABBREVIATIONS.has(before.lower) || /^\p{Lu}$/u.test(before.text) || before.text.includes('.'));
      if (!isAbbreviation) sentence++;
    } else if (t.kind === 'quote' && /[.!?…]$/.test(t.text) && !hasCueAfter(doc, i)) {
      sentence++;
    }
  }
  return sentence + 1;
}

/** True when a speaker and a speech verb follow the quote token at `i` ("…?” Ushakov asked). */
function hasCueAfter(doc: Doc, i: number): boolean {
  const { tokens } = doc;
  for (let k = i + 1; k < Math.min(tokens.length, i + 6); k++) {
    const t = tokens[k];
    if (!t || t.kind === 'quote' || t.paragraph !== tokens[i]?.paragraph) return false;
    if (t.kind === 'word' && SPEECH_VERB.has(t.lower)) return true;
    if (t.text === '.' || t.text === ';') return false;
  }
  return false;
}

function markMentions(doc: Doc, paragraphs: readonly { start: number; end: number }[]): void {
  const { matcher } = doc.finder;
  const scanned = paragraphs.map((p) => scanText(matcher, doc.text.slice(p.start, p.end)));
  const resolved = resolveMentions(scanned);
  const others: { start: number; end: number }[] = [];
  // Who each surname last named: after "Charles Kushner", a bare "Kushner" is still Charles, not
  // the knowledge base's Jared, until the text names Jared Kushner again.
  const lastNamed = new Map<string, 'ours' | 'someone else'>();
  paragraphs.forEach((p, i) => {
    const byStart = new Map((resolved[i] ?? []).map((m) => [m.start, m]));
    for (const c of scanned[i] ?? []) {
      const m = byStart.get(c.start);
      const key = c.entry.key;
      if (c.isSomeoneElse) lastNamed.set(key, 'someone else');
      else if (c.person) lastNamed.set(key, 'ours');
      const isNamesake =
        m !== undefined && m.reason.kind === 'surname' && lastNamed.get(key) === 'someone else';
      if (m && !isNamesake)
        doc.mentions.push({
          start: m.start + p.start,
          end: m.end + p.start,
          person: m.person,
          surface: m.surface,
        });
      else others.push({ start: c.start + p.start, end: c.end + p.start });
    }
  });
  // Tokens are in text order, and so are mentions: one merge pass.
  let k = 0;
  for (const t of doc.tokens) {
    if (t.kind !== 'word') continue;
    while (k < doc.mentions.length && (doc.mentions[k]?.end ?? 0) <= t.start) k++;
    const m = doc.mentions[k];
    if (m && m.start < t.end) t.mention = k;
  }
  let o = 0;
  for (const t of doc.tokens) {
    if (t.kind !== 'word') continue;
    while (o < others.length && (others[o]?.end ?? 0) <= t.start) o++;
    const other = others[o];
    if (other && other.start < t.end) t.isOther = true;
  }
}

// ---- References: who a stretch of words names -------------------------------------------------

type Ref =
  | { kind: 'person'; person: string; name: string; at: number }
  | { kind: 'other'; name: string; at: number }
  | { kind: 'pronoun'; pronoun: 'he' | 'she' | 'they'; at: number }
  | { kind: 'description'; head: string; modifiers: string[]; possessor: string | undefined; at: number }
  | { kind: 'unnamed'; at: number };

/** A speaker as decided: `key` says whether two decisions name the same one. */
interface Attribution {
  speaker: string | null;
  speakerName: string | null;
  key: string;
}

const UNKNOWN: Attribution = { speaker: null, speakerName: null, key: 'unknown' };

function isWord(t: Token | undefined): t is Token {
  return t !== undefined && t.kind === 'word';
}

function isNameToken(t: Token | undefined): boolean {
  return isWord(t) && (t.isCap || t.mention >= 0 || t.isOther);
}

/** A run of name-like tokens from `from` to `to` (inclusive): whom it names. */
function classifyNameGroup(doc: Doc, from: number, to: number): Ref {
  const { tokens, mentions, finder } = doc;
  let first = from;
  while (first < to && SENTENCE_WORDS.has(tokens[first]?.lower ?? '') && (tokens[first]?.mention ?? -1) < 0)
    first++;
  for (let i = to; i >= first; i--) {
    const t = tokens[i];
    if (t && t.mention >= 0) {
      const m = mentions[t.mention];
      if (m) return { kind: 'person', person: m.person, name: m.surface, at: t.start };
    }
  }
  // Titles in front are not the name ("Senator Lindsey Graham", "Mr. Smith" keeps the Mr.).
  let nameStart = first;
  let hasTitle = false;
  while (nameStart < to && TITLE.has(tokens[nameStart]?.lower ?? '')) {
    hasTitle = true;
    nameStart++;
  }
  const name = doc.text.slice(tokens[nameStart]?.start ?? 0, tokens[to]?.end ?? 0);
  const at = tokens[first]?.start ?? 0;
  const last = tokens[to];
  if (last && nameStart === to && TITLE.has(last.lower)) {
    // Only titles: a description ("The Ukrainian President said") or a body ("the Kremlin").
    const before = tokens[first - 1];
    const modifiers = tokens.slice(first, to).map((t) => t.text);
    return before && DEFINITE.has(before.lower) && PERSON_NOUN.has(last.lower)
      ? { kind: 'description', head: last.lower, modifiers, possessor: undefined, at }
      : { kind: 'unnamed', at };
  }
  if (tokens.slice(nameStart, to + 1).some((t) => t.isOther)) return { kind: 'other', name, at };
  const lead = tokens[nameStart];
  const isGiven =
    lead !== undefined &&
    nameStart < to &&
    (finder.matcher.otherGivenNames.has(lead.lower) || finder.matcher.givenNames.has(lead.lower));
  const isHonorific = ['mr', 'mrs', 'ms', 'dr'].includes(tokens[first]?.lower ?? '');
  if (isGiven || isHonorific || (hasTitle && tokens[first - 1]?.lower !== 'the'))
    return { kind: 'other', name: isHonorific ? doc.text.slice(at, tokens[to]?.end ?? 0) : name, at };
  return { kind: 'unnamed', at };
}

/** The reference that ends at token `i` (reading backwards), and where it starts. */
function refEndingAt(
  doc: Doc,
  i: number,
  depth = 0,
  allowPossessive = false,
): { ref: Ref; from: number } | undefined {
  const { tokens } = doc;
  const t = tokens[i];
  if (!t) return undefined;
  const paragraphStart = doc.paragraphTokens[t.paragraph] ?? 0;
  if (t.kind === 'punct' && t.text === ',' && depth === 0) {
    // An appositive or relative clause between subject and verb: "Kirill Dmitriev, a prominent Moscow envoy, posted".
    for (let c = i - 1; c >= Math.max(paragraphStart, i - 25); c--) {
      const u = tokens[c];
      // (A quotation may sit inside: "Trump, who has called Zelensky a “dictator,” said".)
      if (!u || u.sentence !== t.sentence || u.text === ';' || u.text === ':') return undefined;
      if (u.text === ',') {
        const outer = refEndingAt(doc, c - 1, depth + 1);
        // "Putin’s spokesman, Dmitry Peskov, said" / "A Kremlin aide, Yuri Ushakov, said": the name
        // inside the commas, when what stands before them only describes.
        const inner = refEndingAt(doc, i - 1, depth + 1);
        const isName = (r: Ref | undefined) => r?.kind === 'person' || r?.kind === 'other';
        if (inner && inner.from === c + 1 && isName(inner.ref) && !isName(outer?.ref)) return inner;
        if (outer?.ref.kind === 'unnamed' && !isNounToken(tokens[c - 1])) return undefined;
        return outer;
      }
    }
    return undefined;
  }
  if (!isWord(t)) return undefined;
  const pronoun = PRONOUNS.get(t.lower);
  if (pronoun) return { ref: { kind: 'pronoun', pronoun, at: t.start }, from: i };
  if (t.lower === 'who' && tokens[i - 1]?.text === ',') return refEndingAt(doc, i - 2, depth + 1);
  if (isNameToken(t) && !(PERSON_NOUN.has(t.lower) && !t.isCap)) {
    let from = i;
    while (from > paragraphStart) {
      const prev = tokens[from - 1];
      if (isNameToken(prev) && !prev?.isPossessive) from--;
      else if (
        prev?.text === '.' &&
        isWord(tokens[from - 2]) &&
        (ABBREVIATIONS.has(tokens[from - 2]?.lower ?? '') || /^\p{Lu}$/u.test(tokens[from - 2]?.text ?? ''))
      )
        from -= 2;
      else break;
    }
    if (t.isPossessive && !allowPossessive) return undefined;
    return { ref: classifyNameGroup(doc, from, i), from };
  }
  if (PERSON_NOUN.has(t.lower) || GROUP_NOUN.has(t.lower) || isPluralPersonNoun(t.lower))
    return descriptionEndingAt(doc, i);
  return undefined;
}

/** A noun for a person or a group ("aide", "officials"), as opposed to a place or a body's name. */
function isNounToken(t: Token | undefined): boolean {
  return (
    isWord(t) &&
    !t.isCap &&
    (PERSON_NOUN.has(t.lower) || GROUP_NOUN.has(t.lower) || isPluralPersonNoun(t.lower))
  );
}

function isPluralPersonNoun(word: string): boolean {
  return word.endsWith('s') && PERSON_NOUN.has(word.slice(0, -1));
}

/** "the Kremlin aide", "one senior European diplomat", "Putin’s spokesman", ending at token `i`. */
function descriptionEndingAt(doc: Doc, i: number): { ref: Ref; from: number } | undefined {
  const { tokens } = doc;
  const head = tokens[i];
  if (!head) return undefined;
  const modifiers: string[] = [];
  let j = i - 1;
  let determiner: string | undefined;
  let possessor: Ref | undefined;
  while (j >= 0 && modifiers.length < 5) {
    const t = tokens[j];
    if (!isWord(t) || t.paragraph !== head.paragraph) break;
    if (DETERMINERS.has(t.lower) && !t.isPossessive) {
      determiner = t.lower;
      break;
    }
    if (t.isPossessive) {
      possessor = refEndingAt(doc, j, 1, true)?.ref;
      break;
    }
    if (SPEECH_VERB.has(t.lower) || FILLER.has(t.lower) || CLAUSE_JOINERS.has(t.lower)) break;
    modifiers.unshift(t.text);
    j--;
  }
  const at = tokens[j]?.start ?? head.start;
  const isGroup = GROUP_NOUN.has(head.lower) || isPluralPersonNoun(head.lower);
  if (isGroup) return { ref: { kind: 'unnamed', at }, from: j };
  if (possessor?.kind === 'person')
    return {
      ref: { kind: 'description', head: head.lower, modifiers, possessor: possessor.person, at },
      from: j,
    };
  if (determiner && DEFINITE.has(determiner))
    return { ref: { kind: 'description', head: head.lower, modifiers, possessor: undefined, at }, from: j };
  return { ref: { kind: 'unnamed', at }, from: j };
}

/** The reference that starts at token `i` (reading forwards), and the token it ends at. */
function refStartingAt(doc: Doc, i: number): { ref: Ref; to: number } | undefined {
  const { tokens } = doc;
  const t = tokens[i];
  if (!isWord(t)) return undefined;
  const pronoun = PRONOUNS.get(t.lower);
  if (pronoun) return { ref: { kind: 'pronoun', pronoun, at: t.start }, to: i };
  // Titles and name words: "Kremlin spokesman Dmitry Peskov", "US Secretary of State Marco Rubio",
  // "Kremlin foreign policy adviser Yuri Ushakov", "a senior Western official".
  let to = i - 1;
  let lastName = -1;
  const isDet = FORWARD_DETERMINERS.has(t.lower) && !t.isCap;
  for (let k = isDet ? i + 1 : i; k < Math.min(tokens.length, i + 9); k++) {
    const u = tokens[k];
    if (!isWord(u) || u.paragraph !== t.paragraph) {
      if (u?.text === '.' && isWord(tokens[k - 1]) && ABBREVIATIONS.has(tokens[k - 1]?.lower ?? '')) continue;
      break;
    }
    if (isNameToken(u)) {
      to = k;
      if (!PERSON_NOUN.has(u.lower) && !TITLE.has(u.lower)) lastName = k;
      if (u.isPossessive) break;
      continue;
    }
    if (isNounToken(u) || TITLE.has(u.lower)) {
      to = k;
      continue;
    }
    if (u.lower === 'of' && isNameToken(tokens[k + 1])) continue;
    if (modifiersAllowed(u) && (to < i || to === k - 1)) continue;
    break;
  }
  if (to < i) return undefined;
  const last = tokens[to];
  if (!last) return undefined;
  if (lastName >= 0) {
    // The name ends the group: read it back from its end, as a subject is read.
    let end = lastName;
    while (isNameToken(tokens[end + 1]) && end + 1 <= to) end++;
    const found = refEndingAt(doc, end, 1);
    return found ? { ref: found.ref, to: end } : undefined;
  }
  // No name: a description ("the Kremlin aide", "a senior official", "Kremlin officials"), or nothing.
  if (!isNounToken(last) && !(isDet && TITLE.has(last.lower) && PERSON_NOUN.has(last.lower)))
    return undefined;
  const found = descriptionEndingAt(doc, to);
  return found ? { ref: found.ref, to } : undefined;
}

function modifiersAllowed(t: Token): boolean {
  return (
    !SPEECH_VERB.has(t.lower) &&
    !FILLER.has(t.lower) &&
    !CLAUSE_JOINERS.has(t.lower) &&
    !PREPOSITIONS.has(t.lower) &&
    !DETERMINERS.has(t.lower) &&
    !PRONOUNS.has(t.lower) &&
    t.lower !== 'with' &&
    t.lower.length > 1
  );
}

// ---- Deciding who a reference is ---------------------------------------------------------------

/** Someone named or referred to before a point, for pronouns and descriptions to refer back to. */
interface Entity {
  at: number;
  paragraph: number;
  sentence: number;
  /** The first person named in its sentence. */
  isSubject: boolean;
  /** Named inside what someone else is reported to have said ("Ushakov said Witkoff was…"). */
  isReported: boolean;
  attribution: Attribution;
  person: string | undefined;
  /** Joined to the next entity by "and": "Witkoff and Kushner". */
  isCoordinated: boolean;
}

/** Someone who spoke: a cue's speaker, in text order. */
interface Act {
  at: number;
  paragraph: number;
  attribution: Attribution;
}

interface State {
  entities: Entity[];
  acts: Act[];
}

function attributionOf(doc: Doc, ref: Ref): Attribution | undefined {
  if (ref.kind === 'person') return { speaker: ref.person, speakerName: ref.name, key: ref.person };
  if (ref.kind === 'other') {
    // "Kushner" after "Charles Kushner": the name the text gave in full.
    let name = ref.name;
    if (!/\s/.test(name)) {
      for (let k = doc.otherNames.length - 1; k >= 0; k--) {
        const full = doc.otherNames[k];
        if (full && full.at < ref.at && full.name.endsWith(` ${name}`)) {
          name = full.name;
          break;
        }
      }
    }
    return { speaker: null, speakerName: name, key: `other:${name.toLowerCase()}` };
  }
  if (ref.kind === 'unnamed') return UNKNOWN;
  return undefined;
}

function resolveRef(doc: Doc, state: State, ref: Ref, paragraph: number): Attribution {
  const direct = attributionOf(doc, ref);
  if (direct) return direct;
  if (ref.kind === 'pronoun') return resolvePronoun(doc, state, ref.pronoun, ref.at, paragraph);
  if (ref.kind === 'description') return resolveDescription(doc, state, ref, paragraph);
  return UNKNOWN;
}

function fitsPronoun(doc: Doc, a: Attribution, pronoun: 'he' | 'she' | 'they'): boolean {
  if (a.speaker) return doc.finder.pronouns.get(a.speaker) === pronoun;
  // Someone else, named: we do not know how the text refers to them; "he" or "she" may be them.
  return a.key !== 'unknown' && pronoun !== 'they';
}

/** How far back (in paragraphs) a pronoun may find its person. */
const PRONOUN_REACH = 2;

function resolvePronoun(
  doc: Doc,
  state: State,
  pronoun: 'he' | 'she' | 'they',
  at: number,
  paragraph: number,
): Attribution {
  const rank = doc.rank;
  const from = (rank[paragraph] ?? 0) - PRONOUN_REACH;
  const isNear = (p: number) => (rank[p] ?? 0) >= from && !doc.isHeading[p];
  const fits = (a: Attribution) => fitsPronoun(doc, a, pronoun);
  let act: Act | undefined;
  for (let k = state.acts.length - 1; k >= 0; k--) {
    const a = state.acts[k];
    if (!a || (rank[a.paragraph] ?? 0) < from) break;
    if (!isNear(a.paragraph)) continue;
    if (a.at < at && fits(a.attribution)) {
      act = a;
      break;
    }
  }
  // Entities are in text order: read back from the pronoun to the edge of its reach.
  const candidates: Entity[] = [];
  for (let k = upperBound(state.entities, at) - 1; k >= 0; k--) {
    const e = state.entities[k];
    if (!e || (rank[e.paragraph] ?? 0) < from) break;
    if (isNear(e.paragraph) && !e.isReported && fits(e.attribution)) candidates.unshift(e);
  }
  if (act) {
    const since = act.at;
    const rival = candidates.some(
      (e) => e.at > since && e.isSubject && e.attribution.key !== act.attribution.key,
    );
    if (!rival) return act.attribution;
  }
  const latest = candidates[candidates.length - 1];
  if (!latest) return UNKNOWN;
  const inSentence = candidates.filter((e) => e.sentence === latest.sentence);
  const subject = inSentence[0];
  if (!subject || subject.isCoordinated) return UNKNOWN;
  return subject.attribution;
}

/** The number of entities named before offset `at` (binary search). */
function upperBound(entities: readonly Entity[], at: number): number {
  let lo = 0;
  let hi = entities.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((entities[mid]?.at ?? 0) < at) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** How far back (in paragraphs) a description may find its person. */
const DESCRIPTION_REACH = 8;

function resolveDescription(
  doc: Doc,
  state: State,
  ref: Extract<Ref, { kind: 'description' }>,
  paragraph: number,
): Attribution {
  for (let k = upperBound(state.entities, ref.at) - 1; k >= 0; k--) {
    const e = state.entities[k];
    if (!e) continue;
    if (e.paragraph < paragraph - DESCRIPTION_REACH) break;
    // Someone else named since: the description may be theirs, and we cannot tell.
    if (!e.person) {
      if (e.attribution.key !== 'unknown' && e.paragraph >= paragraph - 2) return UNKNOWN;
      continue;
    }
    if (fitsDescription(doc, e.person, ref)) return e.attribution;
  }
  return UNKNOWN;
}

function fitsDescription(doc: Doc, person: string, ref: Extract<Ref, { kind: 'description' }>): boolean {
  const words = doc.finder.roleWords.get(person);
  if (!words) return false;
  const has = (w: string) => words.has(w) || (DEMONYMS.get(w) ?? []).some((d) => words.has(d));
  if (!(HEAD_SYNONYMS.get(ref.head) ?? [ref.head]).some((h) => words.has(h))) return false;
  for (const written of ref.modifiers) {
    const m = written.toLowerCase();
    // What tells people apart must fit: "former", a country, an organisation ("Kremlin", "NSC");
    // other adjectives ("senior", "top", "veteran") say nothing about who it is.
    const isDiscriminating =
      m === 'former' || m === 'deputy' || m === 'vice' || DEMONYMS.has(m) || UPPER.test(written);
    if (isDiscriminating && !has(m)) return false;
  }
  if (ref.possessor && !has(ref.possessor.split('-').pop() ?? '')) return false;
  return true;
}

// ---- Who is named where ------------------------------------------------------------------------

/** Every person named outside quotations, in order, with what a pronoun needs to know of them. */
function collectEntities(doc: Doc): Entity[] {
  const { tokens } = doc;
  const out: Entity[] = [];
  let sentence = -1;
  let isReported = false;
  let hasSubject = false;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (!t) break;
    if (t.sentence !== sentence) {
      sentence = t.sentence;
      isReported = false;
      hasSubject = false;
    }
    if (t.kind === 'punct' && t.text === ':') isReported = true;
    if (!isWord(t)) continue;
    if (isNameToken(t) && !isNameToken(tokens[i + 1]) && !doc.isHeading[t.paragraph]) {
      const found = refEndingAt(doc, i, 1, true);
      const attribution = found && attributionOf(doc, found.ref);
      if (found?.ref.kind === 'other' && /\s/.test(found.ref.name))
        doc.otherNames.push({ at: found.ref.at, name: found.ref.name });
      if (found && attribution && attribution.key !== 'unknown') {
        const after = tokens[i + 1];
        out.push({
          at: found.ref.at,
          paragraph: t.paragraph,
          sentence,
          isSubject: !hasSubject,
          isReported,
          attribution,
          person: attribution.speaker ?? undefined,
          isCoordinated: after?.lower === 'and' && isNameToken(tokens[i + 2]),
        });
        hasSubject = true;
      }
    }
    if (SPEECH_VERB.has(t.lower) || SPEECH_NOUN.has(t.lower)) isReported = true;
  }
  return out;
}

// ---- Cues --------------------------------------------------------------------------------------

interface Cue {
  ref: Ref;
  cue: QuoteCue;
  /** The last token the cue reads (for "nothing comes between" checks). */
  last: number;
}

function isSkippable(doc: Doc, k: number): boolean {
  const u = doc.tokens[k];
  if (!isWord(u) || u.isCap) return false;
  if (FILLER.has(u.lower)) return true;
  if (u.lower.length > 4 && u.lower.endsWith('ly')) return true;
  if (u.lower === 'to' && RAISING.has(doc.tokens[k - 1]?.lower ?? '')) return true;
  if (u.lower === 'on' && doc.tokens[k - 1]?.lower === 'went') return true;
  return RAISING.has(u.lower) && (doc.tokens[k + 1]?.lower === 'to' || doc.tokens[k + 1]?.lower === 'on');
}

/** The subject of the speech verb at `v`: before it ("Ushakov said"), or after it ("said Ushakov"). */
function subjectOf(doc: Doc, v: number): { ref: Ref; last: number } | undefined {
  const { tokens } = doc;
  const verb = tokens[v];
  if (!verb) return undefined;
  let k = v - 1;
  for (let n = 0; n < 4 && isSkippable(doc, k); n++) k--;
  const before = tokens[k];
  if (before && before.sentence === verb.sentence && before.paragraph === verb.paragraph) {
    const found = refEndingAt(doc, k);
    const preposition = tokens[found ? found.from - 1 : -1];
    const isObject =
      found !== undefined &&
      isWord(before) &&
      preposition !== undefined &&
      PREPOSITIONS.has(preposition.lower) &&
      // "Secretary of State Marco Rubio said": "of" inside a title.
      !(preposition.lower === 'of' && isNameToken(tokens[found.from - 2]));
    if (found && isObject) {
      // "As Thomas Graham, former Special Assistant to President George W. Bush points out": the
      // name after the preposition is an object; the subject opened the appositive.
      for (let c = found.from - 1; c >= 0 && tokens[c]?.sentence === verb.sentence; c--) {
        if (tokens[c]?.text !== ',') continue;
        const subject = refEndingAt(doc, c - 1, 1);
        return subject && subject.ref.kind !== 'unnamed' ? { ref: subject.ref, last: v } : undefined;
      }
      return undefined;
    }
    if (found) return { ref: found.ref, last: v };
  }
  // Inverted: the verb opens its clause ("…,” said Ushakov; — заявил Ушаков).
  const prev = tokens[v - 1];
  const opensClause =
    !prev ||
    prev.paragraph !== verb.paragraph ||
    prev.kind === 'quote' ||
    [',', '—', '–', '-', '('].includes(prev.text) ||
    prev.sentence !== verb.sentence;
  if (opensClause) {
    const found = refStartingAt(doc, v + 1);
    if (found && found.ref.kind !== 'pronoun') return { ref: found.ref, last: found.to };
  }
  return undefined;
}

/** Who delivers the speech noun at `n`: "Boyechko’s bottom line", "his warning", "Ushakov delivered the blunt verdict". */
function subjectOfNoun(doc: Doc, n: number): { ref: Ref; last: number } | undefined {
  const { tokens } = doc;
  const noun = tokens[n];
  if (!noun) return undefined;
  for (let k = n - 1; k >= Math.max(0, n - 5); k--) {
    const u = tokens[k];
    if (!isWord(u) || u.sentence !== noun.sentence) return undefined;
    const pronoun = u.lower === 'his' ? 'he' : u.lower === 'her' ? 'she' : undefined;
    if (pronoun) return { ref: { kind: 'pronoun', pronoun, at: u.start }, last: n };
    if (u.isPossessive) {
      const found = refEndingAt(doc, k, 1, true);
      return found ? { ref: found.ref, last: n } : undefined;
    }
    if (DETERMINERS.has(u.lower)) {
      // "delivered the blunt verdict", "offered a bleak assessment": the verb's subject speaks.
      const verb = tokens[k - 1];
      if (!isWord(verb) || verb.isCap || DETERMINERS.has(verb.lower)) return undefined;
      const found = refEndingAt(doc, k - 2);
      return found && found.ref.kind !== 'unnamed'
        ? { ref: found.ref, last: n }
        : found
          ? { ref: found.ref, last: n }
          : undefined;
    }
    if (SPEECH_VERB.has(u.lower) || u.isCap) return undefined;
  }
  return undefined;
}

function isSpeechWord(t: Token | undefined): boolean {
  return isWord(t) && !t.isCap && (SPEECH_VERB.has(t.lower) || SPEECH_NOUN.has(t.lower));
}

/** The speaker of a speech word at `k`, by verb or by noun. */
function speakerOfSpeechWord(doc: Doc, k: number): { ref: Ref; last: number } | undefined {
  const t = doc.tokens[k];
  if (!t) return undefined;
  if (SPEECH_VERB.has(t.lower)) {
    const found = subjectOf(doc, k);
    if (found) return found;
  }
  return SPEECH_NOUN.has(t.lower) ? subjectOfNoun(doc, k) : undefined;
}

/** "according to Ushakov" / "по словам Ушакова" starting at `k`: the reference, if it is one. */
function accordingTo(doc: Doc, k: number): { ref: Ref; last: number } | undefined {
  const a = doc.tokens[k];
  const b = doc.tokens[k + 1];
  if (!a || !b) return undefined;
  const isPhrase =
    (a.lower === 'according' && b.lower === 'to') ||
    ((a.lower === 'по' || a.lower === 'за') && (b.lower === 'словам' || b.lower === 'словами'));
  if (!isPhrase) return undefined;
  const found = refStartingAt(doc, k + 2);
  return found ? { ref: found.ref, last: found.to } : undefined;
}

/** A cue right after the quote token `q`: "…,” Ushakov said / said Ushakov / according to Ushakov. */
function cueAfter(doc: Doc, q: number): Cue | undefined {
  const { tokens } = doc;
  const quote = tokens[q];
  if (!quote) return undefined;
  // Only a quotation that opens its sentence takes a cue after it; a partial one inside the
  // journalist's sentence belongs to that sentence's speaker ("…, adding that Russia “must…,” …").
  const before = tokens[q - 1];
  if (
    before &&
    before.paragraph === quote.paragraph &&
    before.sentence === quote.sentence &&
    before.text !== ':'
  )
    return undefined;
  let j = q + 1;
  while ([',', '—', '–', '-'].includes(tokens[j]?.text ?? '') && j < q + 3) j++;
  const first = tokens[j];
  if (!isWord(first) || first.paragraph !== quote.paragraph) return undefined;
  let found: Cue | undefined;
  const according = accordingTo(doc, j);
  if (according) found = { ref: according.ref, cue: 'according-to', last: according.last };
  else if (SPEECH_VERB.has(first.lower) && !first.isCap) {
    const ref = refStartingAt(doc, j + 1);
    if (ref) found = { ref: ref.ref, cue: 'after', last: ref.to };
  } else {
    const ref = refStartingAt(doc, j);
    if (ref) {
      let k = ref.to + 1;
      if (tokens[k]?.text === ',') {
        // "Ushakov, the Kremlin aide, said"
        let c = k + 1;
        while (c < k + 16 && tokens[c] && tokens[c]?.text !== ',' && tokens[c]?.kind !== 'quote') c++;
        k = tokens[c]?.text === ',' ? c + 1 : k;
      }
      for (let n = 0; n < 4 && isSkippable(doc, k); n++) k++;
      if (isWord(tokens[k]) && SPEECH_VERB.has(tokens[k]?.lower ?? '') && !tokens[k]?.isCap)
        found = { ref: ref.ref, cue: 'after', last: k };
    }
  }
  if (!found) return undefined;
  // After a quotation that ends its sentence, only a short "he said." belongs to it.
  if (/\.$/.test(quote.text) && !/[,—–-]/.test(tokens[q + 1]?.text ?? '')) {
    let n = 0;
    for (let k = found.last + 1; k < tokens.length; k++) {
      const u = tokens[k];
      if (!u || u.paragraph !== quote.paragraph || u.text === '.' || u.kind === 'quote') break;
      if (u.lower === 'that' || ++n > 6) return undefined;
    }
  }
  return found;
}

/** A cue right before the quote token `q`: "Pifer added: “…”", "said Ushakov: “…”", "according to Ushakov, “…”". */
function cueBefore(doc: Doc, q: number): Cue | undefined {
  const { tokens } = doc;
  const quote = tokens[q];
  if (!quote) return undefined;
  let k = q - 1;
  let hasColon = false;
  for (let n = 0; n < 3; n++) {
    const u = tokens[k];
    if (!u || u.paragraph !== quote.paragraph) return undefined;
    if (u.text === ':') hasColon = true;
    if (u.text === ':' || u.text === ',' || u.text === '—' || u.text === '–' || u.lower === 'that') k--;
    else break;
  }
  const t = tokens[k];
  if (!isWord(t) || t.paragraph !== quote.paragraph) return undefined;
  if (SPEECH_VERB.has(t.lower) && !t.isCap) {
    const found = subjectOf(doc, k);
    if (found) return { ref: found.ref, cue: 'before', last: q };
  }
  // Inverted or "according to X," before the quotation.
  for (let s = k - 1; s >= Math.max(0, k - 8); s--) {
    const u = tokens[s];
    if (!u || u.sentence !== t.sentence || u.kind === 'quote') break;
    const according = accordingTo(doc, s);
    if (according && according.last === k) return { ref: according.ref, cue: 'according-to', last: q };
    if (isSpeechWord(u) && SPEECH_VERB.has(u.lower)) {
      const ref = refStartingAt(doc, s + 1);
      if (ref && ref.to === k && (s === 0 || tokens[s - 1]?.sentence !== u.sentence || hasColon))
        return { ref: ref.ref, cue: 'before', last: q };
      break;
    }
  }
  return undefined;
}

/** True when a new clause with its own subject starts at token `k` ("while both sides used"). */
function startsClause(doc: Doc, k: number): boolean {
  const t = doc.tokens[k];
  if (!isWord(t) || !CLAUSE_JOINERS.has(t.lower)) return t?.text === ';';
  const next = doc.tokens[k + 1];
  if (!isWord(next)) return false;
  // "said the plan was … and that Ukraine’s allies were …": a second reported clause, same speaker.
  if (next.lower === 'that') return false;
  return DETERMINERS.has(next.lower) || PRONOUNS.has(next.lower) || isNameToken(next);
}

/**
 * A speech verb or noun earlier in the quotation's sentence: "Rubio described the talks as “…”",
 * "Kremlin aide Yuri Ushakov delivered the blunt verdict: the two sides are “…”". A verb without a
 * subject of its own (", adding", "yet acknowledged that") continues the sentence's speaker.
 */
function cueInSentence(
  doc: Doc,
  q: number,
  sentenceSpeaker: Attribution | undefined,
  fromPreviousParagraph = false,
): { cue: Cue | undefined; inherited: Attribution | undefined } {
  const { tokens } = doc;
  // The sentence read is the quotation's own or, for a quotation that opens a paragraph, the
  // previous paragraph's last ("Witkoff told Fox News on Sunday:").
  const quote = fromPreviousParagraph ? tokens[q - 1] : tokens[q];
  if (!quote) return { cue: undefined, inherited: undefined };
  const hasColon = tokens[q - 1]?.text === ':';
  for (let k = q - 1; k >= Math.max(0, q - 45); k--) {
    const u = tokens[k];
    if (!u || u.sentence !== quote.sentence || u.paragraph !== quote.paragraph) break;
    if (startsClause(doc, k)) break;
    if (!isSpeechWord(u)) continue;
    const found = speakerOfSpeechWord(doc, k);
    if (found) {
      const cue: QuoteCue = hasColon ? 'colon' : q - k <= 3 ? 'before' : 'in-sentence';
      return { cue: { ref: found.ref, cue, last: q }, inherited: undefined };
    }
    const prev = tokens[k - 1];
    const continues =
      u.lower.endsWith('ing') ||
      [',', 'and', 'yet', 'but', 'then', 'also'].includes(prev?.lower || prev?.text || '');
    if (continues && sentenceSpeaker && SPEECH_VERB.has(u.lower))
      return { cue: undefined, inherited: sentenceSpeaker };
  }
  return { cue: undefined, inherited: undefined };
}

/** "Another diplomat was more direct: “…”": the subject of a clause that introduces the quotation with a colon. */
function cueColonSubject(doc: Doc, q: number): Cue | undefined {
  const { tokens } = doc;
  const quote = tokens[q];
  if (tokens[q - 1]?.text !== ':' || !quote) return undefined;
  let s = q - 1;
  while (s > 0 && tokens[s - 1]?.sentence === quote.sentence && tokens[s - 1]?.kind !== 'quote') s--;
  for (let k = s; k < q - 1; k++) {
    const u = tokens[k];
    if (isWord(u) && ['was', 'is', 'were', 'are', 'sounded', 'seemed', 'remained'].includes(u.lower)) {
      const found = refEndingAt(doc, k - 1);
      return found && found.from === s ? { ref: found.ref, cue: 'colon', last: q } : undefined;
    }
  }
  return undefined;
}

/** A name alone before a colon, as headlines and wire summaries write it: "Peskov: «…»". */
function cueNameColon(doc: Doc, q: number): Cue | undefined {
  const { tokens } = doc;
  const quote = tokens[q];
  if (tokens[q - 1]?.text !== ':' || !quote) return undefined;
  const found = refEndingAt(doc, q - 2);
  if (!found || (found.ref.kind !== 'person' && found.ref.kind !== 'other')) return undefined;
  const before = tokens[found.from - 1];
  const isAlone = !before || before.paragraph !== quote.paragraph || before.sentence !== quote.sentence;
  return isAlone ? { ref: found.ref, cue: 'colon', last: q } : undefined;
}

/** Any person named, pronoun or description between tokens `a` and `b` (exclusive). */
function hasPersonBetween(doc: Doc, a: number, b: number): boolean {
  for (let k = a; k < b; k++) {
    const u = doc.tokens[k];
    if (!isWord(u)) continue;
    if (
      u.mention >= 0 ||
      u.isOther ||
      PRONOUNS.has(u.lower) ||
      PERSON_NOUN.has(u.lower) ||
      isPluralPersonNoun(u.lower)
    )
      return true;
    if (isNameToken(u) && !isNameToken(doc.tokens[k + 1])) {
      const found = refEndingAt(doc, k, 1);
      if (found && (found.ref.kind === 'other' || found.ref.kind === 'person')) return true;
    }
  }
  return false;
}

// ---- The pass ----------------------------------------------------------------------------------

interface Decision {
  attribution: Attribution | undefined;
  cue: QuoteCue | null;
}

/** Finds every quotation in `text` and its speaker (see the module comment). */
export function findQuotations(finder: QuotationFinder, text: string): Quotation[] {
  const paragraphs = splitParagraphs(text).filter((p) => /\S/.test(text.slice(p.start, p.end)));
  const spans = findQuoteSpans(text, paragraphs);
  const doc: Doc = {
    text,
    tokens: [],
    spans,
    quoteToken: new Map(),
    mentions: [],
    paragraphTokens: [],
    isHeading: paragraphs.map((p) => !/[.!?…:;"'”’»)]\s*$/.test(text.slice(p.start, p.end))),
    rank: [],
    otherNames: [],
    finder,
  };
  let rank = 0;
  for (const isHeading of doc.isHeading) {
    doc.rank.push(rank);
    if (!isHeading) rank++;
  }
  tokenize(doc, paragraphs);
  markMentions(doc, paragraphs);
  const state: State = { entities: collectEntities(doc), acts: [] };
  const decisions = new Map<number, Decision>();
  const sentenceSpeaker = new Map<number, Attribution>();
  /** Per paragraph: the last quotation's decision and the last token of its cue. */
  const lastQuote = new Map<number, { decision: Decision; last: number }>();
  const consumed = new Set<number>();
  const { tokens } = doc;

  const record = (at: number, paragraph: number, sentence: number, attribution: Attribution) => {
    state.acts.push({ at, paragraph, attribution });
    sentenceSpeaker.set(sentence, attribution);
  };

  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (!t) break;
    if (t.kind === 'word') {
      if (!isSpeechWord(t) || consumed.has(i)) continue;
      const found = speakerOfSpeechWord(doc, i);
      if (found) {
        const attribution = resolveRef(doc, state, found.ref, t.paragraph);
        record(t.start, t.paragraph, t.sentence, attribution);
        // What someone is reported to say carries on to a quotation that follows with no cue.
        lastQuote.set(t.paragraph, { decision: { attribution, cue: null }, last: Math.max(i, found.last) });
      }
      continue;
    }
    if (t.kind !== 'quote') continue;
    const span = spans[t.span];
    if (!span) continue;
    const decision = decideQuote(doc, state, i, span, decisions, sentenceSpeaker, lastQuote);
    decisions.set(t.span, decision.decision);
    for (let k = i + 1; k <= decision.last; k++) consumed.add(k);
    lastQuote.set(t.paragraph, { decision: decision.decision, last: Math.max(i, decision.last) });
    if (decision.decision.attribution)
      record(t.start, t.paragraph, t.sentence, decision.decision.attribution);
  }
  settleContinuations(spans, decisions);

  return spans.map((span, index) => {
    const d = span.depth === 0 ? decisions.get(index) : undefined;
    const a = d?.attribution;
    return {
      start: span.start,
      end: span.end,
      text: text.slice(span.start, span.end),
      speaker: a?.speaker ?? null,
      speakerName: a?.speakerName ?? null,
      cue: span.depth > 0 ? 'nested' : (d?.cue ?? null),
      depth: span.depth,
      isCut: span.isCut,
    };
  });
}

function decideQuote(
  doc: Doc,
  state: State,
  q: number,
  span: QuoteSpan,
  decisions: ReadonlyMap<number, Decision>,
  sentenceSpeaker: ReadonlyMap<number, Attribution>,
  lastQuote: ReadonlyMap<number, { decision: Decision; last: number }>,
): { decision: Decision; last: number } {
  const { tokens } = doc;
  const quote = tokens[q];
  const none = { decision: { attribution: undefined, cue: null }, last: q };
  if (!quote) return none;
  const resolved = (cue: Cue) => ({
    decision: { attribution: resolveRef(doc, state, cue.ref, quote.paragraph), cue: cue.cue },
    last: cue.last,
  });
  // A title or a so-called term is nobody's words.
  if (TITLE_CUES.has(tokens[q - 1]?.lower ?? '') && tokens[q - 1]?.paragraph === quote.paragraph) return none;

  const inSentence = cueInSentence(doc, q, sentenceSpeaker.get(quote.sentence));
  // A lead-in ending in a colon ("Peskov told reporters: “…”") outranks anything after the quotation.
  const lead = tokens[q - 1]?.text === ':' ? inSentence.cue : undefined;
  const direct = cueBefore(doc, q) ?? lead ?? cueAfter(doc, q);
  if (direct) return resolved(direct);
  if (inSentence.cue) return resolved(inSentence.cue);
  if (inSentence.inherited)
    return { decision: { attribution: inSentence.inherited, cue: 'in-sentence' }, last: q };
  const colon = cueColonSubject(doc, q) ?? cueNameColon(doc, q);
  if (colon) return resolved(colon);
  const paragraphStart = doc.paragraphTokens[quote.paragraph] ?? 0;
  if (q === paragraphStart && tokens[q - 1]?.text === ':' && !doc.isHeading[quote.paragraph - 1]) {
    const lead = cueInSentence(doc, q, undefined, true);
    if (lead.cue) return resolved({ ...lead.cue, cue: 'colon' });
  }

  // Carried on from the previous paragraph's part of the same quotation.
  if (span.continues !== undefined) {
    const previous = decisions.get(span.continues);
    return {
      decision: { attribution: previous?.attribution, cue: previous?.attribution ? 'continuation' : null },
      last: q,
    };
  }
  const wordCount = quote.text.split(/\s+/).length;
  const startsSentence =
    tokens[q - 1]?.sentence !== quote.sentence || tokens[q - 1]?.paragraph !== quote.paragraph;
  // An earlier quotation of the same paragraph, with nobody else named since.
  const earlier = lastQuote.get(quote.paragraph);
  if (earlier?.decision.attribution && (startsSentence || wordCount >= 4)) {
    let isClear = !hasPersonBetween(doc, earlier.last + 1, q);
    for (let k = earlier.last + 1; k < q && isClear; k++)
      if (startsClause(doc, k) || isSpeechWord(tokens[k])) isClear = false;
    if (isClear)
      return { decision: { attribution: earlier.decision.attribution, cue: 'same-paragraph' }, last: q };
  }
  // The previous paragraph ended with someone's quotation, and this one names nobody before its own.
  const previous = lastQuote.get(quote.paragraph - 1);
  if (
    !earlier &&
    previous?.decision.attribution &&
    (q === paragraphStart || wordCount >= 4) &&
    !hasPersonBetween(doc, previous.last + 1, doc.paragraphTokens[quote.paragraph - 1 + 1] ?? 0) &&
    !hasPersonBetween(doc, paragraphStart, q) &&
    !hasPersonBetween(doc, q + 1, sentenceEnd(doc, q))
  ) {
    return { decision: { attribution: previous.decision.attribution, cue: 'carry-over' }, last: q };
  }
  return none;
}

/** One past the last token of the sentence of token `q`. */
function sentenceEnd(doc: Doc, q: number): number {
  let k = q;
  const s = doc.tokens[q]?.sentence;
  while (k < doc.tokens.length && doc.tokens[k]?.sentence === s) k++;
  return k;
}

/** Cues that pass on a speaker found elsewhere rather than read one. */
const INHERITED: ReadonlySet<QuoteCue> = new Set(['same-paragraph', 'carry-over', 'continuation']);

/** A quotation over several paragraphs has one speaker: a cue in any part names it for all. */
function settleContinuations(spans: readonly QuoteSpan[], decisions: Map<number, Decision>): void {
  const chains = new Map<number, number[]>();
  spans.forEach((span, i) => {
    if (span.depth !== 0) return;
    const root = span.continues === undefined ? i : (findRoot(spans, i) ?? i);
    const chain = chains.get(root) ?? [];
    chain.push(i);
    chains.set(root, chain);
  });
  for (const chain of chains.values()) {
    if (chain.length < 2) continue;
    const parts = chain.map((i) => decisions.get(i));
    const isDirect = (d: Decision | undefined) =>
      d?.attribution !== undefined && d.cue !== null && !INHERITED.has(d.cue);
    const own = parts.find(isDirect) ?? parts.find((d) => d?.attribution && d.cue !== 'continuation');
    if (!own?.attribution) continue;
    for (const i of chain) {
      const d = decisions.get(i);
      if (!isDirect(d)) decisions.set(i, { attribution: own.attribution, cue: 'continuation' });
    }
  }
}

function findRoot(spans: readonly QuoteSpan[], i: number): number | undefined {
  let k: number | undefined = i;
  for (let n = 0; n < 1000 && k !== undefined; n++) {
    const c: number | undefined = spans[k]?.continues;
    if (c === undefined) return k;
    k = c;
  }
  return k;
}
