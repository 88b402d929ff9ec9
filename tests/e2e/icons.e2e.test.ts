/**
 * Both builds carry Dramatis's icon in every size the stores, the extensions page and the toolbar ask
 * for: each manifest lists them (top-level `icons` and the toolbar button's `default_icon`) and each
 * listed file is a square PNG of the size it is listed under. Without them the browser shows a letter.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CHROME_BUILD, FIREFOX_BUILD, requireBuild } from './support/paths';

const PNG_SIGNATURE = '89504e470d0a1a0a';

/** Width and height from a PNG's IHDR chunk. */
function readPngSize(file: string): { width: number; height: number } {
  const bytes = readFileSync(file);
  expect(bytes.subarray(0, 8).toString('hex'), `${file} is a PNG`).toBe(PNG_SIGNATURE);
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

describe.each([
  ['Chromium', CHROME_BUILD, 'npx wxt build', 'action'],
  ['Firefox', FIREFOX_BUILD, 'npx wxt build -b firefox', 'browser_action'],
])('icons in the %s build', (_name, build, command, actionKey) => {
  it('lists the icon in 16, 32, 48, 96 and 128 px for the extension and its toolbar button', () => {
    const dir = requireBuild(build, command);
    const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'));
    const action = manifest[actionKey] as { default_icon?: Record<string, string> };
    for (const icons of [manifest.icons as Record<string, string>, action.default_icon]) {
      expect(Object.keys(icons ?? {}).map(Number)).toEqual([16, 32, 48, 96, 128]);
      for (const [size, path] of Object.entries(icons ?? {}))
        expect(readPngSize(join(dir, path)), path).toEqual({ width: Number(size), height: Number(size) });
    }
  });
});
