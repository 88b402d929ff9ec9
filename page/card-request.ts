/** What the card shows for a mention: where its content comes from, and the request that opens it. */
import { describeMatch, type CardModel } from '../core/card-model';
import type { Settings } from '../core/settings';
import type { CardRequest } from './card-ui';
import type { PageMention } from './page-mentions';
import { detectPageTheme } from './page-theme';

/**
 * Where a card's content comes from: the card data fetched for the page (./knowledge-cards.ts), from
 * the background's knowledge service or, in the tests and the bench, the bundle.
 */
export interface CardSource {
  /** The card model of a person under the settings (only enabled sources and outlets), if at hand. */
  model: (person: string, settings: Settings) => CardModel | undefined;
}

/** The request to open (or prepare) the card of a mention, or undefined for an unknown person. */
export function buildCardRequest(
  cards: CardSource,
  mention: PageMention,
  settings: Settings,
): CardRequest | undefined {
  const model = cards.model(mention.mention.person, settings);
  if (!model) return undefined;
  const theme = settings.theme === 'system' ? detectPageTheme(mention.range.startContainer) : settings.theme;
  return {
    model,
    why: describeMatch(mention.mention, model.name),
    range: mention.range,
    theme,
    shouldFocus: false,
    surface: mention.mention.surface,
  };
}
