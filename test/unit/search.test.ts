import assert from 'node:assert/strict';
import { test } from 'node:test';
import { EMBEDDED_RECORD_FILES } from '../../src/core/embedded';
import { compileGlob, GlobSet } from '../../src/core/util/glob';
import { forEachGramKey, FuzzySearch, gramsOf } from '../../src/core/search/fuzzySearch';
import { canonicalUrl } from '../../src/core/search/urls';
import { embeddedRecords, indexOf } from './helpers';
import { readdirSync } from 'node:fs';
import path from 'node:path';

test('URLs compare in canonical form', () => {
  const base = canonicalUrl('https://www.commerce.gov/news/press-releases/2024/04/us-and-uk-announce-partnership-science-ai-safety');
  for (const variant of [
    'http://www.commerce.gov/news/press-releases/2024/04/us-and-uk-announce-partnership-science-ai-safety/',
    'HTTPS://WWW.COMMERCE.GOV/news/press-releases/2024/04/us-and-uk-announce-partnership-science-ai-safety#top',
    'https://commerce.gov:443/news/press-releases/2024/04/us-and-uk-announce-partnership-science-ai-safety',
  ]) {
    assert.equal(canonicalUrl(variant), base, variant);
  }
  assert.notEqual(canonicalUrl('https://law.moj.gov.tw/x?pcode=A'), canonicalUrl('https://law.moj.gov.tw/x?pcode=B'));
  assert.equal(canonicalUrl('javascript:alert(1)'), undefined);
  assert.equal(canonicalUrl('not a url'), undefined);
});

test('globs: ** across folders, * within a name, {a,b} alternatives', () => {
  const include = new GlobSet(['**/corpus/**/*.{md,json,jsonl}']);
  assert.ok(include.matches('corpus/a.md'));
  assert.ok(include.matches('docs/corpus/laws/a.jsonl'));
  assert.ok(!include.matches('corpus/a.txt'));
  assert.ok(!include.matches('corpusx/a.md'));
  assert.ok(new GlobSet(['**/node_modules/**']).matches('x/node_modules/y/z.md'));
  assert.ok(compileGlob('a?c.[mj]d').test('abc.md'));
  assert.ok(!compileGlob('*.md').test('dir/a.md'));
});

test('grams: CJK bigrams and padded Latin trigrams', () => {
  assert.deepEqual(gramsOf('布萊切利'), ['布萊', '萊切', '切利']);
  assert.deepEqual(gramsOf('mou'), ['\u0001mo', 'mou', 'ou\u0001']);
  assert.deepEqual(gramsOf('宣'), ['宣']);
});

test('fuzzy search finds a misspelt title, in Chinese and in English', () => {
  const index = indexOf(embeddedRecords());
  assert.equal(index.search('布萊切利宣嚴')[0]?.id, 'bletchley-declaration-2023');
  assert.equal(index.search('Bletchly Declaration')[0]?.id, 'bletchley-declaration-2023');
  assert.equal(index.search('人工智慧安全峰匯')[0]?.id, 'ai-safety-summit-2023');
  assert.equal(index.search('Michele Donelan')[0]?.id, 'michelle-donelan');
  assert.equal(index.search('bletchley-park')[0]?.score, 1, 'an exact id');
  assert.deepEqual(index.search('量子密碼學與太空法'), [], 'unrelated text finds nothing');
});

test('fuzzy search matches in the middle of a long title (ignoreLocation)', () => {
  const search = new FuzzySearch();
  search.add('long', 'The Bletchley Declaration by Countries Attending the AI Safety Summit', []);
  search.add('other', 'Something else entirely', []);
  assert.equal(search.search('Attending the AI Safty Summit')[0]?.id, 'long');
});

test('fuzzy search: records are added and removed one at a time', () => {
  const search = new FuzzySearch();
  for (let n = 0; n < 3_000; n++) search.add(`r${n}`, `紀錄標題${n}號`, []);
  search.remove('r5');
  assert.ok(!search.search('紀錄標題5號').some((hit) => hit.id === 'r5'));
  for (let n = 0; n < 2_000; n++) search.remove(`r${n}`);
  assert.equal(search.size, 1_000);
  assert.equal(search.search('紀錄標題2500號')[0]?.id, 'r2500');
});

test('the embedded corpus list matches the records folder', () => {
  const folder = path.join(__dirname, '..', '..', 'src', 'core', 'embedded', 'records');
  assert.deepEqual(EMBEDDED_RECORD_FILES.map((file) => file.name).sort(), readdirSync(folder).filter((name) => name.endsWith('.md')).sort());
});

test('gram keys: one per gram, equal exactly when the grams are equal', () => {
  for (const text of ['布萊切利宣言', 'ai safety institute', 'café au lait', '𠀀𠀁 x', 'mou 合作 aisi']) {
    const keys: Array<number | string> = [];
    forEachGramKey(text, (key) => keys.push(key));
    const grams = gramsOf(text);
    assert.equal(keys.length, grams.length, text);
    for (let a = 0; a < grams.length; a++) for (let b = 0; b < grams.length; b++) assert.equal(keys[a] === keys[b], grams[a] === grams[b], `${text}: ${grams[a]} / ${grams[b]}`);
  }
});

test('records re-added many times (a corpus file saved again and again) do not crowd out others', () => {
  const search = new FuzzySearch();
  search.add('y', 'safety institute', []);
  for (let save = 0; save < 40; save++) search.add('x', 'institute safety tue', []);
  assert.ok(search.search('safety institue').some((hit) => hit.id === 'y'));
});

test('a ranking does not depend on the index history: records set again (an alias file applied and removed) rank as before', () => {
  const records = embeddedRecords();
  const index = indexOf(records);
  const queries = ['布萊切利', '布萊切利宣嚴', 'AI 安全', 'Bletchley', '人工智慧安全研究所'];
  const before = queries.map((query) => index.search(query, 10));
  // Every record set again, in reverse order: each takes a new slot in the index.
  for (const record of [...records].reverse()) index.set({ ...record, aliases: [...record.aliases, `${record.title} (temporary)`] });
  for (const record of [...records].reverse()) index.set(record);
  assert.deepEqual(queries.map((query) => index.search(query, 10)), before);
});
