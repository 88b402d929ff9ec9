/**
 * House rule, tested (STYLE.md habit 4): only platform/settings-store.ts touches extension storage, only
 * platform/packs-db.ts opens IndexedDB, and only platform/messages.ts sends or receives extension
 * messages. Scans the shipped source (entrypoints, components, core, platform, data); tests and scripts
 * may poke at storage directly.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..');
const SHIPPED = ['entrypoints', 'components', 'core', 'platform', 'data'];

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.(ts|tsx|js|mjs)$/.test(name) ? [path] : [];
  });
}

const FILES = SHIPPED.flatMap((dir) => sourceFiles(join(ROOT, dir))).map((path) => ({
  path: relative(ROOT, path).split('\\').join('/'),
  // Comments may name the APIs; code may not.
  code: readFileSync(path, 'utf8')
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/^\s*\/\/.*$/gm, ''),
}));

const offenders = (pattern: RegExp, owner: string) =>
  FILES.filter((f) => f.path !== owner && pattern.test(f.code)).map((f) => f.path);

describe('platform boundaries', () => {
  it('scans the shipped source', () => {
    expect(FILES.map((f) => f.path)).toEqual(
      expect.arrayContaining([
        'platform/settings-store.ts',
        'platform/messages.ts',
        'entrypoints/background.ts',
      ]),
    );
  });

  it('only platform/settings-store.ts touches extension storage', () => {
    expect(
      offenders(
        /\b(browser|chrome)\s*\.\s*storage\b|wxt\/utils\/storage|@wxt-dev\/storage/,
        'platform/settings-store.ts',
      ),
    ).toEqual([]);
  });

  it('only platform/packs-db.ts opens IndexedDB', () => {
    expect(offenders(/\bindexedDB\b|from 'idb'|\bdexie\b/i, 'platform/packs-db.ts')).toEqual([]);
  });

  it('only platform/messages.ts sends or receives extension messages', () => {
    expect(
      offenders(
        /\b(runtime|tabs)\s*\.\s*(sendMessage|onMessage|connect|onConnect)\b/,
        'platform/messages.ts',
      ),
    ).toEqual([]);
  });
});
