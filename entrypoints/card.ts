/**
 * The card's bundle (Preact, Floating UI, the card's CSS and the people's card data), kept out of the
 * content script that runs on every page. The background injects it into a frame's isolated world when
 * that frame's content script asks (page/card-module.ts): when the page names someone, or a card is
 * asked for first. Wiring only.
 */
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { BUNDLED_CARD_MODULE } from '../page/bundled-cards';
import { registerCardModule } from '../page/card-module';

export default defineUnlistedScript(() => {
  registerCardModule(BUNDLED_CARD_MODULE);
});
