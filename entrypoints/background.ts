/**
 * The background: the toolbar badge (how many people are on the page, kept current by the content
 * script's reports and cleared when the tab navigates), the "Look up “…” in Dramatis" context-menu
 * item, and the hand-over of such a search to the popup. The keyboard shortcut that opens the popup
 * is a manifest command (wxt.config.ts) and needs no code. The knowledge service
 * (platform/knowledge-service.ts) answers card data and the options page's pack operations. All listeners are registered synchronously,
 * as an MV3 service worker (Chromium) or event page requires.
 */
import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { BUNDLED_PACK } from '../data/bundled-pack';
import { createKnowledgeService } from '../platform/knowledge-service';
import { listen, sendToContent, type TabReport, type ToBackground } from '../platform/messages';

const MENU_ID = 'dramatis-look-up';
/** The card's accent: reads on light and dark toolbars. */
const BADGE_COLOR = '#9a4b00';
/** How long a context-menu search waits for the popup to pick it up. */
const PENDING_SEARCH_MS = 30_000;
/** Longest selection passed to the search (a stray paragraph is cut, not refused). */
const MAX_QUERY_LENGTH = 100;

export default defineBackground(() => {
  // MV3 (Chromium) has `action`; Firefox's MV2 build has `browserAction`.
  const action = browser.action ?? browser.browserAction;
  /** The last report of each tab's content script (lost when a service worker sleeps; only a fallback). */
  const reports = new Map<number, TabReport>();
  let pendingSearch: { query: string; at: number } | undefined;
  const knowledge = createKnowledgeService(BUNDLED_PACK);

  const showCount = (tabId: number, count: number) =>
    action
      .setBadgeText({ tabId, text: count > 0 ? (count > 99 ? '99+' : String(count)) : '' })
      .catch(() => undefined); // The tab closed meanwhile.

  /** Opens the popup's search with `query`; a new tab with the popup page where the popup cannot open. */
  const openSearch = (query: string, tabId: number | undefined) => {
    const text = query.replace(/\s+/g, ' ').trim().slice(0, MAX_QUERY_LENGTH);
    if (!text) return;
    pendingSearch = { query: text, at: Date.now() };
    const openInTab = () => {
      pendingSearch = undefined;
      const params = new URLSearchParams({ q: text });
      if (tabId !== undefined) params.set('tab', String(tabId));
      void browser.tabs.create({ url: `${browser.runtime.getURL('/popup.html')}?${params}` });
    };
    // Called within the click's own task: Firefox opens a popup only while handling a user action.
    try {
      action.openPopup().catch(openInTab);
    } catch {
      openInTab(); // No openPopup here at all.
    }
  };

  void action.setBadgeBackgroundColor({ color: BADGE_COLOR });
  if ('setBadgeTextColor' in action)
    void action.setBadgeTextColor({ color: '#ffffff' }).catch(() => undefined);

  listen<ToBackground>({
    'background:page-people': ({ count }, sender) => {
      const tabId = sender.tab?.id;
      if (tabId === undefined) return;
      reports.set(tabId, { url: sender.url, count });
      void showCount(tabId, count);
    },
    'background:open-search': ({ query }, sender) => openSearch(query, sender.tab?.id),
    'background:take-search': () => {
      const search = pendingSearch;
      pendingSearch = undefined;
      return { query: search && Date.now() - search.at < PENDING_SEARCH_MS ? search.query : undefined };
    },
    'background:tab-report': ({ tabId }) => reports.get(tabId),
    'background:knowledge': () => knowledge.getKnowledge(),
    'background:card-data': ({ person }) => knowledge.getCardData(person),
    'background:list-packs': () => knowledge.listPacks(),
    'background:import-pack': ({ text, fileName }) => knowledge.importPack(text, fileName),
    'background:export-pack': ({ id }) => knowledge.exportPack(id),
    'background:set-pack-enabled': ({ id, isOn }) => knowledge.setPackEnabled(id, isOn),
    'background:remove-pack': ({ id }) => knowledge.removePack(id),
  });

  browser.tabs.onUpdated.addListener((tabId, change) => {
    if (change.status === 'loading') {
      // A new page (or a reload): its content script reports afresh once it has looked.
      reports.delete(tabId);
      void showCount(tabId, 0);
    } else if (change.status === 'complete') {
      // A same-document navigation keeps the content script: ask it again.
      void sendToContent(tabId, 'content:get-people', {}).then((answer) => {
        if (answer) void showCount(tabId, answer.isPaused ? 0 : answer.people.length);
      });
    }
  });
  browser.tabs.onRemoved.addListener((tabId) => reports.delete(tabId));

  // Menus persist in Chromium but not in Firefox: (re)create them on install and on every start.
  const createMenu = () =>
    void browser.contextMenus.removeAll().then(() =>
      browser.contextMenus.create({
        id: MENU_ID,
        title: 'Look up “%s” in Dramatis',
        contexts: ['selection'],
      }),
    );
  browser.runtime.onInstalled.addListener(createMenu);
  browser.runtime.onStartup.addListener(createMenu);
  browser.contextMenus.onClicked.addListener((info, tab) => {
    if (info.menuItemId === MENU_ID && info.selectionText) openSearch(info.selectionText, tab?.id);
  });
});
