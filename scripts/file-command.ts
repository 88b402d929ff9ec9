/** The shape every command-line tool over files shares: usage, one-time setup, each file read or named on stderr. */
import { readFileSync } from 'node:fs';

/**
 * Runs `each` over the UTF-8 content of every file, after `setup` (loading the knowledge base, say).
 * Returns the exit code: 2 without files, 1 when setup fails or a file cannot be read (the other
 * files are still processed), 0 otherwise. Only `each` writes to stdout.
 */
export function runOverFiles<T>(
  tool: string,
  files: readonly string[],
  setup: () => T,
  each: (file: string, content: string, context: T) => void,
): number {
  if (files.length === 0) {
    console.error(`usage: npm run -s ${tool} -- FILE...  (.txt, .html or .htm)`);
    return 2;
  }
  let context: T;
  try {
    context = setup();
  } catch (error) {
    console.error(`${tool}: cannot load the knowledge base: ${(error as Error).message}`);
    return 1;
  }
  let code = 0;
  for (const file of files) {
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
