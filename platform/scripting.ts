/**
 * Runs the extension's on-demand scripts in a page's frame: the page's session once its first stage
 * found a name (page/page-module.ts), the card (page/card-module.ts).
 */
import { browser } from 'wxt/browser';

/** The extension's scripts a content script may ask the background to run in its frame. */
export type OnDemandScript = '/card.js' | '/page-session.js';

/**
 * Runs `file` in one frame of a tab, in the isolated world the extension's content scripts share there
 * (the page cannot see it). Needs the `scripting` permission and host access to the page: Dramatis's
 * content script already runs on every page, so asking for host access adds no install warning.
 * Resolves false when the browser refused (a page the extension may not script).
 */
export async function runInFrame(tabId: number, frameId: number, file: OnDemandScript): Promise<boolean> {
  try {
    await browser.scripting.executeScript({ target: { tabId, frameIds: [frameId] }, files: [file] });
    return true;
  } catch {
    return false;
  }
}
