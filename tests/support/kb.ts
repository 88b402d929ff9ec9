/** The validated knowledge base and its matcher, for tests. */
import { buildMatcher, type Matcher } from '../../core/matcher';
import givenNames from '../../data/given-names.json';
import type { KnowledgeBase } from '../../data/validate';
import { loadKnowledgeBase } from '../../scripts/kb-files';

let cached: { kb: KnowledgeBase; matcher: Matcher } | undefined;

/** Loads (once) the knowledge base from data/ and builds the matcher the extension uses. */
export function loadTestKnowledgeBase(): { kb: KnowledgeBase; matcher: Matcher } {
  if (!cached) {
    const kb = loadKnowledgeBase();
    cached = { kb, matcher: buildMatcher(kb.people, givenNames.names) };
  }
  return cached;
}
