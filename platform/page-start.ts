/**
 * What a page's session starts from, in storage: each setting's item (`settings.<name>`) and its version
 * (`settings.<name>$`), and the people the reader added. The script every page runs starts reading them
 * where its name gate opens, while the session's script loads (entrypoints/content/index.ts), so that the
 * names found first are painted without waiting for a read issued only once the session runs; the settings
 * store (./settings-store.ts) turns what was read into settings.
 */
import { SETTING_NAMES } from '../core/setting-names';
import { ADDED_PEOPLE_KEY } from './added-gate-store';
import { readLocal } from './local-storage';

/** The storage item of the setting `name`. */
export const settingKey = (name: string) => `settings.${name}`;
/** Where the stored version of the setting `name` lives. */
export const settingVersionKey = (name: string) => `settings.${name}$`;

/** The stored items a page starts from, read in one call (an empty record when storage cannot be read). */
export function readPageStart(): Promise<Record<string, unknown>> {
  const keys = SETTING_NAMES.flatMap((name) => [settingKey(name), settingVersionKey(name)]);
  return readLocal([...keys, ADDED_PEOPLE_KEY]);
}
