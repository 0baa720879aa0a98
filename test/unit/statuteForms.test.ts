import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseArticle } from '../../src/core/article/article';
import { findStatuteCitations } from '../../src/core/law/citations';
import { deriveShortNames, wordsOf } from '../../src/core/law/derivedNames';
import { LawIndex } from '../../src/core/law/lawIndex';
import { renderStatuteCard } from '../../src/core/law/statuteCard';
import { analyzeStatutes } from '../../src/core/law/statuteChecks';
import { embeddedIndex, embeddedLibrary, PDPA } from './lawHelpers';

async function cite(text: string) {
  const index = await embeddedIndex();
  return findStatuteCitations(text, index, parseArticle(text).skipped);
}

/** `民法 184.1.2` for each resolved reference, as the evaluation set writes them. */
async function keys(text: string): Promise<string[]> {
  const index = await embeddedIndex();
  return (await cite(text)).references.map((reference) => `${reference.pcode ? index.get(reference.pcode)!.name : '?'} ${reference.article!.main}${reference.article!.sub ? `-${reference.article!.sub}` : ''}${reference.paragraph !== undefined ? `.${reference.paragraph}` : reference.item !== undefined ? '.' : ''}${reference.item !== undefined ? `.${reference.item}` : ''}`);
}

test('derived short names: words of two characters, 者 joins the word before it, 及 joins words', () => {
  assert.deepEqual(wordsOf('納稅者權利保護').words, ['納稅者', '權利', '保護']);
  assert.deepEqual(wordsOf('遺產及贈與稅'), { words: ['遺產', '贈與', '稅'], joined: true });
  const forms = (name: string) => deriveShortNames(name).map((candidate) => candidate.form);
  assert.ok(forms('證券交易法').includes('證交法'));
  assert.ok(forms('納稅者權利保護法').includes('納保法'));
  assert.ok(forms('遺產及贈與稅法').includes('遺贈稅法'));
  assert.ok(forms('使用牌照稅法').includes('牌照稅法'));
  assert.ok(forms('性騷擾防治法').includes('性騷法'));
  assert.deepEqual(forms('民法'), [], 'too short to shorten');
  assert.deepEqual(forms('個人資料保護法施行細則'), [], 'not a law of the kinds shortened');
  assert.deepEqual(forms('行政院組織法'), [], 'organic laws are not shortened');
  assert.ok(!forms('勞動基準法').includes('勞動法'), 'a field of law is never a short name');
});

test('derived short names are checked against every name: unique ones kept, shared ones left to the document', () => {
  const law = (pcode: string, name: string) => ({ pcode, name, aliases: [] as string[] });
  const index = new LawIndex([law('A', '證券交易法'), law('B', '性別平等教育法'), law('C', '性別平等工作法'), law('D', '證交法'), law('E', '國家賠償法')]);
  assert.deepEqual(index.find('證交法'), { pcode: 'D', match: 'name' }, 'an official name wins over a derived one');
  assert.equal(index.find('性平法'), undefined);
  assert.deepEqual([...(index.ambiguous('性平法') ?? [])].sort(), ['B', 'C']);
  assert.deepEqual(index.find('國賠法'), { pcode: 'E', match: 'derived' });
  assert.ok(index.get('E')?.derivedNames?.includes('國賠法'));
});

test('derived short names work with the embedded index (all 11,547 names)', async () => {
  assert.deepEqual(await keys('納保法第7條、稅稽法第21條、遺贈稅法第15條、證交法第157條之1、行程法第102條、政資法第18條、牌照稅法第7條'), ['納稅者權利保護法 7', '稅捐稽徵法 21', '遺產及贈與稅法 15', '證券交易法 157-1', '行政程序法 102', '政府資訊公開法 18', '使用牌照稅法 7']);
});

test('an ambiguous short name resolves only when the document cites one of its laws; else a check lists the candidates', async () => {
  assert.deepEqual(await keys('性別平等教育法第21條；性平法第22條'), ['性別平等教育法 21', '性別平等教育法 22']);
  const alone = await cite('性平法第12條');
  assert.equal(alone.references[0]!.pcode, undefined);
  assert.equal(alone.references[0]!.candidates?.length, 2);
  const { diagnostics } = await analyzeStatutes('性平法第12條', embeddedLibrary());
  const ambiguous = diagnostics.find((diagnostic) => diagnostic.code === 'ambiguous-law');
  assert.ok(ambiguous && /性別平等教育法/.test(ambiguous.message) && /性別平等工作法/.test(ambiguous.message), JSON.stringify(diagnostics));
  assert.equal((ambiguous.alternatives?.length ?? 0) + 1, 2, 'one fix per candidate');
});

test('names the text defines bind for the rest of the document, and shadow a real name after the definition', async () => {
  assert.deepEqual(await keys('兒童及少年福利與權益保障法（以下簡稱兒少福權法）第49條；兒少福權法第56條'), ['兒童及少年福利與權益保障法 49', '兒童及少年福利與權益保障法 56']);
  assert.deepEqual(await keys('道路交通管理處罰條例（以下稱本條例）。\n\n## 二\n\n依本條例第67條'), ['道路交通管理處罰條例 67']);
  assert.deepEqual(await keys('食品安全衛生管理法（以下稱「食管法」）第15條；食管法第49條'), ['食品安全衛生管理法 15', '食品安全衛生管理法 49']);
  assert.deepEqual(await keys('民法第1條；公司法（以下簡稱民法）第8條；民法第23條'), ['民法 1', '公司法 8', '公司法 23']);
});

test('between the name and the article: 的, 中的, 裡的, 之; no 第; a hard-wrapped line', async () => {
  assert.deepEqual(await keys('民法的第184條、個資法中的第6條、勞基法裡的第24條、民法之第767條'), ['民法 184', '個人資料保護法 6', '勞動基準法 24', '民法 767']);
  assert.deepEqual(await keys('民法184條、所得稅法92條、證交法157條之1'), ['民法 184', '所得稅法 92', '證券交易法 157-1']);
  assert.deepEqual(await keys('依民法\n第184條'), ['民法 184']);
  assert.deepEqual(await keys('共184條、第3名、民國184年'), []);
});

test('§ notation: §195 I, §14-4, § 23 Ⅰ ②, §184 I 前段, §184、§185', async () => {
  assert.deepEqual(await keys('公司法§195 I；民法§14-4；民法 § 23 Ⅰ ②；所得稅法§14 I ③；民法§184、§185'), ['公司法 195.1', '民法 14-4', '民法 23.1.2', '所得稅法 14.1.3', '民法 184', '民法 185']);
  const [reference] = (await cite('民法§184 I 前段')).references;
  assert.equal(reference!.qualifier, '前段');
  assert.deepEqual(await keys('§§§ §abc 價格$184'), []);
});

test('text copied from a PDF: spaces between ideographs; offsets point into the original', async () => {
  const text = '依 個 人 資 料 保 護 法 第 6 條 第 1 項';
  const { references } = await cite(text);
  assert.equal(references[0]!.pcode, PDPA);
  assert.equal(references[0]!.paragraph, 1);
  assert.equal(text.slice(references[0]!.start, references[0]!.end), '個 人 資 料 保 護 法 第 6 條 第 1 項');
});

test('lists: 跟, 與, 和, 或, 及, 、; compact 第1、2項; 同條 takes the article cited just before', async () => {
  assert.deepEqual(await keys('民法第184條跟第185條或第191條之1'), ['民法 184', '民法 185', '民法 191-1']);
  assert.deepEqual(await keys('個資法第6條第1、2項；勞基法第11條第1、2款；民法第184、185條'), ['個人資料保護法 6.1', '個人資料保護法 6.2', '勞動基準法 11..1', '勞動基準法 11..2', '民法 184', '民法 185']);
  assert.deepEqual(await keys('民法第184條、第185條，同條第2項'), ['民法 184', '民法 185', '民法 185.2']);
});

test('a bare 第N條 or § takes the law in scope: heading, front matter, the section\'s only cited law; never two', async () => {
  assert.deepEqual(await keys('## 勞動基準法\n\n雇主依第12條終止契約。'), ['勞動基準法 12']);
  assert.deepEqual(await keys('---\ntitle: 公司法FAQ\n---\n\nA：§195 I 規定董事任期。'), ['公司法 195.1']);
  assert.deepEqual(await keys('---\nlaw: 民法\n---\n\n侵權行為規定在第184條；本法第185條。'), ['民法 184', '民法 185']);
  assert.deepEqual(await keys('## 侵權\n\n民法第184條。\n\n依第185條。'), ['民法 184', '民法 185']);
  assert.deepEqual(await keys('## 侵權\n\n民法第184條；刑法第277條。\n\n依第185條。'), ['民法 184', '中華民國刑法 277']);
  assert.deepEqual(await keys('## 民法與刑法\n\n第184條'), []);
  assert.deepEqual(await keys('依第5條規定。'), []);
  const [context] = (await cite('## 勞動基準法\n\n第12條')).references;
  assert.equal(context!.via, 'context');
  assert.deepEqual(await keys('## 個資法\n\n第一條路是和解；新法第3條。'), []);
});

test('foreign laws: no Taiwanese law and no unknown-law; 本法 never inside 基本法', async () => {
  for (const text of ['德國民法第823條', '日本個人情報保護法第27條', '歐盟一般資料保護規則第6條', '一般資料保護規則第17條', '中國大陸民法典第1165條', '美國加州消費者隱私法第5條', '基本法第20條', '日本法第5條']) {
    const found = await cite(text);
    assert.deepEqual([found.references.length, found.unknownLaws.length], [0, 0], text);
  }
  assert.deepEqual(await keys('德國民法第823條，同法第826條'), []);
  assert.deepEqual(await keys('科學技術基本法第5條'), ['科學技術基本法 5']);
  assert.deepEqual(await keys('## 民法\n\n某某基本法第3條'), []);
});

test('renamed and abolished laws resolve to today\'s law with a note on the card', async () => {
  const index = await embeddedIndex();
  const [renamed] = (await cite('性別工作平等法第12條')).references;
  assert.equal(index.get(renamed!.pcode!)!.name, '性別平等工作法');
  assert.deepEqual(renamed!.note, { kind: 'renamed', oldName: '性別工作平等法', date: '20230816' });
  const [replaced] = (await cite('遺產稅法第1條')).references;
  assert.equal(index.get(replaced!.pcode!)!.name, '遺產及贈與稅法');
  assert.equal(replaced!.note?.kind, 'replaced');
  const card = renderStatuteCard(renamed!, index.get(renamed!.pcode!)!, undefined, 'zh');
  assert.match(card, /「性別工作平等法」已於 2023-08-16（民國112年8月16日）更名為本法|性別工作平等法.*更名/);
});

test('unknown-law spans stop at particles and verbs', async () => {
  const { unknownLaws } = await cite('讓我們來看一下甲乙丙法第3條');
  assert.deepEqual(unknownLaws.map((unknown) => unknown.name), ['甲乙丙法']);
});

test('forms found on real writing, reproduced with sentences of our own', async () => {
  // The joiner left out of a name: 遺產及贈與稅法 → 遺產贈與稅法.
  assert.deepEqual(await keys('依遺產贈與稅法第45條處罰。'), ['遺產及贈與稅法 45']);
  // A country and a kind alone (德國法) is foreign; a later 本法 is the document's law, not the foreign one.
  assert.deepEqual(await keys('## 個人資料保護法\n\n參考德國法第13條；仍應依本法第6條。'), ['個人資料保護法 6']);
  // A definition inside the quotes of the name.
  assert.deepEqual(await keys('「個人資料保護法(下稱個保法)」第2條；個保法第5條'), ['個人資料保護法 2', '個人資料保護法 5']);
  // A bare article after any verb (修正第35條) in a section about one law; after a name-like word it stays bare-less.
  assert.deepEqual(await keys('## 道路交通管理處罰條例\n\n爰修正第35條，故第67條配合修正。'), ['道路交通管理處罰條例 35', '道路交通管理處罰條例 67']);
  assert.deepEqual(await keys('## 道路交通管理處罰條例\n\n本法案第5條；公約第19條；草案第3條'), []);
  // An unknown name never swallows the cite and list word before it.
  const { unknownLaws } = await cite('所得稅法第110條或甲乙稅法第45條');
  assert.deepEqual(unknownLaws.map((unknown) => unknown.name), ['甲乙稅法']);
});
