import assert from 'node:assert/strict';
import { test } from 'node:test';
import Fuse from 'fuse.js';
import { BitapRanking } from '../../src/core/search/bitapRanking';
import { CorpusIndex } from '../../src/core/search/corpusIndex';
import { FUSE_OPTIONS } from '../../src/core/search/fuzzySearch';
import { generateCorpus, Rng, typoOf } from '../../bench/generateCorpus';

/** Units chosen so that random names share many of them: near misses, repeats, case, spaces and CJK. */
const UNITS = ['a', 'b', 'c', 'd', 'e', 'A', 'B', ' ', ' ', '人', '工', '智', '慧', '安', '全', '\u00a0', '\t'];

function randomText(rng: Rng, length: number): string {
  let text = '';
  for (let index = 0; index < length; index++) text += rng.pick(UNITS);
  return text;
}

/** A query made from a name: a piece of it (sometimes all of it) with up to three random edits. */
function queryFrom(rng: Rng, name: string): string {
  const start = rng.chance(0.5) ? 0 : rng.int(name.length);
  let query = name.slice(start, start + rng.range(1, name.length));
  for (let edits = rng.int(4); edits > 0 && query.length > 0; edits--) {
    const at = rng.int(query.length);
    const kind = rng.int(3);
    if (kind === 0) query = query.slice(0, at) + rng.pick(UNITS) + query.slice(at + 1);
    else if (kind === 1) query = query.slice(0, at) + query.slice(at + 1);
    else query = query.slice(0, at) + rng.pick(UNITS) + query.slice(at);
  }
  return query;
}

test('BitapRanking gives fuse.js’s matches, scores and order for the index’s options', () => {
  const rng = new Rng(19);
  const ranking = new BitapRanking();
  let compared = 0;
  let longQueries = 0;
  for (let round = 0; round < 400; round++) {
    // Short and long names and queries: longer than 32 and 64 units, Fuse scores them in chunks.
    const names = Array.from({ length: rng.range(1, 12) }, () => randomText(rng, rng.chance(0.3) ? rng.range(33, 90) : rng.range(1, 20)));
    const query = rng.chance(0.8) ? queryFrom(rng, rng.pick(names)) : randomText(rng, rng.range(1, 70));
    if (query.trim() === '') continue;
    if (rng.chance(0.1)) names.push(query.toUpperCase());
    if (query.length > 32) longQueries++;
    const expected = new Fuse(
      names.map((name) => ({ id: '', name })),
      FUSE_OPTIONS,
    )
      .search(query)
      .map((result) => ({ index: result.refIndex, score: result.score }));
    assert.deepEqual(ranking.rank(query, names), expected, `query ${JSON.stringify(query)} over ${JSON.stringify(names)}`);
    compared++;
  }
  assert.ok(compared > 300 && longQueries > 20, `${compared} rounds, ${longQueries} long queries`);
});

test('one-typo title search finds the title in its top 10 at least as often as fuse.js over the whole corpus', () => {
  const records = generateCorpus(500, { seed: 7 });
  const index = new CorpusIndex();
  for (const record of records) index.set(record);
  const fuse = new Fuse(records, { ...FUSE_OPTIONS, keys: ['title', 'aliases'] } as unknown as ConstructorParameters<typeof Fuse<(typeof records)[number]>>[1]);
  const rng = new Rng(11);
  let indexHits = 0;
  let fuseHits = 0;
  const queries = 50;
  for (let count = 0; count < queries; count++) {
    const record = rng.pick(records);
    const { query } = typoOf(record.title, rng);
    if (index.search(query, 10).some((hit) => hit.id === record.id)) indexHits++;
    if (
      fuse
        .search(query, { limit: 10 })
        .map((result) => result.item.id)
        .includes(record.id)
    )
      fuseHits++;
  }
  assert.ok(indexHits >= fuseHits, `index hit@10 ${indexHits}/${queries}, fuse.js ${fuseHits}/${queries}`);
  assert.ok(indexHits >= queries * 0.95, `index hit@10 ${indexHits}/${queries}`);
});
