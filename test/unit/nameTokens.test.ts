import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { commonWeightsByEnd, nameTokens, type NameToken } from '../../src/core/search/nameTokens';

/** The longest common subsequence's weight of span[from, from + k) and name, by the full table (the reference). */
function referenceWeights(span: readonly NameToken[], from: number, to: number, name: readonly NameToken[]): number[] {
  const width = to - from;
  const table = Array.from({ length: name.length + 1 }, () => new Array<number>(width + 1).fill(0));
  for (let row = 1; row <= name.length; row++) {
    for (let column = 1; column <= width; column++) {
      table[row]![column] = span[from + column - 1]!.value === name[row - 1]!.value ? table[row - 1]![column - 1]! + name[row - 1]!.weight : Math.max(table[row - 1]![column]!, table[row]![column - 1]!);
    }
  }
  return table[name.length]!;
}

// Names and spans from a small alphabet, so tokens repeat and common subsequences are long.
const text = fc.array(fc.constantFrom('英', '美', '安', '全', 'ai ', 'safety ', '人工智慧', ' ', '宣言'), { maxLength: 40 }).map((parts) => parts.join(''));

test('commonWeightsByEnd equals the full table for every end, call after call (its two rows are reused)', () => {
  fc.assert(
    fc.property(fc.array(fc.tuple(text, text, fc.nat(), fc.nat()), { minLength: 1, maxLength: 6 }), (calls) => {
      // Several calls in a row, wide then narrow: a row left over from a wider call must not leak into the next.
      for (const [spanText, nameText, a, b] of calls) {
        const span = nameTokens(spanText);
        const name = nameTokens(nameText);
        const from = span.length === 0 ? 0 : a % (span.length + 1);
        const to = from + (span.length - from === 0 ? 0 : b % (span.length - from + 1));
        const got = commonWeightsByEnd(span, from, to, name);
        assert.deepEqual(Array.from(got.subarray(0, to - from + 1)), referenceWeights(span, from, to, name));
      }
    }),
    { numRuns: 500, seed: 20261203 },
  );
});

test('commonWeightsByEnd: a name longer than the rows grows them', () => {
  const span = nameTokens('英'.repeat(300));
  assert.equal(commonWeightsByEnd(span, 0, 300, nameTokens('英'.repeat(200)))[300], 200);
  assert.equal(commonWeightsByEnd(span, 10, 12, nameTokens('英'))[2], 1);
});
