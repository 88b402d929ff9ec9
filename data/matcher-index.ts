/**
 * The knowledge base's matcher index, computed by the build (scripts/matcher-index-plugin.ts) from the
 * same people as data/bundle.ts: `matcherFromIndex(MATCHER_INDEX, PEOPLE)` is the page's matcher.
 */
import type { MatcherIndex } from '../core/matcher';
import index from 'virtual:dramatis-matcher-index';

export const MATCHER_INDEX: MatcherIndex = index;
