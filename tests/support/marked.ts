/** Reads the hand-annotated fixtures: text with `[[surface|person-id]]` around each expected mention. */

/** One expected mention. */
export interface ExpectedMention {
  start: number;
  end: number;
  person: string;
  surface: string;
}

/** Strips the markup; returns the plain text and the expected mentions with their offsets in it. */
export function parseMarked(marked: string): { text: string; mentions: ExpectedMention[] } {
  const mentions: ExpectedMention[] = [];
  let text = '';
  let last = 0;
  const re = /\[\[([^|\]]+)\|([a-z0-9-]+)\]\]/g;
  for (let m = re.exec(marked); m; m = re.exec(marked)) {
    text += marked.slice(last, m.index);
    const surface = m[1] ?? '';
    mentions.push({ start: text.length, end: text.length + surface.length, person: m[2] ?? '', surface });
    text += surface;
    last = m.index + m[0].length;
  }
  text += marked.slice(last);
  if (text.includes('[[') || text.includes(']]'))
    throw new Error(`unbalanced markup in: ${marked.slice(0, 80)}`);
  return { text, mentions };
}

/** Precision and recall of `found` against `expected`, matching on start, end and person. */
export function score(
  expected: readonly { start: number; end: number; person: string }[],
  found: readonly { start: number; end: number; person: string }[],
): { precision: number; recall: number; missed: typeof expected; wrong: typeof found } {
  const key = (m: { start: number; end: number; person: string }) => `${m.start}:${m.end}:${m.person}`;
  const expectedKeys = new Set(expected.map(key));
  const foundKeys = new Set(found.map(key));
  const wrong = found.filter((m) => !expectedKeys.has(key(m)));
  const missed = expected.filter((m) => !foundKeys.has(key(m)));
  return {
    precision: found.length === 0 ? 1 : (found.length - wrong.length) / found.length,
    recall: expected.length === 0 ? 1 : (expected.length - missed.length) / expected.length,
    missed,
    wrong,
  };
}
