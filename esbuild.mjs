// Bundles the extension (and the test suites) with esbuild. Type-checking is a separate step (tsc --noEmit).
// Targets are listed in one table so a browser bundle and a CLI bundle can be added beside the node one.
import * as esbuild from 'esbuild';
import { readdirSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { readFileSync } from 'node:fs';

const manifest = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8'));

// --outdir-for-size=<dir>: the two extension bundles, production-built into <dir> (the bundle size test).
const sizeOut = process.argv.find((arg) => arg.startsWith('--outdir-for-size='))?.slice('--outdir-for-size='.length);
const production = process.argv.includes('--production') || sizeOut !== undefined;
const watch = process.argv.includes('--watch');
const tests = process.argv.includes('--tests');
const bench = process.argv.includes('--bench');
const robustness = process.argv.includes('--robustness');
const evaluation = process.argv.includes('--eval');

/** Prints errors in the `file:line:col: error: message` form VS Code's $esbuild-watch problem matcher reads. */
const problemMatcherPlugin = {
  name: 'problem-matcher',
  setup(build) {
    build.onStart(() => console.log('[watch] build started'));
    build.onEnd((result) => {
      for (const { text, location } of result.errors) {
        console.error(`✘ [ERROR] ${text}`);
        if (location) console.error(`    ${location.file}:${location.line}:${location.column}:`);
      }
      console.log('[watch] build finished');
    });
  },
};

/**
 * The BibTeX parser imports two tables of unicode2latex (LaTeX → Unicode and the combining accents), but that
 * package's index also pulls in its Unicode → LaTeX tables (151 KB minified), which nothing here uses: the
 * parser gets a module with just the two tables it reads (−151 KB in the web bundle and dist/libraryReaders.js).
 */
const unicode2latexParsingTablesOnly = {
  name: 'unicode2latex-parsing-tables-only',
  setup(build) {
    const tables = path.resolve('node_modules/unicode2latex/dist/esm');
    build.onResolve({ filter: /^unicode2latex$/ }, () => ({ path: 'unicode2latex-parsing-tables', namespace: 'unicode2latex-parsing' }));
    build.onLoad({ filter: /.*/, namespace: 'unicode2latex-parsing' }, () => ({
      contents: "export { table as latex2unicode } from './tables/latex2unicode.js';\nexport { table as combining } from './tables/combining.js';\n",
      loader: 'js',
      resolveDir: tables,
    }));
  },
};

const common = {
  loader: { '.md': 'text', '.csl': 'text' },
  bundle: true,
  // Chinese text as UTF-8, not \uXXXX escapes: the embedded corpus and the taxonomy are mostly CJK (−16 KB).
  charset: 'utf8',
  // yaml's ES module build for every target, so esbuild can drop what we never call (its node build is one
  // CommonJS file): −17 KB. It is the same code the browser bundle uses.
  // The BibTeX parser's ES module build too: its CommonJS build requires tiny-merge-patch, which exports only
  // an ES module.
  alias: { yaml: './node_modules/yaml/browser/index.js', '@retorquere/bibtex-parser': './node_modules/@retorquere/bibtex-parser/dist/esm/index.js' },
  sourcemap: production ? false : 'linked',
  sourcesContent: false,
  minify: production,
  logLevel: 'warning',
  // The [watch] lines are for VS Code's $esbuild-watch problem matcher: only in watch mode.
  plugins: watch ? [problemMatcherPlugin, unicode2latexParsingTablesOnly] : [unicode2latexParsingTablesOnly],
};

/**
 * The desktop extension requires dist/libraryReaders.js (the BibTeX parser) on first use through
 * src/libraryReaders/lazy.ts; a web worker cannot require a file, so the web build bundles the readers in.
 */
const libraryReadersBundledForWeb = {
  name: 'library-readers-bundled-for-web',
  setup(build) {
    build.onResolve({ filter: /libraryReaders\/lazy$/ }, () => ({ path: path.resolve('src/libraryReaders/bundled.ts') }));
    // The writing-flow features: dist/writingFlow.js on the desktop, bundled in for the web.
    build.onResolve({ filter: /writingFlow\/lazy$/ }, () => ({ path: path.resolve('src/writingFlow/lazy.web.ts') }));
    // The CSL processor is not in the web build (its size): lazy.web.ts says so when asked.
    build.onResolve({ filter: /citationStyles\/lazy$/ }, () => ({ path: path.resolve('src/citationStyles/lazy.web.ts') }));
    build.onResolve({ filter: /harvest\/lazy$/ }, () => ({ path: path.resolve('src/harvest/bundled.ts') }));
  },
};

/**
 * The desktop startup bundle takes `yaml` from dist/yaml.js when it first reads YAML (src/lazyYaml/): the CLI,
 * the web build and the lazy bundles keep the library inside.
 */
const yamlOnFirstUse = {
  name: 'yaml-on-first-use',
  setup(build) {
    build.onResolve({ filter: /^yaml$/ }, (args) => (args.importer.includes(`${path.sep}src${path.sep}`) && !args.importer.includes(`${path.sep}lazyYaml${path.sep}`) ? { path: path.resolve('src/lazyYaml/yamlOnFirstUse.ts') } : undefined));
  },
};

/**
 * The web worker extension host: no Node built-ins, so platform 'browser' makes any import of one fail the
 * build (esbuild cannot resolve `path`, `fs` … for the browser) instead of failing in vscode.dev at run time.
 */
/** The browser bundle takes `x.web.ts` instead of `x.ts` where one exists (node-only modules: worker threads). */
const webVariants = {
  name: 'web-variants',
  setup(build) {
    build.onResolve({ filter: /\/(?:lawImportRunner|decisionsLoader|officialLawsLoader|lawsLoader|previewLoader|localFiles)$/ }, (args) => ({ path: path.join(args.resolveDir, `${args.path}.web.ts`) }));
  },
};

/** The web build converts with OpenCC's character and Taiwan phrase tables bundled in (src/crossStrait/web.ts). */
const crossStraitBundledForWeb = {
  name: 'cross-strait-bundled-for-web',
  setup(build) {
    build.onResolve({ filter: /crossStrait\/lazy$/ }, () => ({ path: path.resolve('src/crossStrait/web.ts') }));
    build.onResolve({ filter: /mentionVariants\/lazy$/ }, () => ({ path: path.resolve('src/mentionVariants/bundled.ts') }));
    build.onResolve({ filter: /incrementalAnalysis\/lazy$/ }, () => ({ path: path.resolve('src/incrementalAnalysis/web.ts') }));
  },
};

const browser = {
  ...common,
  platform: 'browser',
  format: 'cjs',
  target: 'es2022',
  mainFields: ['browser', 'module', 'main'],
  external: ['vscode'],
  plugins: [...common.plugins, libraryReadersBundledForWeb, crossStraitBundledForWeb],
  define: { 'process.env.NODE_ENV': JSON.stringify(production ? 'production' : 'development') },
};

/**
 * mocha's browser build (mocha/mocha.js) is a UMD script inside a "type": "module" package, so esbuild would
 * bundle it as an ES module whose `module.exports = factory()` replaces the bundle's own exports, the `run`
 * the web host calls (mocha's own run() would then start the tests and never report the end). Loaded from a
 * namespace with no package.json, it is wrapped as CommonJS like any UMD file, and still sets globalThis.mocha.
 */
const mochaBrowserBuildAsCommonJs = {
  name: 'mocha-browser-build-as-commonjs',
  setup(build) {
    build.onResolve({ filter: /^mocha\/mocha\.js$/ }, () => ({ path: createRequire(import.meta.url).resolve('mocha/mocha.js'), namespace: 'mocha-umd' }));
    build.onLoad({ filter: /.*/, namespace: 'mocha-umd' }, async (args) => ({ contents: await readFile(args.path, 'utf8'), loader: 'js', resolveDir: path.dirname(args.path) }));
  },
};

const testFiles = (dir) =>
  readdirSync(dir)
    .filter((name) => name.endsWith('.test.ts'))
    .map((name) => path.join(dir, name));

const targets = sizeOut
  ? [
      { ...common, plugins: [...common.plugins, yamlOnFirstUse], metafile: true, entryPoints: ['src/extension.ts'], outfile: path.join(sizeOut, 'extension.js'), platform: 'node', format: 'cjs', target: 'node20', external: ['vscode'] },
      { ...browser, plugins: [...browser.plugins, webVariants], metafile: true, entryPoints: ['src/extension.ts'], outfile: path.join(sizeOut, 'web', 'extension.js') },
    ]
  : evaluation
  ? [{ ...common, minify: false, entryPoints: ['test/eval/run.ts', 'test/eval/mentions.ts'], outdir: 'out/eval', platform: 'node', format: 'cjs', target: 'node20', external: ['vscode'] }]
  : robustness
  ? [{ ...common, minify: false, entryPoints: ['test/robustness/run.ts'], outdir: 'out/robustness', platform: 'node', format: 'cjs', target: 'node20', external: ['vscode'] }]
  : bench
  ? [{ ...common, minify: false, entryPoints: ['bench/bench.ts'], outdir: 'out/bench', platform: 'node', format: 'cjs', target: 'node20', external: ['vscode'] }]
  : tests
  ? [
      // Unit tests: plain Node, no VS Code.
      { ...common, entryPoints: testFiles('test/unit'), outdir: 'out/unit', platform: 'node', format: 'cjs', target: 'node20', external: ['vscode', 'eslint', 'esbuild'] },
      // Integration tests: loaded by the extension host; mocha and vscode come from the host.
      {
        ...common,
        entryPoints: ['test/integration/index.ts', ...testFiles('test/integration')],
        outdir: 'out/test',
        platform: 'node',
        format: 'cjs',
        target: 'node20',
        external: ['vscode', 'mocha'],
      },
      // Web tests: one bundle for the web worker host (it loads a single file, no require of siblings).
      // The generated entry imports index.ts first (it sets mocha up) and then every test file, so a new
      // test/web/*.test.ts is picked up like the integration suite's files.
      {
        ...browser,
        minify: false,
        plugins: [...common.plugins, mochaBrowserBuildAsCommonJs],
        stdin: {
          contents: ["export { run } from './index';", ...testFiles('test/web').map((file) => `import './${path.basename(file, '.ts')}';`)].join('\n'),
          resolveDir: 'test/web',
          sourcefile: 'all-tests.ts',
          loader: 'ts',
        },
        outfile: 'out/web/index.js',
      },
      // The Restricted Mode suite (an untrusted workspace): the same entry point, its own tests.
      {
        ...common,
        entryPoints: [{ in: 'test/integration/index.ts', out: 'index' }, ...testFiles('test/integration-restricted').map((file) => ({ in: file, out: path.basename(file, '.ts') }))],
        outdir: 'out/test-restricted',
        platform: 'node',
        format: 'cjs',
        target: 'node20',
        external: ['vscode', 'mocha'],
      },
    ]
  : [
      { ...common, plugins: [...common.plugins, yamlOnFirstUse], entryPoints: ['src/extension.ts'], outfile: 'dist/extension.js', platform: 'node', format: 'cjs', target: 'node20', external: ['vscode'] },
      // The YAML library, required by the desktop extension when it first reads YAML (src/lazyYaml/yamlOnFirstUse.ts).
      { ...common, entryPoints: ['src/lazyYaml/yamlBundle.ts'], outfile: 'dist/yaml.js', platform: 'node', format: 'cjs', target: 'node20' },
      // The law-import worker thread (desktop): loaded only when the law setting names the official open data.
      { ...common, entryPoints: ['src/lawImportWorker.ts'], outfile: 'dist/lawImportWorker.js', platform: 'node', format: 'cjs', target: 'node20' },
      // The official-data import's editor side (progress, worker thread), loaded when the law setting names an official file.
      { ...common, entryPoints: ['src/vscode/officialLaws.ts'], outfile: 'dist/officialLaws.js', platform: 'node', format: 'cjs', target: 'node20', external: ['vscode'] },
      // The law layer (statute detector, law index, cards), loaded by the desktop extension on first use (src/vscode/lawsLoader.ts).
      { ...common, entryPoints: ['src/core/law/api.ts'], outfile: 'dist/laws.js', platform: 'node', format: 'cjs', target: 'node20' },
      // Court decisions, loaded by the desktop extension on first use (src/vscode/decisionsLoader.ts).
      { ...common, entryPoints: ['src/core/decision/api.ts'], outfile: 'dist/decisions.js', platform: 'node', format: 'cjs', target: 'node20' },
      // The Markdown preview's references plugin, loaded when VS Code's preview first asks for markdown-it plugins (src/vscode/previewLoader.ts).
      { ...common, entryPoints: ['src/core/publish/api.ts'], outfile: 'dist/preview.js', platform: 'node', format: 'cjs', target: 'node20' },
      // OpenCC's simplified → traditional tables, required on the first article with simplified characters (src/crossStrait/lazy.ts).
      { ...common, entryPoints: ['src/crossStrait/bundled.ts'], outfile: 'dist/crossStrait.js', platform: 'node', format: 'cjs', target: 'node20' },
      // The fuzzy mention pass (bracketed titles, inserted words), required on the first analysis (src/mentionVariants/lazy.ts).
      { ...common, entryPoints: ['src/mentionVariants/bundled.ts'], outfile: 'dist/mentionVariants.js', platform: 'node', format: 'cjs', target: 'node20' },
      // The incremental article analysis, required on the first analysis of an open article (src/incrementalAnalysis/lazy.ts).
      { ...common, entryPoints: ['src/incrementalAnalysis/bundled.ts'], outfile: 'dist/incrementalAnalysis.js', platform: 'node', format: 'cjs', target: 'node20' },
      // Library parsers (BibTeX) the desktop extension requires on first use: kept out of its startup bundle.
      { ...common, entryPoints: ['src/libraryReaders/bundled.ts'], outfile: 'dist/libraryReaders.js', platform: 'node', format: 'cjs', target: 'node20' },
      // Citation completion, rename, "Create corpus record…", inlay hints: required once the corpus has loaded.
      { ...common, entryPoints: ['src/writingFlow/register.ts'], outfile: 'dist/writingFlow.js', platform: 'node', format: 'cjs', target: 'node20', external: ['vscode'] },
      // The CSL processor (citeproc-js, shipped styles and locales), required on the first styled 資料來源 render.
      { ...common, entryPoints: ['src/citationStyles/bundled.ts'], outfile: 'dist/citationStyles.js', platform: 'node', format: 'cjs', target: 'node20' },
      // "Harvest Sources from Articles…", required on its first run.
      { ...common, entryPoints: ['src/harvest/bundled.ts'], outfile: 'dist/harvest.js', platform: 'node', format: 'cjs', target: 'node20' },
      // vscode.dev / github.dev: the same extension for the web worker extension host (package.json "browser").
      { ...browser, plugins: [...browser.plugins, webVariants], entryPoints: ['src/extension.ts'], outfile: 'dist/web/extension.js' },
      // The command-line checker's worker thread (check/annotate --jobs N), beside dist/cli.js.
      { ...common, entryPoints: ['src/cliWorker.ts'], outfile: 'dist/cliWorker.js', platform: 'node', format: 'cjs', target: 'node20', define: { POLICY_ANNOTATOR_VERSION: JSON.stringify(manifest.version) } },
      // The command-line checker: the same core, no vscode (the bundle fails to build if anything imports it).
      {
        ...common,
        entryPoints: ['src/cli/bin.ts'],
        outfile: 'dist/cli.js',
        platform: 'node',
        format: 'cjs',
        target: 'node20',
        banner: { js: '#!/usr/bin/env node' },
        define: { POLICY_ANNOTATOR_VERSION: JSON.stringify(manifest.version) },
      },
    ];

if (watch) {
  const contexts = await Promise.all(targets.map((options) => esbuild.context(options)));
  await Promise.all(contexts.map((context) => context.watch()));
} else {
  const results = await Promise.all(targets.map((options) => esbuild.build(options)));
  // The size check also reads which modules went into the startup bundle (bundleSize.test.ts).
  if (sizeOut) {
    await writeFile(path.join(sizeOut, 'extension.meta.json'), JSON.stringify(results[0].metafile));
    await writeFile(path.join(sizeOut, 'web', 'extension.meta.json'), JSON.stringify(results[1].metafile));
  }
}
