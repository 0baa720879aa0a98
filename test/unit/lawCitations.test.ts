import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseArticle } from '../../src/core/article/article';
import { findStatuteCitations, statuteReferenceAt, type StatuteReference } from '../../src/core/law/citations';
import { chineseValue, readNumeral } from '../../src/core/law/numerals';
import { embeddedIndex, PDPA } from './lawHelpers';
import { cpuTimeMs, cpuTimeMsAsync } from './helpers';
import { formatMessage } from '../../src/core/util/messages';

async function cite(text: string) {
  return findStatuteCitations(text, await embeddedIndex(), parseArticle(text).skipped);
}

const shape = (reference: StatuteReference) => ({
  text: reference.text,
  pcode: reference.pcode,
  article: reference.article,
  ...(reference.through ? { through: reference.through } : {}),
  ...(reference.paragraph !== undefined ? { paragraph: reference.paragraph } : {}),
  ...(reference.item !== undefined ? { item: reference.item } : {}),
  ...(reference.qualifier ? { qualifier: reference.qualifier } : {}),
});

test('Chinese numerals', () => {
  assert.deepEqual(['六', '十', '十一', '二十八', '一百零六', '一百七十一', '貳拾捌', '兩百'].map(chineseValue), [6, 10, 11, 28, 106, 171, 28, 200]);
  assert.equal(readNumeral('第６條', 1)?.value, 6);
});

test('a full name in 《》, 「」 or bare, with 條, 項, 款', async () => {
  const { references } = await cite('依《個人資料保護法》第6條，及「個人資料保護法」第20條第1項，以及個人資料保護法第20條第1項第5款。');
  assert.deepEqual(references.map(shape), [
    { text: '《個人資料保護法》第6條', pcode: PDPA, article: { main: 6 } },
    { text: '「個人資料保護法」第20條第1項', pcode: PDPA, article: { main: 20 }, paragraph: 1 },
    { text: '個人資料保護法第20條第1項第5款', pcode: PDPA, article: { main: 20 }, paragraph: 1, item: 5 },
  ]);
  assert.equal(references[0]!.via, 'bracket');
  assert.equal(references[2]!.via, 'name');
});

test('a short name from aliases.json, and our own short form (臺 → 台)', async () => {
  const index = await embeddedIndex();
  const { references } = await cite('個資法第6條與台灣地區與大陸地區人民關係條例第2條');
  assert.deepEqual(references.map((reference) => [reference.lawText, reference.pcode, reference.via]), [
    ['個資法', PDPA, 'alias'],
    ['台灣地區與大陸地區人民關係條例', index.find('臺灣地區與大陸地區人民關係條例')!.pcode, 'short'],
  ]);
});

test('Chinese, full-width, mixed and database-style numbers; 之M', async () => {
  const { references } = await cite('個資法第二十條、個資法第６條、個資法第1條之1、個資法第六條之1、個資法第六條之一、個資法第 1-1 條、憲法第一百七十一條');
  assert.deepEqual(references.map((reference) => reference.article), [{ main: 20 }, { main: 6 }, { main: 1, sub: 1 }, { main: 6, sub: 1 }, { main: 6, sub: 1 }, { main: 1, sub: 1 }, { main: 171 }]);
});

test('但書, 前段, 後段', async () => {
  const { references } = await cite('個資法第6條第1項但書、第19條前段及第20條後段');
  assert.deepEqual(references.map((reference) => [reference.article?.main, reference.qualifier]), [[6, '但書'], [19, '前段'], [20, '後段']]);
});

test('ranges and lists continue the law named first', async () => {
  const range = await cite('個人資料保護法第6條至第8條');
  assert.deepEqual(range.references.map(shape), [{ text: '個人資料保護法第6條至第8條', pcode: PDPA, article: { main: 6 }, through: { main: 8 } }]);
  const list = await cite('個資法第6條、第8條及第10條');
  assert.deepEqual(list.references.map((reference) => [reference.text, reference.pcode, reference.article?.main]), [['個資法第6條', PDPA, 6], ['第8條', PDPA, 8], ['第10條', PDPA, 10]]);
  const paragraphs = await cite('個資法第6條第1項、第2項');
  assert.deepEqual(paragraphs.references.map((reference) => [reference.article?.main, reference.paragraph]), [[6, 1], [6, 2]]);
  // A list item below 項 keeps the article and the 項 of the one before it; a new 條 starts afresh.
  const items = await cite('個資法第6條第1項第2款、第6款及第8條第2項');
  assert.deepEqual(items.references.map((reference) => [reference.article?.main, reference.paragraph, reference.item]), [[6, 1, 2], [6, 1, 6], [8, 2, undefined]]);
});

test('同法 and 本法 take the law cited last in the section, across paragraphs but not across a heading of the same or a higher level', async () => {
  const index = await embeddedIndex();
  const copyright = index.find('著作權法')!.pcode;
  const { references } = await cite('## 一\n\n依個資法第6條，著作權法第3條；同法第5條與本法第7條。\n\n同法第9條\n\n### 一之一\n\n同法第10條\n\n## 二\n\n同法第11條');
  assert.deepEqual(references.map((reference) => [reference.text, reference.pcode, reference.via]), [
    ['個資法第6條', PDPA, 'alias'],
    ['著作權法第3條', copyright, 'name'],
    ['同法第5條', copyright, 'context'],
    ['本法第7條', copyright, 'context'],
    ['同法第9條', copyright, 'context'],
    ['同法第10條', copyright, 'context'],
  ]);
  // A law named in 《》 without an article is context too (and a reference to the whole law).
  const named = await cite('《個人資料保護法》之立法目的，見同法第1條。');
  assert.deepEqual(named.references.map((reference) => [reference.text, reference.pcode, reference.article?.main]), [['《個人資料保護法》', PDPA, undefined], ['同法第1條', PDPA, 1]]);
});

test('a bare 第N條 with no law, and 同法 with nothing before it, are not resolved', async () => {
  for (const text of ['依第5條規定辦理。', '同法第5條', '本法第3條規定', '這是第一步，第二名。']) {
    assert.deepEqual((await cite(text)).references, [], text);
  }
});

test('an unknown name that ends like a law is reported (without the words before it); ordinary text is not', async () => {
  const { references, unknownLaws } = await cite('依個人資料保謢法第6條，且《數位中介服務法》第3條。');
  assert.deepEqual(unknownLaws.map((unknown) => unknown.name), ['個人資料保謢法', '數位中介服務法']);
  assert.ok(references.every((reference) => reference.pcode === undefined));
  for (const text of ['依相關辦法第3條', '這個方法第一次用', '依施行細則第2條', '「第一步」第2項', '這是解決問題的作法第一條路', '是新做法第一條', '依地方立法機關組\n織準則第五條', '依本法施行細則第3條', '依其組織通則第2條']) assert.deepEqual((await cite(text)).unknownLaws, [], text);
});

test('a law whose name contains 第N條 is one name, not a citation of the law it names', async () => {
  const index = await embeddedIndex();
  const name = '行政訴訟法第四十九條之一第一項第一款強制律師代理事件適用範圍辦法';
  const { references } = await cite(`依${name}第2條`);
  assert.deepEqual(references.map((reference) => [reference.lawText, reference.pcode, reference.article?.main]), [[name, index.find(name)!.pcode, 2]]);
});

test('a 10,000-digit article number is a clear problem, read in linear time', async () => {
  for (const digits of ['1'.repeat(10_000), '一'.repeat(10_000)]) {
    let result: Awaited<ReturnType<typeof cite>> | undefined;
    const elapsed = await cpuTimeMsAsync(async () => (result = await cite(`個資法第${digits}條；個資法第6條`)));
    assert.ok(elapsed < 200, `took ${elapsed.toFixed(0)} ms of CPU`);
    const { references, problems } = result!;
    assert.deepEqual(problems.map((problem) => problem.code), ['invalid-statute-number']);
    assert.match(formatMessage(problems[0]!.message), /10,000 digits/);
    assert.deepEqual(references.map((reference) => reference.article), [{ main: 6 }]);
  }
});

test('fenced code, inline code and HTML comments are skipped', async () => {
  const text = ['```', '個資法第6條', '```', '`個資法第7條` <!-- 個資法第8條 -->', '個資法第9條'].join('\n');
  assert.deepEqual((await cite(text)).references.map((reference) => reference.article?.main), [9]);
});

test('linear on adversarial input: runs of 第, numerals and names', async () => {
  const index = await embeddedIndex();
  for (const text of ['第'.repeat(200_000), '個資法第1條、'.repeat(20_000), '資'.repeat(200_000) + '第1條', '《'.repeat(100_000), `${'第一'.repeat(100_000)}條`]) {
    const elapsed = cpuTimeMs(() => findStatuteCitations(text, index));
    // A quadratic scan takes minutes here (100,000 《 took 53 s before the window).
    assert.ok(elapsed < 3000, `${text.slice(0, 8)}…: ${elapsed.toFixed(0)} ms of CPU`);
  }
});

test('statuteReferenceAt finds the reference holding an offset', async () => {
  const { references } = await cite('見個資法第6條及第8條。');
  assert.equal(statuteReferenceAt(references, 2)?.article?.main, 6);
  assert.equal(statuteReferenceAt(references, 10)?.article?.main, 8);
  assert.equal(statuteReferenceAt(references, 0), undefined);
});

test('同條第2項 continues the article cited last', async () => {
  const { references } = await cite('個資法第6條第1項規定特種個資；同條第2項則規定準用。');
  assert.deepEqual(references.map((reference) => [reference.text, reference.pcode, reference.article?.main, reference.paragraph]), [
    ['個資法第6條第1項', PDPA, 6, 1],
    ['同條第2項', PDPA, 6, 2],
  ]);
});

test('any text of citation-like characters: no exception, references in order, inside the text, never overlapping', async () => {
  const fc = await import('fast-check');
  const index = await embeddedIndex();
  const pieces = ['第', '條', '項', '款', '目', '之', '1', '６', '十', '一', '百', '個資法', '個人資料保護法', '同法', '本法', '同條', '《', '》', '「', '」', '、', '及', '至', '但書', ' ', '\n', '\n\n', '`', '法', '條例', '的', '-'];
  fc.assert(
    fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 80 }), (parts) => {
      const text = parts.join('');
      const { references, unknownLaws, problems } = findStatuteCitations(text, index, parseArticle(text).skipped);
      let previousEnd = 0;
      for (const reference of references) {
        assert.ok(reference.start >= previousEnd && reference.end > reference.start && reference.end <= text.length, JSON.stringify({ text, reference }));
        assert.equal(reference.text, text.slice(reference.start, reference.end));
        assert.ok(reference.article || reference.via === 'bracket');
        previousEnd = reference.end;
      }
      for (const span of [...unknownLaws, ...problems]) assert.ok(span.start >= 0 && span.end <= text.length && span.start < span.end);
    }),
    { numRuns: 2_000, seed: 20241011 },
  );
});
