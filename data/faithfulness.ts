/**
 * Checks that keep the knowledge base's own words apart from the articles' words (issue 16): our prose
 * shares no long run of words with an article (so a copied sentence cannot pass as a paraphrase), the
 * words we do quote inside our prose are verbatim, and a quotation's cue really names the speaker.
 * Pure string functions, reused by data/validate.ts and by any pack validation built on it.
 */

/** Longest run of consecutive words our own prose may share with an article. */
export const MAX_SHARED_WORDS = 7;

/** How far before a pronoun cue ("he warned") the person must have been named, in characters. */
export const PRONOUN_REACH = 600;

const QUOTED_SPAN = /“([^“”]*)”|"([^"]*)"/g;
const WORD = /[\p{L}\p{N}]+(?:['’][\p{L}]+)*/gu;
const PRONOUN = /(?<![\p{L}\p{N}])(?:he|she|they|him|her|his|their)(?![\p{L}\p{N}])/iu;
const OPENING_MARKS = new Set(['“', '"', '«', '„', '‘']);

/** The words quoted inside our prose (between “…” or "…"), in order. */
export function findQuotedSpans(text: string): string[] {
  return [...text.matchAll(QUOTED_SPAN)].map((m) => m[1] ?? m[2] ?? '');
}

/** The stretches of our prose outside quotation marks. */
function splitOwnWords(text: string): string[] {
  return text.split(QUOTED_SPAN).filter((part, i) => i % 3 === 0 && part !== undefined);
}

/** Lower-cased words, with typographic apostrophes folded, so "Russia’s" and "Russia's" compare equal. */
export function listWords(text: string): string[] {
  return [...text.replace(/’/g, "'").toLocaleLowerCase('en').matchAll(WORD)].map((m) => m[0]);
}

/** Every run of MAX_SHARED_WORDS + 1 words of the articles, mapped to the first article holding it. */
export type SharedRunIndex = ReadonlyMap<string, string>;

/** Indexes the articles' texts for findSharedRun. */
export function indexWordRuns(sources: readonly { id: string; text: string }[]): SharedRunIndex {
  const index = new Map<string, string>();
  const n = MAX_SHARED_WORDS + 1;
  for (const source of sources) {
    const words = listWords(source.text);
    for (let i = 0; i + n <= words.length; i++) {
      const run = words.slice(i, i + n).join(' ');
      if (!index.has(run)) index.set(run, source.id);
    }
  }
  return index;
}

/**
 * The first run of more than MAX_SHARED_WORDS words that `text` (outside its quotation marks) shares
 * with an article, or undefined.
 */
export function findSharedRun(
  text: string,
  index: SharedRunIndex,
): { words: string; source: string } | undefined {
  const n = MAX_SHARED_WORDS + 1;
  for (const part of splitOwnWords(text)) {
    const words = listWords(part);
    for (let i = 0; i + n <= words.length; i++) {
      const run = words.slice(i, i + n).join(' ');
      const source = index.get(run);
      if (source) return { words: run, source };
    }
  }
  return undefined;
}

/** True when some occurrence of `text` in `context` opens with a quotation mark (the source quotes it). */
export function isQuotedIn(text: string, context: string): boolean {
  for (let at = context.indexOf(text); at >= 0; at = context.indexOf(text, at + 1)) {
    if (OPENING_MARKS.has(context[at - 1] ?? '') || OPENING_MARKS.has(text[0] ?? '')) return true;
  }
  return false;
}

/** A person as far as naming goes: their aliases, full name and how each source describes them. */
export interface NamedPerson {
  name: string;
  aliases: readonly { text: string; case: 'insensitive' | 'exact' }[];
  descriptions: readonly { source: string; text: string }[];
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** True when `text` names the person by an alias or the full name (as a whole word). */
export function hasNaming(text: string, person: NamedPerson): boolean {
  const forms = [{ text: person.name, case: 'insensitive' as const }, ...person.aliases];
  return forms.some((form) =>
    new RegExp(
      `(?<![\\p{L}\\p{N}])${escapeRegExp(form.text)}(?![\\p{L}\\p{N}])`,
      form.case === 'exact' ? 'u' : 'iu',
    ).test(text),
  );
}

/**
 * Why a cue does not name the person, or undefined when it does. A cue names the person when it holds
 * an alias, or the verbatim description this source gives of them ("the analyst"), or a pronoun with
 * the person named in the PRONOUN_REACH characters of the source before it ("…Boyechko said… he warned").
 * `at` is the cue's offset in the source text.
 */
export function explainCueProblem(
  cue: string,
  at: number,
  sourceId: string,
  sourceText: string,
  person: NamedPerson,
): string | undefined {
  if (hasNaming(cue, person)) return undefined;
  const lower = cue.toLocaleLowerCase('en');
  if (
    person.descriptions.some((d) => d.source === sourceId && lower.includes(d.text.toLocaleLowerCase('en')))
  )
    return undefined;
  if (!PRONOUN.test(cue))
    return `cue ${JSON.stringify(cue)} names nobody: it needs an alias of ${person.name}, a description of them from this source, or a pronoun`;
  const before = sourceText.slice(Math.max(0, at - PRONOUN_REACH), at);
  if (hasNaming(before, person)) return undefined;
  return `cue ${JSON.stringify(cue)} has a pronoun, but ${person.name} is not named in the ${PRONOUN_REACH} characters before it`;
}

/** True when no line break separates offsets `a` and `b` of `text` (same paragraph). */
export function isSameParagraph(text: string, a: number, b: number): boolean {
  return !text.slice(Math.min(a, b), Math.max(a, b)).includes('\n');
}

/**
 * True when the quotation at `quoteAt` opens its paragraph and the cue at `cueAt` is in the paragraph
 * right before: how news attributes a quotation carried over (the previous paragraph ends with the same
 * speaker's quotation) or continued (a quotation running over several paragraphs). Nothing else may
 * come between the paragraph's start and the quotation's opening mark.
 */
export function isCarriedOver(text: string, cueAt: number, quoteAt: number): boolean {
  const paragraphStart = text.lastIndexOf('\n', quoteAt - 1) + 1;
  if (paragraphStart === 0 || !/^\s*$/.test(text.slice(paragraphStart, quoteAt - 1))) return false;
  if (!OPENING_MARKS.has(text[quoteAt - 1] ?? '')) return false;
  const previousEnd = text.slice(0, paragraphStart).trimEnd().length;
  const previousStart = text.lastIndexOf('\n', previousEnd - 1) + 1;
  return cueAt >= previousStart && cueAt < previousEnd;
}

/** Words a neutral conflict note does not use: it says what each source states, not who is right. */
export const VERDICT_WORDS =
  /(?<![\p{L}])(mistaken|mistakenly|wrong|wrongly|rightly|correct|correctly|incorrect|incorrectly|error|erroneous|erroneously|false|falsely|confuses|confused|inaccurate)(?![\p{L}])/iu;
