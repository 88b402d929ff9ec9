/**
 * Computes the matcher index (core/matcher.ts `compileMatcherIndex`) when the extension is built, and
 * serves it as the module `virtual:dramatis-matcher-index`: a page then loads the alias forms instead of
 * deriving them (declensions, Unicode forms, apostrophes, folding) on every load. The module also exports
 * `people`, what the matcher and the popup read of each person (core/indexed-person.ts), so that the
 * content script carries no card data. Used by wxt.config.ts,
 * vitest.config.ts and the bench's esbuild (bench/build-harness.ts).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Plugin } from 'vite';
import { toIndexedPerson } from '../core/indexed-person';
import { compileMatcherIndex } from '../core/matcher';
import { nameGateSource } from '../core/name-gate-source';
import { loadKnowledgeBase, PROJECT_ROOT } from './kb-files';

export const MATCHER_INDEX_MODULE = 'virtual:dramatis-matcher-index';
/** The bundled people's name gate (core/name-gate.ts), alone: the script every page runs imports only this. */
export const NAME_GATE_MODULE = 'virtual:dramatis-name-gate';

const GIVEN_NAMES = join(PROJECT_ROOT, 'data', 'given-names.json');
/** The tables of data/name-lexicon.ts, read by compileMatcherIndex. */
const LEXICON_FILES = ['nicknames.json', 'romanization.json', 'not-names.json'].map((name) =>
  join(PROJECT_ROOT, 'data', name),
);
const PEOPLE_DIR = join(PROJECT_ROOT, 'data', 'people');

/** The bundled knowledge base's index, and the files it was computed from (to rebuild when one changes). */
function compileBundledIndex() {
  const kb = loadKnowledgeBase();
  const { names } = JSON.parse(readFileSync(GIVEN_NAMES, 'utf8')) as { names: string[] };
  const index = compileMatcherIndex(kb.people, names);
  // Listed, not read again: loadKnowledgeBase has read and validated them.
  const personFiles = readdirSync(PEOPLE_DIR).filter((name) => name.endsWith('.json'));
  const files = [GIVEN_NAMES, ...LEXICON_FILES, ...personFiles.map((name) => join(PEOPLE_DIR, name))];
  return { kb, index, files };
}

/** The name gate module's source (`export default` the bundled gate's source), and its files. */
export function nameGateModule(): { code: string; files: string[] } {
  const { kb, index, files } = compileBundledIndex();
  const gate = nameGateSource(index, kb.people);
  return { code: `export default JSON.parse(${JSON.stringify(JSON.stringify(gate))});`, files };
}

/** The module's source, and the files it was computed from (to rebuild when one changes). */
export function matcherIndexModule(): { code: string; files: string[] } {
  const { kb, index, files } = compileBundledIndex();
  // A JSON string parsed once is the quickest way for a JavaScript engine to load plain data.
  const people = kb.people.map(toIndexedPerson);
  const code =
    `export default JSON.parse(${JSON.stringify(JSON.stringify(index))});\n` +
    `export const people = JSON.parse(${JSON.stringify(JSON.stringify(people))});`;
  return { code, files };
}

/** The Vite plugin. */
export function matcherIndexPlugin(): Plugin {
  const modules = new Map([
    [`\0${MATCHER_INDEX_MODULE}`, matcherIndexModule],
    [`\0${NAME_GATE_MODULE}`, nameGateModule],
  ]);
  return {
    name: 'dramatis-matcher-index',
    resolveId: (id) => (id === MATCHER_INDEX_MODULE || id === NAME_GATE_MODULE ? `\0${id}` : undefined),
    load(id) {
      const make = modules.get(id);
      if (!make) return undefined;
      const { code, files } = make();
      for (const file of files) this.addWatchFile(file);
      return code;
    },
  };
}
