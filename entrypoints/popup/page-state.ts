/**
 * What the popup shows under "On this page", read from the target tab's content script; where none
 * answers, nobody (a page whose first stage found no name) or why not (a browser page, a store, a file...).
 */
import { classifyPage, siteOfUrl, type PageAccess } from '../../core/page-access';
import { sendToContent, type PagePerson, type PageQuoteItem } from '../../platform/messages';
import { isFirstStageThere } from '../../platform/scripting';
import type { TargetTab } from '../../platform/tabs';

/** The popup's view of the target tab. */
export type PageView =
  | { status: 'loading' }
  | { status: 'no-access'; access: PageAccess }
  | {
      status: 'ready';
      people: PagePerson[];
      quotes: PageQuoteItem[];
      isPaused: boolean;
      site: string | undefined;
    };

/** Reads the target tab's page state (never throws). */
export async function readPageState(target: TargetTab): Promise<PageView> {
  const { tabId, url } = target;
  if (tabId === undefined) return { status: 'no-access', access: 'unknown' };
  const state = await sendToContent(tabId, 'content:get-page-state', {});
  if (!state) {
    // A page that names nobody: its first stage answers no message, but is there.
    if (await isFirstStageThere(tabId))
      return { status: 'ready', people: [], quotes: [], isPaused: false, site: siteOfUrl(url) };
    return { status: 'no-access', access: classifyPage(url) };
  }
  // A content script of an older build answers without quotes.
  return { status: 'ready', ...state, quotes: state.quotes ?? [], site: state.site ?? siteOfUrl(url) };
}
