/**
 * The settings file of the options page's export and import: a small JSON envelope around the
 * settings. Import is strict, unlike `sanitizeSettings` (which quietly repairs what storage holds):
 * a file with anything wrong is refused whole, with one message that names the field and what is
 * wrong with it, so the reader's current settings are never half-replaced. Pure.
 */
import {
  describeValue,
  keysOf,
  quoteAll,
  defaultSettings,
  SETTINGS,
  SettingProblem,
  type KnownSources,
  type Settings,
  type SettingsTable,
  type ValuesOf,
} from './settings';

/** The marker that says a JSON file holds Dramatis settings. */
export const SETTINGS_FILE_MARKER = 'dramatis-settings';
/** The file format's version; a file from a newer format is refused rather than misread. */
export const SETTINGS_FILE_VERSION = 1;
/** Larger files are refused before parsing (an exported file is a few kB, or up to about 200 kB with every correction the cap allows). */
export const MAX_SETTINGS_FILE_BYTES = 256 * 1024;

/** The envelope as written to disk. */
export interface SettingsFile {
  format: typeof SETTINGS_FILE_MARKER;
  version: number;
  /** When it was exported (ISO 8601); informative only. */
  exportedAt: string;
  settings: Settings;
}

/** What an import yields: the settings to apply, or why the file was refused. */
export type ParsedSettingsFile<S = Settings> = { ok: true; settings: S } | { ok: false; error: string };

/** The settings file's text for `settings` (pretty-printed, newline at the end, settings in table order). */
export function serializeSettings<T extends SettingsTable = typeof SETTINGS>(
  settings: ValuesOf<T>,
  now: Date = new Date(),
  table: T = SETTINGS as unknown as T,
): string {
  const file = {
    format: SETTINGS_FILE_MARKER,
    version: SETTINGS_FILE_VERSION,
    exportedAt: now.toISOString(),
    settings: Object.fromEntries(keysOf(table).map((key) => [key, settings[key]])),
  };
  return `${JSON.stringify(file, null, 2)}\n`;
}

/** The name to save an export under: `dramatis-settings-2025-12-01.json`. */
export function settingsFileName(now: Date = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `dramatis-settings-${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}.json`;
}

/**
 * Reads a settings file. Settings the file leaves out take their defaults (the file describes the
 * whole state); anything present must be valid, or the whole file is refused with the reason.
 */
export function parseSettingsFile<T extends SettingsTable = typeof SETTINGS>(
  text: string,
  known?: KnownSources,
  table: T = SETTINGS as unknown as T,
): ParsedSettingsFile<ValuesOf<T>> {
  try {
    return { ok: true, settings: readFile(text, known, table) };
  } catch (error) {
    if (error instanceof SettingProblem) return { ok: false, error: error.message };
    throw error;
  }
}

function readFile<T extends SettingsTable>(
  text: string,
  known: KnownSources | undefined,
  table: T,
): ValuesOf<T> {
  if (text.length > MAX_SETTINGS_FILE_BYTES)
    throw new SettingProblem(
      `The file is too large to be Dramatis settings (${Math.round(text.length / 1024)} kB; an export is far smaller).`,
    );
  if (text.trim() === '') throw new SettingProblem('The file is empty.');
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    throw new SettingProblem(`The file is not valid JSON (${(error as Error).message}).`);
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data))
    throw new SettingProblem(`The file holds ${describeValue(data)}, not Dramatis settings.`);
  const file = data as Record<string, unknown>;
  if (file.format !== SETTINGS_FILE_MARKER)
    throw new SettingProblem(
      `This is not a Dramatis settings file: "format" must be "${SETTINGS_FILE_MARKER}", but the file has ${
        'format' in file ? describeValue(file.format) : 'none'
      }.`,
    );
  if (typeof file.version !== 'number' || !Number.isInteger(file.version) || file.version < 1)
    throw new SettingProblem(
      `"version" must be a whole number from 1, but the file has ${describeValue(file.version)}.`,
    );
  if (file.version > SETTINGS_FILE_VERSION)
    throw new SettingProblem(
      `The file was written by a newer Dramatis (format version ${file.version}; this one reads version ${SETTINGS_FILE_VERSION}). Update Dramatis first.`,
    );
  const raw = file.settings;
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw))
    throw new SettingProblem(
      `"settings" must be an object, but the file has ${'settings' in file ? describeValue(raw) : 'none'}.`,
    );
  const settings = raw as Record<string, unknown>;
  const keys = keysOf(table);
  const unknown = Object.keys(settings).filter((key) => !keys.includes(key));
  if (unknown.length > 0)
    throw new SettingProblem(
      `"settings.${unknown[0]}" is not a Dramatis setting (the settings are ${quoteAll(keys)}).`,
    );
  // The file describes the whole state: a setting it leaves out takes its default.
  const result: Record<string, unknown> = defaultSettings(table);
  for (const key of keys) {
    if (!(key in settings)) continue;
    try {
      result[key] = table[key]!.check(settings[key], known);
    } catch (error) {
      if (error instanceof SettingProblem) throw new SettingProblem(`"settings.${key}" ${error.message}`);
      throw error;
    }
  }
  return result as ValuesOf<T>;
}
