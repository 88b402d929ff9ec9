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
import { readFileSync } from 'node:fs';
import { Window } from 'happy-dom';
import { buildMatcher, resolveMentions, scanText, type Matcher, type Mention } from '../core/matcher';
import { spotPage } from '../core/spot-page';
import { mergePacks } from '../core/knowledge-base';
import { describeProblems } from '../core/pack-validate';
import givenNames from '../data/given-names.json';
import { loadBundledPack, readPackFiles } from './pack-files';

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

/** True for the files that are parsed as HTML rather than read as plain text. */
function isHtmlFile(file: string): boolean {
  return /\.html?$/i.test(file);
}

/** The mentions of a plain text, offsets into the text. */
function spotText(matcher: Matcher, text: string): Mention[] {
  return resolveMentions([scanText(matcher, text)])[0] ?? [];
}

/** The mentions of an HTML page, offsets into its walked text (see the module comment). */
function spotHtml(matcher: Matcher, html: string): Mention[] {
  const window = new Window({
    settings: { disableJavaScriptFileLoading: true, handleDisabledFileLoadingAsSuccess: true },
  });
  try {
    const document = new window.DOMParser().parseFromString(html, 'text/html');
    const body = document.body as unknown as Node | null;
    if (!body) return [];
    const out: Mention[] = [];
    let offset = 0;
    for (const { block, mentions } of spotPage(matcher, body)) {
      for (const m of mentions) out.push({ ...m, start: m.start + offset, end: m.end + offset });
      offset += block.text.length + BLOCK_SEPARATOR.length;
    }
    return out;
  } finally {
    void window.happyDOM.close();
  }
}

/** Splits the arguments into files and `--pack` files; undefined when a `--pack` has no file. */
function parseArgs(args: readonly string[]): { files: string[]; packs: string[] } | undefined {
  const files: string[] = [];
  const packs: string[] = [];
  for (let i = 0; i < args.length; i++) {
    if (args[i] !== '--pack') files.push(args[i]!);
    else if (i + 1 < args.length) packs.push(args[++i]!);
    else return undefined;
  }
  return { files, packs };
}

/** Runs the spotter over the files of `args`; returns the process exit code. */
function main(args: readonly string[]): number {
  const parsed = parseArgs(args);
  if (!parsed || parsed.files.length === 0) {
    console.error('usage: npm run -s spot -- [--pack PACK]... FILE...  (.txt, .html or .htm)');
    return 2;
  }
  const { files } = parsed;
  let matcher: Matcher;
  try {
    const bundled = loadBundledPack();
    const { packs, problems } = readPackFiles(parsed.packs, bundled);
    if (problems.length > 0) {
      console.error(`spot: a pack is refused:\n${describeProblems(problems, Infinity)}`);
      return 1;
    }
    matcher = buildMatcher(mergePacks([bundled, ...packs]).people, givenNames.names);
  } catch (error) {
    console.error(`spot: cannot load the knowledge base: ${(error as Error).message}`);
    return 1;
  }
  let code = 0;
  for (const file of files) {
    let content: string;
    try {
      content = readFileSync(file, 'utf8');
    } catch (error) {
      console.error(`spot: cannot read ${file}: ${(error as Error).message}`);
      code = 1;
      continue;
    }
    const mentions = isHtmlFile(file) ? spotHtml(matcher, content) : spotText(matcher, content);
    for (const { start, end, person, surface, alias } of mentions) {
      const line: SpotLine = { file, start, end, person, surface, alias };
      process.stdout.write(`${JSON.stringify(line)}\n`);
    }
  }
  return code;
}

process.exitCode = main(process.argv.slice(2));
