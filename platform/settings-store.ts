/**
 * The one place that stores settings (STYLE.md habit 4): one storage key per setting of the `SETTINGS`
 * table (core/settings.ts), `settings.<key>`, with its version beside it (`settings.<key>$`: `{ v }`, the
 * layout @wxt-dev/storage used, so stored settings carry over). Every read goes through
 * `sanitizeSettings`, so a corrupt or unknown stored value falls back to its default instead of crashing a
 * page. It reads and writes through platform/local-storage.ts.
 *
 * All settings are read in ONE storage.local.get: the content script reads them on every page before it
 * paints, and a round trip per setting (as per-item storage does) is what it used to wait for. A key the
 * content script must read at start (issue 13's people added by the reader) belongs in the same call:
 * add it to `loadPageStart`'s keys and to `readPageStart` (./page-start.ts), which the content script
 * issues as its name gate opens.
 */
import type { AddedPeople } from '../core/added-people';
import { ADDED_PEOPLE_KEY } from './added-gate-store';
import { addedPeopleIn, followAddedPeople } from './added-people-store';
import { readLocal, watchLocal, writeLocal } from './local-storage';
import { settingKey, settingVersionKey } from './page-start';
import {
  defaultSettings,
  keysOf,
  migrateStored,
  normalizeSite,
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
  /**
   * Reads all settings and the stored values of `keys` in the same storage read (one round trip), or
   * takes them from a read already under way (`read`, which must hold every setting's items and `keys`).
   */
  loadSettingsWith(
    keys: readonly string[],
    read?: Promise<Record<string, unknown>>,
  ): Promise<{ settings: S; stored: Record<string, unknown> }>;
  /** Writes the given settings (validated first: invalid fields fall back to their defaults). */
  saveSettings(changes: Partial<S>): Promise<S>;
  /** Replaces every setting at once (an imported file). */
  replaceSettings(settings: S): Promise<S>;
  /** Puts every setting back to its default ("Reset to defaults"). */
  resetSettings(): Promise<S>;
  /** Calls `onChange` with fresh settings whenever any of them changes; returns the unwatch function. */
  watchSettings(onChange: (settings: S) => void): () => void;
  /** The handler `watchSettings` listens with, for one storage listener that follows more than settings. */
  followSettings(onChange: (settings: S) => void): (changes: Record<string, unknown>) => void;
}

/** The stored version of a setting: 1 when none was recorded (values stored before versions existed). */
function storedVersion(meta: unknown): number {
  const v = typeof meta === 'object' && meta !== null ? (meta as { v?: unknown }).v : undefined;
  return typeof v === 'number' && Number.isInteger(v) && v >= 1 ? v : 1;
}

/** The store of a settings table. */
export function createSettingsStore<T extends SettingsTable>(table: T): SettingsStore<ValuesOf<T>> {
  type S = ValuesOf<T>;
  const keys = keysOf(table);
  const allKeys = keys.flatMap((key) => [settingKey(key), settingVersionKey(key)]);
  const isSettingKey = new Set(allKeys);

  /** Each setting's stored value, brought up to its current version (migrated values are written back). */
  const readRaw = async (
    extraKeys: readonly string[] = [],
    read?: Promise<Record<string, unknown>>,
  ): Promise<{ raw: Record<string, unknown>; stored: Record<string, unknown> }> => {
    const stored = await (read ?? readLocal([...allKeys, ...extraKeys]));
    const raw: Record<string, unknown> = {};
    const migrated: Record<string, unknown> = {};
    for (const key of keys) {
      const value = stored[settingKey(key)];
      const { version } = table[key]!;
      const from = storedVersion(stored[settingVersionKey(key)]);
      raw[key] = value;
      if (value === undefined || value === null || from >= version) continue; // A newer version's value is only repaired.
      raw[key] = migrateStored(table[key]!, value, from);
      migrated[settingKey(key)] = raw[key];
      migrated[settingVersionKey(key)] = { v: version };
    }
    // Once: the next read finds the current version. A failed write leaves the old value, read again the same way.
    if (Object.keys(migrated).length > 0) await writeLocal(migrated).catch(() => undefined);
    return { raw, stored };
  };

  const loadSettingsWith = async (extraKeys: readonly string[], read?: Promise<Record<string, unknown>>) => {
    const { raw, stored } = await readRaw(extraKeys, read);
    return { settings: sanitizeSettings(raw, table), stored };
  };
  const loadSettings = async (): Promise<S> => (await loadSettingsWith([])).settings;

  const saveSettings = async (changes: Partial<S>): Promise<S> => {
    // Each setting is repaired on its own, so the write needs no read first: it leaves at once, before a
    // page that stores a correction and is closed straight after can go (the read follows the write).
    const valid = sanitizeSettings(changes, table);
    const writes: Record<string, unknown> = {};
    for (const key of keys.filter((k) => k in changes)) {
      writes[settingKey(key)] = valid[key];
      writes[settingVersionKey(key)] = { v: table[key]!.version };
    }
    await writeLocal(writes);
    return loadSettings();
  };

  const followSettings = (onChange: (settings: S) => void) => {
    // Several settings change at once on import or reset; only the newest read is reported, so a
    // slower, older read can never overwrite a newer state.
    let latest = 0;
    return (changes: Record<string, unknown>) => {
      if (!Object.keys(changes).some((key) => isSettingKey.has(key))) return;
      const read = ++latest;
      void loadSettings().then((settings) => {
        if (read === latest) onChange(settings);
      });
    };
  };

  return {
    loadSettings,
    loadSettingsWith,
    saveSettings,
    replaceSettings: (settings) => saveSettings({ ...settings }),
    resetSettings: () => saveSettings(defaultSettings(table)),
    watchSettings: (onChange) => watchLocal(followSettings(onChange)),
    followSettings,
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
 * What a page starts from: the settings and the added people, in one storage read (each round trip costs
 * the page script time of its own), or from the read the content script started (`read`, ./page-start.ts);
 * a damaged added-people value reads as none.
 */
export async function loadPageStart(
  read?: Promise<Record<string, unknown>>,
): Promise<{ settings: Settings; added: AddedPeople | undefined }> {
  const { settings, stored } = await store.loadSettingsWith([ADDED_PEOPLE_KEY], read);
  return { settings, added: addedPeopleIn(stored) };
}

/**
 * Follows what a page started from, with ONE storage listener: fresh settings when a setting changes, and
 * the added people when the background publishes them again (a reader added, edited or removed someone
 * in another tab). A change to any other key reports nothing. Returns the unwatch function.
 */
export function watchPageStart(handlers: {
  onSettings: (settings: Settings) => void;
  onAddedPeople: (added: AddedPeople | undefined) => void;
}): () => void {
  const onSettingsChanged = store.followSettings(handlers.onSettings);
  return watchLocal((changes) => {
    onSettingsChanged(changes);
    followAddedPeople(changes, handlers.onAddedPeople);
  });
}

/** Turns Dramatis off on the site of `hostname` (the card's link), keeping the sites already off. */
export async function pauseSite(hostname: string): Promise<void> {
  const site = normalizeSite(hostname);
  if (!site) return;
  const { disabledSites } = await loadSettings();
  await saveSettings({ disabledSites: [...disabledSites, site] });
}
