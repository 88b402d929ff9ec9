/**
 * The toolbar button: its badge and its popup. MV3 (Chromium) calls it `action`, Firefox's MV2 build
 * `browserAction`; this module hides the difference.
 */
import { browser } from 'wxt/browser';

function action() {
  return browser.action ?? browser.browserAction;
}

/** Colours the badge (its text colour only where the browser supports setting it). */
export function setBadgeColors(background: string, text: string): void {
  const button = action();
  void button.setBadgeBackgroundColor({ color: background });
  if ('setBadgeTextColor' in button) void button.setBadgeTextColor({ color: text }).catch(() => undefined);
}

/** Shows `text` on the badge of tab `tabId` (empty hides it); never throws (the tab may have closed). */
export async function setBadgeText(tabId: number, text: string): Promise<void> {
  await action()
    .setBadgeText({ tabId, text })
    .catch(() => undefined);
}

/**
 * Opens the popup. Must be called within the user action's own task (Firefox opens a popup only then);
 * calls `onFailure` where the popup cannot open (no window, or no openPopup at all).
 */
export function openPopup(onFailure: () => void): void {
  try {
    action().openPopup().catch(onFailure);
  } catch {
    onFailure();
  }
}
