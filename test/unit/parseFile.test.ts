import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseCorpusFile, firstInvalidUtf8, type ParsedCorpusFile } from '../../src/core/corpus/parseFile';
import { bytes, cpuTimeMs, joinLines } from './helpers';

const parse = (name: string, text: string | Uint8Array, maxBytes = 5 * 1024 * 1024): ParsedCorpusFile =>
  parseCorpusFile(`file:///ws/corpus/${name}`, typeof text === 'string' ? bytes(text) : text, { maxBytes });
const codes = (file: ParsedCorpusFile) => file.problems.map((problem) => `${problem.code}@${problem.line}`);

const markdownRecord = joinLines(
  '---',
  'id: uk-ai-white-paper-2023',
  'type: report',
  'title: A pro-innovation approach to AI regulation',
  'aliases:',
  '  - 英國人工智慧監管白皮書',
  '  - AI regulation white paper',
  'date: 2023-03-29',
  'publisher: GOV.UK',
  'url: https://www.gov.uk/government/publications/ai-regulation-a-pro-innovation-approach',
  'summary:',
  '  zh: 英國提出以創新為導向的人工智慧監管原則。',
  '  en: The UK sets out principles for regulating AI.',
  'tags: [人工智慧監管]',
  'related: [ai-safety-institute]',
  '---',
  'Body text.',
);

test('Markdown with YAML front matter: one record, with the line of each field', () => {
  const file = parse('white-paper.md', markdownRecord);
  assert.deepEqual(codes(file), []);
  const [record] = file.records;
  assert.equal(record?.id, 'uk-ai-white-paper-2023');
  assert.deepEqual(record?.aliases, ['英國人工智慧監管白皮書', 'AI regulation white paper']);
  assert.equal(record?.date, '2023-03-29');
  assert.equal(record?.summary.zh, '英國提出以創新為導向的人工智慧監管原則。');
  assert.deepEqual(record?.tags, ['人工智慧監管']);
  assert.equal(record?.body, 'Body text.');
  assert.equal(record?.origin.fieldLines.title, 3);
  assert.equal(record?.origin.fieldLines.url, 9);
});

test('the body is the summary when there is none', () => {
  const file = parse('x.md', joinLines('---', 'id: x', 'title: X', 'type: concept', '---', '這是摘要。', '', '第二段。'));
  assert.equal(file.records[0]?.summary.zh, '這是摘要。');
});

test('JSON: an array of records, or { records: [...] }, with lines', () => {
  const text = joinLines('[', '  { "id": "a", "title": "A", "type": "concept" },', '  {', '    "id": "b",', '    "title": "B",', '    "type": "concept"', '  }', ']');
  const file = parse('bulk.json', text);
  assert.deepEqual(codes(file), []);
  assert.deepEqual(file.records.map((record) => [record.id, record.origin.line]), [['a', 1], ['b', 2]]);
  assert.equal(file.records[1]?.origin.fieldLines.title, 4);
  const wrapped = parse('bulk.json', JSON.stringify({ version: 1, records: [{ id: 'c', title: 'C', type: 'concept' }] }));
  assert.deepEqual(wrapped.records.map((record) => record.id), ['c']);
});

test('JSON Lines: one record a line; a broken line is reported and the others kept', () => {
  const file = parse('bulk.jsonl', joinLines('{"id":"a","title":"A","type":"concept"}', '{"id":"b",', '', '{"id":"c","title":"C","type":"concept"}'));
  assert.deepEqual(file.records.map((record) => [record.id, record.origin.line]), [['a', 0], ['c', 3]]);
  assert.deepEqual(codes(file), ['corpus-json-syntax@1']);
});

test('malformed YAML is reported with its line', () => {
  const file = parse('bad.md', joinLines('---', 'id: x', 'title: [unclosed', 'type: concept', '---'));
  assert.equal(file.records.length, 0);
  assert.ok(file.problems.every((problem) => problem.code === 'corpus-yaml-syntax'));
  assert.ok(file.problems.some((problem) => problem.line >= 2 && problem.line <= 4), codes(file).join());
});

test('malformed JSON is reported with its line', () => {
  const file = parse('bad.json', joinLines('[', '  { "id": "a", "title": "A" },', '  { "id": "b" "title": "B" }', ']'));
  assert.deepEqual(codes(file), ['corpus-json-syntax@2']);
});

test('a record without id or title is reported and the good ones are kept', () => {
  const file = parse('mixed.json', JSON.stringify([{ title: 'No id', type: 'concept' }, { id: 'no-title', type: 'concept' }, { id: 'ok', title: 'OK', type: 'concept' }], null, 1));
  assert.deepEqual(file.records.map((record) => record.id), ['ok']);
  assert.deepEqual(file.problems.map((problem) => problem.code), ['corpus-missing-id', 'corpus-missing-title']);
});

test('duplicate keys are reported in YAML and JSON', () => {
  const yaml = parse('dup.md', joinLines('---', 'id: x', 'title: X', 'title: Y', 'type: concept', '---'));
  assert.deepEqual(codes(yaml), ['corpus-duplicate-key@3']);
  const json = parse('dup.json', joinLines('[{', '"id": "x",', '"title": "X",', '"title": "Y",', '"type": "concept"', '}]'));
  assert.deepEqual(codes(json), ['corpus-duplicate-key@3']);
  assert.equal(json.records[0]?.title, 'Y');
});

test('wrong types: a date that is no date, lists that are a number and a map; the record stays', () => {
  const file = parse('types.md', joinLines('---', 'id: x', 'title: X', 'type: concept', 'date: last Tuesday', 'aliases: 42', 'tags: {a: 1}', '---'));
  assert.equal(file.records.length, 1);
  assert.equal(file.records[0]?.date, undefined);
  assert.deepEqual(file.records[0]?.aliases, []);
  assert.deepEqual(codes(file), ['corpus-invalid-date@4', 'corpus-wrong-type@5', 'corpus-wrong-type@6']);
});

test('an unsafe URL is reported and never kept', () => {
  for (const url of ['javascript:alert(1)', 'command:workbench.action.quit', 'data:text/html,x', 'file:///etc/passwd', 'vscode:extension/x']) {
    const file = parse('u.json', JSON.stringify([{ id: 'x', title: 'X', type: 'concept', url }]));
    assert.equal(file.records[0]?.url, undefined, url);
    assert.deepEqual(file.problems.map((problem) => problem.code), ['corpus-unsafe-url'], url);
  }
});

test('a byte-order mark is reported and the file still read', () => {
  const file = parse('bom.md', `\uFEFF${markdownRecord}`);
  assert.equal(file.records.length, 1);
  assert.deepEqual(codes(file), ['corpus-bom@0']);
});

test('invalid UTF-8 and binary files are reported with their line, not read', () => {
  const invalid = new Uint8Array([...bytes('---\nid: x\n'), 0xc3, 0x28, ...bytes('\n---\n')]);
  assert.deepEqual(codes(parse('latin1.md', invalid)), ['corpus-invalid-utf8@2']);
  assert.equal(firstInvalidUtf8(bytes('布萊切利 😀')), -1);
  assert.equal(firstInvalidUtf8(new Uint8Array([0xed, 0xa0, 0x80])), 0, 'a UTF-16 surrogate is not UTF-8');
  assert.equal(firstInvalidUtf8(new Uint8Array([0xc0, 0xaf])), 0, 'overlong');
  const binary = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00]);
  assert.deepEqual(codes(parse('image.md', binary)), ['corpus-binary-file@2']);
});

test('a file over the size limit is reported, not parsed', () => {
  const file = parse('big.md', markdownRecord, 100);
  assert.deepEqual(codes(file), ['corpus-file-too-large@0']);
  assert.equal(file.records.length, 0);
});

test('exponential YAML aliases are rejected quickly', () => {
  const laughs = ['---', 'id: lol', 'title: &a0 "lol"'];
  for (let level = 1; level <= 12; level++) laughs.push(`l${level}: &a${level} [${Array(10).fill(`*a${level - 1}`).join(', ')}]`);
  laughs.push('type: concept', '---');
  let file!: ReturnType<typeof parse>;
  const elapsed = cpuTimeMs(() => (file = parse('laughs.md', laughs.join('\n'))));
  assert.ok(elapsed < 100, `took ${elapsed.toFixed(0)} ms of CPU`);
  assert.equal(file.records.length, 0);
  assert.deepEqual(file.problems.map((problem) => problem.code), ['corpus-yaml-aliases']);
});

test('front matter in JavaScript is never run', () => {
  const globals = globalThis as { pwned?: boolean };
  const file = parse('evil.md', joinLines('---js', '{ id: "x", title: (globalThis.pwned = true, "X") }', '---'));
  assert.equal(globals.pwned, undefined);
  assert.deepEqual(codes(file), ['corpus-front-matter-language@0']);
  // YAML's own tags cannot construct objects or run code either.
  const tagged = parse('tag.md', joinLines('---', 'id: x', 'title: !!js/function "function(){ globalThis.pwned = true }"', 'type: concept', '---'));
  assert.equal(globals.pwned, undefined);
  assert.equal(typeof tagged.records[0]?.title, tagged.records.length ? 'string' : 'undefined');
});

test('Markdown without front matter holds no record and says so', () => {
  assert.deepEqual(codes(parse('README.md', '# Notes\n')), ['corpus-no-front-matter@0']);
  assert.deepEqual(codes(parse('open.md', '---\nid: x\ntitle: X\n')), ['corpus-unclosed-front-matter@0']);
});

test('fields named like Object members are ordinary fields', () => {
  const json = parse('proto.json', JSON.stringify([{ id: 'a', title: 'A', type: 'concept', constructor: 1, toString: 2 }], null, 1));
  assert.equal(json.records.length, 1);
  assert.ok(json.problems.every((problem) => Number.isInteger(problem.line)), JSON.stringify(json.problems));
  const yaml = parse('proto.md', joinLines('---', 'id: a', 'title: A', 'type: concept', '__proto__: 1', '---'));
  assert.ok(yaml.problems.every((problem) => Number.isInteger(problem.line)), JSON.stringify(yaml.problems));
});
