/**
 * Which tab the popup reports on. A real popup reports on the active tab of its window. A popup opened
 * as a page of its own (end-to-end tests, "open in a tab") has no active tab but itself, so it takes
 * `?tab=<id>` from its URL, or else the most recently active other tab of its window.
 */
import { browser } from 'wxt/browser';

/** The popup's target. */
export interface TargetTab {
  tabId: number | undefined;
  /** The tab's URL where the browser shares it (the real popup's activeTab grant); else undefined. */
  url: string | undefined;
  /** True when the popup is itself a tab (so it must not close itself after an action). */
  isPopupInTab: boolean;
}

/** Finds the tab the popup at `location` should report on. */
export async function findTargetTab(location: Pick<Location, 'search'>): Promise<TargetTab> {
  const self = await browser.tabs.getCurrent().catch(() => undefined);
  const isPopupInTab = self !== undefined;
  const param = new URLSearchParams(location.search).get('tab');
  if (param !== null && /^\d+$/.test(param)) {
    const tabId = Number(param);
    const tab = await browser.tabs.get(tabId).catch(() => undefined);
    return { tabId: tab ? tabId : undefined, url: tab?.url, isPopupInTab };
  }
  if (self) {
    const others = (await browser.tabs.query({ windowId: self.windowId })).filter(
      (t) => t.id !== undefined && t.id !== self.id,
    );
    others.sort((a, b) => (b.lastAccessed ?? 0) - (a.lastAccessed ?? 0) || (b.id ?? 0) - (a.id ?? 0));
    return { tabId: others[0]?.id, url: others[0]?.url, isPopupInTab };
  }
  const [active] = await browser.tabs.query({ active: true, currentWindow: true });
  return { tabId: active?.id, url: active?.url, isPopupInTab };
}

/** Opens the options page (in its own tab). */
export async function openOptionsPage(): Promise<void> {
  await browser.runtime.openOptionsPage();
}

/** Opens one of the extension's pages (`/popup.html`) with query `params` in a new tab. */
export async function openExtensionPage(
  path: '/popup.html' | '/options.html' | '/review.html' | '/add-person.html',
  params: URLSearchParams,
): Promise<void> {
  await browser.tabs.create({ url: `${browser.runtime.getURL(path)}?${params}` });
}

/** Calls `onLoading` when a tab starts loading a page and `onComplete` when it has loaded one. */
export function watchTabLoads(onLoading: (tabId: number) => void, onComplete: (tabId: number) => void): void {
  browser.tabs.onUpdated.addListener((tabId, change) => {
    if (change.status === 'loading') onLoading(tabId);
    else if (change.status === 'complete') onComplete(tabId);
  });
}
