/**
 * The extension's local storage area, read, written and watched (STYLE.md habit 4): no other module calls
 * browser.storage. Its callers are the settings store (platform/settings-store.ts) and the added people's
 * record (platform/added-people-store.ts), which the script every page runs reads without the settings.
 */
import { browser, type Browser } from 'wxt/browser';

export type StorageChange = Browser.storage.StorageChange;

/** Reads `keys` in one call; an empty record when storage cannot be read (a broken profile: defaults apply). */
export async function readLocal(keys: string[]): Promise<Record<string, unknown>> {
  try {
    return await browser.storage.local.get(keys);
  } catch {
    return {};
  }
}

/** Writes `values` in one call. */
export async function writeLocal(values: Record<string, unknown>): Promise<void> {
  await browser.storage.local.set(values);
}

/** Calls `onChange` with every change to the local area; returns the unwatch function. */
export function watchLocal(onChange: (changes: Record<string, StorageChange>) => void): () => void {
  const listener = (changes: Record<string, StorageChange>, area: string) => {
    if (area === 'local') onChange(changes);
  };
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
}
