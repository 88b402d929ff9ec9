/**
 * Where the background publishes the added people (./added-people-store.ts), and the read of their name
 * gate: all that the added people's script needs of them (entrypoints/added-people-gate.ts), and the keys
 * the page's first read asks for (./page-start.ts). Apart, so that those scripts carry neither the matcher
 * nor the added people's index.
 */
import { readNameGateSource, type NameGateSource } from '../core/name-gate';
import { readLocal } from './local-storage';

/** The added people and their matcher index (core/added-people.ts `AddedPeople`), or null. */
export const ADDED_PEOPLE_KEY = 'addedPeople';
/** The added people's name gate (core/name-gate.ts `NameGateSource`), or null. */
export const ADDED_GATE_KEY = 'addedPeopleGate';

/** The added people's gate as published; undefined when there is none (or the value is damaged). */
export async function loadAddedGate(): Promise<NameGateSource | undefined> {
  return readNameGateSource((await readLocal([ADDED_GATE_KEY]))[ADDED_GATE_KEY]);
}
