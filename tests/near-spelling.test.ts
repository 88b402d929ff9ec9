import { describe, expect, it } from 'vitest';
import { isOneEditApart } from '../core/near-spelling';

describe('one edit apart', () => {
  it('accepts one letter replaced, added, dropped, or two neighbours swapped', () => {
    expect(isOneEditApart('umerov', 'umirov')).toBe(true);
    expect(isOneEditApart('witkoff', 'witkof')).toBe(true);
    expect(isOneEditApart('witkoff', 'witkofff')).toBe(true);
    expect(isOneEditApart('peskov', 'pesckov')).toBe(true);
    expect(isOneEditApart('dmitriev', 'dmirtiev')).toBe(true);
    expect(isOneEditApart('umerov', 'meurov')).toBe(false);
    expect(isOneEditApart('умеров', 'умиров')).toBe(true);
  });

  it('refuses the same word and two edits', () => {
    expect(isOneEditApart('umerov', 'umerov')).toBe(false);
    expect(isOneEditApart('umerov', 'umarow')).toBe(false);
    expect(isOneEditApart('witkoff', 'witko')).toBe(false);
    expect(isOneEditApart('lavrov', 'lvaorv')).toBe(false);
  });
});
