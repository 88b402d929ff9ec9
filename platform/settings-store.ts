/**
 * The one place that stores settings (STYLE.md habit 4): one typed storage item per setting of the
 * `SETTINGS` table (core/settings.ts), with the fallback, version and migrations the table gives it;
 * every read goes through `sanitizeSettings`, so a corrupt or unknown stored value falls back to its
 * default instead of crashing a page. No other module calls browser.storage.
 */
import { storage, type WxtStorageItem } from 'wxt/utils/storage';
import { readAddedPeople, type AddedPeople } from '../core/added-people';
import {
  defaultSettings,
  keysOf,
  sanitizeSettings,
  SETTINGS,
  type Settings,
  type SettingsTable,
  type ValuesOf,
} from '../core/settings';

/** Reading, writing and watching the settings of one table. */
export interface SettingsStore<S> {
  /** Reads all settings; any unreadable or invalid value is replaced by its default. */
  loadSettings(): Promise<S>;
  /** Writes the given settings (validated first: invalid fields fall back to their defaults). */
  saveSettings(changes: Partial<S>): Promise<S>;
  /** Replaces every setting at once (an imported file). */
  replaceSettings(settings: S): Promise<S>;
  /** Puts every setting back to its default ("Reset to defaults"). */
  resetSettings(): Promise<S>;
  /** Calls `onChange` with fresh settings whenever any of them changes; returns the unwatch function. */
  watchSettings(onChange: (settings: S) => void): () => void;
}

/**
 * The store of a settings table: each setting is the item `local:settings.<key>`. WXT runs an item's
 * migrations once, when the item is first used, and records its version beside the value (`<key>$`).
 */
export function createSettingsStore<T extends SettingsTable>(table: T): SettingsStore<ValuesOf<T>> {
  type S = ValuesOf<T>;
  const keys = keysOf(table);
  const items = Object.fromEntries(
    keys.map((key) => {
      const { fallback, version, migrations } = table[key]!;
      return [key, storage.defineItem<unknown>(`local:settings.${key}`, { fallback, version, migrations })];
    }),
  ) as Record<string, WxtStorageItem<unknown, Record<string, unknown>>>;
  const itemOf = (key: string) => items[key]!;

  const loadSettings = async (): Promise<S> => {
    const raw: Record<string, unknown> = {};
    await Promise.all(
      keys.map(async (key) => {
        try {
          raw[key] = await itemOf(key).getValue();
        } catch {
          raw[key] = undefined; // A failed read or migration: the default applies.
        }
      }),
    );
    return sanitizeSettings(raw, table);
  };

  const saveSettings = async (changes: Partial<S>): Promise<S> => {
    const next = sanitizeSettings({ ...(await loadSettings()), ...changes }, table);
    await Promise.all(keys.filter((key) => key in changes).map((key) => itemOf(key).setValue(next[key])));
    return next;
  };

  return {
    loadSettings,
    saveSettings,
    replaceSettings: (settings) => saveSettings({ ...settings }),
    resetSettings: () => saveSettings(defaultSettings(table)),
    watchSettings: (onChange) => {
      // Several items change at once on import or reset; only the newest read is reported, so a slower,
      // older read can never overwrite a newer state.
      let latest = 0;
      const stops = keys.map((key) =>
        itemOf(key).watch(() => {
          const read = ++latest;
          void loadSettings().then((settings) => {
            if (read === latest) onChange(settings);
          });
        }),
      );
      return () => stops.forEach((stop) => stop());
    },
  };
}

const store: SettingsStore<Settings> = createSettingsStore(SETTINGS);

/** Reads all settings; any unreadable or invalid value is replaced by its default. */
export const loadSettings = store.loadSettings;
/** Writes the given settings (validated first: invalid fields fall back to their defaults). */
export const saveSettings = store.saveSettings;
/** Replaces every setting at once (an imported file). */
export const replaceSettings = store.replaceSettings;
/** Puts every setting back to its default ("Reset to defaults"). */
export const resetSettings = store.resetSettings;
/** Calls `onChange` with fresh settings whenever any of them changes; returns the unwatch function. */
export const watchSettings = store.watchSettings;

/**
 * The people of stored packs the bundled index lacks, compiled by the background for the pages
 * (core/added-people.ts). Not a setting: it is derived from the packs, never exported or reset.
 */
const addedPeopleItem = storage.defineItem<AddedPeople | null>('local:addedPeople', { fallback: null });

/** Publishes the added people for the pages that load from now on (null: there are none). */
export async function publishAddedPeople(added: AddedPeople | undefined): Promise<void> {
  await addedPeopleItem.setValue(added ?? null);
}

/**
 * What a page starts from: the settings and the added people, read side by side (no second round
 * trip after the settings); a damaged added-people value reads as none.
 */
export async function loadPageStart(): Promise<{ settings: Settings; added: AddedPeople | undefined }> {
  const [settings, added] = await Promise.all([
    loadSettings(),
    addedPeopleItem.getValue().then(readAddedPeople, () => undefined),
  ]);
  return { settings, added };
}
