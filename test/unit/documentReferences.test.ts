import assert from 'node:assert/strict';
import { test } from 'node:test';
import { CorpusIndex } from '../../src/core/search/corpusIndex';
import { referenceAtOffset } from '../../src/core/article/analysis';
import type { ArticleReference } from '../../src/core/article/resolve';
import { findMentionReferences, VersionedCache } from '../../src/core/documentReferences';
import { embeddedRecords } from './helpers';

test('mentions in an article resolve to records, with ranges in the original text', () => {
  const index = new CorpusIndex();
  for (const record of embeddedRecords()) index.set(record);
  const text = '以履行布萊切利宣言（The Bletchley Declaration）的承諾';
  const references = findMentionReferences(index, text);
  assert.deepEqual(
    references.map((reference) => [reference.text, reference.ids[0]]),
    [
      ['布萊切利宣言', 'bletchley-declaration-2023'],
      ['The Bletchley Declaration', 'bletchley-declaration-2023'],
    ],
  );
  const asReferences = references.map((reference) => ({ ...reference, score: 1 }) as ArticleReference);
  assert.equal(referenceAtOffset(asReferences, text.indexOf('切'))?.text, '布萊切利宣言');
  assert.equal(referenceAtOffset(asReferences, 0), undefined);
});

test('replacing and deleting a record changes the index generation', () => {
  const index = new CorpusIndex();
  const [record] = embeddedRecords();
  index.set(record!);
  const generation = index.generation;
  index.delete(record!.id);
  assert.notEqual(index.generation, generation);
  assert.equal(findMentionReferences(index, '布萊切利宣言').length, 0);
});

test('the cache computes once per version and evicts the oldest entry', () => {
  const cache = new VersionedCache<number>(2);
  let computed = 0;
  const compute = () => ++computed;
  cache.get('a', '1', compute);
  cache.get('a', '1', compute);
  assert.equal(computed, 1);
  cache.get('a', '2', compute);
  assert.equal(computed, 2);
  cache.get('b', '1', compute);
  cache.get('c', '1', compute);
  cache.get('a', '2', compute);
  assert.equal(computed, 5, 'a was evicted');
});
