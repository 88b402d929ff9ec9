/**
 * The browser's own extension API, without webextension-polyfill: what `wxt/browser` resolves to in the
 * content script's build (wxt.config.ts), so that the script every page runs does not carry the polyfill
 * (about 3 KB gzipped of the 25 KB it may weigh). Firefox's `browser` and Chromium's MV3 `chrome` both
 * return promises from the calls the content script makes (storage.local.get and set,
 * runtime.sendMessage); the one thing only the polyfill adds, a promise returned by a runtime.onMessage
 * listener, platform/messages.ts does not rely on (it answers through `sendResponse`). The popup, the
 * options page and the background keep the polyfill.
 */
import type { browser as wxtBrowser } from 'wxt/browser';

type ExtensionGlobal = typeof globalThis & {
  browser?: typeof wxtBrowser;
  chrome?: typeof wxtBrowser;
};

const scope = globalThis as ExtensionGlobal;

let api: typeof wxtBrowser | undefined;
/** Firefox's `browser` where it is the extension API (a page may define a global of that name), else `chrome`. */
const resolve = () =>
  (api ??= (scope.browser?.runtime?.id ? scope.browser : scope.chrome) as typeof wxtBrowser);

/**
 * The extension API, looked up on first use: the first touch of it costs a page about 2 ms (the browser
 * builds its bindings; bench/results/issue-10.md), which a page that names nobody never pays, because the
 * first stage touches it only where its gate opens.
 */
export const browser = new Proxy({} as typeof wxtBrowser, {
  get: (_, key) => resolve()[key as keyof typeof wxtBrowser],
});
