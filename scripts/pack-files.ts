/** Reads pack files from disk (Node only) for `npm run pack`, the spotter and the tests. */
import { readFileSync } from 'node:fs';
import { packOfKnowledgeBase, type Pack } from '../core/pack';
import { readPackFile } from '../core/pack-validate';
import type { Problem } from '../data/validate';
import { loadKnowledgeBase } from './kb-files';

/** The bundled pack, built from data/ (which loadKnowledgeBase validates). */
export function loadBundledPack(): Pack {
  return packOfKnowledgeBase(loadKnowledgeBase());
}

/**
 * Reads and validates pack files in order: each against the bundled pack and the files before it
 * (leaving out any pack with its own id, which it would replace). Returns the packs that pass and
 * every problem of those that do not.
 */
export function readPackFiles(
  paths: readonly string[],
  bundled: Pack = loadBundledPack(),
): { packs: Pack[]; problems: Problem[] } {
  const packs: Pack[] = [];
  const problems: Problem[] = [];
  for (const path of paths) {
    let text: string;
    try {
      text = readFileSync(path, 'utf8');
    } catch (error) {
      problems.push({ file: path, entry: '(file)', field: '(file)', message: (error as Error).message });
      continue;
    }
    const result = readPackFile(text, [bundled, ...packs], path);
    if (result.pack) packs.push(result.pack);
    problems.push(...result.problems);
  }
  return { packs, problems };
}
