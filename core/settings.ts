/**
 * Dramatis's settings, each defined once in `SETTINGS`: its fallback, the values it allows, and how it is
 * stored (version, migrations). Everything else is derived from that table: the `Settings` type, the
 * defaults, the lenient read of stored values (`sanitizeSettings`), the strict check of a settings file
 * (core/settings-file.ts), the storage items and reset (platform/settings-store.ts). Adding a setting is
 * one entry here plus its test. Pure.
 */

import { MAX_CORRECTIONS, readCorrection } from './corrections';
import { normalizeSite } from './site';

export { normalizeSite };

/** A migration: turns the value stored by version N-1 into version N's. Must not throw on junk. */
export type Migration = (stored: unknown) => unknown;

/** What the knowledge base knows, so that a file naming a source or outlet it does not have is refused. */
export interface KnownSources {
  sourceIds: readonly string[];
  outlets: readonly string[];
}

/** Why a value is refused by a setting's strict check: a sentence that follows the field's name. */
export class SettingProblem extends Error {}

/** One setting: everything the rest of the code derives from. */
export interface SettingSpec<T> {
  /** The value of a fresh install, and of a stored value that cannot be repaired. */
  fallback: T;
  /** Lenient read of a stored value (missing, corrupt, hand-edited): a valid value, never a throw. */
  repair(value: unknown): T;
  /** Strict read of a file's value: the value, or a `SettingProblem` saying what it must be. */
  check(value: unknown, known?: KnownSources): T;
  /** Storage version; bump it with a migration from the previous version when the stored form changes. */
  version: number;
  /** Keyed by the version each migration produces (2 turns a version-1 value into version 2's). */
  migrations?: Record<number, Migration>;
}

/** How a setting is stored; version 1 needs no migrations. */
type StoredAs = Pick<SettingSpec<unknown>, 'version' | 'migrations'>;

/** Any table of settings (the real one, or a test's with one more). */
export type SettingsTable = Record<string, SettingSpec<unknown>>;

/** The values of a table's settings. */
export type ValuesOf<T extends SettingsTable> = {
  [K in keyof T]: T[K] extends SettingSpec<infer V> ? V : never;
};

/** Describes a JSON value for an error message: `"fast"`, `42`, `a list`, `null`. */
export function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'an object';
  if (typeof value === 'string') return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
  return String(value);
}

/** `"a", "b", "c"`, for messages. */
export const quoteAll = (values: readonly string[]): string => values.map((v) => `"${v}"`).join(', ');

const refuse = (expected: string, value: unknown): never => {
  throw new SettingProblem(`must be ${expected}, but the file has ${describeValue(value)}.`);
};

/** A setting that is one of a few strings. */
export function oneOf<const T extends string>(
  values: readonly T[],
  fallback: NoInfer<T>,
  storage: StoredAs = { version: 1 },
): SettingSpec<T> & { values: readonly T[] } {
  const isAllowed = (value: unknown): value is T =>
    typeof value === 'string' && (values as readonly string[]).includes(value);
  return {
    ...storage,
    values,
    fallback,
    repair: (value) => (isAllowed(value) ? value : fallback),
    check: (value) => (isAllowed(value) ? value : refuse(`one of ${quoteAll(values)}`, value)),
  };
}

/** A whole number within a range; a stored value outside it is clamped, a file's is refused. */
export function wholeNumber(options: {
  min: number;
  max: number;
  fallback: number;
  unit: string;
  storage?: StoredAs;
}): SettingSpec<number> & { min: number; max: number } {
  const { min, max, fallback, unit, storage = { version: 1 } } = options;
  return {
    ...storage,
    min,
    max,
    fallback,
    repair: (value) =>
      typeof value === 'number' && Number.isFinite(value)
        ? Math.round(Math.min(max, Math.max(min, value)))
        : fallback,
    check: (value) =>
      typeof value === 'number' && Number.isInteger(value) && value >= min && value <= max
        ? value
        : refuse(`a whole number of ${unit} from ${min} to ${max}`, value),
  };
}

/** Each string of `value` passed through `normalize`, once each; what is not a string or not valid is dropped. */
function repairList(value: unknown, normalize: (item: string) => string | undefined): string[] {
  if (!Array.isArray(value)) return [];
  const out = new Set<string>();
  for (const item of value) {
    const normalized = typeof item === 'string' ? normalize(item) : undefined;
    if (normalized) out.add(normalized);
  }
  return [...out];
}

/** A list of strings, each kept once (sources, outlets, sites turned off); the fallback is empty. */
export function textList(options: {
  /** The form an item is kept in; undefined when it is no valid item. */
  normalize?: (item: string) => string | undefined;
  /** What the file is told about an item `normalize` refuses (after `item N, "x", `). */
  invalidItem?: string;
  /** The names a file's item must be among, when the caller knows them. */
  known?: { pick: (known: KnownSources) => readonly string[]; noun: string; isListed: boolean };
  storage?: StoredAs;
}): SettingSpec<string[]> {
  const { normalize = (item: string) => item || undefined, invalidItem, known, storage } = options;
  return {
    version: 1,
    ...storage,
    fallback: [],
    repair: (value) => repairList(value, normalize),
    check: (value, knownSources) => {
      if (!Array.isArray(value)) return refuse('a list', value);
      const names = known && knownSources ? known.pick(knownSources) : undefined;
      const out = new Set<string>();
      value.forEach((item: unknown, i) => {
        const at = `item ${i + 1}`;
        if (typeof item !== 'string')
          throw new SettingProblem(`${at} must be text, but the file has ${describeValue(item)}.`);
        const normalized = normalize(item);
        if (normalized === undefined)
          throw new SettingProblem(`${at}, ${describeValue(item)}, ${invalidItem ?? 'is empty'}.`);
        if (known && names && !names.includes(normalized))
          throw new SettingProblem(
            `${at} names ${known.noun} Dramatis does not have: ${describeValue(item)}${
              known.isListed ? ` (it has ${quoteAll(names)})` : ''
            }.`,
          );
        out.add(normalized);
      });
      return [...out];
    },
  };
}

/**
 * A capped list of records (the reader's corrections): `read` turns one stored or filed item into a
 * record or a sentence saying what is wrong; a stored list keeps its valid items (the newest `max`), a
 * file's list is refused at its first wrong item or when it holds more than `max`.
 */
export function recordList<T>(options: {
  read: (item: unknown) => T | string;
  max: number;
  noun: string;
  storage?: StoredAs;
}): SettingSpec<T[]> {
  const { read, max, noun, storage = { version: 1 } } = options;
  return {
    ...storage,
    fallback: [],
    repair: (value) =>
      Array.isArray(value)
        ? value
            .map(read)
            .filter((item): item is T => typeof item !== 'string')
            .slice(-max)
        : [],
    check: (value) => {
      if (!Array.isArray(value)) return refuse(`a list of ${noun}`, value);
      if (value.length > max)
        throw new SettingProblem(`must hold at most ${max} ${noun}, but the file has ${value.length}.`);
      return value.map((item: unknown, i) => {
        const record = read(item);
        if (typeof record === 'string') throw new SettingProblem(`item ${i + 1} ${record}.`);
        return record;
      });
    },
  };
}

/**
 * Every setting, defined once. To add one: an entry here (fallback, allowed values or range, storage
 * version), its name in core/setting-names.ts and a test in tests/settings.test.ts; the type, defaults,
 * repair, file check, storage item and reset follow. To change how one is stored: bump its version and add
 * the migration from the previous one.
 */
export const SETTINGS = {
  /** How mentions are painted. */
  highlightStyle: oneOf(['underline', 'background', 'none'], 'underline'),
  /** How checked quotations are painted (issue 13); off: quotations are not checked at all. */
  quoteHighlight: oneOf(['underline', 'background', 'off'], 'underline'),
  /** Milliseconds the pointer rests on a name before its card opens. */
  hoverDelayMs: wholeNumber({ min: 100, max: 2000, fallback: 500, unit: 'milliseconds' }),
  /** The card's colour scheme. */
  theme: oneOf(['system', 'light', 'dark'], 'system'),
  /** Source ids turned off in options. */
  disabledSources: textList({
    known: { pick: (known) => known.sourceIds, noun: 'a source', isListed: false },
  }),
  /** Outlet names turned off in options (all their sources at once). */
  disabledOutlets: textList({
    known: { pick: (known) => known.outlets, noun: 'an outlet', isListed: true },
  }),
  /** Host names where Dramatis does nothing. */
  disabledSites: textList({
    normalize: normalizeSite,
    invalidItem: 'is not a site name such as example.com',
    storage: {
      version: 2,
      migrations: {
        // v2 stores each site as the host name `normalizeSite` makes of it ("example.com"), once;
        // v1 stored entries as written ("https://www.Example.com/news", duplicates, junk).
        2: (stored) => repairList(stored, normalizeSite),
      },
    },
  }),
  /** The reader's corrections of who a name is, on a page or a site (core/corrections.ts). */
  corrections: recordList({ read: readCorrection, max: MAX_CORRECTIONS, noun: 'corrections' }),
} satisfies SettingsTable;

/** Every setting, as the rest of the code sees them. */
export type Settings = ValuesOf<typeof SETTINGS>;
/** How mentions are painted. */
export type HighlightStyle = Settings['highlightStyle'];
/** How checked quotations are painted. */
export type QuoteHighlight = Settings['quoteHighlight'];
/** The card's colour scheme. */
export type Theme = Settings['theme'];

/** The keys of a table, in its order. */
export const keysOf = <T extends SettingsTable>(table: T): (keyof T & string)[] => Object.keys(table);

/** Fresh default settings of a table (new lists each time, safe to hand to a store). */
export function defaultSettings<T extends SettingsTable = typeof SETTINGS>(
  table: T = SETTINGS as unknown as T,
): ValuesOf<T> {
  return Object.fromEntries(
    keysOf(table).map((key) => [key, structuredClone(table[key]!.fallback)]),
  ) as ValuesOf<T>;
}

/** Settings of a fresh install. */
export const DEFAULT_SETTINGS: Readonly<Settings> = Object.freeze(defaultSettings(SETTINGS));

/** Turns any value into valid settings: each field that is missing or wrong falls back to its default. */
export function sanitizeSettings<T extends SettingsTable = typeof SETTINGS>(
  value: unknown,
  table: T = SETTINGS as unknown as T,
): ValuesOf<T> {
  const raw =
    typeof value === 'object' && value !== null && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : {};
  return Object.fromEntries(keysOf(table).map((key) => [key, table[key]!.repair(raw[key])])) as ValuesOf<T>;
}

/**
 * A value stored by version `from` of `spec`, brought to its current version through each migration in
 * turn (a step without one keeps the value). A migration that throws gives undefined: the default applies.
 */
export function migrateStored(
  spec: Pick<SettingSpec<unknown>, 'version' | 'migrations'>,
  value: unknown,
  from: number,
): unknown {
  let migrated = value;
  try {
    for (let v = from + 1; v <= spec.version; v++) migrated = spec.migrations?.[v]?.(migrated) ?? migrated;
  } catch {
    return undefined;
  }
  return migrated;
}

/** True when Dramatis is turned off on `hostname` (a listed site or any of its subdomains). */
export function isSiteDisabled(settings: Pick<Settings, 'disabledSites'>, hostname: string): boolean {
  // "example.com." (a fully qualified name with its final dot) is the same site as "example.com".
  const host = hostname
    .toLowerCase()
    .replace(/^www\./, '')
    .replace(/\.$/, '');
  return settings.disabledSites.some((site) => host === site || host.endsWith(`.${site}`));
}
