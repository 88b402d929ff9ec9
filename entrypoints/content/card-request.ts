/** What the card shows for a mention under the current settings (shared by the content script and the bench). */
import { buildCardModel, describeMatch, type CardModel } from '../../core/card-model';
import type { Settings } from '../../core/settings';
import { PEOPLE, SOURCES, PEOPLE_BY_ID } from '../../data/bundle';
import type { CardRequest } from './card-ui';
import type { PageMention } from './page-mentions';
import { detectPageTheme } from './page-theme';

/** The card model of a mention's person, showing only enabled sources. */
export function buildMentionModel(mention: PageMention, settings: Settings): CardModel | undefined {
  const person = PEOPLE_BY_ID.get(mention.mention.person);
  return person ? buildCardModel(person, SOURCES, PEOPLE, settings) : undefined;
}

/** The request to open (or prepare) the card of a mention. */
export function buildCardRequest(
  mention: PageMention,
  settings: Settings,
  shouldFocus: boolean,
): CardRequest | undefined {
  const model = buildMentionModel(mention, settings);
  if (!model) return undefined;
  const theme = settings.theme === 'system' ? detectPageTheme(mention.range.startContainer) : settings.theme;
  return { model, why: describeMatch(mention.mention, model.name), range: mention.range, theme, shouldFocus };
}
