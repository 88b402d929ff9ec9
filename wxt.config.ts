import { fileURLToPath } from 'node:url';
import type { Alias, AliasOptions } from 'vite';
import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';
import { assertKnowledgeBaseValid } from './scripts/kb-validate-hook';
import { matcherIndexPlugin } from './scripts/matcher-index-plugin';

/** The browser's own API (no polyfill), for the script every page runs: see platform/native-browser.ts. */
const NATIVE_BROWSER = fileURLToPath(new URL('./platform/native-browser.ts', import.meta.url));
/** The first stage's context, in place of WXT's (see platform/first-stage-context.ts). */
const FIRST_STAGE_CONTEXT = fileURLToPath(new URL('./platform/first-stage-context.ts', import.meta.url));

/** Vite's aliases as a list (it accepts a record too); the first that matches wins. */
function aliasList(alias: AliasOptions | undefined): Alias[] {
  if (!alias) return [];
  return Array.isArray(alias)
    ? alias
    : Object.entries(alias).map(([find, replacement]) => ({ find, replacement: String(replacement) }));
}

const ICON_SIZES = [16, 32, 48, 96, 128] as const;
const ICONS = Object.fromEntries(ICON_SIZES.map((size) => [size, `icons/${size}.png`]));

// See ../README.md for the architecture. Explicit imports only (STYLE.md, habit 3).
export default defineConfig({
  imports: false,
  // auto-icons draws every icon size from the one SVG (assets/icon.svg) at build time, so the PNGs are
  // never edited or committed by hand; 96 is Firefox's 48 px icon on high-density screens.
  modules: ['@wxt-dev/webextension-polyfill', '@wxt-dev/auto-icons'],
  autoIcons: { baseIconPath: 'assets/icon.svg', sizes: [...ICON_SIZES] },
  vite: () => ({
    // The matcher's alias forms are worked out here, once, not on every page load.
    plugins: [preact(), matcherIndexPlugin()],
  }),
  hooks: {
    // A malformed knowledge-base entry fails every build and every dev start, naming file, person and field.
    'build:before': () => assertKnowledgeBaseValid(),
    // The content script runs on every page: it talks to the browser's own API, not through
    // webextension-polyfill (which the other entrypoints keep), so `wxt/browser` resolves to
    // platform/native-browser.ts in its build alone; WXT's own content-script context imports it too.
    'vite:build:extendConfig': (entrypoints, config) => {
      // The page session's bundle (entrypoints/page-session.ts) and the added people's script
      // (entrypoints/added-people-gate.ts) run beside it in the same world: the same.
      const besideIt = new Set(['page-session', 'added-people-gate']);
      if (!entrypoints.some((entry) => entry.type === 'content-script' || besideIt.has(entry.name))) return;
      config.resolve ??= {};
      // The script every page runs gets a context that touches the extension API only when asked
      // (platform/first-stage-context.ts); the session builds WXT's own.
      const firstStage = entrypoints.some((entry) => entry.type === 'content-script')
        ? [{ find: /^wxt\/utils\/content-script-context$/, replacement: FIRST_STAGE_CONTEXT }]
        : [];
      config.resolve.alias = [
        { find: /^wxt\/browser$/, replacement: NATIVE_BROWSER },
        ...firstStage,
        ...aliasList(config.resolve.alias),
      ];
    },
  },
  manifest: ({ browser, manifestVersion }) => ({
    name: 'Dramatis',
    description:
      'Spots the people in the news and shows who they are and what they said, word for word, with the source.',
    // activeTab: the popup may read the URL of the tab it was opened on (to name the site it pauses).
    // scripting and host access: the background runs the card's script (entrypoints/card.ts) in a page's
    // frame when its content script first needs a card, and "Save this article" injects its reader once
    // the reader asks; the content script already runs on every page, so host access adds no install
    // warning. Firefox's MV2 build gets the same through tabs.executeScript.
    permissions: ['storage', 'contextMenus', 'activeTab', 'scripting'],
    host_permissions: ['<all_urls>'],
    // The page's session, imported by the content script of a page that names someone, without waking the
    // background (platform/scripting.ts importOwnScript). Chromium: only under the dynamic id, which changes
    // each session, so that no page can probe for Dramatis; Firefox's extension id is random per install.
    web_accessible_resources:
      manifestVersion === 3
        ? [{ resources: ['page-session.js'], matches: ['<all_urls>'], use_dynamic_url: true }]
        : ['page-session.js'],
    // The toolbar button's own icon (auto-icons fills only the top-level `icons`).
    [manifestVersion === 3 ? 'action' : 'browser_action']: { default_icon: ICONS },
    commands: {
      // Opens the toolbar popup (MV3 `_execute_action`, MV2 `_execute_browser_action`). Alt+Shift+N/P
      // are taken by the page's next/previous-name keys; readers can rebind it in the browser.
      [manifestVersion === 3 ? '_execute_action' : '_execute_browser_action']: {
        suggested_key: { default: 'Alt+Shift+D' },
        description: 'Open Dramatis (people on this page, search)',
      },
    },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'dramatis@dramatis.invalid',
              // 140: the first ESR that reads data_collection_permissions.
              strict_min_version: '140.0',
              // Dramatis collects and transmits nothing.
              data_collection_permissions: { required: ['none'] },
            },
            gecko_android: { strict_min_version: '142.0' },
          },
        }
      : {}),
  }),
  webExt: {
    binaries: { chrome: '/usr/bin/chromium', firefox: '/usr/bin/firefox-esr' },
    startUrls: ['http://127.0.0.1:4173/'],
    // Chromium will not start as root (CI, containers, this machine) unless its sandbox is off.
    chromiumArgs: process.getuid?.() === 0 ? ['--no-sandbox'] : [],
  },
});
