// Bundles the extension (and the test suites) with esbuild. Type-checking is a separate step (tsc --noEmit).
// Targets are listed in one table so a browser bundle and a CLI bundle can be added beside the node one.
import * as esbuild from 'esbuild';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { readFileSync } from 'node:fs';

const manifest = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8'));

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');
const tests = process.argv.includes('--tests');
const bench = process.argv.includes('--bench');

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

const common = {
  loader: { '.md': 'text' },
  bundle: true,
  sourcemap: production ? false : 'linked',
  sourcesContent: false,
  minify: production,
  logLevel: 'warning',
  plugins: [problemMatcherPlugin],
};

const testFiles = (dir) =>
  readdirSync(dir)
    .filter((name) => name.endsWith('.test.ts'))
    .map((name) => path.join(dir, name));

const targets = bench
  ? [{ ...common, minify: false, entryPoints: ['bench/bench.ts'], outdir: 'out/bench', platform: 'node', format: 'cjs', target: 'node20', external: ['vscode'] }]
  : tests
  ? [
      // Unit tests: plain Node, no VS Code.
      { ...common, entryPoints: testFiles('test/unit'), outdir: 'out/unit', platform: 'node', format: 'cjs', target: 'node20', external: ['vscode', 'eslint'] },
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
    ]
  : [
      // charset utf8: Chinese string literals as UTF-8 (3 bytes a character) instead of \uXXXX escapes (6 bytes).
      { ...common, entryPoints: ['src/extension.ts'], outfile: 'dist/extension.js', platform: 'node', format: 'cjs', target: 'node20', external: ['vscode'], charset: 'utf8' },
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
  await Promise.all(targets.map((options) => esbuild.build(options)));
}
