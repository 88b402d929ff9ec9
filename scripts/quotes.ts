/**
 * `npm run -s quotes -- [--check] [--pack PACK]... FILE...`: prints every quotation the finder sees in
 * each file and who said it, one JSON object per line: {"file","start","end","text","speaker","speakerName","cue"}.
 *
 * Offsets are UTF-16 code units, end exclusive, covering the quoted words without the marks: into a
 * .txt file's text as decoded from UTF-8, or, for an .html/.htm file, into its walked text (the text
 * blocks of `walkTextBlocks(document.body)` joined with "\n", exactly as the spotter reports them).
 * `speaker` is a knowledge-base person id or null; `speakerName` the name the text gives, or null.
 *
 * `--check` adds the quote check (core/quote-check.ts) to each line: "verdict" (same, shortened,
 * reworded, other-speaker or new; null for a quotation of nobody in the knowledge base) and "matches",
 * the stored quotes it rests on, each {"person","quote","source"}, earliest source first.
 *
 * Only quotations go to stdout. Errors go to stderr, naming the file; the exit code is 1 when any
 * file could not be read (the others are still printed) and 2 when no file is given.
 */
import { walkTextBlocks } from '../core/dom-text';
import { buildMatcher } from '../core/matcher';
import { buildKnowledgeChecker, checkQuotations, type QuoteVerdict } from '../core/quote-check';
import { buildQuotationFinder, findQuotations } from '../core/quotations';
import givenNames from '../data/given-names.json';
import { isHtmlFile, runOverFiles, withPageBody } from './file-command';

/** One output line. Key order is the output's column order. */
export interface QuoteLine {
  file: string;
  start: number;
  end: number;
  text: string;
  speaker: string | null;
  speakerName: string | null;
  cue: string | null;
  /** With --check only. */
  verdict?: QuoteVerdict | null;
  matches?: { person: string; quote: string; source: string }[];
}

/** The walked text of an HTML page: its text blocks joined with "\n" (the spotter's offsets). */
function walkedText(html: string): string {
  return withPageBody(html, (body) =>
    body ? [...walkTextBlocks(body)].map((block) => block.text).join('\n') : '',
  );
}

const args = process.argv.slice(2);
const isCheck = args.includes('--check');

process.exitCode = runOverFiles(
  'quotes',
  args.filter((arg) => arg !== '--check'),
  (people, knowledge) => ({
    finder: buildQuotationFinder(buildMatcher(people, givenNames.names), people),
    checker: isCheck ? buildKnowledgeChecker(knowledge) : undefined,
  }),
  (file, content, { finder, checker }) => {
    const text = isHtmlFile(file) ? walkedText(content) : content;
    const quotations = findQuotations(finder, text);
    const checks = checker ? checkQuotations(checker, quotations).map(({ check }) => check) : [];
    quotations.forEach(({ start, end, text: quoted, speaker, speakerName, cue }, i) => {
      const line: QuoteLine = { file, start, end, text: quoted, speaker, speakerName, cue };
      if (checker) {
        const check = checks[i];
        line.verdict = check?.verdict ?? null;
        line.matches = (check?.matches ?? []).map(({ person, quote, source }) => ({ person, quote, source }));
      }
      process.stdout.write(`${JSON.stringify(line)}\n`);
    });
  },
);
