import assert from 'node:assert/strict';
import { test } from 'node:test';
import { splitLines } from '../../src/core/article/lines';
import { WorkspaceReferenceIndex, type IndexedReference, type ReferenceSite } from '../../src/core/article/workspaceReferences';
import { mulberry32 } from '../../bench/generateCorpus';

/** A tiny article language for the property test: `@id` cites record `id`; anything else is prose. */
function referencesOf(text: string): IndexedReference[] {
  return [...text.matchAll(/@([a-c])/g)].map((match) => ({ id: match[1]!, start: match.index, end: match.index + 2 }));
}

/** What a fresh scan of every file finds for a record: the oracle the index must equal. */
function scan(files: ReadonlyMap<string, string>, id: string): ReferenceSite[] {
  const sites: ReferenceSite[] = [];
  for (const uri of [...files.keys()].sort()) {
    const text = files.get(uri)!;
    const lines = splitLines(text);
    for (const reference of referencesOf(text)) {
      if (reference.id !== id) continue;
      const line = text.slice(0, reference.start).split('\n').length - 1;
      const character = reference.start - (text.lastIndexOf('\n', reference.start - 1) + 1);
      assert.equal(lines[line]!.start + character, reference.start);
      sites.push({ uri, startLine: line, startCharacter: character, endLine: line, endCharacter: character + 2 });
    }
  }
  return sites;
}

test('workspace reference index: equals a fresh scan after any sequence of file changes', () => {
  const seed = Number(process.env.POLICY_ANNOTATOR_SEED ?? 19);
  const next = mulberry32(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!;
  const files = new Map<string, string>();
  const index = new WorkspaceReferenceIndex();
  const uris = ['file:///w/a.md', 'file:///w/b.md', 'file:///w/c.md', 'file:///w/d/e.md'];
  const pieces = ['@a', '@b', '@c', '文字', '\n', ' ', '@a\n@b', 'x'];
  for (let step = 0; step < 400; step++) {
    const uri = pick(uris);
    if (next() < 0.2) {
      files.delete(uri);
      index.deleteFile(uri);
    } else {
      const text = Array.from({ length: Math.floor(next() * 12) }, () => pick(pieces)).join('');
      files.set(uri, text);
      index.setFile(uri, referencesOf(text), splitLines(text));
    }
    for (const id of ['a', 'b', 'c']) {
      const expected = scan(files, id);
      assert.deepEqual(index.sitesOf(id), expected, `seed ${seed}, step ${step}, record ${id}`);
      const counts = new Map<string, number>();
      for (const site of expected) counts.set(site.uri, (counts.get(site.uri) ?? 0) + 1);
      assert.deepEqual(
        index.citingArticles(id).map(({ uri, count }) => [uri, count]),
        [...counts].sort((x, y) => y[1] - x[1] || (x[0] < y[0] ? -1 : 1)),
      );
    }
    assert.deepEqual([...index.files()].sort(), [...files.keys()].sort());
  }
});

test('workspace reference index: backlinks give the first site of each article, most cited first', () => {
  const index = new WorkspaceReferenceIndex();
  const one = 'intro\n@a then @a and @a';
  const two = '@b\n\n  @a';
  index.setFile('file:///w/one.md', referencesOf(one), splitLines(one));
  index.setFile('file:///w/two.md', referencesOf(two), splitLines(two));
  assert.deepEqual(index.citingArticles('a').map(({ uri, count, first }) => [uri, count, first.startLine, first.startCharacter]), [
    ['file:///w/one.md', 3, 1, 0],
    ['file:///w/two.md', 1, 2, 2],
  ]);
  assert.deepEqual(index.citingArticles('zzz'), []);
  const generation = index.generation;
  index.deleteFile('file:///w/one.md');
  assert.notEqual(index.generation, generation);
  assert.deepEqual(index.citingArticles('a').map(({ uri }) => uri), ['file:///w/two.md']);
});

test('workspace reference index: sites by uri, leaving out the asking article; isCited follows the files', () => {
  const index = new WorkspaceReferenceIndex();
  for (const [uri, text] of [['file:///w/c.md', '@a\n@a'], ['file:///w/a.md', '@a'], ['file:///w/b.md', 'x @a']] as const) index.setFile(uri, referencesOf(text), splitLines(text));
  assert.deepEqual(index.sitesOf('a', 'file:///w/b.md').map(({ uri, startLine }) => [uri, startLine]), [
    ['file:///w/a.md', 0],
    ['file:///w/c.md', 0],
    ['file:///w/c.md', 1],
  ]);
  assert.deepEqual(index.sitesOf('a', 'file:///w/other.md').map(({ uri }) => uri), ['file:///w/a.md', 'file:///w/b.md', 'file:///w/c.md', 'file:///w/c.md']);
  assert.equal(index.isCited('a'), true);
  assert.equal(index.isCited('b'), false);
  for (const uri of ['file:///w/a.md', 'file:///w/b.md', 'file:///w/c.md']) index.deleteFile(uri);
  assert.equal(index.isCited('a'), false);
});
