/**
 * "Adding a setting is one entry in the table": a table with one more setting (defined once, as below)
 * gets its default, its lenient read, its strict file check, its file export, its storage item, its
 * migration and its reset without another line anywhere.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { DEFAULT_SETTINGS, defaultSettings, sanitizeSettings, SETTINGS, wholeNumber } from '../core/settings';
import { parseSettingsFile, serializeSettings, SETTINGS_FILE_MARKER } from '../core/settings-file';

// The one definition: a card width stored in version 2 (version 1 stored it in em, 16 px each).
const WITH_CARD_WIDTH = {
  ...SETTINGS,
  cardWidthPx: wholeNumber({
    min: 240,
    max: 480,
    fallback: 320,
    unit: 'pixels',
    storage: { version: 2, migrations: { 2: (em) => (typeof em === 'number' ? em * 16 : em) } },
  }),
};

const fileWith = (settings: Record<string, unknown>) =>
  JSON.stringify({ format: SETTINGS_FILE_MARKER, version: 1, exportedAt: 'x', settings });

beforeEach(() => {
  fakeBrowser.reset();
});

describe('a setting added to the table', () => {
  it('has its default beside the others', () => {
    expect(defaultSettings(WITH_CARD_WIDTH)).toEqual({ ...DEFAULT_SETTINGS, cardWidthPx: 320 });
  });

  it('is read leniently: junk falls back, out of range is clamped, the other settings are untouched', () => {
    expect(sanitizeSettings({ cardWidthPx: 'wide', theme: 'dark' }, WITH_CARD_WIDTH)).toEqual({
      ...DEFAULT_SETTINGS,
      theme: 'dark',
      cardWidthPx: 320,
    });
    expect(sanitizeSettings({ cardWidthPx: 9999 }, WITH_CARD_WIDTH).cardWidthPx).toBe(480);
  });

  it('is exported, imported, and refused from a file with a message naming it', () => {
    const settings = { ...defaultSettings(WITH_CARD_WIDTH), cardWidthPx: 400 };
    const text = serializeSettings(settings, new Date(0), WITH_CARD_WIDTH);
    expect(JSON.parse(text).settings.cardWidthPx).toBe(400);
    expect(parseSettingsFile(text, undefined, WITH_CARD_WIDTH)).toEqual({ ok: true, settings });
    expect(parseSettingsFile(fileWith({ cardWidthPx: 100 }), undefined, WITH_CARD_WIDTH)).toEqual({
      ok: false,
      error: '"settings.cardWidthPx" must be a whole number of pixels from 240 to 480, but the file has 100.',
    });
    // The real table does not know it: a file from a Dramatis that has it is refused, naming it.
    expect(parseSettingsFile(fileWith({ cardWidthPx: 400 }))).toMatchObject({
      ok: false,
      error: expect.stringMatching(/^"settings\.cardWidthPx" is not a Dramatis setting/),
    });
  });

  it('is stored as its own item, migrated, repaired when corrupt, and reset', async () => {
    await fakeBrowser.storage.local.set({ 'settings.cardWidthPx': 20 }); // version 1: 20 em
    vi.resetModules();
    const { createSettingsStore } = await import('../platform/settings-store');
    const store = createSettingsStore(WITH_CARD_WIDTH);
    expect((await store.loadSettings()).cardWidthPx).toBe(320); // 20 em = 320 px
    expect(await fakeBrowser.storage.local.get('settings.cardWidthPx$')).toEqual({
      'settings.cardWidthPx$': { v: 2 },
    });

    await store.saveSettings({ cardWidthPx: 360 });
    expect(await fakeBrowser.storage.local.get('settings.cardWidthPx')).toEqual({
      'settings.cardWidthPx': 360,
    });
    await fakeBrowser.storage.local.set({ 'settings.cardWidthPx': { px: 360 } });
    expect((await store.loadSettings()).cardWidthPx).toBe(320);

    await store.saveSettings({ cardWidthPx: 440, theme: 'light' });
    expect(await store.resetSettings()).toEqual(defaultSettings(WITH_CARD_WIDTH));
    expect(await store.loadSettings()).toEqual(defaultSettings(WITH_CARD_WIDTH));
  });
});
