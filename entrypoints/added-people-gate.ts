/**
 * The added people's content script: registered by the background only while the reader has added people
 * (platform/added-gate-script.ts), it reads their name gate from storage and offers it to the first stage
 * (page/added-gate.ts), which then reads the page with it too. Wiring only.
 */
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { offerAddedGate } from '../page/added-gate';
import { loadAddedGate } from '../platform/added-gate-store';

export default defineUnlistedScript(() => {
  void loadAddedGate().then((gate) => {
    if (gate) offerAddedGate(gate);
  });
});
