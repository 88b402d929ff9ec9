/** The context-menu items Dramatis adds (looking up a selection, saving the page's article). */
import { browser } from 'wxt/browser';

/** One context-menu item. */
export interface MenuItem {
  id: string;
  /** Its title; for a selection item, "%s" stands for the selected text. */
  title: string;
  /** Where it shows: on selected text, or anywhere on a page. */
  context: 'selection' | 'page';
  /** Called with the selected text (empty for a page item) and the tab it was chosen in. */
  onClick: (selection: string, tabId: number | undefined) => void;
}

/**
 * Adds `items` (all of Dramatis's items: the menu is rebuilt whole). Menus persist in Chromium but not
 * in Firefox: the items are (re)created on install and on every start.
 */
export function addMenuItems(items: readonly MenuItem[]): void {
  const create = () =>
    void browser.contextMenus.removeAll().then(() => {
      for (const { id, title, context } of items)
        browser.contextMenus.create({ id, title, contexts: [context] });
    });
  browser.runtime.onInstalled.addListener(create);
  browser.runtime.onStartup.addListener(create);
  browser.contextMenus.onClicked.addListener((info, tab) => {
    const item = items.find((i) => i.id === info.menuItemId);
    if (!item) return;
    if (item.context === 'selection' && !info.selectionText) return;
    item.onClick(info.selectionText ?? '', tab?.id);
  });
}
