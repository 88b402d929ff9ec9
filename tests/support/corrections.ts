/** A valid stored correction, for the tests of the settings that hold it. */
import type { Correction } from '../../core/corrections';

/** "Graham" on one page of example.com is someone else, not Thomas Graham. */
export const GRAHAM_CORRECTION: Correction = {
  scope: 'page',
  where: 'https://example.com/a',
  name: 'Graham',
  person: 'thomas-graham',
  is: 'someone-else',
  at: '2026-12-02T03:00:00.000Z',
};
