/**
 * Finds the spans of direct quotations in a text by their marks: “…”, "…", «…», „…“, ‘…’ and '…'
 * (told apart from apostrophes), a quotation inside a quotation, a quotation running over several
 * paragraphs (each paragraph opens it again and only the last closes it), and one cut off by the end
 * of the text. Which words are whose is core/quotations.ts's business; this module only reads marks.
 */

/** One run of quoted words. Offsets are UTF-16 code units into the text, end exclusive. */
export interface QuoteSpan {
  /** The opening mark. */
  open: number;
  /** The closing mark, or -1 when the paragraph (or the text) ends first. */
  close: number;
  /** The quoted words without the marks, white space and a trailing comma trimmed. */
  start: number;
  end: number;
  /** 0 for a quotation in running text, 1 for a quotation inside it, and so on. */
  depth: number;
  /** The quotation this one is inside, as an index into the returned list. */
  parent: number | undefined;
  /** Index of the paragraph (line) the span is in. */
  paragraph: number;
  /** The previous paragraph's part of the same quotation (its index), when this paragraph carries it on. */
  continues: number | undefined;
  /** The next paragraph carries this quotation on. */
  isContinued: boolean;
  /** No closing mark: the text ends (or, for a missing mark, the paragraph ends) inside the quotation. */
  isCut: boolean;
}

/** One line of the text: where it starts and ends (end exclusive, no line break). */
export interface Paragraph {
  start: number;
  end: number;
}

const enum Kind {
  /** “…” */
  CurlyDouble,
  /** "…" */
  StraightDouble,
  /** «…» */
  Guillemet,
  /** „…“ or „…” */
  LowDouble,
  /** ‘…’ */
  CurlySingle,
  /** '…' */
  StraightSingle,
  /** ”…” (one mark used both ways, as some publishing systems do) */
  RightDouble,
  /** ‚…‘ */
  LowSingle,
}

/** Single marks double as apostrophes: an unclosed one is not a quotation. */
function isSingle(kind: Kind): boolean {
  return kind === Kind.CurlySingle || kind === Kind.StraightSingle || kind === Kind.LowSingle;
}

const LETTER = /[\p{L}\p{N}]/u;

function isLetter(ch: string): boolean {
  return ch !== '' && LETTER.test(ch);
}

function isSpaceChar(ch: string): boolean {
  return ch === '' || /\s/.test(ch);
}

/** What may stand right before an opening mark: nothing, a space, a bracket, a dash or slash, another opening mark. */
function isOpeningContext(ch: string): boolean {
  return isSpaceChar(ch) || '([{—–-/“‘"\'«„‚:'.includes(ch);
}

/** The mark that closes `kind` at `i`, if the character there does. */
function closes(kind: Kind, text: string, i: number, paragraphEnd: number): boolean {
  const ch = text[i] ?? '';
  const before = text[i - 1] ?? '';
  const after = i + 1 < paragraphEnd ? (text[i + 1] ?? '') : '';
  switch (kind) {
    case Kind.CurlyDouble:
      return ch === '”';
    case Kind.StraightDouble:
      return ch === '"' && !isSpaceChar(before);
    case Kind.Guillemet:
      return ch === '»';
    case Kind.LowDouble:
      return ch === '“' || ch === '”';
    case Kind.RightDouble:
      return ch === '”' && !isSpaceChar(before);
    case Kind.CurlySingle:
    case Kind.StraightSingle:
    case Kind.LowSingle: {
      const mark = kind === Kind.StraightSingle ? "'" : '’';
      if (ch !== mark && !(kind === Kind.LowSingle && ch === '‘')) return false;
      // "don’t", "Ukraine’s": a mark with a letter after it is an apostrophe.
      if (isLetter(after) || isSpaceChar(before)) return false;
      // "the Americans’ plan": after an s, prefer a later mark in the paragraph if there is one.
      if (before === 's' || before === 'S') {
        for (let j = text.indexOf(mark, i + 1); j !== -1 && j < paragraphEnd; j = text.indexOf(mark, j + 1)) {
          if (!isLetter(text[j + 1] ?? '') && !isSpaceChar(text[j - 1] ?? '')) return false;
        }
      }
      return true;
    }
  }
}

/** The kind of quotation the character at `i` opens, if it opens one. */
function opens(text: string, i: number, paragraphEnd: number, openKinds: readonly Kind[]): Kind | undefined {
  const ch = text[i] ?? '';
  const before = text[i - 1] ?? '';
  const after = i + 1 < paragraphEnd ? (text[i + 1] ?? '') : '';
  switch (ch) {
    case '“':
      return Kind.CurlyDouble;
    case '«':
      return Kind.Guillemet;
    case '„':
      return Kind.LowDouble;
    case '‚':
      return isOpeningContext(before) ? Kind.LowSingle : undefined;
    case '"':
      return isOpeningContext(before) && !isSpaceChar(after) ? Kind.StraightDouble : undefined;
    case '‘':
      return isOpeningContext(before) && !isSpaceChar(after) ? Kind.CurlySingle : undefined;
    case "'":
      return isOpeningContext(before) && isLetter(after) ? Kind.StraightSingle : undefined;
    case '”':
      return !openKinds.includes(Kind.CurlyDouble) && isOpeningContext(before) && isLetter(after)
        ? Kind.RightDouble
        : undefined;
    default:
      return undefined;
  }
}

/** The mark characters a paragraph may open with to carry on a quotation of `kind`. */
function reopens(kind: Kind, ch: string): boolean {
  switch (kind) {
    case Kind.CurlyDouble:
      return ch === '“';
    case Kind.StraightDouble:
      return ch === '"';
    case Kind.Guillemet:
      return ch === '«';
    case Kind.LowDouble:
      return ch === '„';
    case Kind.RightDouble:
      return ch === '”';
    default:
      return false;
  }
}

const MARKS = /["'“”‘’«»„‚]/g;

/** Splits `text` into its lines (a paragraph per line, as in the bundled sources and walked pages). */
export function splitParagraphs(text: string): Paragraph[] {
  const out: Paragraph[] = [];
  let start = 0;
  for (;;) {
    const nl = text.indexOf('\n', start);
    const end = nl === -1 ? text.length : nl;
    out.push({ start, end });
    if (nl === -1) return out;
    start = nl + 1;
  }
}

interface Open {
  kind: Kind;
  /** Index into the output list. */
  index: number;
}

/** Finds every quotation span in `text` (see the module comment), in order of their opening marks. */
export function findQuoteSpans(text: string, paragraphs: readonly Paragraph[]): QuoteSpan[] {
  const out: QuoteSpan[] = [];
  const dropped = new Set<number>();
  let carried: { kind: Kind; from: number } | undefined;
  paragraphs.forEach((paragraph, p) => {
    // A blank line between paragraphs neither carries a quotation on nor ends it.
    if (text.slice(paragraph.start, paragraph.end).trim() === '') return;
    const stack: Open[] = [];
    const push = (kind: Kind, open: number, continues: number | undefined) => {
      const parent = stack[stack.length - 1]?.index;
      out.push({
        open,
        close: -1,
        start: open + 1,
        end: paragraph.end,
        depth: stack.length,
        parent,
        paragraph: p,
        continues,
        isContinued: false,
        isCut: false,
      });
      stack.push({ kind, index: out.length - 1 });
    };
    MARKS.lastIndex = paragraph.start;
    let first = true;
    for (let m = MARKS.exec(text); m !== null && m.index < paragraph.end; m = MARKS.exec(text)) {
      const i = m.index;
      if (first && carried) {
        first = false;
        // The opening mark repeated at the start of the paragraph carries the quotation on.
        if (reopens(carried.kind, text[i] ?? '') && text.slice(paragraph.start, i).trim() === '') {
          push(carried.kind, i, carried.from);
          carried = undefined;
          continue;
        }
      }
      first = false;
      let closed = false;
      for (let s = stack.length - 1; s >= 0; s--) {
        const entry = stack[s];
        if (entry && closes(entry.kind, text, i, paragraph.end)) {
          // Unclosed quotations inside it were apostrophes or stray marks.
          while (stack.length - 1 > s) dropped.add(stack.pop()?.index ?? -1);
          const span = out[entry.index];
          if (span) {
            span.close = i;
            span.end = i;
          }
          stack.pop();
          closed = true;
          break;
        }
      }
      if (closed) continue;
      const kind = opens(
        text,
        i,
        paragraph.end,
        stack.map((s) => s.kind),
      );
      if (kind !== undefined) push(kind, i, undefined);
    }
    if (carried) {
      // The previous paragraph's quotation was not carried on: it ended there, its mark missing.
      const span = out[carried.from];
      if (span) {
        span.isContinued = false;
        span.isCut = true;
      }
      carried = undefined;
    }
    // The paragraph ends: single marks left open were apostrophes; a double mark left open either
    // goes on in the next paragraph or was cut.
    while (stack.length > 0) {
      const entry = stack.pop();
      if (!entry) break;
      if (isSingle(entry.kind)) {
        dropped.add(entry.index);
        continue;
      }
      const span = out[entry.index];
      if (!span) continue;
      if (stack.length === 0) {
        carried = { kind: entry.kind, from: entry.index };
        span.isContinued = true;
      } else {
        span.isCut = true;
      }
    }
  });
  if (carried) {
    const span = out[carried.from];
    if (span) {
      span.isContinued = false;
      span.isCut = true;
    }
  }
  out.forEach((span, i) => {
    trimSpan(text, span);
    if (
      !/[\p{L}\p{N}]/u.test(text.slice(span.start, span.end)) &&
      span.continues === undefined &&
      !span.isContinued
    )
      dropped.add(i);
  });
  const kept = out.filter((_, i) => !dropped.has(i));
  const newIndex = new Map<number, number>();
  out.forEach((span, i) => {
    if (!dropped.has(i)) newIndex.set(i, newIndex.size);
  });
  for (const span of kept) {
    span.parent = span.parent === undefined ? undefined : newIndex.get(span.parent);
    span.continues = span.continues === undefined ? undefined : newIndex.get(span.continues);
  }
  return kept;
}

/** Trims white space around the quoted words and the comma that ends a quotation before its cue. */
function trimSpan(text: string, span: QuoteSpan): void {
  while (span.start < span.end && /\s/.test(text[span.start] ?? '')) span.start++;
  while (span.end > span.start && /[\s,]/.test(text[span.end - 1] ?? '')) span.end--;
}
