/**
 * The gate of the people the reader added, handed to the first stage (issue 10). The script every page
 * runs touches no storage: a page whose reader added nobody pays nothing for the people one might add.
 * Where the reader did add people, the background has registered a second content script
 * (entrypoints/added-people-gate.ts, platform/added-gate-script.ts) that reads their gate from storage and
 * offers it here, in the isolated world both scripts share. The two run in no promised order: whichever comes
 * second completes the hand-over.
 */
import type { NameGateSource } from '../core/name-gate';

const ADDED_GATE_GLOBAL = '__dramatisAddedGate';

type Taker = (source: NameGateSource) => void;
type HandOffGlobal = typeof globalThis & { [ADDED_GATE_GLOBAL]?: NameGateSource | Taker };

/** Called by the added people's script: gives `source` to the first stage, or leaves it for it. */
export function offerAddedGate(source: NameGateSource): void {
  const scope = globalThis as HandOffGlobal;
  const waiting = scope[ADDED_GATE_GLOBAL];
  if (typeof waiting === 'function') waiting(source);
  else scope[ADDED_GATE_GLOBAL] = source;
}

/** Called by the first stage: `take` gets the gate offered before, and each one offered from now on. */
export function takeAddedGates(take: Taker): void {
  const scope = globalThis as HandOffGlobal;
  const offered = scope[ADDED_GATE_GLOBAL];
  scope[ADDED_GATE_GLOBAL] = take;
  if (offered !== undefined && typeof offered !== 'function') take(offered);
}
