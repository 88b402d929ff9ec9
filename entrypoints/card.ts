/**
 * The card's bundle (Preact, Floating UI, the card's CSS and the people's card data), kept out of the
 * content script that runs on every page. The background injects it into a frame's isolated world when
 * that frame's content script asks (page/card-module.ts): when the page names someone, or a card is
 * asked for first. Wiring only.
 */
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { BUNDLED_CARDS, createCardModule } from '../page/bundled-cards';
import { registerCardModule } from '../page/card-module';
import { withStoredCards } from '../page/stored-cards';
import { sendToBackground } from '../platform/messages';

export default defineUnlistedScript(() => {
  // People of stored packs (added by the reader, imported) get their card from the background.
  const cards = withStoredCards(BUNDLED_CARDS, (person) =>
    sendToBackground('background:card-data', { person }),
  );
  registerCardModule(createCardModule(cards));
});
