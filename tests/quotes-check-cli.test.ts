/**
 * `npm run -s quotes -- --check`, run for real as a child process: each line gains the verdict and the
 * stored quotes it rests on, with the bundled knowledge base and with a pack's quotes added.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createTestPack } from './support/packs';
import { runJsonLines } from './support/run-cli';

const runQuotes = (...args: string[]) => runJsonLines('quotes.ts', ...args);

describe.concurrent('npm run quotes -- --check', { timeout: 90_000 }, () => {
  const dir = mkdtempSync(join(tmpdir(), 'dramatis-quote-check-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('adds a verdict and its matches to every line', async () => {
    const { code, lines, stderr } = await runQuotes(
      '--check',
      'tests/fixtures/quote-check/other-speaker.txt',
    );
    expect(stderr).toBe('');
    expect(code).toBe(0);
    for (const line of lines)
      expect(Object.keys(line)).toEqual([
        'file',
        'start',
        'end',
        'text',
        'speaker',
        'speakerName',
        'cue',
        'verdict',
        'matches',
      ]);
    expect(lines.find((l) => l.speaker === 'dmitry-peskov')).toMatchObject({
      text: 'Russia does not intend to fight Europe',
      verdict: 'other-speaker',
      matches: [
        {
          person: 'vladimir-putin',
          quote: 'Russia does not intend to fight Europe',
          source: '001_9c4c8f1c2ef386b9',
        },
      ],
    });
  });

  it('checks against a pack’s quotes too, and gives no verdict to a quotation of nobody known', async () => {
    const pack = join(dir, 'pack.json');
    writeFileSync(pack, JSON.stringify(createTestPack()));
    const page = join(dir, 'page.txt');
    writeFileSync(
      page,
      [
        '"We are closer than we have ever been," Steve Witkoff said on Friday.',
        '"Nothing is agreed until everything is agreed," Witkoff added.',
        '"It is too early to say," a European diplomat said.',
      ].join('\n\n'),
    );
    const withPack = await runQuotes('--check', '--pack', pack, page);
    expect(withPack.code).toBe(0);
    expect(withPack.lines.map(({ verdict, matches }) => ({ verdict, matches }))).toEqual([
      {
        verdict: 'same',
        matches: [
          {
            person: 'steve-witkoff',
            quote: 'We are closer than we have ever been,',
            source: 'test-desk-wire-1',
          },
        ],
      },
      {
        verdict: 'other-speaker',
        matches: [
          {
            person: 'test-desk-olena-testenko',
            quote: 'Nothing is agreed until everything is agreed.',
            source: 'test-desk-wire-1',
          },
        ],
      },
      { verdict: null, matches: [] },
    ]);
    const without = await runQuotes('--check', page);
    expect(without.lines.map((l) => l.verdict)).toEqual(['new', 'new', null]);
  });
});
