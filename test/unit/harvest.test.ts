import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { parseCorpusFile } from '../../src/core/corpus/parseFile';
import { formatHarvestJsonLines, harvestArticles } from '../../src/core/harvest/harvest';
import { cleanSourceUrl, sourceUrlKey } from '../../src/core/harvest/sourceKeys';
import { guessSourceType } from '../../src/core/harvest/sourceType';
import { CorpusIndex } from '../../src/core/search/corpusIndex';
import { bytes, embeddedRecords, indexOf, joinLines } from './helpers';

const seed = readFileSync(path.join(__dirname, '..', '..', 'test', 'fixtures', 'seed-article.md'), 'utf8');
const empty = () => new CorpusIndex();

// Two articles of our own that cite one page two ways (tracking parameter, trailing slash, http) with two
// publication dates, and a Chinese law page.
const first = joinLines(
  '# 甲文',
  '',
  '相關連結',
  '',
  '- [數位部新聞稿](https://moda.gov.tw/press/press-releases/1234/?utm_source=newsletter&utm_medium=email#top)',
  '',
  '資料來源：',
  '',
  '《數位部發布人工智慧產品與系統評測指引》，數位發展部，2024年8月1日，<https://moda.gov.tw/press/press-releases/1234/?utm_source=newsletter>（最後瀏覽日：113年9月1日）',
  '',
  '《人工智慧基本法草案總說明》，國家科學及技術委員會，2024年7月15日，<https://www.nstc.gov.tw/folksonomy/detail/ai-basic-law>（最後瀏覽日：113年8月20日）',
);
const second = joinLines(
  '# 乙文',
  '',
  '資料來源：',
  '',
  '《數位部發布人工智慧產品與系統評測指引》，數位發展部，2024年8月2日，<http://MODA.gov.tw/press/press-releases/1234>（最後瀏覽日：113年10月5日）',
  '',
  'Office for AI, *A pro-innovation approach to AI regulation*, GOV.UK, March 29, 2023, <https://www.gov.uk/government/publications/ai-regulation-a-pro-innovation-approach/white-paper?fbclid=abc> (last visit June 30, 2024).',
);

describe('harvest', () => {
  it('turns the seed article into one record per source, the placeholder links merged by title', () => {
    const result = harvestArticles([{ path: 'seed.md', text: seed }], empty());
    assert.equal(result.records.length, 3);
    const byType = Object.fromEntries(result.records.map((record) => [record.type, record]));
    const declaration = byType.declaration!;
    assert.equal(declaration.title, 'The Bletchley Declaration by Countries Attending the AI Safety Summit 1-2 November 2023');
    assert.deepEqual(declaration.aliases, ['The Bletchley Declaration']);
    assert.equal(declaration.id, 'bletchley-declaration-2023');
    assert.equal(declaration.date, '2023-11-01');
    assert.equal(declaration.accessed, '2024-06-30');
    assert.equal(declaration.publisher, 'GOV.UK');
    assert.equal(declaration.citedBy, 1);
    assert.equal(byType['press-release']?.publisher, 'U.S. Department of Commerce');
    assert.equal(byType.statement?.author, 'Michelle Donelan');
    assert.equal(byType.statement?.date, '2024-04-16');
    assert.deepEqual(result.conflicts, []);
  });

  it('reports what the corpus already has instead of writing it again', () => {
    const result = harvestArticles([{ path: 'seed.md', text: seed }], indexOf(embeddedRecords()));
    assert.ok(result.known.length >= 2, JSON.stringify(result.known));
    const ids = new Set(embeddedRecords().map((record) => record.id));
    for (const known of result.known) assert.ok(ids.has(known.id));
    assert.equal(result.records.length + result.known.length, 3);
  });

  it('one record per normalised URL; two dates kept as a note and reported; the latest visit', () => {
    const result = harvestArticles([{ path: 'a.md', text: first }, { path: 'b.md', text: second }], empty());
    const moda = result.records.find((record) => record.url?.includes('moda.gov.tw'));
    assert.ok(moda);
    assert.equal(moda.url, 'https://moda.gov.tw/press/press-releases/1234/');
    assert.equal(moda.citedBy, 2);
    assert.equal(moda.accessed, '2024-10-05');
    assert.equal(moda.lang, 'zh-TW');
    assert.equal(moda.type, 'press-release');
    assert.deepEqual(moda.aliases, ['數位部新聞稿']);
    assert.equal(moda.date, '2024-08-01');
    assert.match(moda.note ?? '', /2024-08-02/);
    assert.deepEqual(result.conflicts.map((conflict) => [conflict.id, conflict.field, conflict.values]), [[moda.id, 'date', ['2024-08-01', '2024-08-02']]]);
    const whitePaper = result.records.find((record) => record.title.startsWith('A pro-innovation'));
    assert.equal(whitePaper?.url, 'https://www.gov.uk/government/publications/ai-regulation-a-pro-innovation-approach/white-paper');
    assert.equal(whitePaper?.author, 'Office for AI');
    assert.equal(result.records.find((record) => record.title.includes('草案'))?.type, 'bill');
  });

  it('is byte-identical for the same articles in any order, sorted by id, with unique ids', () => {
    const articles = [{ path: 'a.md', text: first }, { path: 'b.md', text: second }, { path: 'seed.md', text: seed }];
    const once = formatHarvestJsonLines(harvestArticles(articles, empty()).records);
    const reversed = formatHarvestJsonLines(harvestArticles([...articles].reverse(), empty()).records);
    assert.equal(reversed, once);
    const ids = once.trim().split('\n').map((line) => (JSON.parse(line) as { id: string }).id);
    assert.deepEqual(ids, [...ids].sort());
    assert.equal(new Set(ids).size, ids.length);
    assert.ok(once.split('\n').filter(Boolean).every((line) => line.startsWith('{"id":')));
    assert.ok(ids.includes('us-uk-announce-partnership-2024'), ids.join(' '));
  });

  it('writes JSON Lines that the corpus loader reads back with no problems', () => {
    const records = harvestArticles([{ path: 'a.md', text: first }, { path: 'b.md', text: second }, { path: 'seed.md', text: seed }], empty()).records;
    const file = parseCorpusFile('file:///ws/corpus/harvested.jsonl', bytes(formatHarvestJsonLines(records)), { maxBytes: 5 * 1024 * 1024 });
    assert.deepEqual(file.problems, []);
    assert.deepEqual(file.records.map((record) => [record.id, record.title, record.url, record.accessed]), records.map((record) => [record.id, record.title, record.url, record.accessed]));
  });

  it('gives ids that do not collide with the corpus', () => {
    const index = new CorpusIndex();
    index.set({ ...embeddedRecords()[0]!, id: 'bletchley-declaration-2023', url: 'https://example.org/other', aliases: [], title: 'Something else' });
    const result = harvestArticles([{ path: 'seed.md', text: seed }], index);
    assert.ok(result.records.some((record) => record.id === 'bletchley-declaration-2023-2'));
  });
});

describe('harvest keys and types', () => {
  it('normalises URLs: scheme, host case, www, trailing slash, trackers and fragment; keeps other queries', () => {
    assert.equal(sourceUrlKey('HTTP://WWW.Example.org/a/?utm_source=x#frag'), sourceUrlKey('https://example.org/a'));
    assert.notEqual(sourceUrlKey('https://law.moj.gov.tw/LawAll.aspx?pcode=A'), sourceUrlKey('https://law.moj.gov.tw/LawAll.aspx?pcode=B'));
    assert.equal(cleanSourceUrl('https://example.org/a?id=1&gclid=z'), 'https://example.org/a?id=1');
    assert.equal(cleanSourceUrl('javascript:alert(1)'), undefined);
  });

  it('guesses types from words first, then the site', () => {
    assert.equal(guessSourceType('Some page', 'https://law.moj.gov.tw/LawClass/LawAll.aspx?pcode=X'), 'law');
    assert.equal(guessSourceType('個人資料保護法', undefined), 'law');
    assert.equal(guessSourceType('AI chips rules tighten', 'https://www.reuters.com/technology/x'), 'regulation');
    assert.equal(guessSourceType('Chip makers rally', 'https://www.reuters.com/technology/x'), 'article');
    assert.equal(guessSourceType('Home', 'https://www.example.org/'), 'website');
  });
});
