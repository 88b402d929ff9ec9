/**
 * The shape every command-line tool over files shares (`spot`, `quotes`): usage, `--pack FILE`
 * (repeatable) to add knowledge packs to the bundled one, one-time setup over the merged people, and
 * each file read or named on stderr.
 */
import { readFileSync } from 'node:fs';
import { Window } from 'happy-dom';
import { mergePacks, type MergedKnowledge } from '../core/knowledge-base';
import { describeProblems } from '../core/pack-validate';
import type { Person } from '../data/schema';
import { loadBundledPack, readPackFiles } from './pack-files';

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

/**
 * Runs `each` over the UTF-8 content of every file named in `args`, after `setup` over the people of
 * the bundled pack and of every `--pack` (validated first: a pack with any problem stops the run),
 * with the whole merged knowledge base (sources too) as its second argument.
 * Returns the exit code: 2 without files, 1 when a pack is refused, setup fails or a file cannot be
 * read (the other files are still processed), 0 otherwise. Only `each` writes to stdout.
 */
export function runOverFiles<T>(
  tool: string,
  args: readonly string[],
  setup: (people: readonly Person[], knowledge: MergedKnowledge) => T,
  each: (file: string, content: string, context: T) => void,
): number {
  const parsed = parseArgs(args);
  if (!parsed || parsed.files.length === 0) {
    console.error(`usage: npm run -s ${tool} -- [--pack PACK]... FILE...  (.txt, .html or .htm)`);
    return 2;
  }
  let context: T;
  try {
    const bundled = loadBundledPack();
    const { packs, problems } = readPackFiles(parsed.packs, bundled);
    if (problems.length > 0) {
      console.error(`${tool}: a pack is refused:\n${describeProblems(problems, Infinity)}`);
      return 1;
    }
    const knowledge = mergePacks([bundled, ...packs]);
    context = setup(knowledge.people, knowledge);
  } catch (error) {
    console.error(`${tool}: cannot load the knowledge base: ${(error as Error).message}`);
    return 1;
  }
  let code = 0;
  for (const file of parsed.files) {
    let content: string;
    try {
      content = readFileSync(file, 'utf8');
    } catch (error) {
      console.error(`${tool}: cannot read ${file}: ${(error as Error).message}`);
      code = 1;
      continue;
    }
    each(file, content, context);
  }
  return code;
}

/** True for the files that are parsed as HTML rather than read as plain text. */
export function isHtmlFile(file: string): boolean {
  return /\.html?$/i.test(file);
}

/**
 * Parses `html` into a DOM (happy-dom) and hands its body to `read` (null when it has none). The tools
 * read a page's text and nothing else: no script, style, image, frame or preload is fetched. The page
 * gets a base URL of its own (relative URLs resolve instead of throwing), and any request happy-dom would
 * still make (a `<link rel="preload" as="fetch">`) gets an empty answer.
 */
export function withPageBody<T>(html: string, read: (body: Node | null) => T): T {
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
    return read(document.body as unknown as Node | null);
  } finally {
    void window.happyDOM.close();
  }
}
