/**
 * The one place that stores settings (STYLE.md habit 4): one typed storage item per setting, each
 * with its fallback, version and migrations; every read goes through `sanitizeSettings`, so a corrupt
 * or unknown stored value falls back to its default instead of crashing a page. No other module
 * calls browser.storage.
 */
import { storage } from 'wxt/utils/storage';
import { DEFAULT_SETTINGS, sanitizeSettings, type Settings } from '../core/settings';

type SettingKey = keyof Settings;

/** A migration: turns the value stored by version N-1 into version N's. Must not throw on junk. */
type Migration = (stored: unknown) => unknown;

/**
 * Storage version and migrations of each item (version 1 needs none). To change how a setting is
 * stored: bump its version here, add the migration from the previous version, and test it in
 * tests/settings-store.test.ts. WXT runs the migrations once, when the item is first used, and
 * records the new version beside the value (`<key>$`).
 */
export const SETTING_VERSIONS: {
  [K in SettingKey]: { version: number; migrations?: Record<number, Migration> };
} = {
  highlightStyle: { version: 1 },
  hoverDelayMs: { version: 1 },
  theme: { version: 1 },
  disabledSources: { version: 1 },
  disabledOutlets: { version: 1 },
  disabledSites: {
    version: 2,
    migrations: {
      // v2 stores each site as the host name `normalizeSite` makes of it ("example.com"), once;
      // v1 stored entries as written ("https://www.Example.com/news", duplicates, junk).
      2: (stored) => sanitizeSettings({ disabledSites: stored }).disabledSites,
    },
  },
};

function defineSetting<K extends SettingKey>(key: K) {
  const { version, migrations } = SETTING_VERSIONS[key];
  return storage.defineItem<Settings[K]>(`local:settings.${key}`, {
    fallback: DEFAULT_SETTINGS[key],
    version,
    ...(migrations ? { migrations: migrations as Record<number, (old: unknown) => Settings[K]> } : {}),
  });
}

/** The storage items, one per setting. */
export const SETTING_ITEMS = {
  highlightStyle: defineSetting('highlightStyle'),
  hoverDelayMs: defineSetting('hoverDelayMs'),
  theme: defineSetting('theme'),
  disabledSources: defineSetting('disabledSources'),
  disabledOutlets: defineSetting('disabledOutlets'),
  disabledSites: defineSetting('disabledSites'),
} satisfies { [K in SettingKey]: unknown };

const KEYS = Object.keys(SETTING_ITEMS) as SettingKey[];

/** Reads all settings; any unreadable or invalid value is replaced by its default. */
export async function loadSettings(): Promise<Settings> {
  const raw: Record<string, unknown> = {};
  await Promise.all(
    KEYS.map(async (key) => {
      try {
        raw[key] = await SETTING_ITEMS[key].getValue();
      } catch {
        raw[key] = undefined; // A failed read or migration: the default applies.
      }
    }),
  );
  return sanitizeSettings(raw);
}

/** Writes the given settings (validated first: invalid fields fall back to their defaults). */
export async function saveSettings(changes: Partial<Settings>): Promise<Settings> {
  const next = sanitizeSettings({ ...(await loadSettings()), ...changes });
  await Promise.all(
    (Object.keys(changes) as SettingKey[])
      .filter((key) => KEYS.includes(key))
      .map((key) => (SETTING_ITEMS[key] as { setValue(v: unknown): Promise<void> }).setValue(next[key])),
  );
  return next;
}

/** Replaces every setting at once (an imported file, "Reset to defaults"). */
export function replaceSettings(settings: Settings): Promise<Settings> {
  return saveSettings({ ...settings });
}

/** Calls `onChange` with fresh settings whenever any of them changes; returns the unwatch function. */
export function watchSettings(onChange: (settings: Settings) => void): () => void {
  // Several items change at once on import or reset; only the newest read is reported, so a slower,
  // older read can never overwrite a newer state.
  let latest = 0;
  const stops = KEYS.map((key) =>
    SETTING_ITEMS[key].watch(() => {
      const read = ++latest;
      void loadSettings().then((settings) => {
        if (read === latest) onChange(settings);
      });
    }),
  );
  return () => stops.forEach((stop) => stop());
}
