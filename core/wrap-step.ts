/**
 * One step through a list that wraps around at both ends: the next / previous name on a page
 * (Alt+Shift+N / P) and the arrow keys in the popup's search results move the same way.
 */

/**
 * The index one `step` (+1 or -1) from `current` in a list of `length` items, wrapping at both ends.
 * From no item (`current` -1) the first step forward lands on the first item and back on the last.
 * -1 when the list is empty.
 */
export function wrapStep(current: number, step: 1 | -1, length: number): number {
  if (length <= 0) return -1;
  if (current < 0 || current >= length) return step === 1 ? 0 : length - 1;
  return (current + step + length) % length;
}
