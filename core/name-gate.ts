/**
 * The name gate (issue 10): what the script every page runs looks for before anything else loads. A page
 * can hold a name of the matcher only where one word of an alias form is written (the form's longest word:
 * a surname), or where a given name of someone is followed by a capitalised word (a near spelling,
 * core/matcher.ts `learnNearSpelling`). The gate finds those words in a page's raw text with one pattern;
 * only where it does is the matcher loaded (page/name-watch.ts, which reads a word that markup splits
 * across text nodes, "<span>P</span>utin", as one: `seams`). It may say yes where the
 * matcher then finds nobody (that page pays for the matcher), never no where the matcher would find someone.
 * Pure; the build writes the bundled people's gate (scripts/matcher-index-plugin.ts), a page adds the
 * gate of the people the reader added.
 */
import { alternationSource, type MatcherIndex, type MatcherPerson } from './matcher';
import { foldCode, foldString, isWordChar } from './text-normalize';

/** A gate as data: the pattern's source and what each word of it needs. */
export interface NameGateSource {
  /** Case-insensitive alternation of every word, folded as the matcher folds (core/text-normalize.ts `foldString`). */
  readonly pattern: string;
  /** Words that count only as written (or in capitals): folded -> the spellings as written. */
  readonly exact: Readonly<Record<string, readonly string[]>>;
  /** Words that count only as a given name: capitalised and followed by a capitalised word. */
  readonly given: readonly string[];
  /** The longest word's length (UTF-16 units): how much of a text node's end may begin a name (page/name-watch.ts). */
  readonly longest: number;
}

/** A gate, ready to test text. */
export interface NameGate {
  readonly pattern: RegExp;
  readonly exact: ReadonlyMap<string, readonly string[]>;
  readonly given: ReadonlySet<string>;
  readonly longest: number;
}

/** Letters, digits and marks: a form's words are its runs of these. */
const WORD_RUN = /[\p{L}\p{M}\p{N}]+/gu;

/** The longest word of a form (the last of equals: a surname rather than a given name). */
function gateWord(form: string): string | undefined {
  let best: string | undefined;
  for (const [word] of form.matchAll(WORD_RUN)) if (!best || word.length >= best.length) best = word;
  return best;
}

/** The apostrophes a text may write (core/text-normalize.ts `isApostrophe`). */
const APOSTROPHES = ["'", '\u2019', '\u02bc', '\u2018'];

/** Both Unicode forms of a word (pages write either). */
const spellings = (word: string) => [...new Set([word.normalize('NFC'), word.normalize('NFD')])];

/**
 * The gate of an index's people: each alias form's longest word (as written when the alias's case is
 * exact), and each given-name form that may precede a near spelling.
 */
export function nameGateSource(
  index: Pick<MatcherIndex, 'forms' | 'givenForms'>,
  people: readonly Pick<MatcherPerson, 'id' | 'aliases'>[],
): NameGateSource {
  const byId = new Map(people.map((p) => [p.id, p]));
  const insensitive = new Set<string>();
  const exact = new Map<string, Set<string>>();
  for (const row of index.forms) {
    const [id, aliasIndex] = row;
    const isExact = byId.get(id)?.aliases[aliasIndex]?.case === 'exact';
    for (let i = 2; i < row.length; i++) {
      const form = row[i] as string | readonly [string, string];
      const word = gateWord(typeof form === 'string' ? form : form[0]);
      if (!word) continue;
      for (const written of spellings(word)) {
        const key = foldString(written); // as the matcher folds its keys (İ stays İ: "i̇" would not find it)
        if (!isExact) insensitive.add(key);
        else exact.set(key, (exact.get(key) ?? new Set()).add(written));
      }
    }
  }
  // A given name is read folded (one apostrophe for all, core/text-normalize.ts): the gate reads raw text.
  const given = new Set<string>();
  for (const [key] of index.givenForms ?? [])
    for (const form of spellings(key))
      for (const apostrophe of APOSTROPHES) given.add(foldString(form).replaceAll("'", apostrophe));
  const words = new Set([...insensitive, ...exact.keys(), ...given]);
  return {
    pattern: alternationSource([...words].sort()),
    exact: Object.fromEntries(
      [...exact].filter(([key]) => !insensitive.has(key)).map(([key, set]) => [key, [...set]]),
    ),
    given: [...given].filter((key) => !insensitive.has(key) && !exact.has(key)),
    longest: Math.max(0, ...[...words].map((word) => word.length)),
  };
}

/** The gate of a source (a page compiles the bundled one once, and one for the people the reader added). */
export function compileNameGate(source: NameGateSource): NameGate {
  return {
    pattern: new RegExp(source.pattern || '(?!)', 'gi'), // An empty gate opens for nothing.
    exact: new Map(Object.entries(source.exact)),
    given: new Set(source.given),
    longest: source.longest,
  };
}

/** Characters normalizeText drops (core/text-normalize.ts `isInvisible`): a word may hide them. */
const INVISIBLE = /[\u00ad\u180e\u200b-\u200f\u202a-\u202e\u2060\u2066-\u2069\ufeff]/g;
/**
 * Capitals that the matcher folds (`foldCode`) to a letter the pattern's case-insensitive flag does not
 * match them with: "\u212Aushner" (K KELVIN SIGN) is Kushner to the matcher. The gate reads them folded.
 * tests/name-gate.test.ts checks that this is every such UTF-16 unit.
 */
export const ODD_CAPITALS =
  /[\u03f4\u1e9e\u1f88-\u1f8f\u1f98-\u1f9f\u1fa8-\u1faf\u1fbc\u1fcc\u1ffc\u2126\u212a\u212b]/g;
const foldOdd = (ch: string) => String.fromCharCode(foldCode(ch.charCodeAt(0)));
const isUpper = (ch: string) => ch !== ch.toLowerCase();
const SPACES = /\s+/y;

/** The text without the characters normalizeText drops (what the gate reads). */
export function visibleText(raw: string): string {
  INVISIBLE.lastIndex = 0;
  return INVISIBLE.test(raw) ? raw.replace(INVISIBLE, '') : raw;
}

const NO_SEAMS: readonly number[] = [];

/**
 * True when `text` holds a word the gate opens for (a whole word, in the case it needs). `seams`: where, in
 * a text made of several text nodes (`raw` then without invisible characters: `visibleText`), one node
 * ends and the next begins. Markup may part two words there (core/dom-text.ts reads the nodes as one
 * block or as two), so a word may begin at a seam whatever comes before it.
 */
export function gateOpens(gate: NameGate, raw: string, seams: readonly number[] = NO_SEAMS): boolean {
  const text = visibleText(raw);
  // Read with the odd capitals folded (one unit for one: the offsets stay the text's); their case is the text's.
  ODD_CAPITALS.lastIndex = 0;
  const read = ODD_CAPITALS.test(text) ? text.replace(ODD_CAPITALS, foldOdd) : text;
  const { pattern } = gate;
  pattern.lastIndex = 0;
  for (let found = pattern.exec(read); found !== null; found = pattern.exec(read)) {
    const start = found.index;
    const end = start + found[0].length;
    pattern.lastIndex = start + 1;
    if (start > 0 && isWordChar(text.charCodeAt(start - 1)) && !seams.includes(start)) continue;
    if (end < text.length && isWordChar(text.charCodeAt(end))) continue;
    if (isOpening(gate, text.slice(start, end), text, end)) return true;
  }
  return false;
}

/** Whether a whole word the pattern found counts: as written for exact words, before a capital for given names. */
function isOpening(gate: NameGate, surface: string, text: string, end: number): boolean {
  const key = foldString(surface);
  const written = gate.exact.get(key);
  if (written) {
    // As the matcher compares an exact alias (core/matcher.ts `hasCase`): composed, as written or in capitals.
    const composed = surface.normalize('NFC');
    return written.some((w) => {
      const form = w.normalize('NFC');
      return form === composed || form.toLocaleUpperCase('en') === composed;
    });
  }
  if (!gate.given.has(key)) return true;
  if (!isUpper(surface[0] ?? '')) return false;
  SPACES.lastIndex = end;
  if (!SPACES.test(text)) return false;
  return isUpper(text[SPACES.lastIndex] ?? '');
}
