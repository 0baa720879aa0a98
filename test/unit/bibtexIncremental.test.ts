import assert from 'node:assert/strict';
import { test } from 'node:test';
import { generateLibrary } from '../../bench/generateLibrary';
import { parseCorpusFile, type ParsedCorpusFile } from '../../src/core/corpus/parseFile';
import { libraryReaders } from '../../src/libraryReaders/bundled';
import { bytes, cpuTimeMs, joinLines } from './helpers';

// A .bib read again with the memo of its last read (the loader keeps one per file) re-reads only the entries
// that changed; whatever changed, the result must be exactly what a first read of the new text gives. The
// first read is a plain one; the second (the first change) keeps the chunks; from the third on only changes are read.
const URI = 'file:///ws/corpus/library.bib';
const parse = (text: string, cache?: Map<string, unknown>): ParsedCorpusFile =>
  parseCorpusFile(URI, bytes(text), { maxBytes: 64 * 1024 * 1024, readers: libraryReaders, ...(cache ? { readerCache: cache } : {}) });

const ENTRIES = [
  '% 測試書目（手寫）',
  '@string{moda = {數位發展部}}',
  '@report{modaReport2024,',
  '  title = {數位韌性報告},',
  '  institution = moda,',
  '  date = {2024-05-01},',
  '  url = {https://example.org/moda-report}',
  '}',
  '@article{mueller2023,',
  '  author = {M{\\"u}ller, Hans and Dupont, Ana{\\"\\i}s},',
  '  title = {Caf{\\\'e} Regulation and {AI}},',
  '  journaltitle = {Journal of Tests},',
  '  year = {2023}, month = mar,',
  '}',
  '@collection{parentBook,',
  '  title = {A Collected Volume},',
  '  publisher = {Test Press},',
  '  year = {2020}',
  '}',
  '@incollection{childChapter,',
  '  title = {A Chapter},',
  '  crossref = {parentBook}',
  '}',
  '@online{webPage2025,',
  '  title = {網頁測試},',
  '  url = {https://example.org/page},',
  '  urldate = {2025-01-02}',
  '}',
];

/** The read with the memo equals a fresh read, records and problems (origin lines included). */
function assertSameAsFresh(text: string, cache: Map<string, unknown>): ParsedCorpusFile {
  const incremental = parse(text, cache);
  const fresh = parse(text);
  assert.deepEqual(incremental.records, fresh.records);
  assert.deepEqual(incremental.problems, fresh.problems);
  return incremental;
}

test('a changed entry is read again; the others are the same records; the result equals a fresh read', () => {
  const cache = new Map<string, unknown>();
  const text = joinLines(...ENTRIES);
  assert.equal(assertSameAsFresh(text, cache).records.length, 5);
  const first = assertSameAsFresh(text, cache);
  const changed = text.replace('網頁測試', '網頁測試（修訂）');
  const second = assertSameAsFresh(changed, cache);
  const byId = (file: ParsedCorpusFile, id: string) => file.records.find((record) => record.id === id);
  assert.equal(byId(second, 'webPage2025')?.title, '網頁測試（修訂）');
  // Unchanged entries on unchanged lines: the very same record objects (the store then has nothing to do).
  for (const id of ['modaReport2024', 'mueller2023', 'parentBook']) assert.equal(byId(second, id), byId(first, id), id);
  assert.notEqual(byId(second, 'webPage2025'), byId(first, 'webPage2025'));
});

test('lines added above move the kept records and their problems to their new lines', () => {
  const cache = new Map<string, unknown>();
  const withProblem = [...ENTRIES.slice(0, 8), '@misc{badDate,', '  title = {日期錯誤},', '  date = {2024-13-40}', '}', ...ENTRIES.slice(8)];
  const text = joinLines(...withProblem);
  assertSameAsFresh(text, cache);
  const first = assertSameAsFresh(text, cache);
  assert.ok(first.problems.some((problem) => problem.code === 'corpus-invalid-date'));
  const moved = assertSameAsFresh(text.replace('  date = {2024-05-01},', '  note = {第一行\n\n第二行},\n  date = {2024-05-01},'), cache);
  const before = first.problems.find((problem) => problem.code === 'corpus-invalid-date')!;
  const after = moved.problems.find((problem) => problem.code === 'corpus-invalid-date')!;
  assert.equal(after.line, before.line + 3);
});

test('a changed @string macro, a changed crossref parent, a broken entry and an @ inside a value all read as a fresh read does', () => {
  const cache = new Map<string, unknown>();
  let text = joinLines(...ENTRIES);
  assertSameAsFresh(text, cache);
  assertSameAsFresh(text, cache);
  text = text.replace('{數位發展部}', '{數位發展部（改）}');
  const macro = assertSameAsFresh(text, cache);
  assert.equal(macro.records.find((record) => record.id === 'modaReport2024')?.publisher, '數位發展部（改）');
  // The child's publisher is its parent's title (its booktitle).
  text = text.replace('title = {A Collected Volume}', 'title = {Another Volume}');
  const parent = assertSameAsFresh(text, cache);
  assert.equal(parent.records.find((record) => record.id === 'childChapter')?.publisher, 'Another Volume');
  // Unchanged again: the child is kept as it was.
  assert.equal(assertSameAsFresh(text, cache).records.find((record) => record.id === 'childChapter'), parent.records.find((record) => record.id === 'childChapter'));
  // Its parent gone: the child warns, as a fresh read does.
  const orphan = assertSameAsFresh(text.replace('@collection{parentBook,', '@collection{renamedBook,'), cache);
  assert.ok(orphan.problems.some((problem) => problem.code === 'bibtex-missing-crossref'));
  const broken = `${text}\n@article{broken,\n  title = {未閉合\n`;
  const withFault = assertSameAsFresh(broken, cache);
  assert.ok(withFault.problems.some((problem) => problem.code === 'bibtex-syntax'));
  // A line starting with @ inside a braced value: the chunks cannot be read alone, the file is read whole.
  const inside = text.replace('  url = {https://example.org/page},', '  abstract = {第一行\n@ 第二行},\n  url = {https://example.org/page},');
  assert.equal(assertSameAsFresh(inside, cache).records.length, 5);
  assertSameAsFresh(text, cache);
});

test('one entry changed in a generated library of 1,000: a fraction of the CPU time of the first read, and the same result', () => {
  const library = generateLibrary(1_000, 7).bibtex;
  const cache = new Map<string, unknown>();
  const full = cpuTimeMs(() => parse(library, cache));
  const first = parse(library, cache);
  const position = library.indexOf('title = {', Math.floor(library.length / 2));
  const changed = `${library.slice(0, position)}title = {Changed ${library.slice(position + 'title = {'.length)}`;
  let again!: ParsedCorpusFile;
  const incremental = cpuTimeMs(() => (again = parse(changed, cache)));
  assert.equal(again.records.length, first.records.length);
  const fresh = parse(changed);
  assert.deepEqual(again.records, fresh.records);
  assert.deepEqual(again.problems, fresh.problems);
  // Read again: the changed entry only (the library's crossref children keep theirs: their parents did not change).
  assert.ok(/crossref\s*=/.test(library));
  const reread = again.records.filter((record, index) => record !== first.records[index]);
  assert.deepEqual(reread.map((record) => record.title.slice(0, 8)), ['Changed ']);
  assert.ok(incremental < full / 2, `incremental ${incremental.toFixed(0)} ms vs first ${full.toFixed(0)} ms`);
});
