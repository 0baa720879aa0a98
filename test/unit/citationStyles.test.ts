import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { analyzeArticle } from '../../src/core/article/analysis';
import { REFERENCE_KINDS } from '../../src/core/article/resolve';
import { formatCitationLine, planSourcesSection } from '../../src/core/article/sourcesSection';
import type { CorpusRecord } from '../../src/core/corpus/record';
import { StyleError } from '../../src/core/styles/citationStyles';
import { sectionRecords } from '../../src/core/styles/styledSources';
import { recordToStyleItem } from '../../src/core/styles/styleItems';
import { citationStyles } from '../../src/citationStyles/bundled';
import { embeddedRecord, embeddedRecords, indexOf } from './helpers';

const TODAY = '2026-11-29';
const index = indexOf(embeddedRecords());
const seed = readFileSync(path.join(__dirname, '..', '..', 'test', 'fixtures', 'seed-article.md'), 'utf8');
const house = citationStyles.builtIn('house')!;
const renderHouse = (records: readonly CorpusRecord[]) => citationStyles.render(house, records.map((record) => recordToStyleItem(record, TODAY, true)));

// Records of our own in the shapes the house formatter distinguishes (Chinese, author without publisher,
// no date, no URL, a year alone).
const base = embeddedRecord('us-uk-partnership-announcement-2024');
const own: CorpusRecord[] = [
  { ...base, id: 'zh-law', title: '人工智慧基本法', aliases: [], lang: 'zh-TW', publisher: '總統府', date: '2025-01-15', url: 'https://law.moj.gov.tw/LawClass/LawAll.aspx?pcode=H0160081', accessed: '2025-02-03', author: undefined },
  { ...base, id: 'zh-no-visit', title: '數位部新聞稿', aliases: [], lang: undefined, publisher: undefined, author: '數位發展部', date: '2024-08', url: 'https://moda.gov.tw/press/1', accessed: undefined },
  { ...base, id: 'zh-no-url', title: '行政院會議紀錄', aliases: [], lang: 'zh', publisher: '行政院', date: '2024', url: undefined, accessed: undefined, author: undefined },
  { ...base, id: 'en-author-only', title: 'A Long Essay on Model Evaluations', aliases: [], lang: 'en', publisher: undefined, author: 'Jane Doe', date: '2023-05', url: 'https://example.org/essay', accessed: '2024-01-02' },
  { ...base, id: 'en-author-publisher', title: 'Evaluating Frontier Models Together', aliases: [], lang: 'en', publisher: 'Example Institute', author: 'Jane Doe', date: '2022', url: 'https://example.org/paper', accessed: undefined },
  { ...base, id: 'en-no-date', title: 'A Page Without a Date', aliases: [], lang: 'en', publisher: 'Example Org', author: undefined, date: undefined, url: undefined, accessed: undefined },
];

describe('citation styles (citeproc-js)', () => {
  it('the house style gives exactly the line Generate Sources Section writes, for every record the seed cites', () => {
    const analysis = analyzeArticle(seed, index, { threshold: 0.7, kinds: new Set(REFERENCE_KINDS) });
    const records = sectionRecords(analysis, index);
    assert.ok(records.length >= 3, records.map((record) => record.id).join(', '));
    assert.deepEqual(renderHouse(records), records.map((record) => formatCitationLine(record, TODAY)));
  });

  it('the house style: Chinese and English sources in their own conventions, as the built-in formatter writes them', () => {
    const lines = renderHouse(own);
    assert.deepEqual(lines, own.map((record) => formatCitationLine(record, TODAY)));
    assert.equal(lines[0], '《人工智慧基本法》，總統府，2025年1月15日，<https://law.moj.gov.tw/LawClass/LawAll.aspx?pcode=H0160081>（最後瀏覽日：114年2月3日）');
  });

  it('APA from the shipped style: author or title first, the year in parentheses', () => {
    const records = [embeddedRecord('us-uk-partnership-announcement-2024'), own[3]!];
    const lines = citationStyles.render(citationStyles.builtIn('apa')!, records.map((record) => recordToStyleItem(record, TODAY, false)));
    assert.match(lines[0]!, /\(2024, April 1\)/);
    assert.match(lines[0]!, /\*U\.S\. and UK Announce Partnership on Science of AI Safety\*/);
    assert.match(lines[1]!, /^Jane Doe\. \(2023, May\)|^Doe, J\./);
  });

  it('a user style is parsed by the processor; a DOCTYPE, a dependent style or broken XML is refused with a reason', () => {
    const minimal = house.replace(/<layout locale="zh">[\s\S]*?<\/layout>/, '').replace(/<bibliography>[\s\S]*<\/bibliography>/, '<bibliography><layout><text variable="title" prefix="[" suffix="]"/></layout></bibliography>');
    assert.deepEqual(citationStyles.render(minimal, [recordToStyleItem(own[3]!, TODAY, false)]), ['[A Long Essay on Model Evaluations]']);
    assert.throws(() => citationStyles.render(`<!DOCTYPE style [<!ENTITY x "y">]>${house}`, []), StyleError);
    assert.throws(() => citationStyles.render(house.replace(/<bibliography>[\s\S]*<\/bibliography>/, ''), []), StyleError);
    assert.throws(() => citationStyles.render(house.replace('<layout locale="zh">', '<layout locale="zh"'), [recordToStyleItem(own[0]!, TODAY, true)]), StyleError);
  });

  it('a record edited between two renders is rendered afresh (engines are reused per style)', () => {
    const record = own[3]!;
    const [before] = renderHouse([record]);
    const [after] = renderHouse([{ ...record, title: 'A Short Essay on Model Evaluations' }]);
    assert.match(before!, /\*A Long Essay/);
    assert.match(after!, /\*A Short Essay/);
  });

  it('Generate Sources Section takes the styled line for the entries it adds', () => {
    const text = '英美於2024年4月1日簽署 [U.S. and UK Announce Partnership](#) 合作備忘錄。\n';
    const analysis = analyzeArticle(text, index, { threshold: 0.7, kinds: new Set(REFERENCE_KINDS) });
    const edit = planSourcesSection(analysis, index, TODAY, (record) => `styled ${record.id}`);
    assert.match(edit?.newText ?? '', /styled us-uk-partnership-announcement-2024/);
  });
});
