/** The content script: runs on every page; all the work is in ./dramatis.ts. */
import { defineContentScript } from 'wxt/utils/define-content-script';
import { runDramatis } from './dramatis';

export default defineContentScript({
  matches: ['<all_urls>'],
  runAt: 'document_idle',
  // The card's CSS is inlined into its shadow root by card-ui.tsx (no fetch when the first card
  // opens); the highlight CSS has its own content script.
  cssInjectionMode: 'manual',
  main(ctx) {
    void runDramatis(ctx);
  },
});
