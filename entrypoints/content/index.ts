/** The content script: runs on every page; all the work is in ./dramatis.ts. */
import { defineContentScript } from 'wxt/utils/define-content-script';
import './card-frame.css';
import { runDramatis } from './dramatis';

export default defineContentScript({
  matches: ['<all_urls>'],
  runAt: 'document_idle',
  // The card's CSS goes into its shadow root; the highlight CSS has its own content script.
  cssInjectionMode: 'ui',
  main(ctx) {
    void runDramatis(ctx);
  },
});
