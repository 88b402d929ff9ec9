/** The content script: runs on every page; all the work is in ./dramatis.ts. */
import { defineContentScript } from 'wxt/utils/define-content-script';
import { runDramatis } from './dramatis';
// The ::highlight() rules: listed in the manifest (and in WXT's dev-mode registration), so the page
// cannot remove them. The card's own CSS is inlined into its shadow root by card-ui.tsx.
import './highlights.css';

export default defineContentScript({
  matches: ['<all_urls>'],
  runAt: 'document_idle',
  cssInjectionMode: 'manifest',
  main(ctx) {
    void runDramatis(ctx);
  },
});
