/** Used by wxt.config.ts: the build fails on a malformed knowledge base, naming file, person and field. */
import { loadKnowledgeBase } from './kb-files';

/** Throws (failing the build) when the knowledge base does not validate. */
export function assertKnowledgeBaseValid(): void {
  loadKnowledgeBase();
}
