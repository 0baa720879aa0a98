import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { ParagraphConversions } from '../../src/core/search/crossStrait';
import { createCrossStraitConverter } from '../../src/crossStrait/bundled';

const converter = createCrossStraitConverter();

/** Pieces written for this test: simplified words and phrases the tables change (some change length), traditional text, Latin, line breaks. */
const PIECES = ['人工智能', '信息安全', '网络', '软件', '这个', '发展', '数据', '关于', '宣言', '布莱奇利', '合作伙伴关系', '人工智慧', '資訊', '英國', 'AI', ' ', '，', '。', '《', '》', '\n', '\n\n', 'x', '打印机', '鼠标', '后', '里', '面'];

test('paragraph conversions: line by line, cached, gives the text and offsets of converting the whole', () => {
  const conversions = new ParagraphConversions(converter);
  fc.assert(
    fc.property(fc.array(fc.constantFrom(...PIECES), { maxLength: 60 }), (pieces) => {
      const text = pieces.join('');
      const whole = converter.convert(text);
      // Twice: the second answer comes from the cache.
      for (let round = 0; round < 2; round++) {
        const byParagraph = conversions.convert(text);
        assert.equal(byParagraph.text, whole.text);
        assert.deepEqual([...byParagraph.offsets], [...whole.offsets]);
      }
    }),
    { numRuns: 1_000 },
  );
});

test('paragraph conversions: a paragraph met again in another article is converted from the cache, with its new offsets', () => {
  const conversions = new ParagraphConversions(converter);
  const first = conversions.convert('网络\n人工智能');
  const second = conversions.convert('前言\n\n人工智能');
  assert.equal(first.text, '網路\n人工智慧');
  assert.equal(second.text, '前言\n\n人工智慧');
  assert.equal(second.offsets[4], 4);
  assert.equal(second.offsets[second.text.length], 8);
});
