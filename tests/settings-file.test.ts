import { describe, expect, it } from 'vitest';
import {
  parseSettingsFile,
  serializeSettings,
  settingsFileName,
  SETTINGS_FILE_MARKER,
} from '../core/settings-file';
import { DEFAULT_SETTINGS, type KnownSources, type Settings } from '../core/settings';
import { SOURCES } from '../data/bundle';

const KNOWN: KnownSources = {
  sourceIds: SOURCES.map((s) => s.id),
  outlets: ['Kyiv Post'],
};

const CUSTOM: Settings = {
  highlightStyle: 'background',
  quoteHighlight: 'background',
  hoverDelayMs: 750,
  theme: 'dark',
  disabledSources: ['002_508fa90569225c0e'],
  disabledOutlets: ['Kyiv Post'],
  disabledSites: ['example.com', 'news.example.org'],
  corrections: [
    {
      scope: 'site',
      where: 'example.com',
      name: 'Fix',
      person: 'liana-fix',
      is: 'nobody',
      at: '2026-12-02T03:00:00.000Z',
    },
  ],
};

const fileWith = (settings: Record<string, unknown>, extra: Record<string, unknown> = {}) =>
  JSON.stringify({ format: SETTINGS_FILE_MARKER, version: 1, exportedAt: 'x', settings, ...extra });

const errorOf = (text: string) => {
  const result = parseSettingsFile(text, KNOWN);
  if (result.ok) throw new Error('expected the file to be refused');
  return result.error;
};

describe('settings file: export', () => {
  it('round-trips every setting', () => {
    const text = serializeSettings(CUSTOM, new Date('2025-12-02T10:00:00Z'));
    expect(JSON.parse(text)).toEqual({
      format: 'dramatis-settings',
      version: 1,
      exportedAt: '2025-12-02T10:00:00.000Z',
      settings: CUSTOM,
    });
    expect(text.endsWith('\n')).toBe(true);
    expect(parseSettingsFile(text, KNOWN)).toEqual({ ok: true, settings: CUSTOM });
  });

  it('round-trips the defaults', () => {
    expect(parseSettingsFile(serializeSettings(DEFAULT_SETTINGS), KNOWN)).toEqual({
      ok: true,
      settings: DEFAULT_SETTINGS,
    });
  });

  it('names the file by date', () => {
    expect(settingsFileName(new Date(2025, 11, 1))).toBe('dramatis-settings-2025-12-01.json');
  });
});

describe('settings file: import', () => {
  it('fills settings the file leaves out with their defaults', () => {
    expect(parseSettingsFile(fileWith({ theme: 'light' }), KNOWN)).toEqual({
      ok: true,
      settings: { ...DEFAULT_SETTINGS, theme: 'light' },
    });
  });

  it('normalises and de-duplicates sites', () => {
    const result = parseSettingsFile(
      fileWith({ disabledSites: ['https://www.Example.com/news', 'example.com', 'localhost'] }),
      KNOWN,
    );
    expect(result).toMatchObject({ ok: true, settings: { disabledSites: ['example.com', 'localhost'] } });
  });

  it('accepts a byte-order mark', () => {
    expect(parseSettingsFile(`\uFEFF${fileWith({})}`, KNOWN).ok).toBe(true);
  });

  it.each<[string, string, RegExp]>([
    ['an empty file', '   ', /^The file is empty\.$/],
    ['text that is not JSON', '{"format": "dramatis-settings",', /^The file is not valid JSON \(.+\)\.$/],
    ['a JSON list', '[1, 2]', /^The file holds a list, not Dramatis settings\.$/],
    ['a JSON string', '"hello"', /^The file holds "hello", not Dramatis settings\.$/],
    [
      'another program’s JSON',
      '{"name": "my-package", "version": "1.0.0"}',
      /^This is not a Dramatis settings file: "format" must be "dramatis-settings", but the file has none\.$/,
    ],
    [
      'a wrong marker',
      JSON.stringify({ format: 'darkreader', version: 1, settings: {} }),
      /but the file has "darkreader"\.$/,
    ],
    [
      'a missing version',
      JSON.stringify({ format: SETTINGS_FILE_MARKER, settings: {} }),
      /^"version" must be a whole number from 1, but the file has undefined\.$/,
    ],
    [
      'a newer format',
      JSON.stringify({ format: SETTINGS_FILE_MARKER, version: 7, settings: {} }),
      /newer Dramatis \(format version 7; this one reads version 1\)/,
    ],
    [
      'no settings object',
      JSON.stringify({ format: SETTINGS_FILE_MARKER, version: 1 }),
      /^"settings" must be an object, but the file has none\.$/,
    ],
    [
      'settings as a list',
      fileWith([] as never),
      /^"settings" must be an object, but the file has a list\.$/,
    ],
    ['an unknown setting', fileWith({ fontSize: 12 }), /^"settings\.fontSize" is not a Dramatis setting/],
    [
      'a wrong highlight style',
      fileWith({ highlightStyle: 'sparkles' }),
      /^"settings\.highlightStyle" must be one of "underline", "background", "none", but the file has "sparkles"\.$/,
    ],
    ['a wrong theme', fileWith({ theme: 1 }), /^"settings\.theme" must be one of .+, but the file has 1\.$/],
    [
      'a hover delay given as text',
      fileWith({ hoverDelayMs: 'fast' }),
      /^"settings\.hoverDelayMs" must be a whole number of milliseconds from 100 to 2000, but the file has "fast"\.$/,
    ],
    ['a hover delay out of range', fileWith({ hoverDelayMs: 5 }), /but the file has 5\.$/],
    ['a fractional hover delay', fileWith({ hoverDelayMs: 250.5 }), /but the file has 250\.5\.$/],
    [
      'sources that are not a list',
      fileWith({ disabledSources: 'all' }),
      /^"settings\.disabledSources" must be a list, but the file has "all"\.$/,
    ],
    [
      'a source id that is not text',
      fileWith({ disabledSources: ['002_508fa90569225c0e', 3] }),
      /^"settings\.disabledSources" item 2 must be text, but the file has 3\.$/,
    ],
    [
      'an empty source id',
      fileWith({ disabledSources: [''] }),
      /^"settings\.disabledSources" item 1, "", is empty\.$/,
    ],
    [
      'an unknown source',
      fileWith({ disabledSources: ['999_ffffffffffffffff'] }),
      /^"settings\.disabledSources" item 1 names a source Dramatis does not have: "999_ffffffffffffffff"\.$/,
    ],
    [
      'an unknown outlet',
      fileWith({ disabledOutlets: ['Daily Planet'] }),
      /item 1 names an outlet Dramatis does not have: "Daily Planet" \(it has "Kyiv Post"\)\.$/,
    ],
    [
      'a site that is not a site',
      fileWith({ disabledSites: ['example.com', 'not a site!'] }),
      /^"settings\.disabledSites" item 2, "not a site!", is not a site name such as example\.com\.$/,
    ],
  ])('refuses %s, saying what is wrong', (_name, text, message) => {
    expect(errorOf(text)).toMatch(message);
  });

  it('refuses a file too large to be settings before parsing it', () => {
    expect(errorOf(`{"x": "${'a'.repeat(300_000)}"}`)).toMatch(/too large/);
  });

  it('without a list of known sources, accepts any source id', () => {
    expect(parseSettingsFile(fileWith({ disabledSources: ['999_ffffffffffffffff'] })).ok).toBe(true);
  });
});
