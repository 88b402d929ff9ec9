/**
 * The highlight stylesheet's own content script. ::highlight() rules must live in a document-level
 * stylesheet the page cannot remove (DESIGN.md), while the main content script's CSS goes into the
 * card's shadow root. Declaring the CSS here puts it in the manifest's content_scripts (and in WXT's
 * dev-mode registration, which a manifest hook would miss). The script itself does nothing.
 */
import { defineContentScript } from 'wxt/utils/define-content-script';
import './highlights.css';

export default defineContentScript({
  matches: ['<all_urls>'],
  runAt: 'document_start',
  main() {},
});
