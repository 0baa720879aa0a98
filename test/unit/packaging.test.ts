import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';

// The .vsix is built from an allowlist (.vscodeignore): a bundle esbuild writes for the extension but the list
// leaves out would be missing from the installed extension, and the feature that requires it would fail there
// while every test run from the repository passes.
test('every bundle esbuild writes to dist/ for the extension is in the .vsix allowlist', () => {
  const root = path.resolve(__dirname, '..', '..');
  const build = readFileSync(path.join(root, 'esbuild.mjs'), 'utf8');
  const allowed = new Set(readFileSync(path.join(root, '.vscodeignore'), 'utf8').split(/\r?\n/).filter((line) => line.startsWith('!')).map((line) => line.slice(1)));
  const bundles = [...build.matchAll(/outfile: '(dist\/[^']+\.js)'/g)].map((match) => match[1]!);
  assert.ok(bundles.includes('dist/extension.js') && bundles.length > 5, 'esbuild.mjs lists its bundles');
  // The command-line tool and its worker threads are not part of the extension.
  const forTheExtension = bundles.filter((bundle) => !/^dist\/cli(Worker)?\.js$/.test(bundle));
  const missing = forTheExtension.filter((bundle) => !allowed.has(bundle));
  assert.deepEqual(missing, []);
});
