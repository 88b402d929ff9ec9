/** Reads the knowledge base's files from disk (Node only) for the validator, the spotter and the tests. */
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  validateKnowledgeBase,
  type RawFile,
  type RawKnowledgeBase,
  type KnowledgeBase,
} from '../data/validate';
import { formatProblem } from '../data/validate';

/** The project's root folder. */
export const PROJECT_ROOT = fileURLToPath(new URL('..', import.meta.url));

function read(path: string): RawFile {
  return { path: relative(PROJECT_ROOT, path), content: readFileSync(path, 'utf8') };
}

/** Reads data/sources/*.json (+ .txt), data/background.json and data/people/*.json under `root`. */
export function readKnowledgeBaseFiles(root = PROJECT_ROOT): RawKnowledgeBase {
  const sourcesDir = join(root, 'data', 'sources');
  const peopleDir = join(root, 'data', 'people');
  const jsonIn = (dir: string) =>
    readdirSync(dir)
      .filter((name) => name.endsWith('.json'))
      .sort()
      .map((name) => join(dir, name));
  return {
    sources: jsonIn(sourcesDir).map((path) => {
      const textPath = path.replace(/\.json$/, '.txt');
      return { meta: read(path), text: existsSync(textPath) ? read(textPath) : undefined };
    }),
    background: existsSync(join(root, 'data', 'background.json'))
      ? read(join(root, 'data', 'background.json'))
      : undefined,
    people: jsonIn(peopleDir).map(read),
  };
}

/** Loads and validates the knowledge base; throws one error listing every problem. */
export function loadKnowledgeBase(root = PROJECT_ROOT): KnowledgeBase {
  const { kb, problems } = validateKnowledgeBase(readKnowledgeBaseFiles(root));
  if (!kb) {
    throw new Error(
      `The knowledge base has ${problems.length} problem(s):\n${problems.map(formatProblem).join('\n')}`,
    );
  }
  return kb;
}
