/**
 * What the popup shows under "On this page", read from the target tab's content script. Asks for
 * the full page state first; a content script that does not answer that yet is asked for its people,
 * and the site then comes from the tab's URL or from the background's record of the page's last report.
 */
import { classifyPage, siteOfUrl, type PageAccess } from '../../core/page-access';
import { sendToBackground, sendToContent, type PagePerson } from '../../platform/messages';
import type { TargetTab } from '../../platform/tabs';

/** The popup's view of the target tab. */
export type PageView =
  | { status: 'loading' }
  | { status: 'no-access'; access: PageAccess }
  | { status: 'ready'; people: PagePerson[]; isPaused: boolean; site: string | undefined };

/** Reads the target tab's page state (never throws). */
export async function readPageState(target: TargetTab): Promise<PageView> {
  const { tabId, url } = target;
  if (tabId === undefined) return { status: 'no-access', access: 'unknown' };
  const state = await sendToContent(tabId, 'content:get-page-state', {});
  if (state) return { status: 'ready', ...state, site: state.site ?? siteOfUrl(url) };
  const people = await sendToContent(tabId, 'content:get-people', {});
  if (!people) return { status: 'no-access', access: classifyPage(url) };
  let site = siteOfUrl(url);
  if (!site) site = siteOfUrl((await sendToBackground('background:tab-report', { tabId }))?.url);
  return { status: 'ready', people: people.people, isPaused: people.isPaused, site };
}
