import assert from 'node:assert/strict';
import { test } from 'node:test';
import { renderHoverCard } from '../../src/core/hoverCard';
import { parseLibrary, problemCodes, recordById } from './libraryHelpers';

// Written in the shape of the RIS specification (RefMan/EndNote): `XX  - value`, TY first, ER last.
const CATALOGUE = [
  'TY  - STAT',
  'ID  - aiBasicActDraft',
  'TI  - 人工智慧基本法草案',
  'ST  - AI基本法草案',
  'AU  - 國家科學及技術委員會',
  'PY  - 2024/07/15/',
  'Y2  - 2024/08/01',
  'UR  - https://join.gov.tw/policies/detail/ai-basic-law-draft-example',
  'LA  - zh-TW',
  'KW  - 人工智慧',
  'KW  - 法制; 治理',
  'N1  - alias: 人工智慧基本法',
  'ER  - ',
  '',
  'TY  - JOUR',
  'TI  - Regulating Frontier Models',
  'AU  - Smith, Jane',
  'AU  - van der Berg, Anna',
  'A1  - Doe, John, Jr.',
  'JO  - Journal of Law and Technology',
  'PY  - 2023',
  'DO  - 10.5555/frontier.2023',
  'AB  - An abstract that the exporter',
  'wrapped onto a second line.',
  'ER  -',
  '',
  'TY  - NEWS',
  'ID  - news1',
  'T1  - Ministry announces AI guidelines',
  'PB  - Example Daily',
  'DA  - 2024/03/05',
  'UR  - https://news.example.com/ai?id=1&lang=en',
  'ER  - ',
  '',
  'TY  - ELEC',
  'ID  - site1',
  'TI  - 數位發展部 AI 專區',
  'UR  - https://moda.example.gov.tw/ai',
  'Y2  - 2024/09/30',
  'ER  - ',
  '',
  'TY  - CASE',
  'ID  - case1',
  'TI  - 憲法法庭 113 年憲判字第 1 號',
  'PY  - 2024',
  'ER  - ',
  '',
  'TY  - BILL',
  'ID  - bill1',
  'TI  - Artificial Intelligence Bill',
  'ER  - ',
  '',
].join('\r\n');

test('a RIS export: every reference is a record, its tags mapped to our fields', () => {
  const file = parseLibrary('catalogue.ris', CATALOGUE);
  assert.deepEqual(problemCodes(file).filter((code) => !code.startsWith('corpus-id-changed')), []);
  assert.equal(file.records.length, 6);

  const law = recordById(file, 'aiBasicActDraft');
  assert.equal(law.type, 'law');
  assert.equal(law.title, '人工智慧基本法草案');
  assert.deepEqual(law.aliases, ['AI基本法草案', '人工智慧基本法']);
  assert.equal(law.author, '國家科學及技術委員會');
  assert.equal(law.date, '2024-07-15');
  assert.equal(law.accessed, '2024-08-01');
  assert.equal(law.url, 'https://join.gov.tw/policies/detail/ai-basic-law-draft-example');
  assert.equal(law.lang, 'zh-TW');
  assert.deepEqual(law.tags, ['人工智慧', '法制', '治理']);
  assert.equal(law.origin.line, 0);
  assert.equal(law.imported?.format, 'ris');
  assert.equal(law.imported?.type, 'STAT');

  const journal = file.records.find((record) => record.title === 'Regulating Frontier Models');
  assert.ok(journal);
  assert.equal(journal.id, 'doi:10.5555-frontier.2023', 'without an ID line the DOI names the record');
  assert.equal(journal.type, 'article');
  assert.equal(journal.author, 'Jane Smith, Anna van der Berg, John Doe Jr.');
  assert.equal(journal.publisher, 'Journal of Law and Technology');
  assert.equal(journal.date, '2023');
  assert.equal(journal.url, 'https://doi.org/10.5555/frontier.2023');
  assert.equal(journal.doi, '10.5555/frontier.2023');
  assert.equal(journal.summary.en ?? journal.summary.zh, 'An abstract that the exporter\nwrapped onto a second line.');

  assert.equal(recordById(file, 'news1').type, 'article');
  assert.equal(recordById(file, 'news1').publisher, 'Example Daily');
  assert.equal(recordById(file, 'news1').date, '2024-03-05');
  assert.equal(recordById(file, 'site1').type, 'website');
  assert.equal(recordById(file, 'site1').accessed, '2024-09-30');
  assert.equal(recordById(file, 'case1').type, 'case');
  assert.equal(recordById(file, 'bill1').type, 'bill');
});

test('a reference without ID or DOI gets an id from its title and date that does not depend on its place in the file', () => {
  const one = 'TY  - RPRT\nTI  - Annual report\nPY  - 2022\nER  - \n';
  const other = 'TY  - RPRT\nTI  - Other report\nPY  - 2021\nER  - \n';
  const alone = parseLibrary('a.ris', one).records[0]!;
  const second = parseLibrary('b.ris', other + one).records[1]!;
  assert.match(alone.id, /^ris-[0-9a-f]{8}$/);
  assert.equal(second.id, alone.id);
  assert.notEqual(parseLibrary('c.ris', other).records[0]!.id, alone.id);
  assert.deepEqual(problemCodes(parseLibrary('a.ris', one)), ['corpus-id-changed@0']);
});

test('bad RIS lines are reported with their line; every good reference is still read', () => {
  const text = [
    'This export was made by a catalogue.', // 0: text before any reference
    'TY  - BOOK', // 1
    'ID  - book1',
    'TI  - A good book',
    'PY  - 2024/13/40', // 4: impossible month and day
    'UR  - javascript:alert(1)', // 5: not an http(s) link
    'TY  - JOUR', // 6: TY before ER
    'ID  - art1',
    'TI  - A good article',
    'ER  - ',
    'KW  - stray', // 10: a field outside a reference
    'TY  - WHATEVER', // 11: unknown type
    'ID  - odd1',
    'TI  - Odd one',
    'ER  - ',
    'TY  - RPRT', // 15: never closed
    'ID  - open1',
    'TI  - Unclosed report',
  ].join('\n');
  const file = parseLibrary('broken.ris', text);
  assert.deepEqual(file.records.map((record) => record.id).sort(), ['art1', 'book1', 'odd1', 'open1']);
  const codes = problemCodes(file);
  for (const expected of ['ris-syntax@0', 'corpus-invalid-date@4', 'ris-missing-er@6', 'ris-syntax@10', 'corpus-unknown-type@11', 'ris-missing-er@15']) {
    assert.ok(codes.includes(expected), `${expected} in ${codes.join(', ')}`);
  }
  assert.ok(file.problems.some((problem) => problem.line === 5 && problem.severity !== 'info'), 'the javascript: URL is reported on its line');
  const book = recordById(file, 'book1');
  assert.equal(book.date, '2024', 'the year of an impossible date is kept');
  assert.equal(book.url, undefined);
  assert.doesNotMatch(renderHoverCard(book, 'en'), /javascript/);
  // The reader's own messages never quote the file (validate.ts's unsafe-url one is issue 20's, as for BibTeX).
  for (const problem of file.problems.filter((p) => p.code.startsWith('ris') || p.code === 'corpus-invalid-date' || p.code === 'corpus-unknown-type')) {
    assert.doesNotMatch(problem.message, /alert|catalogue|stray/, problem.message);
  }
});
