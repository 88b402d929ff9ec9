/**
 * The background: the toolbar badge (how many people are on the page, kept current by the content
 * script's reports and cleared when the tab navigates), the "Look up “…” in Dramatis", "Add “…” to
 * Dramatis" and "Save this article to Dramatis" context-menu items, and the hand-over of such a search to the popup. The keyboard shortcut that opens the popup
 * is a manifest command (wxt.config.ts) and needs no code. The knowledge service
 * (platform/knowledge-service.ts) answers card data and the options page's pack operations; a page's
 * card script is run in its frame on request (platform/scripting.ts). All listeners are registered synchronously,
 * as an MV3 service worker (Chromium) or event page requires.
 */
import { defineBackground } from 'wxt/utils/define-background';
import { addMenuItems } from '../platform/context-menu';
import { openExtensionPage, watchTabLoads } from '../platform/tabs';
import { openPopup, setBadgeColors, setBadgeText } from '../platform/toolbar';
import { BUNDLED_PACK } from '../data/bundled-pack';
import { announceKnowledgeChange, watchInstalled } from '../platform/knowledge-broadcast';
import { createKnowledgeService } from '../platform/knowledge-service';
import { listen, sendToContent, type ToBackground } from '../platform/messages';
import { runInFrame } from '../platform/scripting';
import { publishAddedPeople } from '../platform/added-people-store';
import givenNames from '../data/given-names.json';

const LOOK_UP_MENU_ID = 'dramatis-look-up';
const SAVE_MENU_ID = 'dramatis-save-article';
const ADD_PERSON_MENU_ID = 'dramatis-add-person';
/** The card's accent: reads on light and dark toolbars. */
const BADGE_COLOR = '#9a4b00';
/** How long a context-menu search waits for the popup to pick it up. */
const PENDING_SEARCH_MS = 30_000;
/** Longest selection passed to the search (a stray paragraph is cut, not refused). */
const MAX_QUERY_LENGTH = 100;

export default defineBackground(() => {
  let pendingSearch: { query: string; at: number } | undefined;
  const knowledge = createKnowledgeService(BUNDLED_PACK, {
    onChange: () => void announceKnowledgeChange(),
    onPeopleChanged: publishAddedPeople,
    givenNames: givenNames.names,
  });

  const showCount = (tabId: number, count: number) =>
    setBadgeText(tabId, count > 0 ? (count > 99 ? '99+' : String(count)) : '');

  /** Opens the popup's search with `query`; a new tab with the popup page where the popup cannot open. */
  const openSearch = (query: string, tabId: number | undefined) => {
    const text = query.replace(/\s+/g, ' ').trim().slice(0, MAX_QUERY_LENGTH);
    if (!text) return;
    pendingSearch = { query: text, at: Date.now() };
    openPopup(() => {
      pendingSearch = undefined;
      const params = new URLSearchParams({ q: text });
      if (tabId !== undefined) params.set('tab', String(tabId));
      void openExtensionPage('/popup.html', params);
    });
  };

  setBadgeColors(BADGE_COLOR, '#ffffff');
  // An update may change the matcher index's format: the pages get the added people in the new one.
  watchInstalled(() => void knowledge.republishPeople().catch(() => undefined));

  listen<ToBackground>({
    'background:page-people': ({ count }, sender) => {
      const tabId = sender.tab?.id;
      if (tabId !== undefined) void showCount(tabId, count);
    },
    'background:load-card': (_request, { tab, frameId }) =>
      tab?.id !== undefined && runInFrame(tab.id, frameId ?? 0, '/card.js'),
    'background:load-page': (_request, { tab, frameId }) =>
      tab?.id !== undefined && runInFrame(tab.id, frameId ?? 0, '/page-session.js'),
    'background:take-search': () => {
      const search = pendingSearch;
      pendingSearch = undefined;
      return { query: search && Date.now() - search.at < PENDING_SEARCH_MS ? search.query : undefined };
    },
    'background:knowledge': () => knowledge.getKnowledge(),
    'background:card-data': ({ person }) => knowledge.getCardData(person),
    'background:check-quotes': ({ blocks }) => knowledge.checkQuotes(blocks),
    'background:list-packs': () => knowledge.listPacks(),
    'background:import-pack': ({ text, fileName }) => knowledge.importPack(text, fileName),
    'background:export-pack': ({ id }) => knowledge.exportPack(id),
    'background:set-pack-enabled': ({ id, isOn }) => knowledge.setPackEnabled(id, isOn),
    'background:remove-pack': ({ id }) => knowledge.removePack(id),
    'background:save-article': ({ article }) => knowledge.saveArticle(article),
    'background:save-person': ({ person }) => knowledge.savePerson(person),
    'background:remove-person': ({ id }) => knowledge.removePerson(id),
    'background:my-people': () => knowledge.listMyPeople(),
  });

  watchTabLoads(
    // A new page (or a reload): its content script reports afresh once it has looked.
    (tabId) => void showCount(tabId, 0),
    // A same-document navigation keeps the content script: ask it again (for the count alone, which
    // costs the page next to nothing: this runs on every page load).
    (tabId) =>
      void sendToContent(tabId, 'content:get-count', {}).then((answer) => {
        if (answer) void showCount(tabId, answer.count);
      }),
  );

  addMenuItems([
    { id: LOOK_UP_MENU_ID, title: 'Look up “%s” in Dramatis', context: 'selection', onClick: openSearch },
    {
      id: ADD_PERSON_MENU_ID,
      title: 'Add “%s” to Dramatis',
      context: 'selection',
      // As for saving: the click grants activeTab, and the form reads the page's text and metadata.
      onClick: (selection, tabId) => {
        const name = selection.replace(/\s+/g, ' ').trim().slice(0, MAX_QUERY_LENGTH);
        if (tabId !== undefined && name)
          void openExtensionPage('/add-person.html', new URLSearchParams({ tab: String(tabId), name }));
      },
    },
    {
      id: SAVE_MENU_ID,
      title: 'Save this article to Dramatis',
      context: 'page',
      // Choosing the item grants activeTab on that tab: the review sheet injects the reader there.
      onClick: (_selection, tabId) => {
        if (tabId !== undefined)
          void openExtensionPage('/review.html', new URLSearchParams({ tab: String(tabId) }));
      },
    },
  ]);
});
