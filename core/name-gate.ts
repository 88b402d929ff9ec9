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
    // Case-sensitive, on folded text (`gateText`): a case-insensitive pattern of some 500 words costs a page
    // several ms more to compile (Chromium, measured in bench/results/issue-10.md).
    pattern: new RegExp(source.pattern || '(?!)', 'g'), // An empty gate opens for nothing.
    exact: new Map(Object.entries(source.exact)),
    given: new Set(source.given),
    longest: source.longest,
  };
}

/** Characters normalizeText drops (core/text-normalize.ts `isInvisible`): a word may hide them. */
const INVISIBLE = /[\u00ad\u180e\u200b-\u200f\u202a-\u202e\u2060\u2066-\u2069\ufeff]/g;
const isUpper = (ch: string) => ch !== ch.toLowerCase();
const SPACES = /\s+/y;
const MAYBE_SPACES = /\s*/y;

/** The text without the characters normalizeText drops (what the gate reads). */
export function visibleText(raw: string): string {
  INVISIBLE.lastIndex = 0;
  return INVISIBLE.test(raw) ? raw.replace(INVISIBLE, '') : raw;
}

/** Text as the gate reads it: `visible` (invisible characters dropped) and `folded`, unit for unit. */
export interface GateText {
  readonly visible: string;
  /** `visible` folded as the matcher folds (core/text-normalize.ts `foldCode`): the same length. */
  readonly folded: string;
}

/** Capital sigma: the one capital whose lower case depends on where it stands (final ς), unlike `foldCode`. */
const SIGMA = '\u03a3';

/** A text ready for the gate. */
export function gateText(raw: string): GateText {
  const visible = visibleText(raw);
  const lower = visible.toLowerCase();
  // toLowerCase is the matcher's folding unit for unit, except where a capital's lower case is longer
  // (İ) or depends on its place (Σ): there the text is folded one unit at a time.
  if (lower.length === visible.length && !visible.includes(SIGMA)) return { visible, folded: lower };
  const codes = new Uint16Array(visible.length);
  for (let i = 0; i < visible.length; i++) codes[i] = foldCode(visible.charCodeAt(i));
  let folded = '';
  for (let i = 0; i < codes.length; i += 8192) folded += String.fromCharCode(...codes.subarray(i, i + 8192));
  return { visible, folded };
}

/**
 * Where markup may part two words in a text: the offsets where one text node ends and the next begins, or
 * `'unknown'` for a page's text read whole (`textContent`: its text nodes joined with nothing between
 * them, "Talks</h2><p>Putin" as "TalksPutin"). Where seams are unknown, a word of the gate written with a
 * capital counts glued to the words around it, and a given name before a capital with no space between.
 */
export type GateSeams = readonly number[] | 'unknown';

const NO_SEAMS: readonly number[] = [];

/**
 * True when `raw` holds a word the gate opens for (a whole word, in the case it needs). `seams`: see
 * `GateSeams` (offsets in the text without invisible characters: `visibleText`).
 */
export function gateOpens(gate: NameGate, raw: string, seams: GateSeams = NO_SEAMS): boolean {
  return gateOpensIn(gate, gateText(raw), seams);
}

/**
 * True when a word the gate opens for begins in `text` between `from` and `to` (a page's text is read a
 * window at a time, so that no task runs long).
 */
export function gateOpensIn(
  gate: NameGate,
  text: GateText,
  seams: GateSeams,
  from = 0,
  to = text.visible.length,
): boolean {
  const { visible, folded } = text;
  const { pattern } = gate;
  const isUnknown = seams === 'unknown';
  // A word that begins before `to` ends by `to + longest`.
  const window = from === 0 && to >= folded.length ? folded : folded.slice(from, to + gate.longest);
  pattern.lastIndex = 0;
  for (let found = pattern.exec(window); found !== null; found = pattern.exec(window)) {
    const start = from + found.index;
    if (start >= to) break;
    const end = start + found[0].length;
    pattern.lastIndex = found.index + 1;
    const isGlued = isUnknown && isUpper(visible[start] ?? '');
    const isSeam = !isUnknown && seams.includes(start);
    if (start > 0 && isWordChar(visible.charCodeAt(start - 1)) && !isGlued && !isSeam) continue;
    if (end < visible.length && isWordChar(visible.charCodeAt(end)) && !isGlued) continue;
    if (isOpening(gate, visible.slice(start, end), visible, end, isUnknown)) return true;
  }
  return false;
}

/** Whether a whole word the pattern found counts: as written for exact words, before a capital for given names. */
function isOpening(
  gate: NameGate,
  surface: string,
  text: string,
  end: number,
  areSeamsUnknown: boolean,
): boolean {
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
  const spaces = areSeamsUnknown ? MAYBE_SPACES : SPACES;
  spaces.lastIndex = end;
  if (!spaces.test(text)) return false;
  return isUpper(text[spaces.lastIndex] ?? '');
}
