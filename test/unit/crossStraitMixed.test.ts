import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyzeArticle } from '../../src/core/article/analysis';
import { REFERENCE_KINDS } from '../../src/core/article/resolve';
import { mayNeedConversion } from '../../src/core/search/crossStrait';
import { createCrossStraitConverter } from '../../src/crossStrait/bundled';
import { loadCrossStrait as loadWebConverter } from '../../src/crossStrait/web';
import { mentionVariants } from '../../src/mentionVariants/bundled';
import { embeddedRecords, indexOf } from './helpers';

const converter = createCrossStraitConverter();
const index = indexOf(embeddedRecords());
index.setCrossStrait(converter);
index.setMentionVariants(mentionVariants);
const mentions = (text: string) =>
  analyzeArticle(text, index, { threshold: 0.7, kinds: new Set(REFERENCE_KINDS) })
    .references.filter((reference) => reference.kind === 'mention')
    .map((reference) => `${text.slice(reference.start, reference.end)}→${reference.id ?? '-'}(${reference.match ?? '-'})`);

test('mixed spelling: 關系 / 聯系 / 維系 / 伙伴 in traditional text convert as their all-simplified forms do', async () => {
  for (const convert of [converter, await loadWebConverter()]) {
    assert.equal(convert.convert('英美夥伴關系').text, '英美夥伴關係');
    assert.equal(convert.convert('合作伙伴關系').text, '合作夥伴關係');
    assert.equal(convert.convert('維系關系').text, '維繫關係');
  }
  assert.equal(converter.convert('关系').text, converter.convert('關系').text, 'the mixed form reads as the simplified one');
  assert.ok(mayNeedConversion('兩國的關系'));
  assert.ok(mayNeedConversion('請與我們聯系'));
});

test('mixed spelling: where 關 ends one word and 系 starts the next, nothing changes', () => {
  for (const text of ['有關系統安全的規定', '機關系列講座', '相關系所的課程', '聯系統計資料']) assert.equal(converter.convert(text).text, text);
});

test('mixed spelling: 人工智慧安全科學夥伴關系 is the partnership, the range on the text as written; 系統 is no name', () => {
  const text = '英美兩國宣布建立人工智慧安全科學夥伴關系，首先交換模型評估方法。';
  assert.deepEqual(mentions(text), ['人工智慧安全科學夥伴關系→us-uk-partnership-announcement-2024(alias)']);
  assert.deepEqual(mentions('英國與美國的人工智慧安全科學合作伙伴關系，被視為新模式。'), ['人工智慧安全科學合作伙伴關系→us-uk-partnership-announcement-2024(alias)']);
  assert.deepEqual(mentions('有關系統安全的規定仍在研議。'), []);
  assert.deepEqual(mentions('兩家公司的合作伙伴關系在去年結束。'), []);
});
