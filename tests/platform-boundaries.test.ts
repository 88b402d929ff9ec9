/**
 * House rules, tested (STYLE.md habits 2 and 4): only platform/ calls browser.* (local-storage.ts alone
 * touches extension storage, packs-db.ts alone opens IndexedDB, messages.ts alone sends or receives
 * messages); entrypoints/content/ only wires (page logic lives in page/); pure core/ does not reach into
 * the bundled knowledge base. Scans the shipped source (entrypoints, components, core, page, platform,
 * data); tests and scripts may poke at storage directly.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..');
const SHIPPED = ['entrypoints', 'components', 'core', 'page', 'platform', 'data'];
/** The longest file entrypoints/content/ may hold: enough to wire, too short to compute. */
const MAX_WIRING_LINES = 80;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.(ts|tsx|js|mjs)$/.test(name) ? [path] : [];
  });
}

const FILES = SHIPPED.flatMap((dir) => sourceFiles(join(ROOT, dir))).map((path) => ({
  path: relative(ROOT, path).split('\\').join('/'),
  lines: readFileSync(path, 'utf8').split('\n').length,
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
        'entrypoints/content/index.ts',
        'page/session.ts',
        'core/matcher.ts',
      ]),
    );
  });

  it('only platform/local-storage.ts touches extension storage', () => {
    expect(
      offenders(
        /\b(browser|chrome)\s*\.\s*storage\b|wxt\/utils\/storage|@wxt-dev\/storage/,
        'platform/local-storage.ts',
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

  it('no module outside platform/ calls browser.* or chrome.*', () => {
    expect(
      FILES.filter(
        (f) =>
          !f.path.startsWith('platform/') &&
          /(?<![\w.'"`/-])(browser|chrome)\s*\.\s*[a-zA-Z]|from\s+'wxt\/browser'/.test(f.code),
      ).map((f) => f.path),
    ).toEqual([]);
  });

  it(`entrypoints/content/ only wires: no file there is over ${MAX_WIRING_LINES} lines`, () => {
    const content = FILES.filter((f) => f.path.startsWith('entrypoints/content/'));
    expect(content.map((f) => f.path)).toContain('entrypoints/content/index.ts');
    expect(
      content.filter((f) => f.lines > MAX_WIRING_LINES).map((f) => `${f.path}: ${f.lines} lines`),
    ).toEqual([]);
  });

  it('entrypoints/content/ holds no DOM logic of its own (page/ does)', () => {
    const dir = join(ROOT, 'entrypoints/content');
    expect(readdirSync(dir).filter((name) => !/^index\.tsx?$/.test(name))).toEqual([]);
  });

  /** The shipped files a script's relative imports reach, as the bundler would follow them (type-only ones vanish). */
  const reachedFrom = (entry: string): Set<string> => {
    const imports =
      /(?:^|\n)\s*(?:import|export)\s+(type\s)?(?:[^;'"]*?\sfrom\s*)?'(\.[^']+)'|\bimport\(\s*'(\.[^']+)'\s*\)/g;
    const reached = new Set<string>();
    const visit = (path: string) => {
      if (reached.has(path)) return;
      reached.add(path);
      const file = FILES.find((f) => f.path === path);
      for (const [, isType, from, loaded] of file?.code.matchAll(imports) ?? []) {
        if (isType) continue;
        const spec = from ?? loaded;
        const base = join(path, '..', spec!).split('\\').join('/');
        const target = ['', '.ts', '.tsx', '/index.ts']
          .map((ext) => base + ext)
          .find((p) => FILES.some((f) => f.path === p));
        if (target) visit(target);
        else reached.add(base);
      }
    };
    visit(entry);
    return reached;
  };

  it('the script every page runs carries the name gate alone: no matcher, session, card, card data or settings table (issue 10)', () => {
    const reached = reachedFrom('entrypoints/content/index.ts');
    expect(reached).toContain('page/name-watch.ts');
    expect(reached).toContain('data/name-gate.ts');
    expect(
      [...reached].filter((p) =>
        /page\/session|data\/matcher-index|data\/bundle|page\/card-ui|page\/highlights\.ts|core\/quotations|core\/settings|settings-store/.test(
          p,
        ),
      ),
    ).toEqual([]);
  });

  it('neither stage loads the add-person form’s word list (data/common-words.json)', () => {
    const session = reachedFrom('entrypoints/page-session.ts');
    expect(session).toContain('page/session.ts');
    expect(session).toContain('data/matcher-index.ts');
    for (const reached of [reachedFrom('entrypoints/content/index.ts'), session])
      expect([...reached].filter((p) => /common-words|person-form/.test(p))).toEqual([]);
  });

  it('pure core/ imports nothing from data/bundle.ts', () => {
    expect(
      FILES.filter((f) => f.path.startsWith('core/') && /from\s+'[./]*data\/bundle'/.test(f.code)).map(
        (f) => f.path,
      ),
    ).toEqual([]);
  });
});
