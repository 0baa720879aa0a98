import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseArticle } from '../../src/core/article/article';
import { analyzeArticle } from '../../src/core/article/analysis';
import { REFERENCE_KINDS } from '../../src/core/article/resolve';
import { missingSourceLines, sourceLineInsertion, sourcesListRecord } from '../../src/core/article/sourceLineCompletion';
import { formatCitationLine } from '../../src/core/article/sourcesSection';
import type { CorpusRecord } from '../../src/core/corpus/record';
import { CitationCompleter, citationContextAt, replacedLength } from '../../src/core/search/citationCompletion';
import { indexOf, joinLines } from './helpers';

function record(id: string, fields: Partial<CorpusRecord>): CorpusRecord {
  return { id, type: 'report', title: id, aliases: [], summary: {}, tags: [], related: [], origin: { uri: 'memory:/corpus.jsonl', line: 0, fieldLines: {}, embedded: false }, ...fields };
}

const records = [
  record('tw-ai-basic-act-draft', { title: '人工智慧基本法草案', aliases: ['AI基本法'], publisher: '國家科學及技術委員會', date: '2024-07-15', tags: ['人工智慧'], url: 'https://example.org/ai-basic-act' }),
  record('eu-ai-act', { title: 'Artificial Intelligence Act', aliases: ['EU AI Act', '歐盟人工智慧法'], publisher: 'European Union', date: '2024-06-13', lang: 'en', url: 'https://example.org/eu-ai-act' }),
  record('data-report-2023', { title: '資料治理年度報告', publisher: '數位發展部', date: '2023-12-01', tags: ['資料治理'], url: 'https://example.org/data-report' }),
  record('moda-press-2024', { title: '數位韌性新聞稿', publisher: '數位發展部', date: '2024-03-05', tags: ['資安'], url: 'https://example.org/moda-press' }),
  record('chip-strategy', { title: 'Semiconductor Strategy Paper', publisher: 'Ministry of Economic Affairs', date: '2022-01-10', tags: ['semiconductors'], url: 'https://example.org/chips' }),
];
const index = indexOf(records);
const completer = new CitationCompleter(index);
const ids = (query: string) => completer.complete(query).map((candidate) => candidate.record.id);

describe('citation completion ranking', () => {
  it('finds a record by the start of its Chinese title and of its English alias', () => {
    assert.equal(ids('人工智慧基本')[0], 'tw-ai-basic-act-draft');
    assert.equal(ids('EU AI')[0], 'eu-ai-act');
  });

  it('ranks a name match above a publisher match above a tag match', () => {
    const ranked = completer.complete('數位');
    const byId = new Map(ranked.map((candidate) => [candidate.record.id, candidate]));
    // 數位韌性新聞稿: its title starts with the term; 資料治理年度報告 matches only through its publisher.
    assert.equal(byId.get('moda-press-2024')?.field, 'name');
    assert.ok(ranked.findIndex((candidate) => candidate.record.id === 'moda-press-2024') < ranked.findIndex((candidate) => candidate.record.id === 'data-report-2023'));
  });

  it('requires every space-separated term to match some field', () => {
    // Both records of 數位發展部; only one is from 2023 (ROC 112).
    assert.deepEqual(ids('數位發展部 2023'), ['data-report-2023']);
    assert.deepEqual(ids('數位發展部 112年'), ['data-report-2023']);
    assert.deepEqual(ids('數位發展部 資安'), ['moda-press-2024']);
    assert.deepEqual(ids('數位發展部 1999'), []);
  });

  it('tolerates a typo through the fuzzy index', () => {
    assert.equal(ids('Semiconductr Strategy')[0], 'chip-strategy');
    assert.equal(ids('資料治里年度')[0], 'data-report-2023');
  });

  it('completes citation keys by id prefix', () => {
    assert.equal(ids('chip-str')[0], 'chip-strategy');
    assert.equal(completer.complete('chip-str')[0]?.field, 'id');
  });

  it('follows corpus changes (the id list is rebuilt after a change)', () => {
    const local = indexOf(records);
    const own = new CitationCompleter(local);
    assert.deepEqual(own.complete('zz-new').map((candidate) => candidate.record.id), []);
    local.set(record('zz-new-record', { title: '新增紀錄' }));
    assert.deepEqual(own.complete('zz-new').map((candidate) => candidate.record.id), ['zz-new-record']);
  });

  it('returns nothing for an empty or blank query', () => {
    assert.deepEqual(ids(''), []);
    assert.deepEqual(ids('   '), []);
  });
});

describe('citation completion context', () => {
  it('reads [@, a second key in a group, @ in prose, and a word only when invoked', () => {
    assert.deepEqual(citationContextAt('見 [@eu-a', false), { kind: 'bracket', start: 2, typed: 'eu-a' });
    assert.deepEqual(citationContextAt('見 [@a; @ch', false), { kind: 'groupKey', start: 7, typed: 'ch' });
    assert.deepEqual(citationContextAt('依照@人工智慧 基本', false), { kind: 'at', start: 2, typed: '人工智慧 基本' });
    assert.equal(citationContextAt('寫信到 someone@exa', false), undefined);
    assert.equal(citationContextAt('根據人工智慧', false), undefined);
    assert.deepEqual(citationContextAt('根據人工智慧', true), { kind: 'word', start: 0, typed: '根據人工智慧' });
    assert.deepEqual(citationContextAt('see the Semicon', true), { kind: 'word', start: 8, typed: 'Semicon' });
    assert.equal(citationContextAt('見 [@eu-ai-act] 後', false), undefined);
  });

  it('replaces only the end of the typed text that the name starts with', () => {
    assert.equal(replacedLength('根據人工智慧', '人工智慧基本法草案'), 4);
    assert.equal(replacedLength('資料治里', '資料治理年度報告'), 4);
  });
});

describe('citation lines in 資料來源', () => {
  const options = { threshold: 0.7, kinds: new Set(REFERENCE_KINDS) };
  const listed = formatCitationLine(records[2]!, '2026-12-01');
  const text = joinLines('# 測試', '', '依據[人工智慧基本法草案](https://example.org/ai-basic-act)與資料治理年度報告。', '', '資料來源：', '', `- ${listed}`, '');

  it('knows which records the section lists', () => {
    const article = parseArticle(text);
    assert.ok(sourcesListRecord(article, records[2]!));
    assert.ok(!sourcesListRecord(article, records[0]!));
  });

  it('inserts a missing line after the last entry with the same list marker, and nothing for a listed one', () => {
    const article = parseArticle(text);
    const insertion = sourceLineInsertion(article, records[0]!, '2026-12-01')!;
    const after = text.slice(0, insertion.offset) + insertion.text + text.slice(insertion.offset);
    assert.ok(after.includes(`- ${listed}\n\n- 《人工智慧基本法草案》`), after);
    assert.equal(sourceLineInsertion(article, records[2]!, '2026-12-01'), undefined);
    assert.equal(sourceLineInsertion(parseArticle('沒有資料來源的文章。'), records[0]!, '2026-12-01'), undefined);
  });

  it('offers the lines of referred records the section does not list', () => {
    const analysis = analyzeArticle(text, index, options);
    const offers = missingSourceLines(analysis, index, '2026-12-01');
    assert.deepEqual(offers.map((offer) => offer.record.id), ['tw-ai-basic-act-draft']);
    assert.equal(offers[0]!.line, formatCitationLine(records[0]!, '2026-12-01'));
  });
});
