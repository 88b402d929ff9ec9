/**
 * `npm run -s spot -- FILE...`: prints every mention the extension would find in each file, one JSON
 * object per line: {"file","start","end","person","surface","alias"}.
 *
 * - A .txt (or any non-HTML) file is matched as one text; offsets are UTF-16 code units into the
 *   file's text as decoded from UTF-8, end exclusive.
 * - An .html/.htm file is parsed into a DOM (happy-dom) and goes through the content script's own
 *   steps: `walkTextBlocks(document.body)`, `scanText` per block, `resolveMentions` over all blocks.
 *   Offsets then index the "walked text": the blocks' texts joined with "\n", in document order
 *   (so `walked.slice(start, end) === surface`). Script, style and other skipped elements are not in
 *   it, exactly as on a page.
 *
 * Only mentions go to stdout. Errors go to stderr, naming the file; the exit code is 1 when any file
 * could not be read (the others are still printed) and 2 when no file is given.
 */
import { readFileSync } from 'node:fs';
import { Window } from 'happy-dom';
import { walkTextBlocks } from '../core/dom-text';
import { buildMatcher, resolveMentions, scanText, type Matcher, type Mention } from '../core/matcher';
import givenNames from '../data/given-names.json';
import { loadKnowledgeBase } from './kb-files';

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
  // The spotter reads a page's text and nothing else: no script, style, image, frame or preload is
  // fetched. The page gets a base URL of its own (relative URLs resolve instead of throwing), and any
  // request happy-dom would still make (a `<link rel="preload" as="fetch">`) gets an empty answer.
  const window: Window = new Window({
    url: 'https://spotter.invalid/',
    settings: {
      disableJavaScriptFileLoading: true,
      disableCSSFileLoading: true,
      enableCSSFileLoading: false,
      enableImageFileLoading: false,
      handleDisabledFileLoadingAsSuccess: true,
      navigation: { disableChildFrameNavigation: true, disableChildPageNavigation: true },
      fetch: { interceptor: { beforeAsyncRequest: () => Promise.resolve(new window.Response('')) } },
    },
  });
  try {
    const document = new window.DOMParser().parseFromString(html, 'text/html');
    const body = document.body as unknown as Node | null;
    if (!body) return [];
    const blocks = [...walkTextBlocks(body)];
    const resolved = resolveMentions(blocks.map((block) => scanText(matcher, block.text)));
    const out: Mention[] = [];
    let offset = 0;
    blocks.forEach((block, i) => {
      for (const m of resolved[i] ?? []) out.push({ ...m, start: m.start + offset, end: m.end + offset });
      offset += block.text.length + BLOCK_SEPARATOR.length;
    });
    return out;
  } finally {
    void window.happyDOM.close();
  }
}

/** Runs the spotter over `files`; returns the process exit code. */
function main(files: readonly string[]): number {
  if (files.length === 0) {
    console.error('usage: npm run -s spot -- FILE...  (.txt, .html or .htm)');
    return 2;
  }
  let matcher: Matcher;
  try {
    const kb = loadKnowledgeBase();
    matcher = buildMatcher(kb.people, givenNames.names);
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
