/**
 * Dramatis's settings: their types, defaults and the one function that turns any stored value
 * (missing, corrupt, from an older version, hand-edited) into valid settings. Pure; storage lives in
 * platform/settings-store.ts.
 */

/** How mentions are painted. */
export type HighlightStyle = 'underline' | 'background' | 'none';
/** The card's colour scheme. */
export type Theme = 'system' | 'light' | 'dark';

/** Every setting, as the rest of the code sees them. */
export interface Settings {
  highlightStyle: HighlightStyle;
  /** Milliseconds the pointer rests on a name before its card opens. */
  hoverDelayMs: number;
  theme: Theme;
  /** Source ids turned off in options. */
  disabledSources: string[];
  /** Outlet names turned off in options (all their sources at once). */
  disabledOutlets: string[];
  /** Host names where Dramatis does nothing. */
  disabledSites: string[];
}

/** Settings of a fresh install. */
export const DEFAULT_SETTINGS: Readonly<Settings> = Object.freeze({
  highlightStyle: 'underline',
  hoverDelayMs: 500,
  theme: 'system',
  disabledSources: [],
  disabledOutlets: [],
  disabledSites: [],
});

/** Bounds of the hover delay, in milliseconds. */
export const HOVER_DELAY_RANGE = { min: 100, max: 2000 } as const;

const HIGHLIGHT_STYLES: readonly HighlightStyle[] = ['underline', 'background', 'none'];
const THEMES: readonly Theme[] = ['system', 'light', 'dark'];

function pick<T extends string>(value: unknown, allowed: readonly T[], fallback: T): T {
  return typeof value === 'string' && (allowed as readonly string[]).includes(value)
    ? (value as T)
    : fallback;
}

function stringList(value: unknown, normalize: (s: string) => string | undefined = (s) => s): string[] {
  if (!Array.isArray(value)) return [];
  const out = new Set<string>();
  for (const item of value) {
    if (typeof item !== 'string') continue;
    const normalized = normalize(item);
    if (normalized) out.add(normalized);
  }
  return [...out];
}

/**
 * Normalises what a reader types as a site ("https://www.Example.com/path", "example.com") to the
 * host name Dramatis compares with `location.hostname`; undefined when it is not a host name.
 */
export function normalizeSite(input: string): string | undefined {
  let text = input.trim().toLowerCase();
  if (!text) return undefined;
  if (!/^[a-z][a-z0-9+.-]*:\/\//.test(text)) text = `http://${text}`;
  try {
    const host = new URL(text).hostname.replace(/^www\./, '').replace(/\.$/, '');
    // Every label must be non-empty: ".com" or "example..com" is no site.
    const isDomain = /^[a-z0-9.-]+$/.test(host) && host.includes('.') && !host.split('.').includes('');
    return isDomain || host === 'localhost' ? host : undefined;
  } catch {
    return undefined;
  }
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

/** Turns any value into valid settings: each field that is missing or wrong falls back to its default. */
export function sanitizeSettings(value: unknown): Settings {
  const raw =
    typeof value === 'object' && value !== null && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : {};
  const delay = raw.hoverDelayMs;
  return {
    highlightStyle: pick(raw.highlightStyle, HIGHLIGHT_STYLES, DEFAULT_SETTINGS.highlightStyle),
    hoverDelayMs:
      typeof delay === 'number' && Number.isFinite(delay)
        ? Math.round(Math.min(HOVER_DELAY_RANGE.max, Math.max(HOVER_DELAY_RANGE.min, delay)))
        : DEFAULT_SETTINGS.hoverDelayMs,
    theme: pick(raw.theme, THEMES, DEFAULT_SETTINGS.theme),
    disabledSources: stringList(raw.disabledSources),
    disabledOutlets: stringList(raw.disabledOutlets),
    disabledSites: stringList(raw.disabledSites, normalizeSite),
  };
}
