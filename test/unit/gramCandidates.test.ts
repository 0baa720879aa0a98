import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { topSlotsByLists, type SlotCount } from '../../src/core/search/gramCandidates';

/**
 * The selection as fuzzySearch.ts made it before the pruned walk: every posting of every list counted, a
 * histogram of the counts gives the cut-off, slots above it ascending, then the lowest slots at it.
 */
function reference(lists: ReadonlyArray<readonly number[]>, entries: ReadonlyArray<unknown>, limit: number): SlotCount[] {
  const counts = new Map<number, number>();
  const touched: number[] = [];
  const histogram = new Uint32Array(lists.length + 2);
  for (const list of lists) {
    for (const slot of list) {
      if (entries[slot] === undefined) continue;
      const count = (counts.get(slot) ?? 0) + 1;
      counts.set(slot, count);
      if (count === 1) touched.push(slot);
      else histogram[count - 1]!--;
      histogram[count]!++;
    }
  }
  let cutoff = lists.length + 1;
  for (let seen = 0; cutoff > 1 && seen + histogram[cutoff - 1]! <= limit; ) seen += histogram[--cutoff]!;
  const above: number[] = [];
  const at: number[] = [];
  for (const slot of touched) {
    const count = counts.get(slot)!;
    if (count >= cutoff) above.push(slot);
    else if (count === cutoff - 1) at.push(slot);
  }
  above.sort((a, b) => a - b);
  const chosen = above.map((slot) => ({ slot, count: counts.get(slot)! }));
  if (chosen.length < limit) for (const slot of at.sort((a, b) => a - b).slice(0, limit - chosen.length)) chosen.push({ slot, count: counts.get(slot)! });
  return chosen;
}

/** Random posting lists over `slots` slots: some rare, some shared by most slots (like "the" or 人工). */
const listsArbitrary = fc.integer({ min: 1, max: 120 }).chain((slots) =>
  fc.record({
    slots: fc.constant(slots),
    lists: fc.array(
      fc.tuple(fc.double({ min: 0, max: 1, noNaN: true }), fc.integer()).map(([density, seed]) => {
        const list: number[] = [];
        let state = seed >>> 0;
        for (let slot = 0; slot < slots; slot++) {
          state = (Math.imul(state, 1_103_515_245) + 12_345) >>> 0;
          if (state / 2 ** 32 < density * density) list.push(slot);
        }
        return list;
      }),
      { minLength: 1, maxLength: 30 },
    ),
    dead: fc.array(fc.integer({ min: 0, max: slots - 1 }), { maxLength: 20 }),
    // Small limits over many lists: the walk stops early and the binary searches decide.
    limit: fc.integer({ min: 1, max: 12 }),
  }),
);

test('gram candidates: the pruned walk chooses exactly what counting every posting chose', () => {
  fc.assert(
    fc.property(listsArbitrary, ({ slots, lists, dead, limit }) => {
      const entries: Array<object | undefined> = Array.from({ length: slots }, () => ({}));
      for (const slot of dead) entries[slot] = undefined;
      const sorted = lists.filter((list) => list.length > 0).sort((a, b) => a.length - b.length);
      const counts = new Uint16Array(slots);
      assert.deepEqual(topSlotsByLists(sorted, entries, counts, limit), reference(sorted, entries, limit));
      assert.ok(counts.every((count) => count === 0), 'the scratch counters are left at zero');
    }),
    { numRuns: 3_000 },
  );
});

test('gram candidates: a long common list is not needed to find the slots of the rare ones', () => {
  // Slot 5 is in both rare lists; every slot is in the common one. The top 1 is slot 5 with 3 lists.
  const common = Array.from({ length: 1_000 }, (_, slot) => slot);
  const entries = Array.from({ length: 1_000 }, () => ({}));
  const counts = new Uint16Array(1_000);
  assert.deepEqual(topSlotsByLists([[5], [5, 7], common], entries, counts, 1), [{ slot: 5, count: 3 }]);
  assert.deepEqual(topSlotsByLists([[5], [5, 7], common], entries, counts, 2), [{ slot: 5, count: 3 }, { slot: 7, count: 2 }]);
});

test('gram candidates: ties at the cut go to the lowest slot, also when only the long lists hold it', () => {
  const entries = Array.from({ length: 10 }, () => ({}));
  const counts = new Uint16Array(10);
  // Slot 0 is in the two long lists only, slot 5 in the two short ones: both 2, slot 0 wins the tie.
  assert.deepEqual(topSlotsByLists([[5], [5], [0, 1], [0, 1]], entries, counts, 1), [{ slot: 0, count: 2 }]);
  // Slot 0 reaches slot 5's count only through the last list.
  assert.deepEqual(topSlotsByLists([[5], [0, 5], [0, 1]], entries, counts, 1), [{ slot: 0, count: 2 }]);
});

test('gram candidates: small slot ranges (many ties) agree with counting every posting', () => {
  fc.assert(
    fc.property(
      fc.array(fc.uniqueArray(fc.integer({ min: 0, max: 15 }), { minLength: 1, maxLength: 16 }), { minLength: 1, maxLength: 12 }),
      fc.integer({ min: 1, max: 6 }),
      (raw, limit) => {
        const lists = raw.map((list) => [...list].sort((a, b) => a - b)).sort((a, b) => a.length - b.length);
        const entries = Array.from({ length: 16 }, () => ({}));
        const counts = new Uint16Array(16);
        assert.deepEqual(topSlotsByLists(lists, entries, counts, limit), reference(lists, entries, limit));
      },
    ),
    { numRuns: 3_000 },
  );
});
