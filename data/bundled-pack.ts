/**
 * The bundled pack with its article texts, for the background's knowledge service and the options page
 * (validating imports, exporting the bundled pack). Not for the content script: the texts weigh 44 KB.
 */
import { packOfKnowledgeBase, type Pack } from '../core/pack';
import { BACKGROUND, PEOPLE, SOURCES } from './bundle';

const texts = import.meta.glob<string>('./sources/*.txt', { eager: true, query: '?raw', import: 'default' });

/** The bundled pack, as `npm run -s pack -- export-bundled` prints it (data/ is validated at build time). */
export const BUNDLED_PACK: Pack = packOfKnowledgeBase({
  sources: SOURCES.map((source) => ({ ...source, text: texts[`./sources/${source.id}.txt`] ?? '' })),
  background: BACKGROUND,
  people: PEOPLE,
});
