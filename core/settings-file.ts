/**
 * The settings file of the options page's export and import: a small JSON envelope around the
 * settings. Import is strict, unlike `sanitizeSettings` (which quietly repairs what storage holds):
 * a file with anything wrong is refused whole, with one message that names the field and what is
 * wrong with it, so the reader's current settings are never half-replaced. Pure.
 */
import {
  DEFAULT_SETTINGS,
  HOVER_DELAY_RANGE,
  normalizeSite,
  type HighlightStyle,
  type Settings,
  type Theme,
} from './settings';

/** The marker that says a JSON file holds Dramatis settings. */
export const SETTINGS_FILE_MARKER = 'dramatis-settings';
/** The file format's version; a file from a newer format is refused rather than misread. */
export const SETTINGS_FILE_VERSION = 1;
/** Larger files are refused before parsing (an exported file is well under 2 kB). */
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
export type ParsedSettingsFile = { ok: true; settings: Settings } | { ok: false; error: string };

/** What the knowledge base knows, to refuse a file that names sources or outlets it does not. */
export interface KnownSources {
  sourceIds: readonly string[];
  outlets: readonly string[];
}

const HIGHLIGHT_STYLES: readonly HighlightStyle[] = ['underline', 'background', 'none'];
const THEMES: readonly Theme[] = ['system', 'light', 'dark'];
const SETTING_KEYS = Object.keys(DEFAULT_SETTINGS) as (keyof Settings)[];

/** The settings file's text for `settings` (pretty-printed, newline at the end). */
export function serializeSettings(settings: Settings, now: Date = new Date()): string {
  const file: SettingsFile = {
    format: SETTINGS_FILE_MARKER,
    version: SETTINGS_FILE_VERSION,
    exportedAt: now.toISOString(),
    settings: {
      highlightStyle: settings.highlightStyle,
      hoverDelayMs: settings.hoverDelayMs,
      theme: settings.theme,
      disabledSources: [...settings.disabledSources],
      disabledOutlets: [...settings.disabledOutlets],
      disabledSites: [...settings.disabledSites],
    },
  };
  return `${JSON.stringify(file, null, 2)}\n`;
}

/** The name to save an export under: `dramatis-settings-2025-12-01.json`. */
export function settingsFileName(now: Date = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `dramatis-settings-${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}.json`;
}

class FileError extends Error {}

/** Describes a JSON value for an error message: `"fast"`, `42`, `a list`, `nothing`. */
function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'an object';
  if (typeof value === 'string') return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
  return String(value);
}

const quoteAll = (values: readonly string[]) => values.map((v) => `"${v}"`).join(', ');

function oneOf<T extends string>(key: string, value: unknown, allowed: readonly T[]): T {
  if (typeof value === 'string' && (allowed as readonly string[]).includes(value)) return value as T;
  throw new FileError(
    `"settings.${key}" must be one of ${quoteAll(allowed)}, but the file has ${describeValue(value)}.`,
  );
}

function listOf(key: string, value: unknown, check: (item: string, position: number) => string): string[] {
  if (!Array.isArray(value))
    throw new FileError(`"settings.${key}" must be a list, but the file has ${describeValue(value)}.`);
  const out = new Set<string>();
  value.forEach((item: unknown, i) => {
    if (typeof item !== 'string')
      throw new FileError(
        `"settings.${key}" item ${i + 1} must be text, but the file has ${describeValue(item)}.`,
      );
    out.add(check(item, i + 1));
  });
  return [...out];
}

/**
 * Reads a settings file. Settings the file leaves out take their defaults (the file describes the
 * whole state); anything present must be valid, or the whole file is refused with the reason.
 */
export function parseSettingsFile(text: string, known?: KnownSources): ParsedSettingsFile {
  try {
    return { ok: true, settings: readFile(text, known) };
  } catch (error) {
    if (error instanceof FileError) return { ok: false, error: error.message };
    throw error;
  }
}

function readFile(text: string, known: KnownSources | undefined): Settings {
  if (text.length > MAX_SETTINGS_FILE_BYTES)
    throw new FileError(
      `The file is too large to be Dramatis settings (${Math.round(text.length / 1024)} kB; an export is under 2 kB).`,
    );
  if (text.trim() === '') throw new FileError('The file is empty.');
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    throw new FileError(`The file is not valid JSON (${(error as Error).message}).`);
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data))
    throw new FileError(`The file holds ${describeValue(data)}, not Dramatis settings.`);
  const file = data as Record<string, unknown>;
  if (file.format !== SETTINGS_FILE_MARKER)
    throw new FileError(
      `This is not a Dramatis settings file: "format" must be "${SETTINGS_FILE_MARKER}", but the file has ${
        'format' in file ? describeValue(file.format) : 'none'
      }.`,
    );
  if (typeof file.version !== 'number' || !Number.isInteger(file.version) || file.version < 1)
    throw new FileError(
      `"version" must be a whole number from 1, but the file has ${describeValue(file.version)}.`,
    );
  if (file.version > SETTINGS_FILE_VERSION)
    throw new FileError(
      `The file was written by a newer Dramatis (format version ${file.version}; this one reads version ${SETTINGS_FILE_VERSION}). Update Dramatis first.`,
    );
  const raw = file.settings;
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw))
    throw new FileError(
      `"settings" must be an object, but the file has ${'settings' in file ? describeValue(raw) : 'none'}.`,
    );
  const settings = raw as Record<string, unknown>;
  const unknown = Object.keys(settings).filter((key) => !(SETTING_KEYS as string[]).includes(key));
  if (unknown.length > 0)
    throw new FileError(
      `"settings.${unknown[0]}" is not a Dramatis setting (the settings are ${quoteAll(SETTING_KEYS)}).`,
    );

  const has = (key: keyof Settings) => key in settings;
  const result: Settings = {
    ...DEFAULT_SETTINGS,
    disabledSources: [],
    disabledOutlets: [],
    disabledSites: [],
  };
  if (has('highlightStyle'))
    result.highlightStyle = oneOf('highlightStyle', settings.highlightStyle, HIGHLIGHT_STYLES);
  if (has('theme')) result.theme = oneOf('theme', settings.theme, THEMES);
  if (has('hoverDelayMs')) {
    const delay = settings.hoverDelayMs;
    if (
      typeof delay !== 'number' ||
      !Number.isInteger(delay) ||
      delay < HOVER_DELAY_RANGE.min ||
      delay > HOVER_DELAY_RANGE.max
    )
      throw new FileError(
        `"settings.hoverDelayMs" must be a whole number of milliseconds from ${HOVER_DELAY_RANGE.min} to ${HOVER_DELAY_RANGE.max}, but the file has ${describeValue(delay)}.`,
      );
    result.hoverDelayMs = delay;
  }
  if (has('disabledSources'))
    result.disabledSources = listOf('disabledSources', settings.disabledSources, (id, i) => {
      if (known && !known.sourceIds.includes(id))
        throw new FileError(
          `"settings.disabledSources" item ${i} names a source Dramatis does not have: ${describeValue(id)}.`,
        );
      return id;
    });
  if (has('disabledOutlets'))
    result.disabledOutlets = listOf('disabledOutlets', settings.disabledOutlets, (name, i) => {
      if (known && !known.outlets.includes(name))
        throw new FileError(
          `"settings.disabledOutlets" item ${i} names an outlet Dramatis does not have: ${describeValue(name)} (it has ${quoteAll(known.outlets)}).`,
        );
      return name;
    });
  if (has('disabledSites'))
    result.disabledSites = listOf('disabledSites', settings.disabledSites, (site, i) => {
      const normalized = normalizeSite(site);
      if (!normalized)
        throw new FileError(
          `"settings.disabledSites" item ${i}, ${describeValue(site)}, is not a site name such as example.com.`,
        );
      return normalized;
    });
  return result;
}
