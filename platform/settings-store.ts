/**
 * The one place that stores settings (STYLE.md habit 4): one typed storage item per setting, each
 * with its fallback and version; every read goes through `sanitizeSettings`, so a corrupt or unknown
 * stored value falls back to its default instead of crashing a page.
 */
import { storage } from 'wxt/utils/storage';
import { DEFAULT_SETTINGS, sanitizeSettings, type Settings } from '../core/settings';

type SettingKey = keyof Settings;

/** Storage version of every item. Bump one item's version and add a migration when its shape changes. */
const VERSION = 1;

function defineSetting<K extends SettingKey>(key: K) {
  return storage.defineItem<Settings[K]>(`local:settings.${key}`, {
    fallback: DEFAULT_SETTINGS[key],
    version: VERSION,
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
    (Object.keys(changes) as SettingKey[]).map((key) =>
      (SETTING_ITEMS[key] as { setValue(v: unknown): Promise<void> }).setValue(next[key]),
    ),
  );
  return next;
}

/** Calls `onChange` with fresh settings whenever any of them changes; returns the unwatch function. */
export function watchSettings(onChange: (settings: Settings) => void): () => void {
  const stops = KEYS.map((key) =>
    SETTING_ITEMS[key].watch(() => {
      void loadSettings().then(onChange);
    }),
  );
  return () => stops.forEach((stop) => stop());
}
