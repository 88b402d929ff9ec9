/** What the card shows for a checked quotation on the page (issue 13): the request that opens its quote card. */
import type { Settings } from '../core/settings';
import type { CardRequest } from './card-ui';
import type { PageQuote, PageQuotes } from './page-quotes';
import { detectPageTheme } from './page-theme';

/** The request to open (or prepare) the quote card of a painted quotation. */
export function buildQuoteRequest(target: PageQuote, quotes: PageQuotes, settings: Settings): CardRequest {
  const theme = settings.theme === 'system' ? detectPageTheme(target.range.startContainer) : settings.theme;
  return {
    quote: {
      quote: target.quote,
      sources: quotes.sourcesOf(target.quote),
      nameOf: (person) => quotes.nameOf(person),
    },
    why: '',
    range: target.range,
    theme,
    shouldFocus: false,
  };
}
