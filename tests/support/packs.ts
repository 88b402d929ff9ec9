/** Small packs for tests: one article that quotes Steve Witkoff (a bundled person) and names a new person. */
import { createEmptyPack, type Pack } from '../../core/pack';

/** The article's text: written for these tests, shaped like a wire report. */
export const ARTICLE_TEXT = [
  'MOSCOW, Dec 9 (Test Wire) - U.S. envoy Steve Witkoff said on Tuesday that the talks had "moved forward on the hardest questions" after a five-hour meeting.',
  '"We are closer than we have ever been," Witkoff told reporters outside the Kremlin.',
  'Olena Testenko, a negotiator for Kyiv, said: "Nothing is agreed until everything is agreed."',
].join('\n\n');

/** A valid pack: the article, one new person, and a quote added to the bundled `steve-witkoff`. */
export function createTestPack(id = 'test-desk'): Pack {
  return {
    ...createEmptyPack(id, 'Test desk'),
    sources: [
      {
        id: `${id}-wire-1`,
        url: 'https://example.com/news/talks',
        outlet: { name: 'Test Wire', basis: 'The dateline names it: "(Test Wire)".' },
        headline: { text: 'Envoy says talks moved forward', basis: 'written for this test' },
        published: { date: '2025-12-09', inferred: false, basis: 'The dateline: "Dec 9".' },
        provenance: 'Written for the unit tests.',
        text: ARTICLE_TEXT,
      },
    ],
    people: [
      {
        id: `${id}-olena-testenko`,
        name: 'Olena Testenko',
        pronoun: 'she',
        givenNames: ['Olena'],
        aliases: [{ text: 'Testenko', kind: 'surname', case: 'insensitive' }],
        roles: [{ title: 'Negotiator for Kyiv', sources: [`${id}-wire-1`] }],
        affiliation: 'Ukraine',
        country: 'Ukraine',
        summary: { text: 'A negotiator for Kyiv (Test Wire).', sources: [`${id}-wire-1`] },
        descriptions: [{ source: `${id}-wire-1`, text: 'a negotiator for Kyiv' }],
        quotes: [
          {
            id: `${id}-testenko-nothing-agreed`,
            kind: 'direct',
            text: 'Nothing is agreed until everything is agreed.',
            source: `${id}-wire-1`,
            context:
              'Olena Testenko, a negotiator for Kyiv, said: "Nothing is agreed until everything is agreed."',
            topic: 'peace-plan',
          },
        ],
        links: [{ person: 'steve-witkoff', relation: 'across the table from', sources: [`${id}-wire-1`] }],
      },
    ],
    additions: [
      {
        person: 'steve-witkoff',
        quotes: [
          {
            id: `${id}-witkoff-closer`,
            kind: 'direct',
            text: 'We are closer than we have ever been,',
            source: `${id}-wire-1`,
            context: '"We are closer than we have ever been," Witkoff told reporters outside the Kremlin.',
            topic: 'peace-plan',
          },
        ],
      },
    ],
  };
}
