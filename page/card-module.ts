/**
 * The card as the content script sees it before it is loaded: what the card's bundle provides, and how
 * the content script gets hold of it. The card (Preact, Floating UI, its CSS, the card data fetched) is
 * its own script, entrypoints/card.ts, run in the content script's isolated world only once a page names
 * someone or a card is asked for (see bench/README.md for why it is injected rather than imported).
 * Only types cross from ./card-ui here, so importing this module loads none of the card.
 */
import type { Settings } from '../core/settings';
import type { CardRequest, CardUi, CardUiOptions } from './card-ui';
import { markLoadStep } from './load-marks';
import { loadOnDemand, registerOnDemand } from './on-demand';
import type { PageMention } from './page-mentions';
import type { PageQuote, PageQuotes } from './page-quotes';

/** What the card's bundle gives the Session. */
export interface CardModule {
  /**
   * Fetches what the card of `person` needs unless it is at hand: undefined when `request` can answer
   * now, else a promise that settles when it can (or the fetch failed: `request` then answers undefined).
   */
  load: (person: string) => Promise<void> | undefined;
  /** The request that opens (or prepares) a mention's card, or undefined for an unknown person. */
  request: (mention: PageMention, settings: Settings) => CardRequest | undefined;
  /**
   * Calls `onChange` each time the knowledge base changed (the card data fetched so far is dropped
   * first, so an open card is shown afresh); returns the function that stops it.
   */
  watch: (onChange: () => void) => () => void;
  /** The request that opens (or prepares) a checked quotation's card (issue 13). */
  requestQuote: (quote: PageQuote, quotes: PageQuotes, settings: Settings) => CardRequest;
  /** The card's host on this page. */
  createUi: (options: CardUiOptions) => CardUi;
}

/** Where the card's bundle leaves itself (page/on-demand.ts). */
const CARD_MODULE_KEY = '__dramatisCardModule';

/** Called by the card's bundle when it runs: hands the card to the content script. */
export function registerCardModule(module: CardModule): void {
  registerOnDemand(CARD_MODULE_KEY, module);
}

/**
 * The card, loaded once: `inject` runs the card's bundle in this frame (a message to the background,
 * which injects it). Rejects when the bundle did not register itself, so that the caller may try again.
 */
export async function loadCardModule(inject: () => Promise<unknown>): Promise<CardModule> {
  const module = await loadOnDemand<CardModule>(CARD_MODULE_KEY, inject, 'card');
  markLoadStep('card-loaded');
  return module;
}
