import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test } from 'node:test';

// The desktop extension's startup bundle, built by esbuild.mjs itself (--production, as `npm run package`
// builds it, into a temporary folder): it must stay small, so heavy parts (the BibTeX parser and the library
// readers, fuse.js, the YAML library, the CSL processor …) load on first use from bundles of their own.
const STARTUP_LIMIT = 300 * 1024;

test('the production startup bundle (dist/extension.js) stays within 300 KB and holds no lazily loaded part', () => {
  const root = path.resolve(__dirname, '..', '..');
  const out = mkdtempSync(path.join(tmpdir(), 'policy-startup-'));
  try {
    execFileSync(process.execPath, [path.join(root, 'esbuild.mjs'), '--production', `--outdir-for-size=${out}`], { cwd: root, stdio: 'pipe' });
    const size = statSync(path.join(out, 'extension.js')).size;
    assert.ok(size <= STARTUP_LIMIT, `dist/extension.js would be ${(size / 1024).toFixed(1)} KB`);
    const inputs = Object.keys((JSON.parse(readFileSync(path.join(out, 'extension.meta.json'), 'utf8')) as { inputs: Record<string, unknown> }).inputs);
    assert.ok(inputs.some((input) => input.includes('src/core/search/fuzzySearch.ts')), 'the metafile lists the startup bundle');
    for (const lazy of ['@retorquere/bibtex-parser', 'unicode2latex', 'src/core/corpus/formats/bibtex.ts', 'src/core/corpus/formats/cslJson.ts', 'src/libraryReaders/bundled.ts', 'node_modules/fuse.js', 'node_modules/yaml', 'citeproc']) {
      assert.ok(!inputs.some((input) => input.includes(lazy)), `${lazy} is in the startup bundle`);
    }
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
});
