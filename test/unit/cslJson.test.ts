import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseCorpusFile } from '../../src/core/corpus/parseFile';
import { looksLikeCslJson } from '../../src/core/corpus/formats/cslDetect';
import { renderHoverCard } from '../../src/core/hoverCard';
import { bytes } from './helpers';
import { libraryFixture, parseLibrary, problemCodes, recordById } from './libraryHelpers';

const fixture = libraryFixture;
const parse = parseLibrary;
const codes = problemCodes;
const byId = recordById;

test('a Zotero CSL-JSON export (.json): every item is a record, with the CSL fields mapped', () => {
  const file = parse('zotero-export.json', fixture('zotero-export.json'));
  assert.equal(file.records.length, 7);
  assert.deepEqual(codes(file).filter((code) => !code.startsWith('corpus-id-changed')), []);

  const law = byId(file, 'K7M2P9XA');
  assert.equal(law.type, 'law');
  assert.equal(law.title, '人工智慧基本法草案');
  assert.deepEqual(law.aliases, ['AI基本法草案', '人工智慧基本法', 'AI Basic Act (draft)']);
  assert.equal(law.author, '國家科學及技術委員會');
  assert.equal(law.publisher, '行政院');
  assert.equal(law.date, '2024-07-15');
  assert.equal(law.accessed, '2024-08-01');
  assert.equal(law.url, 'https://join.gov.tw/policies/detail/ai-basic-law-draft-example');
  assert.equal(law.lang, 'zh-TW');
  assert.equal(law.origin.line, 1);
  assert.equal(law.origin.fieldLines.date, 8);
  assert.equal(law.origin.fieldLines.url, 10);
  assert.equal(law.imported?.format, 'csl-json');
  assert.equal(law.imported?.type, 'legislation');
  // The other Extra lines are kept with the item, for export.
  assert.match(String(law.imported?.fields.note), /status: 草案預告/);

  const news = byId(file, 'wang2023chip');
  assert.equal(news.type, 'article');
  assert.equal(news.author, '王小明、李大華', 'CJK names: family then given, no space, joined with 、');
  assert.equal(news.publisher, '範例日報');
  assert.equal(news.summary.zh, '本文討論美國對先進晶片出口管制規則的更新。');
  assert.deepEqual(news.tags, ['出口管制', '半導體', '美中關係']);

  const journal = byId(file, 'doe2022governance');
  assert.equal(journal.type, 'article');
  assert.equal(journal.author, 'Jane Doe, Anton van den Berg');
  assert.equal(journal.date, '2022-11-02', 'the raw date is read');
  assert.equal(journal.doi, '10.5555/jetl.2022.0042');
  assert.equal(journal.url, 'https://doi.org/10.5555/jetl.2022.0042', 'with no URL, the DOI is the link');
  assert.equal(journal.summary.en, 'We compare how five jurisdictions regulate frontier AI models.');
  assert.deepEqual(journal.tags, ['AI governance', 'comparative law']);

  const report = byId(file, 'oecd2021review');
  assert.equal(report.type, 'report');
  assert.equal(report.author, 'Claire Martin (ed.)', 'editors stand in for a missing author');
  assert.equal(report.date, '2021', 'a season keeps the year');
  assert.equal(report.url, 'https://policy.example.org/reports/digital-trade-2021', 'the URL wins over the DOI link');
  assert.equal(report.doi, '10.5555/epi-2021-7');

  assert.equal(byId(file, 'tw-const-court-2024-8').type, 'case');
  assert.equal(byId(file, 'tw-const-court-2024-8').publisher, '憲法法庭');
  const treaty = byId(file, 'us-uk-ai-memo');
  assert.equal(treaty.type, 'agreement');
  assert.equal(treaty.originalTitle, '美英人工智慧安全科學合作備忘錄');
  assert.equal(treaty.date, '2024-04-01', 'an EDTF string date');
  const blog = byId(file, 'example-blog-post');
  assert.equal(blog.type, 'website');
  assert.equal(blog.date, '2024-02');
});

test('a Zotero item id (a URI) becomes its item key, said as info on the id line', () => {
  const file = parse('zotero-export.json', fixture('zotero-export.json'));
  assert.deepEqual(codes(file), ['corpus-id-changed@2']);
  assert.equal(file.problems[0]?.severity, 'info');
});

test('CSL types: every type the issue lists maps to a record type; unknown types are reports with info', () => {
  const types: Record<string, string> = {
    legislation: 'law', legal_case: 'case', bill: 'bill', treaty: 'agreement', report: 'report', webpage: 'website', 'post-weblog': 'website', post: 'website',
    'article-newspaper': 'article', 'article-magazine': 'article', 'article-journal': 'article', book: 'book', chapter: 'chapter', speech: 'speech',
    interview: 'interview', regulation: 'regulation', thesis: 'report', 'motion_picture': 'report', 'personal_communication': 'statement',
  };
  const items = Object.keys(types).map((type, index) => ({ id: `item-${index}`, type, title: `Item ${index}` }));
  const file = parse('types.csl.json', JSON.stringify(items));
  assert.deepEqual(file.records.map((record) => record.type), Object.values(types));
  assert.deepEqual(codes(file), []);
  const unknown = parse('unknown.csl.json', JSON.stringify([{ id: 'x', type: 'hologram', title: 'X' }]));
  assert.deepEqual(codes(unknown), ['corpus-unknown-type@0']);
  assert.equal(unknown.records[0]?.type, 'report');
});

test('bad CSL items: a diagnostic with the line, and every good item still loads', () => {
  const file = parse('hostile.csl.json', fixture('hostile.csl.json'));
  assert.deepEqual(file.records.map((record) => record.id), ['bad-date', 'script-link', 'good-one']);
  assert.deepEqual(codes(file), ['corpus-missing-id@1', 'corpus-invalid-date@9', 'corpus-unsafe-url@15', 'corpus-not-a-record@17']);
  assert.equal(byId(file, 'bad-date').date, '2024', 'an impossible month keeps the year');
  const script = byId(file, 'script-link');
  assert.equal(script.url, undefined, 'a javascript: URL is never a link');
  const card = renderHoverCard(script, 'en');
  assert.doesNotMatch(card, /\]\(javascript/);
  assert.doesNotMatch(card, /(?<!\\)<img/, "HTML is escaped");
  assert.match(card, /\\<img/);
  // The CSL reader's own messages never quote the file (validate.ts's unsafe-url message is issue 20's).
  for (const problem of file.problems.filter((p) => p.code !== 'corpus-unsafe-url')) assert.doesNotMatch(problem.message, /alert|javascript|click/, 'messages never quote file content');
});

test('CSL dates: date-parts as numbers or strings, ranges, raw text, Chinese and impossible days', () => {
  const dated = (issued: unknown) => parse('d.csl.json', JSON.stringify([{ id: 'd', type: 'report', title: 'D', issued }]));
  assert.equal(dated({ 'date-parts': [[2024, 4, 1], [2024, 4, 3]] }).records[0]?.date, '2024-04-01');
  assert.equal(dated({ 'date-parts': [['2024', '04']] }).records[0]?.date, '2024-04');
  assert.equal(dated({ raw: '2024/4/1' }).records[0]?.date, '2024-04-01');
  assert.equal(dated({ raw: '民國113年4月1日' }).records[0]?.date, '2024-04-01');
  assert.equal(dated({ literal: '1 April 2024' }).records[0]?.date, '2024-04-01');
  const february = dated({ 'date-parts': [[2023, 2, 29]] });
  assert.equal(february.records[0]?.date, '2023-02');
  assert.deepEqual(codes(february), ['corpus-invalid-date@0']);
  const none = dated({ 'date-parts': [['spring']] });
  assert.equal(none.records[0]?.date, undefined);
  assert.deepEqual(codes(none), ['corpus-invalid-date@0']);
  assert.deepEqual(codes(dated(42.5)), ['corpus-invalid-date@0']);
});

test('a DOI is linked through doi.org, and the card encodes it; a malformed DOI is reported', () => {
  const file = parse('doi.csl.json', JSON.stringify([
    { id: 'a', type: 'article-journal', title: 'A', DOI: 'https://doi.org/10.1234/a)b' },
    { id: 'b', type: 'article-journal', title: 'B', DOI: 'not a doi' },
  ]));
  assert.equal(file.records[0]?.url, 'https://doi.org/10.1234/a)b');
  assert.match(renderHoverCard(file.records[0]!, 'en'), /\(https:\/\/doi\.org\/10\.1234\/a%29b\)/, 'the card link cannot be ended by the DOI');
  assert.equal(file.records[1]?.url, undefined);
  assert.deepEqual(codes(file), ['corpus-invalid-doi@0']);
});

test('Zotero Extra lines that name CSL variables fill what the item lacks', () => {
  const file = parse('extra.csl.json', JSON.stringify([
    { id: 'e', type: 'webpage', title: 'E', note: 'Original Title: 原文標題\nDOI: 10.4321/xyz\n別名：簡稱\nfree text line' },
  ]));
  const [record] = file.records;
  assert.equal(record?.originalTitle, '原文標題');
  assert.equal(record?.doi, '10.4321/xyz');
  assert.deepEqual(record?.aliases, ['簡稱']);
});

test('wrong shapes of CSL fields are reported, not thrown', () => {
  const file = parse('shapes.csl.json', JSON.stringify([
    { id: 's', type: 'report', title: 'S', author: 'Someone', keywords: 3, accessed: [2024], editor: [{}], 'container-title': { x: 1 } },
  ]));
  assert.equal(file.records.length, 1);
  assert.deepEqual(codes(file).sort(), ['corpus-invalid-date@0', 'corpus-wrong-type@0', 'corpus-wrong-type@0', 'corpus-wrong-type@0', 'corpus-wrong-type@0']);
});

test('which .json files are CSL-JSON: .csl.json always, others by their fields', () => {
  assert.equal(looksLikeCslJson('file:///a/refs.csl.json', []), true);
  assert.equal(looksLikeCslJson('file:///a/refs.json', [{ id: 'a', type: 'webpage', title: 'A', URL: 'https://a.example' }]), true);
  assert.equal(looksLikeCslJson('file:///a/refs.json', [{ id: 'a', type: 'legislation', title: 'A' }]), true);
  assert.equal(looksLikeCslJson('file:///a/refs.json', [{ id: 'a', type: 'report', title: 'A', aliases: ['x'], url: 'https://a.example' }]), false);
  assert.equal(looksLikeCslJson('file:///a/refs.json', [{ id: 'a', type: 'report', title: 'A' }]), false);
  // Our own JSON keeps working as before.
  const own = parse('own.json', JSON.stringify([{ id: 'a', type: 'report', title: 'A', aliases: ['x'], date: '2024-01-02' }]));
  assert.equal(own.records[0]?.date, '2024-01-02');
  assert.equal(own.records[0]?.imported, undefined);
});

test('a hover card of a CSL record shows its authors, publisher and date, escaped', () => {
  const file = parse('zotero-export.json', fixture('zotero-export.json'));
  const card = renderHoverCard(byId(file, 'wang2023chip'), 'zh');
  assert.match(card, /王小明、李大華/);
  assert.match(card, /範例日報/);
  assert.match(card, /2023年10月18日/);
});

test('without the library readers a CSL-JSON file is reported and flagged for a second parse; our JSON needs none', () => {
  const file = parseCorpusFile('file:///ws/corpus/z.json', bytes(fixture('zotero-export.json')), { maxBytes: 5 * 1024 * 1024 });
  assert.equal(file.needsReaders, true);
  assert.deepEqual(codes(file), ['corpus-reader-unavailable@0']);
  const own = parseCorpusFile('file:///ws/corpus/own.json', bytes(JSON.stringify([{ id: 'a', type: 'report', title: 'A' }])), { maxBytes: 1024 });
  assert.equal(own.needsReaders, undefined);
  assert.equal(own.records.length, 1);
});

test('a card shows the DOI beside a URL, linked through doi.org and escaped', () => {
  const file = parse('doi-and-url.csl.json', JSON.stringify([{ id: 'both', type: 'report', title: 'Both', URL: 'https://publisher.example/r', DOI: '10.5555/a_b*c' }]));
  const card = renderHoverCard(file.records[0]!, 'en');
  assert.match(card, /DOI: \[10\\\.5555\\\/a\\_b\\\*c\]\(https:\/\/doi\.org\/10\.5555\/a_b\*c\)/);
  const doiOnly = parse('doi-only.csl.json', JSON.stringify([{ id: 'doi', type: 'report', title: 'D', DOI: '10.5555/x' }]));
  assert.doesNotMatch(renderHoverCard(doiOnly.records[0]!, 'en'), /DOI:/, 'the DOI link is already the source link');
});
