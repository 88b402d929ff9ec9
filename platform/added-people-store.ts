/**
 * The people of stored packs the bundled index lacks, compiled by the background for the pages
 * (core/added-people.ts) and kept under one storage key. Not a setting: it is derived from the packs, never
 * exported or reset. Beside it, their name gate (core/name-gate.ts), which is all the first stage of a page
 * needs of them (issue 10): it reads the gate only where the background registered the added people's
 * script (./added-gate-script.ts), that is, where the reader added someone.
 */
import { readAddedPeople, type AddedPeople } from '../core/added-people';
import { nameGateSource } from '../core/name-gate-source';
import { runAddedGateScriptInOpenTabs, syncAddedGateScript } from './added-gate-script';
import { ADDED_GATE_KEY, ADDED_PEOPLE_KEY } from './added-gate-store';
import { writeLocal, type StorageChange } from './local-storage';

/**
 * Publishes the added people for the pages that load from now on (null: there are none): their index and
 * their gate in one write, then the added people's script registered for new pages (or unregistered) and
 * run in the open ones.
 */
export async function publishAddedPeople(added: AddedPeople | undefined): Promise<void> {
  const gate = added ? nameGateSource(added.index, added.people) : null;
  await writeLocal({ [ADDED_PEOPLE_KEY]: added ?? null, [ADDED_GATE_KEY]: gate });
  await syncAddedGateScript(added !== undefined);
  if (added) await runAddedGateScriptInOpenTabs();
}

/** The added people in a storage read that asked for `ADDED_PEOPLE_KEY`; a damaged value reads as none. */
export function addedPeopleIn(stored: Record<string, unknown>): AddedPeople | undefined {
  return readAddedPeople(stored[ADDED_PEOPLE_KEY] ?? null);
}

/** Reports the added people when a storage change published them again. */
export function followAddedPeople(
  changes: Record<string, StorageChange>,
  onChange: (added: AddedPeople | undefined) => void,
): void {
  const added = changes[ADDED_PEOPLE_KEY];
  if (added) onChange(readAddedPeople(added.newValue ?? null));
}
