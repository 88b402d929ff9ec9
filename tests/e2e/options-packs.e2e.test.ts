/**
 * Options › Packs in Chromium and Firefox, over the built extension's real IndexedDB: the bundled pack
 * and My sources are listed with their counts; a malformed pack file is refused with a message naming
 * what is wrong and the packs stay as they were; a valid one is imported, turned off (which a reload
 * remembers), exported, removed after a confirmation made with the keyboard, and imported again from
 * the exported file. The section passes axe in light and dark.
 */
import { describe, expect, it } from 'vitest';
import { countPack } from '../../core/pack';
import { serializePack } from '../../platform/packs-db';
import { loadBundledPack } from '../../scripts/pack-files';
import { createTestPack } from '../support/packs';
import { BROWSERS, type E2EPage } from './support/browsers';
import {
  catchDownloads,
  chooseFile,
  click,
  press,
  readDownload,
  runAxe,
  writeStorage,
} from './support/extension';
import { useBrowser } from './support/pages';

/** The bundled pack's counts, as the options page should show them (from data/, not written out here). */
const BUNDLED = countPack(loadBundledPack());

/** The packs as the options page shows them. Runs there. */
function readPacks() {
  return {
    packs: [...document.querySelectorAll<HTMLElement>('.op-pack')].map((li) => ({
      id: li.dataset.pack ?? '',
      name: li.querySelector('.dr-toggle-label')?.textContent ?? '',
      counts: li.querySelector('[data-testid="pack-counts"]')?.textContent ?? '',
      isOn: li.querySelector('[role="switch"]')?.getAttribute('aria-checked') === 'true',
      canRemove: li.querySelector('[id^="pack-remove-"]') !== null,
    })),
    status: document.getElementById('packs-status')?.textContent ?? '',
    error: document.getElementById('packs-error')?.textContent ?? '',
    focused: document.activeElement?.id ?? '',
  };
}
type PacksView = ReturnType<typeof readPacks>;

const waitFor = (page: E2EPage, until: (view: PacksView) => boolean) =>
  page.poll(readPacks, undefined, { until, timeoutMs: 8_000, everyMs: 50 });

describe.each(BROWSERS)('%s', (browserName) => {
  const browser = useBrowser(browserName);

  it(`${browserName}: lists the packs, refuses a malformed one, imports, turns off, exports, removes and re-imports`, async () => {
    let options = await browser().openExtensionPage('options.html', '#pack-bundled');
    try {
      let view = await waitFor(options, (v) => v.packs.length === 2);
      expect(view.packs).toEqual([
        {
          id: 'bundled',
          name: 'Bundled with Dramatis',
          counts: `${BUNDLED.sources} sources · ${BUNDLED.people} new people · ${BUNDLED.quotes} quotes · ${BUNDLED.paraphrases} paraphrases`,
          isOn: true,
          canRemove: false,
        },
        {
          id: 'my-sources',
          name: 'My sources',
          counts: '0 sources · 0 new people · 0 quotes',
          isOn: true,
          canRemove: false,
        },
      ]);

      const bad = createTestPack();
      bad.additions[0]!.quotes![0]!.text = 'We are closer than ever,';
      await chooseFile(options, 'pack-import-file', 'bad.dramatis.json', serializePack(bad));
      view = await waitFor(options, (v) => v.error !== '');
      expect(view.error).toContain(
        'Could not import “bad.dramatis.json”: one problem. Nothing stored has changed.',
      );
      expect(view.error).toContain(
        'bad.dramatis.json (pack "test-desk") additions[0]: steve-witkoff: quotes[0].text: quote "We are closer than ever," is not found verbatim in source test-desk-wire-1',
      );
      expect(view.packs.map((p) => p.id)).toEqual(['bundled', 'my-sources']);

      const good = createTestPack();
      await chooseFile(options, 'pack-import-file', 'desk.dramatis.json', serializePack(good));
      view = await waitFor(options, (v) => v.packs.length === 3);
      expect(view.status).toBe('Imported “desk.dramatis.json”.');
      expect(view.error).toBe('');
      expect(view.packs[2]).toEqual({
        id: 'test-desk',
        name: 'Test desk',
        counts: '1 source · 1 new person · 2 quotes',
        isOn: true,
        canRemove: true,
      });

      // The section with a pack listed, a refusal shown and a removal to confirm: no axe violations, light or dark.
      await chooseFile(options, 'pack-import-file', 'bad.dramatis.json', serializePack(bad));
      await waitFor(options, (v) => v.error !== '');
      await click(options, '#pack-remove-test-desk');
      for (const theme of ['light', 'dark']) {
        await writeStorage(options, { 'settings.theme': theme });
        expect(
          await options.poll(() => document.documentElement.dataset.theme, undefined, {
            until: (t) => t === theme,
          }),
        ).toBe(theme);
        const { violations } = await runAxe(options, ['#packs']);
        expect(violations, `${theme}: ${JSON.stringify(violations, null, 2)}`).toEqual([]);
      }
      await writeStorage(options, { 'settings.theme': 'system' });
      await click(options, '#pack-remove-confirm-test-desk + button');
      await waitFor(options, (v) => v.focused === 'pack-remove-test-desk');

      await click(options, '#pack-test-desk');
      await waitFor(options, (v) => v.packs[2]?.isOn === false);
      await options.close();
      options = await browser().openExtensionPage('options.html', '#pack-test-desk');
      view = await waitFor(options, (v) => v.packs.length === 3);
      expect(view.packs[2]?.isOn).toBe(false);

      await catchDownloads(options);
      await click(options, '#pack-export-test-desk');
      const file = await readDownload(options);
      expect(file?.name).toBe('test-desk.dramatis.json');
      expect(JSON.parse(file!.text)).toEqual(good);

      // Remove, from the keyboard: the confirmation takes the focus; Enter confirms.
      await click(options, '#pack-remove-test-desk');
      view = await waitFor(options, (v) => v.focused === 'pack-remove-confirm-test-desk');
      expect(view.focused).toBe('pack-remove-confirm-test-desk');
      await press(options, 'Enter');
      view = await waitFor(options, (v) => v.packs.length === 2);
      expect(view.status).toBe('Removed “Test desk”.');

      await chooseFile(options, 'pack-import-file', 'test-desk.dramatis.json', file!.text);
      view = await waitFor(options, (v) => v.packs.length === 3);
      expect(view.packs[2]).toMatchObject({ id: 'test-desk', counts: '1 source · 1 new person · 2 quotes' });
    } finally {
      await options.close();
    }
  });
});
