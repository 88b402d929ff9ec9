/**
 * The people of stored packs the bundled index lacks, compiled by the background for the pages
 * (core/added-people.ts) and kept under one storage key. Not a setting: it is derived from the packs, never
 * exported or reset. Apart from the settings store, so that the script every page runs (issue 10's first
 * stage) reads it without evaluating the settings table.
 */
import { readAddedPeople, type AddedPeople } from '../core/added-people';
import { readLocal, watchLocal, writeLocal, type StorageChange } from './local-storage';

export const ADDED_PEOPLE_KEY = 'addedPeople';

/** Publishes the added people for the pages that load from now on (null: there are none). */
export async function publishAddedPeople(added: AddedPeople | undefined): Promise<void> {
  await writeLocal({ [ADDED_PEOPLE_KEY]: added ?? null });
}

/** The added people in a storage read that asked for `ADDED_PEOPLE_KEY`; a damaged value reads as none. */
export function addedPeopleIn(stored: Record<string, unknown>): AddedPeople | undefined {
  return readAddedPeople(stored[ADDED_PEOPLE_KEY] ?? null);
}

/** The added people alone (the first stage of a page, page/name-watch.ts); a damaged value reads as none. */
export async function loadAddedPeople(): Promise<AddedPeople | undefined> {
  return addedPeopleIn(await readLocal([ADDED_PEOPLE_KEY]));
}

/** Calls `onChange` each time the background publishes the added people again; returns the unwatch function. */
export function watchAddedPeople(onChange: (added: AddedPeople | undefined) => void): () => void {
  return watchLocal((changes) => followAddedPeople(changes, onChange));
}

/** Reports the added people when a storage change published them again. */
export function followAddedPeople(
  changes: Record<string, StorageChange>,
  onChange: (added: AddedPeople | undefined) => void,
): void {
  const added = changes[ADDED_PEOPLE_KEY];
  if (added) onChange(readAddedPeople(added.newValue ?? null));
}
