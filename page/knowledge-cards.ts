/**
 * The card's bundle over a source of card data: the card data cache (fetched when the hover intent
 * prepares a card, kept for the page), the request built from it, the card's UI, and the drop of what
 * was fetched when the knowledge base changes, after which the Session shows the open card afresh.
 * The card's script gives it the background's card data (entrypoints/card.ts); the tests and the
 * bench give it the bundle (./bundled-cards.ts).
 */
import { buildCardModelOf } from '../core/card-model';
import { CardDataCache, type FetchCardData } from './card-data-cache';
import type { CardModule } from './card-module';
import { buildCardRequest, type CardSource } from './card-request';
import { CardUi } from './card-ui';
import { buildQuoteRequest } from './quote-request';

/** A card module whose card data can be dropped. */
export interface KnowledgeCardModule extends CardModule {
  /** The knowledge base changed: drops the card data fetched so far and tells the watchers. */
  refresh: () => void;
}

/** Creates the card module over `fetch`. */
export function createCardModule(fetch: FetchCardData): KnowledgeCardModule {
  const cache = new CardDataCache(fetch);
  const watchers = new Set<() => void>();
  const cards: CardSource = {
    model: (person, settings) => {
      const data = cache.get(person);
      return data && buildCardModelOf(data, settings);
    },
  };
  return {
    load: (person) => cache.load(person),
    request: (mention, settings) => buildCardRequest(cards, mention, settings),
    requestQuote: buildQuoteRequest,
    watch: (onChange) => {
      watchers.add(onChange);
      return () => void watchers.delete(onChange);
    },
    createUi: (options) => new CardUi(options),
    refresh: () => {
      cache.clear();
      for (const onChange of [...watchers]) onChange();
    },
  };
}
