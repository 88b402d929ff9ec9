/**
 * The name gate (issue 10): what the script every page runs looks for before anything else loads. A page
 * can hold a name of the matcher only where one word of an alias form is written (the form's longest word:
 * a surname), or where a given name of someone is followed by a capitalised word (a near spelling,
 * core/matcher.ts `learnNearSpelling`). The gate finds those words in a page's raw text with one pattern;
 * only where it does is the matcher loaded (page/name-watch.ts, which reads a word that markup splits
 * across text nodes, "<span>P</span>utin", as one: `seams`). It may say yes where the
 * matcher then finds nobody (that page pays for the matcher), never no where the matcher would find someone.
 * Pure; the build writes the bundled people's gate and the background the gate of the people the reader
 * added (./name-gate-source.ts, which needs the matcher: apart, so that the script every page runs does
 * not carry it).
 */
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

const isStrings = (value: unknown): value is string[] =>
  Array.isArray(value) && value.every((item) => typeof item === 'string');

/**
 * A gate's source as stored (the background publishes the added people's gate for the pages): undefined
 * when the value is not one (damaged, or of another format), so that a page then reads with the bundled
 * gate alone rather than fail.
 */
export function readNameGateSource(value: unknown): NameGateSource | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const { pattern, exact, given, longest } = value as Partial<NameGateSource>;
  if (typeof pattern !== 'string' || !isStrings(given) || typeof longest !== 'number') return undefined;
  if (typeof exact !== 'object' || exact === null || !Object.values(exact).every(isStrings)) return undefined;
  try {
    new RegExp(pattern);
  } catch {
    return undefined;
  }
  return { pattern, exact, given, longest };
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
