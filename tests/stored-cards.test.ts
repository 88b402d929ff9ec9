/**
 * The card of a person the bundled pack does not hold (added by the reader, or from an imported pack):
 * its data is asked of the background once, when the card is first prepared, and the card shows it from
 * then on; a bundled person's card never waits for the background.
 */
import { describe, expect, it, vi } from 'vitest';
import { DEFAULT_SETTINGS } from '../core/settings';
import { BUNDLED_CARDS } from '../page/bundled-cards';
import { withStoredCards } from '../page/stored-cards';
import type { CardData } from '../platform/messages';

const BRUNNER: CardData = {
  person: {
    id: 'lena-brunner',
    name: 'Lena Brunner',
    pronoun: 'she',
    givenNames: ['Lena'],
    aliases: [{ text: 'Brunner', kind: 'surname', case: 'insensitive' }],
    roles: [{ title: 'A Swiss diplomat', sources: ['saved-1'] }],
    summary: [{ text: 'Added by the reader.', sources: ['saved-1'] }],
    descriptions: [],
    quotes: [],
    actions: [],
    links: [],
  },
  sources: [
    {
      id: 'saved-1',
      pack: 'my-sources',
      url: 'https://example.com/geneva',
      outlet: { name: 'The Harbour Ledger', basis: 'read from the page' },
      headline: { text: 'Envoys leave Geneva', isPrinted: true, basis: 'read from the page' },
      published: { date: '2025-12-11', inferred: false, basis: 'read from the page', background: [] },
      provenance: 'Saved by the reader.',
    },
  ],
  background: [],
  people: [],
};

describe('cards of people outside the bundled pack', () => {
  it('asks the background once, then shows the role with its source', async () => {
    const fetchCard = vi.fn(async (person: string) => (person === 'lena-brunner' ? BRUNNER : undefined));
    const cards = withStoredCards(BUNDLED_CARDS, fetchCard);
    expect(cards.model('lena-brunner', DEFAULT_SETTINGS)).toBeUndefined(); // asked while the hover delay runs
    await vi.waitFor(() => expect(cards.model('lena-brunner', DEFAULT_SETTINGS)).toBeDefined());
    const model = cards.model('lena-brunner', DEFAULT_SETTINGS)!;
    expect(model.name).toBe('Lena Brunner');
    expect(JSON.stringify(model.roles)).toContain('The Harbour Ledger');
    expect(cards.nameOf('lena-brunner')).toBe('Lena Brunner');
    expect(fetchCard).toHaveBeenCalledTimes(1);
  });

  it('a bundled person never waits for the background; an unknown one is asked again later', async () => {
    const fetchCard = vi.fn(async () => undefined);
    const cards = withStoredCards(BUNDLED_CARDS, fetchCard);
    expect(cards.model('steve-witkoff', DEFAULT_SETTINGS)?.name).toBe('Steve Witkoff');
    expect(fetchCard).not.toHaveBeenCalled();
    cards.model('nobody-known', DEFAULT_SETTINGS);
    await vi.waitFor(() => expect(fetchCard).toHaveBeenCalledTimes(1));
    await Promise.resolve();
    cards.model('nobody-known', DEFAULT_SETTINGS);
    expect(fetchCard).toHaveBeenCalledTimes(2);
  });
});
