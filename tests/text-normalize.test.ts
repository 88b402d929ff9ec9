/**
 * The normalisation under the matcher: odd spaces and invisible characters must not hide a name,
 * and every normalised character must map back to the page character it came from, or the
 * highlight lands on the wrong letters.
 */
import { describe, expect, it } from 'vitest';
import {
  foldCode,
  foldString,
  isApostrophe,
  isWordChar,
  normalizeText,
  originOf,
  sliceChars,
  type NormalizedText,
} from '../core/text-normalize';

function normalized(text: string): { chars: string; folded: string; origin: number[] } {
  const n: NormalizedText = normalizeText(text);
  return {
    chars: sliceChars(n, 0, n.length),
    folded: n.folded,
    origin: Array.from({ length: n.length }, (_, i) => originOf(n, i)),
  };
}

describe('normalizeText', () => {
  it('turns a non-breaking space into a space at the same offset', () => {
    expect(normalized('Steve\u00a0Witkoff')).toEqual({
      chars: 'Steve Witkoff',
      folded: 'steve witkoff',
      origin: [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12],
    });
  });

  it('turns a narrow no-break space into a space', () => {
    const n = normalized('M.\u202fMacron');
    expect(n.chars).toBe('M. Macron');
    expect(n.origin[2]).toBe(2);
  });

  it('collapses a CRLF run into one space that points at its first character', () => {
    const n = normalized('Vladimir\r\n\r\n  Putin');
    expect(n.chars).toBe('Vladimir Putin');
    expect(n.origin.slice(7, 10)).toEqual([7, 8, 14]);
  });

  it('drops a soft hyphen and keeps the following letters at their original offsets', () => {
    const n = normalized('Wit\u00adkoff');
    expect(n.chars).toBe('Witkoff');
    expect(n.origin).toEqual([0, 1, 2, 4, 5, 6, 7]);
  });

  it('drops zero-width spaces, joiners and word joiners', () => {
    const n = normalized('Pu\u200btin\u200c\u200d \u2060Trump');
    expect(n.chars).toBe('Putin Trump');
    expect(n.origin).toEqual([0, 1, 3, 4, 5, 8, 10, 11, 12, 13, 14]);
  });

  it('drops a byte-order mark at the start of a file', () => {
    const n = normalized('\ufeffZelensky said');
    expect(n.chars).toBe('Zelensky said');
    expect(n.origin[0]).toBe(1);
  });

  it('does not let an invisible character between two spaces make two spaces', () => {
    expect(normalized('Steve \u00ad Witkoff').chars).toBe('Steve Witkoff');
    expect(normalized('Steve \u200b\u00a0Witkoff').chars).toBe('Steve Witkoff');
  });

  it('maps every kept character of a long messy text to an original character equal to it or a space', () => {
    const text = '\ufeff  Steve\u00a0\u00a0Wit\u00adkoff\r\n\tmet\u202fVladimir\u2028Putin\u200b.  ';
    const n = normalizeText(text);
    expect(n.chars).toBe(' Steve Witkoff met Vladimir Putin. ');
    for (let i = 0; i < n.length; i++) {
      const original = text.charCodeAt(originOf(n, i));
      if (n.chars.charCodeAt(i) === 0x20) expect(/\s/.test(String.fromCharCode(original))).toBe(true);
      else expect(n.chars.charCodeAt(i)).toBe(original);
      if (i > 0) expect(originOf(n, i)).toBeGreaterThan(originOf(n, i - 1));
    }
  });
});

describe('foldCode and foldString', () => {
  it('lower-cases letters of any script, one unit for one unit', () => {
    expect(foldString('WITKOFF')).toBe('witkoff');
    expect(foldString('ПУТИН')).toBe('путин');
    expect(foldString('ΖΕΛΕΝΣΚΙ')).toBe('ζελενσκι');
    expect(foldString('ÉLYSÉE')).toBe('élysée');
  });

  it('keeps Turkish dotted İ as it is, since its lower case is two units long', () => {
    expect('İ'.toLowerCase()).toHaveLength(2);
    expect(foldCode('İ'.charCodeAt(0))).toBe('İ'.charCodeAt(0));
    expect(foldString('İSTANBUL')).toBe('İstanbul');
    expect(foldString('İSTANBUL')).toHaveLength('İSTANBUL'.length);
    // The dotless ı and plain I fold as usual.
    expect(foldString('IĞDIR')).toBe('iğdir');
  });

  it('recognises every apostrophe form (the matcher indexes each alias in all of them)', () => {
    for (const apostrophe of ["'", '’', 'ʼ', '‘']) {
      expect(isApostrophe(apostrophe.charCodeAt(0))).toBe(true);
      expect(isWordChar(apostrophe.charCodeAt(0))).toBe(false);
    }
  });

  it('treats U+02BC as an apostrophe, not a letter that glues a possessive to a name', () => {
    expect(/\p{L}/u.test('ʼ')).toBe(true);
    expect(isWordChar('ʼ'.charCodeAt(0))).toBe(false);
    expect(isWordChar('’'.charCodeAt(0))).toBe(false);
    expect(isWordChar('é'.charCodeAt(0))).toBe(true);
    expect(isWordChar(0x0301)).toBe(true);
  });

  it('trims and collapses the spaces of a folded string', () => {
    expect(foldString('  Steve\u00a0\u00a0Wit\u00adkoff \n')).toBe('steve witkoff');
  });

  it('drops bidi marks and isolates that right-to-left pages put around Latin names', () => {
    expect(foldString('\u2068Steve\u2069 \u200eWitkoff\u200f')).toBe('steve witkoff');
  });
});
