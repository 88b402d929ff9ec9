/**
 * The content script, on every page (issue 10's first stage): the name gate and nothing else. It reads
 * the page's text through the gate (page/name-watch.ts) and watches what the page adds; where a name may
 * be, it imports the page's session (entrypoints/page-session.ts) into this frame's isolated world (or has
 * the background inject it there) and hands it the popup's questions from then on. A page that names
 * nobody loads no matcher, card or quotations.
 */
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { BUNDLED_NAME_GATE } from '../../data/name-gate';
import { takeAddedGates } from '../../page/added-gate';
import { markLoadStep } from '../../page/load-marks';
import { NameWatch } from '../../page/name-watch';
import { loadPageModule, markFirstStage, pageAnswers, type PageAnswers } from '../../page/page-module';
import { listen, sendToBackground, type ToContent } from '../../platform/messages';
import { readPageStart } from '../../platform/page-start';
import { importOwnScript } from '../../platform/scripting';
import '../../page/highlights.css'; // ::highlight() rules, in the manifest: the page cannot remove them.

export default defineContentScript({
  matches: ['<all_urls>'],
  runAt: 'document_idle',
  cssInjectionMode: 'manifest',
  noScriptStartedPostMessage: true, // WXT's future default: no postMessage to the page (~4 ms CPU a load).
  main(ctx) {
    markLoadStep('start');
    watchForNames(ctx);
  },
});

/**
 * Reads the page through the name gate until it opens; then starts the page's session. Until then it
 * touches no extension API (the first touch costs a page about 2 ms): it answers no message, and the popup
 * finds it by its mark instead (`markFirstStage`).
 */
function watchForNames(ctx: ContentScriptContext): void {
  const root = document.body;
  if (!root) return;
  markFirstStage();
  let answers: PageAnswers | undefined;
  let stopListening = () => {};
  const startPage = () => {
    markLoadStep('gate-opened'); // Once: the watch stops as its gate opens (the session follows the people).
    if (ctx.isInvalid) return;
    const stored = readPageStart(); // the session's settings, read while its script loads
    stopListening = listen<ToContent>(pageAnswers(() => answers, location.hostname));
    loadPageModule({
      importIt: () => importOwnScript('/page-session.js'),
      inject: () => sendToBackground('background:load-page', {}),
    })
      .then((module) => {
        if (!ctx.isInvalid) answers = module.start(stored);
      })
      .catch((error: unknown) => console.error('Dramatis:', error));
  };
  const watch = new NameWatch({
    root,
    gate: BUNDLED_NAME_GATE,
    onNames: startPage,
    onShut: () => markLoadStep('gate-shut'), // the page as loaded names nobody (so far)
  });
  // The people the reader added have a gate of their own, from their script (page/added-gate.ts), which
  // the background runs again in open tabs when they change.
  takeAddedGates((gate) => watch.addGate(gate));
  ctx.onInvalidated(() => {
    watch.stop();
    stopListening();
  });
}
