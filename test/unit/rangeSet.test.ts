import assert from 'node:assert/strict';
import { test } from 'node:test';
import { mulberry32 } from '../../bench/generateCorpus';
import { RangeList, rangeSetOf } from '../../src/core/article/lines';

/** The reference: a boolean per offset, set for every offset some non-empty range covers. */
function coveredOffsets(ranges: ReadonlyArray<readonly [number, number]>, length: number): boolean[] {
  const covered = new Array<boolean>(length).fill(false);
  for (const [start, end] of ranges) for (let offset = start; offset < end; offset++) covered[offset] = true;
  return covered;
}

test('rangeSetOf covers exactly the offsets its ranges cover, sorted or not, from pairs or a RangeList', () => {
  const random = mulberry32(20261203);
  for (let round = 0; round < 300; round++) {
    const length = 1 + Math.floor(random() * 200);
    const count = Math.floor(random() * 60);
    const ranges: Array<[number, number]> = [];
    for (let index = 0; index < count; index++) {
      const start = Math.floor(random() * length);
      ranges.push([start, Math.min(length, start + Math.floor(random() * 12))]);
    }
    if (round % 3 === 0) ranges.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
    const list = new RangeList();
    for (const [start, end] of ranges) list.push(start, end);
    const expected = coveredOffsets(ranges, length);
    for (const set of [rangeSetOf(ranges), rangeSetOf(list)]) {
      for (let offset = 0; offset < length; offset++) assert.equal(set.contains(offset), expected[offset], `round ${round}, offset ${offset}`);
      // The merged ranges are disjoint, in order and not touching (touching ranges merge).
      const merged = set.ranges();
      for (let index = 1; index < merged.length; index++) assert.ok(merged[index - 1]![1] < merged[index]![0], `round ${round}: ranges ${index - 1} and ${index} not merged`);
      assert.deepEqual(coveredOffsets(merged, length), expected);
    }
  }
});

test('a RangeList grows past its first capacity and keeps every range', () => {
  const list = new RangeList();
  for (let index = 0; index < 10_000; index++) list.push(index * 3, index * 3 + 2);
  assert.equal(list.length, 10_000);
  assert.equal(list.start(9_999), 29_997);
  assert.equal(list.end(9_999), 29_999);
  assert.ok(list.isSorted());
  list.push(5, 6);
  assert.equal(list.isSorted(), false);
});
