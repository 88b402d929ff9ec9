/** Used by wxt.config.ts: the build fails on a malformed knowledge base, naming file, person and field. */
import { packOfKnowledgeBase } from '../core/pack';
import { describeProblems, validatePack } from '../core/pack-validate';
import { loadKnowledgeBase } from './kb-files';

/** Throws (failing the build) when the knowledge base does not validate, as itself or as the bundled pack. */
export function assertKnowledgeBaseValid(): void {
  const { problems } = validatePack(packOfKnowledgeBase(loadKnowledgeBase()), []);
  if (problems.length > 0)
    throw new Error(
      `The bundled pack has ${problems.length} problem(s):\n${describeProblems(problems, Infinity)}`,
    );
}
