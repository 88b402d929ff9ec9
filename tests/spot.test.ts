/**
 * The command-line spotter (`npm run -s spot -- FILE...`), run for real as a child process: what a
 * contributor sees when checking an article or a saved page against the knowledge base.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { createEmptyPack } from '../core/pack';
import { MY_SOURCES_PACK_ID } from '../core/pack-ids';
import { buildPerson, proposePerson, putPerson } from '../core/person-form';
import { applySavedArticle } from '../core/save-article';
import givenNames from '../data/given-names.json';
import { serializePack } from '../platform/packs-db';
import { loadBundledPack } from '../scripts/pack-files';
import { parseMarked } from './support/marked';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const ARTICLE = 'data/sources/000_3cc1c4cc7cf39fe5.txt';
const PAGE = 'tests/fixtures/pages/split-name.html';

/** Runs scripts/spot.ts with tsx, from the project root, as `npm run spot` does. */
function spot(...files: string[]): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ['--import', 'tsx', 'scripts/spot.ts', ...files],
      { cwd: ROOT, encoding: 'utf8' },
      (error, stdout, stderr) => {
        const status = error ? (typeof error.code === 'number' ? error.code : null) : 0;
        resolve({ status, stdout, stderr });
      },
    );
  });
}

function parseLines(stdout: string): Record<string, unknown>[] {
  return stdout
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => JSON.parse(line) as Record<string, unknown>);
}

describe.concurrent('npm run spot', { timeout: 90_000 }, () => {
  it('prints one JSON line per mention of a source text, offsets into the file', async () => {
    const { status, stdout, stderr } = await spot(ARTICLE);
    expect(stderr).toBe('');
    expect(status).toBe(0);
    const lines = parseLines(stdout);
    const text = readFileSync(new URL(`../${ARTICLE}`, import.meta.url), 'utf8');
    // The hand-annotated fixture of this article lists exactly the mentions a reader expects.
    const marked = readFileSync(
      new URL('fixtures/articles/000_3cc1c4cc7cf39fe5.marked.txt', import.meta.url),
      'utf8',
    );
    const expected = parseMarked(marked).mentions;
    expect(lines.length).toBe(expected.length);
    for (const line of lines) {
      expect(Object.keys(line)).toEqual(['file', 'start', 'end', 'person', 'surface', 'alias']);
      expect(line.file).toBe(ARTICLE);
      expect(text.slice(line.start as number, line.end as number)).toBe(line.surface);
      expect(typeof line.alias).toBe('string');
    }
    expect(lines.map(({ start, end, person, surface }) => ({ start, end, person, surface }))).toEqual(
      expected,
    );
  });

  it('walks an HTML page as the content script does: names across inline tags, no script text', async () => {
    const { status, stdout, stderr } = await spot(PAGE);
    expect(stderr).toBe('');
    expect(status).toBe(0);
    // The walked text: one block per block element, joined with "\n"; the <br> is a "\n" too.
    const walked =
      'Dmitriev flies to Miami\nSteve Witkoff met Vladimir Putin and Kirill Dmitriev.\nTrump agreed.';
    const lines = parseLines(stdout);
    for (const line of lines)
      expect(walked.slice(line.start as number, line.end as number)).toBe(line.surface);
    expect(lines).toEqual([
      // The headline's bare "Dmitriev" is anchored by the full name further down the page.
      { file: PAGE, start: 0, end: 8, person: 'kirill-dmitriev', surface: 'Dmitriev', alias: 'Dmitriev' },
      { file: PAGE, start: 24, end: 37, person: 'steve-witkoff', surface: 'Steve Witkoff', alias: 'Witkoff' },
      { file: PAGE, start: 42, end: 56, person: 'vladimir-putin', surface: 'Vladimir Putin', alias: 'Putin' },
      {
        file: PAGE,
        start: 61,
        end: 76,
        person: 'kirill-dmitriev',
        surface: 'Kirill Dmitriev',
        alias: 'Dmitriev',
      },
      { file: PAGE, start: 78, end: 83, person: 'donald-trump', surface: 'Trump', alias: 'Trump' },
    ]);
  });

  it('reads a page that preloads its own resources without fetching them or failing', async () => {
    const page = 'tests/fixtures/pages/page-resources.html';
    const { status, stdout, stderr } = await spot(page);
    expect(stderr).toBe('');
    expect(status).toBe(0);
    expect(parseLines(stdout).map((line) => line.surface)).toEqual(['Steve Witkoff', 'Vladimir Putin']);
  });

  it('names a missing file on stderr, exits 1 and still prints the other files', async () => {
    const missing = 'tests/fixtures/pages/no-such-page.txt';
    const { status, stdout, stderr } = await spot(missing, PAGE);
    expect(status).toBe(1);
    expect(stderr).toContain(missing);
    const lines = parseLines(stdout);
    expect(lines.length).toBe(5);
    expect(lines.every((line) => line.file === PAGE)).toBe(true);
  });

  it('prints usage and exits 2 when given no file', async () => {
    const { status, stdout, stderr } = await spot();
    expect(status).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toMatch(/usage/i);
  });
});

describe('npm run spot --pack, with a person the reader added', { timeout: 90_000 }, () => {
  it('finds the person added to My sources and exported as a pack file', async () => {
    // My sources as the background builds it when a reader adds Keith Kellogg from a page, exported.
    const text = 'US special envoy Keith Kellogg arrived in Kyiv on Tuesday. He said the talks would go on.';
    const saved = applySavedArticle(createEmptyPack(MY_SOURCES_PACK_ID, 'My sources'), {
      text,
      fields: {
        headline: 'Kellogg in Kyiv',
        outlet: '',
        authors: '',
        published: '2026-12-01',
        url: 'https://example.com/k',
      },
      fieldSources: {
        headline: undefined,
        outlet: undefined,
        authors: undefined,
        published: undefined,
        url: undefined,
      },
      quotes: [],
      savedAt: '2026-12-02T03:00:00.000Z',
    }).pack;
    const person = buildPerson(proposePerson('Keith Kellogg', text), 'keith-kellogg', saved.sources[0]!.id, {
      people: loadBundledPack().people,
      isWord: () => false,
      givenNames: givenNames.names,
      pageText: text,
    });
    const dir = mkdtempSync(join(tmpdir(), 'dramatis-spot-'));
    const packFile = join(dir, 'my-sources.dramatis.json');
    const article = join(dir, 'later.txt');
    writeFileSync(packFile, serializePack(putPerson(saved, person)));
    writeFileSync(article, 'Kellogg met Umerov in Geneva.');
    const without = await spot(article);
    expect(parseLines(without.stdout).map((l) => l.person)).toEqual(['rustem-umerov']);
    const { status, stdout, stderr } = await spot('--pack', packFile, article);
    expect(stderr).toBe('');
    expect(status).toBe(0);
    expect(parseLines(stdout).map(({ person, surface }) => ({ person, surface }))).toEqual([
      { person: 'keith-kellogg', surface: 'Kellogg' },
      { person: 'rustem-umerov', surface: 'Umerov' },
    ]);
  });
});
