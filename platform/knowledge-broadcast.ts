/**
 * Tells every open tab that the knowledge base changed (a pack saved, imported, removed, turned on or
 * off, a person added), so that a card open there, and the card data its page fetched, follow at once.
 * A tab without Dramatis's card script (a browser page, a page that names nobody) does not answer; that
 * is fine. The extension's own pages (an open options page) are told too, by a runtime message: a tab
 * message reaches only content scripts.
 */
import { browser } from 'wxt/browser';
import { sendToContent, sendToPages } from './messages';

/** Sends `content:knowledge-changed` to every tab and `pages:knowledge-changed` to the extension's pages. */
export async function announceKnowledgeChange(): Promise<void> {
  const tabs = await browser.tabs.query({}).catch(() => []);
  await Promise.all([
    sendToPages('pages:knowledge-changed', {}),
    ...tabs.flatMap((tab) =>
      tab.id === undefined ? [] : [sendToContent(tab.id, 'content:knowledge-changed', {})],
    ),
  ]);
}

/** Calls `listener` when Dramatis is installed or updated (what pages were told may be out of date). */
export function watchInstalled(listener: () => void): void {
  browser.runtime.onInstalled.addListener(() => listener());
}
