import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';
import { assertKnowledgeBaseValid } from './scripts/kb-validate-hook';

// See ../README.md for the architecture. Explicit imports only (STYLE.md, habit 3).
export default defineConfig({
  imports: false,
  modules: ['@wxt-dev/webextension-polyfill'],
  vite: () => ({
    plugins: [preact()],
  }),
  hooks: {
    // A malformed knowledge-base entry fails every build and every dev start, naming file, person and field.
    'build:before': () => assertKnowledgeBaseValid(),
    // The ::highlight() rules must live in a document stylesheet the page cannot remove (DESIGN.md),
    // while the card's CSS goes into its shadow root: list public/highlights.css in the manifest.
    'build:manifestGenerated': (_, manifest) => {
      for (const script of manifest.content_scripts ?? [])
        script.css = [...(script.css ?? []), 'highlights.css'];
    },
  },
  manifest: ({ browser }) => ({
    name: 'Dramatis',
    description:
      'Spots the people in the news and shows who they are and what they said, word for word, with the source.',
    permissions: ['storage', 'contextMenus', 'activeTab'],
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: { id: 'dramatis@dramatis.invalid', strict_min_version: '128.0' },
          },
        }
      : {}),
  }),
  webExt: {
    binaries: { chrome: '/usr/bin/chromium', firefox: '/usr/bin/firefox-esr' },
    startUrls: ['http://127.0.0.1:4173/'],
  },
});
