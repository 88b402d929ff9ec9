/**
 * Runs the extension's on-demand scripts in a page's frame: the page's session once its first stage
 * found a name (page/page-module.ts), the card (page/card-module.ts). The content script imports the
 * session itself (`importOwnScript`); the background injects a script (`runInFrame`) where that fails, and
 * always for the card.
 */
import { browser } from 'wxt/browser';
import { FIRST_STAGE_MARK } from '../page/page-module';

/**
 * The extension's scripts run in a page's frame on demand: those a content script may ask the background
 * for, and the added people's script, which the background runs in open tabs (./added-gate-script.ts).
 */
export type OnDemandScript = '/card.js' | '/page-session.js' | '/added-people-gate.js';

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

/**
 * Runs `file` in the calling content script's own isolated world by a dynamic import of its extension URL,
 * without the background: where the service worker is asleep (as it is after half a minute without
 * work), waking it for an injection costs a page that names someone about 150-250 ms before its names
 * are painted (bench/results/issue-10.md). The file must be a web-accessible resource (wxt.config.ts);
 * in Chromium it is reachable only under the extension's dynamic id (`use_dynamic_url`), which changes
 * each session and which `runtime.getURL` gives, so that a page cannot probe for it. Resolves false when
 * the browser refused (the caller then asks the background to inject it).
 */
export async function importOwnScript(file: OnDemandScript): Promise<boolean> {
  try {
    await import(/* @vite-ignore */ browser.runtime.getURL(file));
    return true;
  } catch {
    return false;
  }
}

/**
 * Whether Dramatis's first stage runs in a tab's top frame, for the popup where no script there answered:
 * on a page that names nobody the first stage listens for no message (issue 10), and leaves a mark in its
 * isolated world instead (page/page-module.ts `markFirstStage`), which a script run in that world reads.
 * False where the browser refuses to run one (a browser page, a store) or the mark is not there (a page
 * opened before Dramatis was installed).
 */
export async function isFirstStageThere(tabId: number): Promise<boolean> {
  try {
    const [first] = await browser.scripting.executeScript({
      target: { tabId },
      func: (mark: string) => mark in globalThis,
      args: [FIRST_STAGE_MARK],
    });
    return first?.result === true;
  } catch {
    return false;
  }
}
