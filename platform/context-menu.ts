/** The context-menu item Dramatis adds for selected text. */
import { browser } from 'wxt/browser';

/**
 * Adds the item `id` for selections, titled `title` ("%s" stands for the selection), and calls
 * `onClick` with the selected text and the tab when it is chosen. Menus persist in Chromium but not in
 * Firefox: the item is (re)created on install and on every start.
 */
export function addSelectionMenu(
  id: string,
  title: string,
  onClick: (selection: string, tabId: number | undefined) => void,
): void {
  const create = () =>
    void browser.contextMenus
      .removeAll()
      .then(() => browser.contextMenus.create({ id, title, contexts: ['selection'] }));
  browser.runtime.onInstalled.addListener(create);
  browser.runtime.onStartup.addListener(create);
  browser.contextMenus.onClicked.addListener((info, tab) => {
    if (info.menuItemId === id && info.selectionText) onClick(info.selectionText, tab?.id);
  });
}
