/**
 * The command-line quotation finder (`npm run -s quotes -- FILE...`), run for real as a child process:
 * one JSON line per quotation, offsets into the text file or the page's walked text.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runJsonLines } from './support/run-cli';

const ARTICLE = 'data/sources/001_9c4c8f1c2ef386b9.txt';
const PAGE = 'tests/fixtures/quotations/page.html';

const runQuotes = (...files: string[]) => runJsonLines('quotes.ts', ...files);

describe.concurrent('npm run quotes', { timeout: 90_000 }, () => {
  it('prints each quotation of a text file with its speaker, offsets into the file', async () => {
    const { code, lines, stderr } = await runQuotes(ARTICLE);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const text = readFileSync(new URL(`../${ARTICLE}`, import.meta.url), 'utf8');
    for (const line of lines) {
      expect(Object.keys(line)).toEqual(['file', 'start', 'end', 'text', 'speaker', 'speakerName', 'cue']);
      expect(text.slice(line.start as number, line.end as number)).toBe(line.text);
    }
    expect(lines).toContainEqual({
      file: ARTICLE,
      start: text.indexOf('Russia does not intend'),
      end: text.indexOf('Russia does not intend') + 'Russia does not intend to fight Europe'.length,
      text: 'Russia does not intend to fight Europe',
      speaker: 'vladimir-putin',
      speakerName: 'Putin',
      cue: 'after',
    });
  });

  it('reads an HTML page through the DOM walk: no head or script text, names split by tags', async () => {
    const { code, lines, stderr } = await runQuotes(PAGE);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(lines.map(({ text, speaker, cue }) => ({ text, speaker, cue }))).toEqual([
      { text: 'We have found no compromise on territory yet', speaker: 'yuri-ushakov', cue: 'after' },
      { text: 'Some American ideas can be discussed', speaker: 'yuri-ushakov', cue: 'after' },
    ]);
  });

  it('names an unreadable file on stderr and still prints the others', async () => {
    const { code, lines, stderr } = await runQuotes('no/such/file.txt', PAGE);
    expect(code).toBe(1);
    expect(stderr).toContain('no/such/file.txt');
    expect(lines).toHaveLength(2);
  });
});
