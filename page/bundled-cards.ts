/**
 * The card over the bundled knowledge base (data/bundle.ts) in memory, for the tests and the bench: the
 * same card module as the card's script builds (./knowledge-cards.ts), fed at once from the bundle
 * instead of by the background. The extension's card does not carry the bundle.
 */
import { selectCardData } from '../core/card-data';
import { BUNDLED_KNOWLEDGE } from '../data/bundle';
import type { FetchCardData } from './card-data-cache';
import { createCardModule } from './knowledge-cards';

/** An in-memory card-data source over the bundle: answers at once. */
export const fetchBundledCardData: FetchCardData = (person) => selectCardData(BUNDLED_KNOWLEDGE, person);

/** The whole card (UI and bundled card data): what the tests and bench load instead of the card's script. */
export const BUNDLED_CARD_MODULE = createCardModule(fetchBundledCardData);
