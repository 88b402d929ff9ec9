/**
 * Settings as read back from storage: whatever is stored (nothing, garbage, an older or hand-edited
 * value), the extension gets valid settings and keeps every valid choice the reader made; the sites
 * a reader turns Dramatis off on are matched the way the reader means them.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_SETTINGS,
  isSiteDisabled,
  keysOf,
  normalizeSite,
  sanitizeSettings,
  SETTINGS,
  type Settings,
} from '../core/settings';
import { SETTING_NAMES } from '../core/setting-names';
import { GRAHAM_CORRECTION } from './support/corrections';

const HOVER_DELAY_RANGE = SETTINGS.hoverDelayMs;

describe('sanitizeSettings', () => {
  it.each([undefined, null, 'underline', 42, true, [], [1, 2], () => 1, new Date(0)])(
    'turns %s into the defaults',
    (value) => {
      expect(sanitizeSettings(value)).toEqual(DEFAULT_SETTINGS);
    },
  );

  it('keeps every valid field as stored', () => {
    const stored: Settings = {
      highlightStyle: 'background',
      quoteHighlight: 'off',
      hoverDelayMs: 750,
      theme: 'dark',
      disabledSources: ['000_3cc1c4cc7cf39fe5'],
      disabledOutlets: ['Kyiv Post'],
      disabledSites: ['example.com'],
      corrections: [GRAHAM_CORRECTION],
    };
    expect(sanitizeSettings(stored)).toEqual(stored);
  });

  it('replaces each wrong field by its default and keeps the others', () => {
    expect(
      sanitizeSettings({
        highlightStyle: 'blink',
        hoverDelayMs: '700',
        theme: 'sepia',
        disabledSources: 'all',
        disabledOutlets: { 0: 'BBC' },
        disabledSites: null,
        extra: 'dropped',
      }),
    ).toEqual(DEFAULT_SETTINGS);
    expect(sanitizeSettings({ theme: 'light', highlightStyle: 42 })).toEqual({
      ...DEFAULT_SETTINGS,
      theme: 'light',
    });
  });

  it('falls back from a NaN or infinite delay, clamps a huge or tiny one, rounds a fractional one', () => {
    const delay = (hoverDelayMs: unknown) => sanitizeSettings({ hoverDelayMs }).hoverDelayMs;
    expect(delay(NaN)).toBe(DEFAULT_SETTINGS.hoverDelayMs);
    expect(delay(Infinity)).toBe(DEFAULT_SETTINGS.hoverDelayMs);
    expect(delay(1e300)).toBe(HOVER_DELAY_RANGE.max);
    expect(delay(-5)).toBe(HOVER_DELAY_RANGE.min);
    expect(delay(0)).toBe(HOVER_DELAY_RANGE.min);
    expect(delay(250.6)).toBe(251);
  });

  it('keeps only strings in the lists, once each', () => {
    const settings = sanitizeSettings({
      disabledSources: ['a', 'a', 3, null, '', 'b', { id: 'c' }],
      disabledOutlets: ['BBC', ['BBC'], 'BBC'],
    });
    expect(settings.disabledSources).toEqual(['a', 'b']);
    expect(settings.disabledOutlets).toEqual(['BBC']);
  });

  it('normalises typed sites and drops what is not a site', () => {
    const settings = sanitizeSettings({
      disabledSites: [
        'https://www.Example.com/path?q=1',
        '  news.bbc.co.uk  ',
        'example.com',
        'not a site',
        'example',
        '.com',
        'example..com',
        'javascript:alert(1)',
        7,
        'LOCALHOST:3000',
      ],
    });
    expect(settings.disabledSites).toEqual(['example.com', 'news.bbc.co.uk', 'localhost']);
  });

  it('never throws, always returns valid settings, and is stable on its own output', () => {
    const field = fc.oneof(
      fc.anything(),
      fc.double(),
      fc.constantFrom('underline', 'background', 'none', 'system', 'light', 'dark'),
      fc.array(fc.oneof(fc.string(), fc.webUrl(), fc.domain(), fc.anything()), { maxLength: 5 }),
    );
    const stored = fc.oneof(
      fc.anything(),
      fc.record(
        {
          highlightStyle: field,
          hoverDelayMs: field,
          theme: field,
          disabledSources: field,
          disabledOutlets: field,
          disabledSites: field,
        },
        { requiredKeys: [] },
      ),
    );
    fc.assert(
      fc.property(stored, (value) => {
        const settings = sanitizeSettings(value);
        expect(['underline', 'background', 'none']).toContain(settings.highlightStyle);
        expect(['system', 'light', 'dark']).toContain(settings.theme);
        expect(settings.hoverDelayMs).toBeGreaterThanOrEqual(HOVER_DELAY_RANGE.min);
        expect(settings.hoverDelayMs).toBeLessThanOrEqual(HOVER_DELAY_RANGE.max);
        expect(Number.isInteger(settings.hoverDelayMs)).toBe(true);
        for (const list of [settings.disabledSources, settings.disabledOutlets, settings.disabledSites])
          expect(list.every((s) => typeof s === 'string' && s !== '')).toBe(true);
        for (const site of settings.disabledSites) expect(normalizeSite(site)).toBe(site);
        expect(sanitizeSettings(settings)).toEqual(settings);
      }),
      { numRuns: 300 },
    );
  });
});

describe('normalizeSite', () => {
  it.each([
    ['example.com', 'example.com'],
    ['  Example.COM  ', 'example.com'],
    ['https://www.example.com/news/article?id=1#top', 'example.com'],
    ['www.example.com/', 'example.com'],
    ['http://localhost:3000/', 'localhost'],
    ['EXAMPLE.com:8080', 'example.com'],
    ['example.com.', 'example.com'],
    ['news.bbc.co.uk', 'news.bbc.co.uk'],
    ['www2.example.com', 'www2.example.com'],
    ['https://例え.jp/', 'xn--r8jz45g.jp'],
    ['192.168.0.1', '192.168.0.1'],
  ])('%j -> %j', (input, host) => {
    expect(normalizeSite(input)).toBe(host);
  });

  it.each([
    '',
    '   ',
    'example',
    'not a site',
    '.com',
    'example..com',
    'www.',
    'http://',
    'about:blank',
    '[::1]',
  ])('%j is not a site', (input) => {
    expect(normalizeSite(input)).toBeUndefined();
  });
});

describe('isSiteDisabled', () => {
  const settings = { disabledSites: ['example.com', 'news.bbc.co.uk'] };

  it('turns Dramatis off on a listed site and every subdomain of it', () => {
    expect(isSiteDisabled(settings, 'example.com')).toBe(true);
    expect(isSiteDisabled(settings, 'www.example.com')).toBe(true);
    expect(isSiteDisabled(settings, 'WWW.Example.COM')).toBe(true);
    expect(isSiteDisabled(settings, 'm.example.com')).toBe(true);
    expect(isSiteDisabled(settings, 'a.b.example.com')).toBe(true);
    expect(isSiteDisabled(settings, 'news.bbc.co.uk')).toBe(true);
    expect(isSiteDisabled(settings, 'example.com.')).toBe(true);
  });

  it('leaves other sites alone, including look-alikes and parents of a listed subdomain', () => {
    expect(isSiteDisabled(settings, 'notexample.com')).toBe(false);
    expect(isSiteDisabled(settings, 'example.com.evil.org')).toBe(false);
    expect(isSiteDisabled(settings, 'example.org')).toBe(false);
    expect(isSiteDisabled(settings, 'bbc.co.uk')).toBe(false);
    expect(isSiteDisabled(settings, 'www.bbc.co.uk')).toBe(false);
    expect(isSiteDisabled({ disabledSites: [] }, 'example.com')).toBe(false);
  });
});

describe("the settings' names", () => {
  it('name every setting of the table, in its order (the page starts reading them by these names)', () => {
    expect([...SETTING_NAMES]).toEqual(keysOf(SETTINGS));
  });
});
