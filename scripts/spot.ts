/**
 * `npm run -s spot -- [--pack PACK]... FILE...`: prints every mention the extension would find in each file, one JSON
 * object per line: {"file","start","end","person","surface","alias"}.
 *
 * - A .txt (or any non-HTML) file is matched as one text; offsets are UTF-16 code units into the
 *   file's text as decoded from UTF-8, end exclusive.
 * - An .html/.htm file is parsed into a DOM (happy-dom) and goes through the content script's own
 *   steps (`spotPage` in core/spot-page.ts: walk the text blocks, scan each, resolve across the page).
 *   Offsets then index the "walked text": the blocks' texts joined with "\n", in document order
 *   (so `walked.slice(start, end) === surface`). Script, style and other skipped elements are not in
 *   it, exactly as on a page.
 *
 * `--pack PACK` (repeatable) adds a knowledge pack's people to the bundled ones (validated first, as
 * `npm run pack -- check` does; a pack with any problem stops the run).
 *
 * Only mentions go to stdout. Errors go to stderr, naming the file; the exit code is 1 when any file
 * could not be read (the others are still printed) and 2 when no file is given.
 */
import { buildMatcher, resolveMentions, scanText, type Matcher, type Mention } from '../core/matcher';
import { spotPage } from '../core/spot-page';
import givenNames from '../data/given-names.json';
import { isHtmlFile, runOverFiles, withPageBody } from './file-command';

/** One output line. Key order is the output's column order. */
export interface SpotLine {
  file: string;
  start: number;
  end: number;
  person: string;
  surface: string;
  alias: string;
}

/** The separator between two blocks in the walked text of an HTML file. */
const BLOCK_SEPARATOR = '\n';

/** The mentions of a plain text, offsets into the text. */
function spotText(matcher: Matcher, text: string): Mention[] {
  return resolveMentions([scanText(matcher, text)])[0] ?? [];
}

/** The mentions of an HTML page, offsets into its walked text (see the module comment). */
function spotHtml(matcher: Matcher, html: string): Mention[] {
  return withPageBody(html, (body) => {
    if (!body) return [];
    const out: Mention[] = [];
    let offset = 0;
    for (const { block, mentions } of spotPage(matcher, body)) {
      for (const m of mentions) out.push({ ...m, start: m.start + offset, end: m.end + offset });
      offset += block.text.length + BLOCK_SEPARATOR.length;
    }
    return out;
  });
}

process.exitCode = runOverFiles(
  'spot',
  process.argv.slice(2),
  (people) => buildMatcher(people, givenNames.names),
  (file, content, matcher) => {
    const mentions = isHtmlFile(file) ? spotHtml(matcher, content) : spotText(matcher, content);
    for (const { start, end, person, surface, alias } of mentions) {
      const line: SpotLine = { file, start, end, person, surface, alias };
      process.stdout.write(`${JSON.stringify(line)}\n`);
    }
  },
);
