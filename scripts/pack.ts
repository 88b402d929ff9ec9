/**
 * `npm run -s pack -- COMMAND`: knowledge packs on the command line (docs/packs.md).
 *
 * - `export-bundled`: prints the bundled pack (built from data/) as a pack file.
 * - `check FILE...`: validates pack files, each against the bundled pack and the files before it;
 *   exit 0 and one line per file with its counts (`FILE: ok, pack "id": 3 sources, 1 new person,
 *   12 quotes, 2 paraphrases`: quotes are the people's words, paraphrases the sources' reports), or
 *   exit 1 and one line per problem (`file (pack "id") section[i]: entry: field: problem`).
 * - `schema`: prints the pack format's JSON Schema (docs/pack.schema.json is this output).
 *
 * Exit 2 on a usage error.
 */
import { countPack, describePackCounts, packJsonSchema } from '../core/pack';
import { validatePack } from '../core/pack-validate';
import { formatProblem } from '../data/validate';
import { loadBundledPack, readPackFiles } from './pack-files';

const USAGE = 'usage: npm run -s pack -- export-bundled | check FILE... | schema';

/** Prints JSON the way the committed files are written (two-space indent, final newline). */
function printJson(value: unknown): void {
  process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
}

/** Runs one command; returns the exit code. */
function main([command, ...args]: readonly string[]): number {
  if (command === 'schema' && args.length === 0) {
    printJson(packJsonSchema());
    return 0;
  }
  if (command === 'export-bundled' && args.length === 0) {
    const pack = loadBundledPack();
    // The build validates data/ with the knowledge base's checks; the pack passes the pack checks too.
    const { problems } = validatePack(pack, []);
    if (problems.length > 0) {
      for (const problem of problems) console.error(formatProblem(problem));
      return 1;
    }
    printJson(pack);
    return 0;
  }
  if (command === 'check' && args.length > 0) {
    const { packs, problems } = readPackFiles(args);
    for (const problem of problems) console.log(formatProblem(problem));
    if (problems.length > 0) return 1;
    for (const [i, pack] of packs.entries())
      console.log(`${args[i]}: ok, pack "${pack.id}": ${describePackCounts(countPack(pack)).join(', ')}`);
    return 0;
  }
  console.error(USAGE);
  return 2;
}

process.exitCode = main(process.argv.slice(2));
