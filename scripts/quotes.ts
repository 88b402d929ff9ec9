/**
 * `npm run -s quotes -- FILE...`: prints every quotation the finder sees in each file and who said
 * it, one JSON object per line: {"file","start","end","text","speaker","speakerName","cue"}.
 *
 * Offsets are UTF-16 code units, end exclusive, covering the quoted words without the marks: into a
 * .txt file's text as decoded from UTF-8, or, for an .html/.htm file, into its walked text (the text
 * blocks of `walkTextBlocks(document.body)` joined with "\n", exactly as the spotter reports them).
 * `speaker` is a knowledge-base person id or null; `speakerName` the name the text gives, or null.
 *
 * Only quotations go to stdout. Errors go to stderr, naming the file; the exit code is 1 when any
 * file could not be read (the others are still printed) and 2 when no file is given.
 */
import { readFileSync } from 'node:fs';
import { Window } from 'happy-dom';
import { walkTextBlocks } from '../core/dom-text';
import { buildMatcher } from '../core/matcher';
import { buildQuotationFinder, findQuotations, type QuotationFinder } from '../core/quotations';
import givenNames from '../data/given-names.json';
import { loadKnowledgeBase } from './kb-files';

/** One output line. Key order is the output's column order. */
export interface QuoteLine {
  file: string;
  start: number;
  end: number;
  text: string;
  speaker: string | null;
  speakerName: string | null;
  cue: string | null;
}

/** The walked text of an HTML page: its text blocks joined with "\n" (the spotter's offsets). */
function walkedText(html: string): string {
  const window = new Window({
    settings: { disableJavaScriptFileLoading: true, handleDisabledFileLoadingAsSuccess: true },
  });
  try {
    const body = new window.DOMParser().parseFromString(html, 'text/html').body as unknown as Node | null;
    return body ? [...walkTextBlocks(body)].map((block) => block.text).join('\n') : '';
  } finally {
    void window.happyDOM.close();
  }
}

/** Runs the finder over `files`; returns the process exit code. */
function main(files: readonly string[]): number {
  if (files.length === 0) {
    console.error('usage: npm run -s quotes -- FILE...  (.txt, .html or .htm)');
    return 2;
  }
  let finder: QuotationFinder;
  try {
    const kb = loadKnowledgeBase();
    finder = buildQuotationFinder(buildMatcher(kb.people, givenNames.names), kb.people);
  } catch (error) {
    console.error(`quotes: cannot load the knowledge base: ${(error as Error).message}`);
    return 1;
  }
  let code = 0;
  for (const file of files) {
    let content: string;
    try {
      content = readFileSync(file, 'utf8');
    } catch (error) {
      console.error(`quotes: cannot read ${file}: ${(error as Error).message}`);
      code = 1;
      continue;
    }
    const text = /\.html?$/i.test(file) ? walkedText(content) : content;
    for (const { start, end, text: quoted, speaker, speakerName, cue } of findQuotations(finder, text)) {
      const line: QuoteLine = { file, start, end, text: quoted, speaker, speakerName, cue };
      process.stdout.write(`${JSON.stringify(line)}\n`);
    }
  }
  return code;
}

process.exitCode = main(process.argv.slice(2));
