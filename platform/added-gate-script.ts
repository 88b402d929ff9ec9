/**
 * The added people's content script (entrypoints/added-people-gate.ts), registered with the browser while
 * the reader has added people and unregistered when none are left: the script every page runs reads no
 * storage, and a page learns of added people only through this one (issue 10). Registered to persist
 * across sessions, on every page the manifest's content script runs on, at the same time; run in the
 * open tabs too when the added people change (their first stage listens for no message).
 */
import { browser } from 'wxt/browser';
import { runInFrame } from './scripting';

const SCRIPT_ID = 'dramatis-added-people';
const SCRIPT_FILE = 'added-people-gate.js' as const;

/** Registers the added people's script (`isOn`) or unregisters it; a no-op where it already is so. */
export async function syncAddedGateScript(isOn: boolean): Promise<void> {
  const { scripting } = browser;
  const registered = await scripting.getRegisteredContentScripts({ ids: [SCRIPT_ID] });
  if (isOn && registered.length === 0) {
    await scripting.registerContentScripts([
      {
        id: SCRIPT_ID,
        js: [SCRIPT_FILE],
        matches: ['<all_urls>'],
        runAt: 'document_idle',
        persistAcrossSessions: true,
      },
    ]);
  } else if (!isOn && registered.length > 0) {
    await scripting.unregisterContentScripts({ ids: [SCRIPT_ID] });
  }
}

/** Runs the added people's script in every open tab's top frame (where the browser refuses, nothing happens). */
export async function runAddedGateScriptInOpenTabs(): Promise<void> {
  const tabs = await browser.tabs.query({}).catch(() => []);
  await Promise.all(tabs.map(({ id }) => id !== undefined && runInFrame(id, 0, `/${SCRIPT_FILE}`)));
}
