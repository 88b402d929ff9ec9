/**
 * Bundles bench/harness.ts with esbuild into one IIFE that the bench injects into every page (the
 * injection tests bundle their entry the same way, through bundlePageScript). The harness builds the
 * content script's real Session (page/session.ts) with matcherFromIndex and data/bundle.ts; three small plugins stand in for what Vite/WXT provide at build time:
 *  - `import.meta.glob(...)` in data/bundle.ts becomes static imports of the matching JSON files;
 *  - `virtual:dramatis-matcher-index` is computed by the same code as in the extension's build;
 *  - `./file.css?inline` becomes the bundled stylesheet as a string.
 */
import { build, type Plugin } from 'esbuild';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { MATCHER_INDEX_MODULE, matcherIndexModule } from '../scripts/matcher-index-plugin';

const ROOT = path.resolve(import.meta.dirname, '..');

/** Rewrites Vite's `import.meta.glob('./dir/*.json', { eager: true, import: 'default' })` into imports. */
const globPlugin: Plugin = {
  name: 'bench-import-meta-glob',
  setup(b) {
    b.onLoad({ filter: /data[\\/]bundle\.ts$/ }, (args) => {
      let source = readFileSync(args.path, 'utf8');
      const dir = path.dirname(args.path);
      const imports: string[] = [];
      let n = 0;
      source = source.replace(
        /import\.meta\.glob(?:<[^>]*>)?\(\s*'([^']+)'\s*,\s*\{[^}]*\}\s*\)/g,
        (_match, pattern: string) => {
          const m = /^(.*)\/\*(\.[a-z]+)$/.exec(pattern);
          if (!m) throw new Error(`bench glob plugin: unsupported pattern ${pattern}`);
          const [, sub, ext] = m as unknown as [string, string, string];
          const files = readdirSync(path.join(dir, sub))
            .filter((f) => f.endsWith(ext))
            .sort();
          const entries = files.map((f) => {
            const id = `__glob${n++}`;
            imports.push(`import ${id} from ${JSON.stringify(`${sub}/${f}`)};`);
            return `${JSON.stringify(`${sub}/${f}`)}: ${id}`;
          });
          return `({${entries.join(', ')}})`;
        },
      );
      return { contents: `${imports.join('\n')}\n${source}`, loader: 'ts', resolveDir: dir };
    });
  },
};

/** Vite's `./file.css?inline`: the stylesheet, @imports resolved, as a string. */
const inlineCssPlugin: Plugin = {
  name: 'bench-css-inline',
  setup(b) {
    b.onResolve({ filter: /\.css\?inline$/ }, (args) => ({
      path: path.resolve(args.resolveDir, args.path.replace(/\?inline$/, '')),
      namespace: 'css-inline',
    }));
    b.onLoad({ filter: /.*/, namespace: 'css-inline' }, async (args) => {
      const css = await build({
        entryPoints: [args.path],
        bundle: true,
        write: false,
        minify: true,
        logLevel: 'silent',
      });
      const text = css.outputFiles[0]?.text ?? '';
      return { contents: `export default ${JSON.stringify(text)};`, loader: 'js' };
    });
  },
};

/** The matcher index module, as scripts/matcher-index-plugin.ts makes it for Vite. */
const matcherIndexPlugin: Plugin = {
  name: 'bench-matcher-index',
  setup(b) {
    b.onResolve({ filter: /^virtual:dramatis-matcher-index$/ }, () => ({
      path: MATCHER_INDEX_MODULE,
      namespace: 'matcher-index',
    }));
    b.onLoad({ filter: /.*/, namespace: 'matcher-index' }, () => ({
      contents: matcherIndexModule().code,
      loader: 'js',
    }));
  },
};

/** Builds the harness; returns the IIFE's source text. */
export function buildHarness(options: { minify?: boolean } = {}): Promise<{ code: string; bytes: number }> {
  return bundlePageScript(path.join(ROOT, 'bench/harness.ts'), options);
}

/**
 * Bundles `entry` (which imports page/ modules) into one IIFE for injecting into a page, as the content
 * script's build would: the bench's harness and the injection tests' entry (tests/injection/) share it.
 */
export async function bundlePageScript(
  entry: string,
  options: { minify?: boolean } = {},
): Promise<{ code: string; bytes: number }> {
  const result = await build({
    entryPoints: [entry],
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: 'es2022',
    minify: options.minify ?? true,
    write: false,
    jsx: 'automatic',
    jsxImportSource: 'preact',
    loader: { '.css': 'text' },
    define: {
      'import.meta.env': JSON.stringify({ MODE: 'production', ENTRYPOINT: 'content', BROWSER: 'chrome' }),
    },
    plugins: [globPlugin, inlineCssPlugin, matcherIndexPlugin],
    logLevel: 'silent',
  });
  const file = result.outputFiles[0];
  if (!file) throw new Error('esbuild produced no output');
  return { code: file.text, bytes: file.contents.byteLength };
}
