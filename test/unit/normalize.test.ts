import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { normalizeKey, normalizeWithOffsets, normalizeWithOffsetsSlow, toOriginalRange } from '../../src/core/search/normalize';

test('full-width ASCII and brackets become half-width', () => {
  assert.equal(normalizeKey('合作備忘錄（ＭＯＵ）'), '合作備忘錄(mou)');
});

test('Latin case is folded', () => {
  assert.equal(normalizeKey('AI Safety Institute'), 'ai safety institute');
});

test('every middle dot is unified', () => {
  const expected = normalizeKey('蜜雪兒·多尼蘭');
  for (const dot of ['・', '‧', '•', '･', '∙', '⋅']) assert.equal(normalizeKey(`蜜雪兒${dot}多尼蘭`), expected, dot);
});

test('whitespace runs collapse to one space', () => {
  assert.equal(normalizeWithOffsets('a \t\n  b').text, 'a b');
  assert.equal(normalizeWithOffsets('a\u3000b').text, 'a b');
});

test('offsets point into the original text, through full-width, CJK and surrogate pairs', () => {
  const original = '😀Ａ  布萊切利';
  const normalized = normalizeWithOffsets(original);
  assert.equal(normalized.text, '😀a 布萊切利');
  const start = normalized.text.indexOf('布');
  const range = toOriginalRange(normalized, start, start + 4);
  assert.equal(original.slice(range.start, range.end), '布萊切利');
  const emoji = toOriginalRange(normalized, 0, 2);
  assert.equal(original.slice(emoji.start, emoji.end), '😀');
  const spaced = toOriginalRange(normalized, 2, 3);
  assert.equal(original.slice(spaced.start, spaced.end), 'Ａ');
});

test('an expansion maps back to its whole original character', () => {
  const original = 'x㍻y'; // ㍻ expands to 平成 under NFKC
  const normalized = normalizeWithOffsets(original);
  assert.equal(normalized.text, 'x平成y');
  const range = toOriginalRange(normalized, 1, 2);
  assert.equal(original.slice(range.start, range.end), '㍻');
});

test('the fast key path and the full path agree', () => {
  for (const sample of ['  AI Safety\tInstitute ', '布萊切利 宣言', 'U.S. and UK', '合作備忘錄（ＭＯＵ）', '蜜雪兒·多尼蘭', 'Ａ\u3000B', 'x\r\ny']) {
    assert.equal(normalizeKey(sample), normalizeWithOffsets(sample).text.trim(), sample);
  }
});

test('text that expands a lot under NFKC takes the slow path instead of failing', () => {
  for (const original of ['㈠'.repeat(9) + 'a', 'ﷺaaaaaaaa', '⑽'.repeat(10) + 'a'.repeat(10)]) {
    const normalized = normalizeWithOffsets(original);
    assert.equal(normalized.text, original.normalize('NFKC').toLowerCase().replace(/\s+/g, ' '));
    assert.equal(normalized.offsets.length, normalized.text.length + 1);
    assert.ok([...normalized.offsets].every((offset) => offset <= original.length));
  }
});

test('a letter and its combining marks normalise together (decomposed é matches precomposed é)', () => {
  assert.equal(normalizeKey('Cafe\u0301 Law'), normalizeKey('Café Law'));
  const original = 'x Cafe\u0301 y';
  const normalized = normalizeWithOffsets(original);
  const start = normalized.text.indexOf('café');
  const range = toOriginalRange(normalized, start, start + 4);
  assert.equal(original.slice(range.start, range.end), 'Cafe\u0301');
});

test('the fast path equals the reference path on any text (one-unit forms come from a table)', () => {
  const piece = fc.oneof(
    fc.constantFrom('，', '。', '《', '》', '〈', '〉', '（', '）', '　', '\u00a0', '\u200b', '\u00ad', '·', '・', '‧', 'Ａ', 'ｂ', '㈠', 'ﷺ', 'e\u0301', '\u0301', '\ud83d\ude00', '\ud800', '\udc00', 'É', 'ß', 'İ', 'ﬁ', '英國', ' ', '\t', '\n'),
    fc.string({ unit: 'binary', maxLength: 4 }),
  );
  fc.assert(
    fc.property(fc.array(piece, { maxLength: 30 }).map((pieces) => pieces.join('')), (text) => {
      const fast = normalizeWithOffsets(text);
      const reference = normalizeWithOffsetsSlow(text);
      assert.equal(fast.text, reference.text);
      assert.deepEqual(Array.from(fast.offsets), Array.from(reference.offsets));
    }),
    { numRuns: 2000, seed: 20261203 },
  );
});

test('normalizeKey equals the reference normaliser, trimmed, on any text (one pass, scratch units, the text back when unchanged)', () => {
  const piece = fc.oneof(
    fc.constantFrom('，', '（', '）', '　', '\u00a0', '\u200b', '\u00ad', '·', '・', '–', 'Ａ', 'ｂ', '㈠', 'e\u0301', '\u0301', '\ud83d\ude00', '\ud800', 'É', 'Σ', 'İ', 'ﬁ', '英國', 'AI', ' ', '  ', '\t', '\n', '\u0085', '\x7f'),
    fc.string({ unit: 'binary', maxLength: 4 }),
  );
  fc.assert(
    fc.property(fc.array(piece, { maxLength: 30 }).map((pieces) => pieces.join('')), (text) => {
      assert.equal(normalizeKey(text), normalizeWithOffsetsSlow(text).text.trim());
    }),
    { numRuns: 3000, seed: 20261203 },
  );
  // Longer than the scratch (a whole article's text takes the other path): the same answer.
  const long = `  Ａrticle ${'人工智慧 '.repeat(400)}e\u0301nd `;
  assert.equal(normalizeKey(long), normalizeWithOffsetsSlow(long).text.trim());
  const unchanged = '布萊切利宣言';
  assert.equal(normalizeKey(unchanged), unchanged);
});
