/**
 * The card's bundle (Preact, Floating UI, the card's CSS), kept out of the content script that runs on
 * every page. The background injects it into a frame's isolated world when that frame's content script
 * asks (page/card-module.ts): when the page names someone, or a card is asked for first. The people's
 * card data comes from the background's merged knowledge (every enabled pack) when a card is prepared,
 * and is dropped when the background says the knowledge base changed. Wiring only.
 */
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { registerCardModule } from '../page/card-module';
import { createCardModule } from '../page/knowledge-cards';
import { listen, sendToBackground, type ToContent } from '../platform/messages';

export default defineUnlistedScript(() => {
  const module = createCardModule((person) => sendToBackground('background:card-data', { person }));
  listen<ToContent>({ 'content:knowledge-changed': () => module.refresh() });
  registerCardModule(module);
});
