import * as assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { readCapped } from '../../src/cli/repositoryFiles';

test('readCapped reads the whole file whatever size the check expected, and refuses one over the cap', async () => {
  const folder = mkdtempSync(path.join(os.tmpdir(), 'policy-annotator-read-'));
  try {
    const file = path.join(folder, 'a.md');
    const text = '個資法第6條 '.repeat(30_000);
    writeFileSync(file, text);
    const size = Buffer.byteLength(text);
    // The file grew after its stat (expected smaller), shrank (expected larger), or no expectation at all.
    for (const expected of [3, size, size + 500, undefined]) {
      const read = await readCapped(file, 2 * 1024 * 1024, expected);
      assert.ok('bytes' in read, `expected ${expected}`);
      assert.equal(Buffer.from(read.bytes).toString('utf8'), text, `expected ${expected}`);
    }
    const over = await readCapped(file, size - 1, size);
    assert.ok('refused' in over && /limit/.test(over.refused));
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
});
