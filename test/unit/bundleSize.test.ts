import assert from 'node:assert/strict';
import { test } from 'node:test';
import * as esbuild from 'esbuild';

// The desktop extension's startup bundle, built as `npm run package` builds it (esbuild.mjs --production):
// it must stay small, so heavy parts (the BibTeX parser and the library readers) load on first use.
const STARTUP_LIMIT = 300 * 1024;

test('the production startup bundle (dist/extension.js) stays within 300 KB and holds no library reader', async () => {
  const result = await esbuild.build({
    entryPoints: ['src/extension.ts'],
    bundle: true,
    write: false,
    minify: true,
    charset: 'utf8',
    loader: { '.md': 'text' },
    alias: { yaml: './node_modules/yaml/browser/index.js', '@retorquere/bibtex-parser': './node_modules/@retorquere/bibtex-parser/dist/esm/index.js' },
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    external: ['vscode'],
    metafile: true,
    logLevel: 'silent',
  });
  const size = result.outputFiles[0]!.contents.byteLength;
  assert.ok(size <= STARTUP_LIMIT, `dist/extension.js would be ${(size / 1024).toFixed(1)} KB`);
  const inputs = Object.keys(result.metafile.inputs);
  for (const lazy of ['@retorquere/bibtex-parser', 'unicode2latex', 'src/core/corpus/formats/bibtex.ts', 'src/core/corpus/formats/cslJson.ts', 'src/libraryReaders/bundled.ts']) {
    assert.ok(!inputs.some((input) => input.includes(lazy)), `${lazy} is in the startup bundle`);
  }
});
