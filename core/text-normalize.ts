/**
 * Normalises text for matching while remembering where every character came from: whitespace runs
 * (non-breaking, narrow, line breaks, tabs) become one space, invisible characters (soft hyphen,
 * zero-width space/joiners, BOM) disappear, and a folded copy is lower-cased with apostrophes unified.
 * Pure and allocation-light: it runs on every text node of every page.
 */

/** The normalised text and its map back to the original's UTF-16 offsets. */
export interface NormalizedText {
  /** Normalised characters, case kept (for case checks and surfaces). */
  readonly chars: string;
  /** The same, lower-cased (what the index matches on). Same length as `chars`. */
  readonly folded: string;
  /** normalised index -> original offset; undefined when they are equal (the common, fast case). */
  readonly origin: Int32Array | undefined;
  readonly length: number;
}

const SPACE = 0x20;

/** The original offset of normalised index `i`. */
export function originOf(text: NormalizedText, i: number): number {
  return text.origin ? (text.origin[i] ?? 0) : i;
}

/** Characters that may sit inside a word without being seen (dropped before matching). */
export function isInvisible(code: number): boolean {
  return (
    code === 0x00ad || // soft hyphen
    (code >= 0x200b && code <= 0x200d) || // zero-width space, non-joiner, joiner
    code === 0x2060 || // word joiner
    code === 0xfeff || // zero-width no-break space (BOM)
    code === 0x180e || // Mongolian vowel separator (formerly a space)
    code === 0x200e || // left-to-right mark
    code === 0x200f || // right-to-left mark
    (code >= 0x202a && code <= 0x202e) || // bidi embeddings and overrides
    (code >= 0x2066 && code <= 0x2069) // bidi isolates
  );
}

/** White space of any kind: ASCII, non-breaking, narrow no-break, the typographic spaces, line separators. */
export function isSpace(code: number): boolean {
  if (code <= 0x20) return code === 0x20 || (code >= 0x09 && code <= 0x0d);
  return (
    code === 0xa0 ||
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200a) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x3000
  );
}

/** Apostrophes that end a possessive ("Witkoff’s", "Witkoffʼs"). U+02BC is a letter to Unicode, not to us. */
export function isApostrophe(code: number): boolean {
  return code === 0x27 || code === 0x2019 || code === 0x02bc || code === 0x2018;
}

let wordTable: Uint8Array | undefined;
const WORD_RE = /[\p{L}\p{N}\p{M}]/u;

/** Letters, digits and combining marks of any script: what a name may not touch on either side. */
export function isWordChar(code: number): boolean {
  if (code < 0x80) {
    return (code >= 0x61 && code <= 0x7a) || (code >= 0x41 && code <= 0x5a) || (code >= 0x30 && code <= 0x39);
  }
  if (code === 0x02bc) return false;
  // Lone surrogates: astral letters are rare in names; treat surrogate halves as word characters
  // so that no name matches glued to one.
  if (code >= 0xd800 && code <= 0xdfff) return true;
  wordTable ??= new Uint8Array(0x10000);
  let cached = wordTable[code] ?? 0;
  if (cached === 0) {
    cached = WORD_RE.test(String.fromCharCode(code)) ? 1 : 2;
    wordTable[code] = cached;
  }
  return cached === 1;
}

let lowerTable: Uint16Array | undefined;

/** Lower-cases one UTF-16 unit when that keeps it one unit long. */
export function foldCode(code: number): number {
  if (code < 0x80) return code >= 0x41 && code <= 0x5a ? code + 0x20 : code;
  if (code >= 0xd800 && code <= 0xdfff) return code;
  lowerTable ??= new Uint16Array(0x10000);
  let folded = lowerTable[code] ?? 0;
  if (folded === 0) {
    const lower = String.fromCharCode(code).toLowerCase();
    folded = lower.length === 1 ? lower.charCodeAt(0) : code;
    lowerTable[code] = folded;
  }
  return folded;
}

/**
 * Characters that make the slow path necessary: any white space but a lone ASCII space, the
 * invisible characters. (Apostrophes are not folded: the matcher indexes each alias in every
 * apostrophe form instead, so "Witkoff’s" stays on the fast path.)
 */
const NEEDS_WORK =
  /[\t\n\v\f\r\u00a0\u00ad\u1680\u180e\u2000-\u200f\u2028-\u202f\u205f-\u206f\u3000\ufeff]| {2}/;

let codes = new Uint16Array(1024);
let foldedCodes = new Uint16Array(1024);

function codesToString(buffer: Uint16Array, length: number): string {
  let out = '';
  for (let i = 0; i < length; i += 8192) {
    out += String.fromCharCode.apply(
      null,
      buffer.subarray(i, Math.min(length, i + 8192)) as unknown as number[],
    );
  }
  return out;
}

/** Normalises `text` (see the module comment). */
export function normalizeText(text: string): NormalizedText {
  if (!NEEDS_WORK.test(text)) {
    const folded = text.toLowerCase();
    // Lower-casing that changes the length (İ -> i̇) needs the per-character path to keep offsets.
    if (folded.length === text.length) return { chars: text, folded, origin: undefined, length: text.length };
  }
  const n = text.length;
  if (codes.length < n) {
    codes = new Uint16Array(n * 2);
    foldedCodes = new Uint16Array(n * 2);
  }
  const origin = new Int32Array(n);
  let length = 0;
  let lastWasSpace = false;
  for (let i = 0; i < n; i++) {
    const code = text.charCodeAt(i);
    if (isSpace(code)) {
      if (lastWasSpace) continue;
      lastWasSpace = true;
      codes[length] = SPACE;
      foldedCodes[length] = SPACE;
      origin[length++] = i;
      continue;
    }
    if (isInvisible(code)) continue;
    lastWasSpace = false;
    codes[length] = code;
    foldedCodes[length] = foldCode(code);
    origin[length++] = i;
  }
  return {
    chars: codesToString(codes, length),
    folded: codesToString(foldedCodes, length),
    origin,
    length,
  };
}

/** Folds a whole string the way `normalizeText` folds text (for building the index). */
export function foldString(text: string): string {
  return normalizeText(text).folded.trim();
}

/** The normalised (unfolded) characters between two normalised offsets, as a string. */
export function sliceChars(text: NormalizedText, start: number, end: number): string {
  return text.chars.slice(start, end);
}
