/**
 * Near spellings of a surname ("Umirov" for Umerov, "Witkof" for Witkoff): the distance they are
 * allowed, and the length under which a surname must be spelled exactly. The matcher accepts one only
 * after a given name of the person (issue 15); a bare near spelling alone never names anyone.
 */

/**
 * Surnames (and near spellings) shorter than this must match exactly: one edit turns a short name into
 * another name or a word too often (Bush/Bash, Fix/Fox, Biden/Bide).
 */
export const MIN_NEAR_LENGTH = 5;

/**
 * True when `a` and `b` differ by exactly one edit: a letter inserted, deleted or replaced, or two
 * neighbouring letters swapped (Damerau–Levenshtein distance 1). Linear: the common prefix and suffix
 * are skipped and what remains in the middle must be one letter, or two letters swapped.
 */
export function isOneEditApart(a: string, b: string): boolean {
  if (a === b || Math.abs(a.length - b.length) > 1) return false;
  let start = 0;
  while (start < a.length && start < b.length && a.charCodeAt(start) === b.charCodeAt(start)) start++;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a.charCodeAt(endA - 1) === b.charCodeAt(endB - 1)) {
    endA--;
    endB--;
  }
  const middleA = endA - start;
  const middleB = endB - start;
  if (middleA <= 1 && middleB <= 1) return true;
  return (
    middleA === 2 &&
    middleB === 2 &&
    a.charCodeAt(start) === b.charCodeAt(start + 1) &&
    a.charCodeAt(start + 1) === b.charCodeAt(start)
  );
}
