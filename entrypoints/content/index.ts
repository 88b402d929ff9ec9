/**
 * The content script, on every page (issue 10's first stage): the name gate and nothing else. It reads
 * the page's text through the gate (page/name-watch.ts) and watches what the page adds; where a name may
 * be, it imports the page's session (entrypoints/page-session.ts) into this frame's isolated world (or has
 * the background inject it there) and hands it the popup's questions from then on. A page that names
 * nobody loads no matcher, card or quotations.
 */
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { defineContentScript } from 'wxt/utils/define-content-script';
import type { NameGateSource } from '../../core/name-gate';
import { BUNDLED_NAME_GATE } from '../../data/name-gate';
import { takeAddedGates } from '../../page/added-gate';
import { markLoadStep } from '../../page/load-marks';
import { NameWatch } from '../../page/name-watch';
import { idleAnswers, loadPageModule, type PageAnswers } from '../../page/page-module';
import { listen, sendToBackground, type ToContent } from '../../platform/messages';
import { loadAddedGate } from '../../platform/added-gate-store';
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

/** Reads the page through the name gate until it opens; then starts the page's session. */
function watchForNames(ctx: ContentScriptContext): void {
  const root = document.body;
  if (!root) return;
  let answers: PageAnswers | undefined;
  const idle = idleAnswers(location.hostname);
  const startPage = () => {
    markLoadStep('gate-opened'); // Once: the watch stops as its gate opens (the session follows the people).
    const stored = readPageStart(); // the session's settings, read while its script loads
    loadPageModule({
      importIt: () => importOwnScript('/page-session.js'),
      inject: () => sendToBackground('background:load-page', {}),
    })
      .then((module) => {
        if (!ctx.isInvalid) answers = module.start(ctx, stored);
      })
      .catch((error: unknown) => console.error('Dramatis:', error));
  };
  const watch = new NameWatch({
    root,
    gate: BUNDLED_NAME_GATE,
    onNames: startPage,
    onShut: () => markLoadStep('gate-shut'), // the page as loaded names nobody (so far)
  });
  // The people the reader added have a gate of their own: from their script (page/added-gate.ts), and
  // read again each time the knowledge changes while no session runs.
  const addGate = (gate: NameGateSource | undefined) => {
    if (gate) watch.addGate(gate);
  };
  takeAddedGates(addGate);
  // The session answers once it runs; until then, the page names nobody.
  const answer =
    <K extends keyof ToContent>(type: K) =>
    (request: ToContent[K]['request']) =>
      (answers ?? idle)[type](request);
  const stopListening = listen<ToContent>({
    'content:get-page-state': answer('content:get-page-state'),
    'content:reveal-person': answer('content:reveal-person'),
    'content:get-count': answer('content:get-count'),
    'content:knowledge-changed': (request) =>
      answers ? answers['content:knowledge-changed'](request) : void loadAddedGate().then(addGate),
  });
  ctx.onInvalidated(() => {
    watch.stop();
    stopListening();
  });
}
