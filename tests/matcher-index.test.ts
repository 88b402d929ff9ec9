import { describe, expect, it } from 'vitest';
import { compileMatcherIndex, findMentions, formRows, matcherFromIndex } from '../core/matcher';
import { OTHER_GIVEN_NAMES, PEOPLE } from '../data/bundle';
import { MATCHER_INDEX } from '../data/matcher-index';

describe('the matcher index computed by the build', () => {
  it('is what the bundled knowledge base gives (the build and the page read the same people)', () => {
    expect(MATCHER_INDEX).toEqual(compileMatcherIndex(PEOPLE, OTHER_GIVEN_NAMES));
    // Declined Cyrillic forms, decomposed accents and other people's given names are in it.
    const keys = new Set(formRows(MATCHER_INDEX).map(([key]) => key));
    expect(keys).toContain('путина');
    expect(MATCHER_INDEX.otherGivenNames).toContain('graham');
  });

  it('makes a matcher that finds the people', () => {
    const matcher = matcherFromIndex(MATCHER_INDEX, PEOPLE);
    const found = findMentions(matcher, 'Steve Witkoff met Путина, said Kirill Dmitriev.');
    expect(found.map((m) => [m.surface, m.person])).toEqual([
      ['Steve Witkoff', 'steve-witkoff'],
      ['Путина', 'vladimir-putin'],
      ['Kirill Dmitriev', 'kirill-dmitriev'],
    ]);
  });

  it('refuses an index made from other people, naming the person and alias', () => {
    const stale = { ...MATCHER_INDEX, forms: [['steve-witkoff', 99, 'Witkoff'] as const] };
    expect(() => matcherFromIndex(stale, PEOPLE)).toThrow(/alias 99 of "steve-witkoff"/);
  });
});
