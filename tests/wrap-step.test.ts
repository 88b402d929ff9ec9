/** The next / previous step shared by the page's Alt+Shift+N / P and the popup's arrow keys. */
import { describe, expect, it } from 'vitest';
import { wrapStep } from '../core/wrap-step';

describe('wrapStep', () => {
  it('starts at the first item going forward and at the last going back', () => {
    expect(wrapStep(-1, 1, 3)).toBe(0);
    expect(wrapStep(-1, -1, 3)).toBe(2);
  });

  it('wraps around at both ends', () => {
    expect(wrapStep(2, 1, 3)).toBe(0);
    expect(wrapStep(0, -1, 3)).toBe(2);
    expect(wrapStep(1, 1, 3)).toBe(2);
  });

  it('finds nothing in an empty list', () => {
    expect(wrapStep(-1, 1, 0)).toBe(-1);
  });
});
