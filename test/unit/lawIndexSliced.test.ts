import * as assert from 'node:assert/strict';
import { test } from 'node:test';
import { LawIndex } from '../../src/core/law/lawIndex';
import { embeddedIndex } from './lawHelpers';

test('a law index built in slices equals the one built at once, and it pauses between slices', async () => {
  // The embedded database (11,547 laws, renames, derived short names), as the library loads it in slices.
  const sliced = await embeddedIndex();
  const entries = [...sliced.entries()].map(({ shortNames: _short, derivedNames: _derived, ...entry }) => entry);
  const atOnce = new LawIndex(entries, undefined);
  let pauses = 0;
  const slicedAgain = await LawIndex.buildSliced(entries, undefined, async () => {
    pauses++;
  });
  assert.ok(pauses > 10, `only ${pauses} pauses`);
  for (const [name, a, b] of [['no renames', atOnce, slicedAgain]] as const) {
    assert.equal(a.size, b.size, name);
    assert.equal(a.derivedCount, b.derivedCount, name);
    assert.equal(a.ambiguousCount, b.ambiguousCount, name);
    assert.equal(a.maxNameLength, b.maxNameLength, name);
    for (const entry of a.entries()) {
      assert.deepEqual(b.get(entry.pcode), entry, `${name}: ${entry.pcode}`);
      for (const form of [entry.name, ...entry.aliases, ...entry.shortNames, ...(entry.derivedNames ?? [])]) assert.deepEqual(b.lookup(form), a.lookup(form), `${name}: ${form}`);
    }
  }
  // The library's own (sliced, with renames) index finds every name it lists.
  for (const entry of sliced.entries()) assert.equal(sliced.find(entry.name)?.pcode !== undefined, true, entry.name);
});
