import assert from 'node:assert/strict';
import path from 'node:path';
import { test } from 'node:test';
import { CorpusService } from '../../src/core/corpus/corpusService';
import { renderHoverCard } from '../../src/core/hoverCard';
import { loadLibraryReaders } from '../../src/libraryReaders/bundled';
import { libraryFixture, parseLibrary, problemCodes, recordById } from './libraryHelpers';
import { MemoryFileSystem } from './memoryFileSystem';

const fixtureText = libraryFixture;
const parse = parseLibrary;
const codes = problemCodes;
const byId = recordById;

test('a Better BibTeX (BibLaTeX) library: every entry is a record, LaTeX turned into Unicode', () => {
  const file = parse('refs.bib', fixtureText('better-bibtex.bib'));
  assert.deepEqual(codes(file), []);
  assert.equal(file.records.length, 8);

  const law = byId(file, 'aiBasicActDraft2024');
  assert.equal(law.type, 'law');
  assert.equal(law.title, '人工智慧基本法草案');
  assert.deepEqual(law.aliases, ['AI基本法草案', '人工智慧基本法']);
  assert.equal(law.author, '國家科學及技術委員會');
  assert.equal(law.publisher, 'Executive Yuan', 'an @string macro');
  assert.equal(law.date, '2024-07-15');
  assert.equal(law.accessed, '2024-08-01');
  assert.equal(law.url, 'https://join.gov.tw/policies/detail/ai-basic-law-draft-example');
  assert.equal(law.lang, 'zh-TW');
  assert.equal(law.origin.line, 5);
  assert.equal(law.origin.fieldLines.url, 12);
  assert.equal(law.imported?.format, 'bibtex');
  assert.equal(law.imported?.type, 'legislation');

  const article = byId(file, 'doe2022governing');
  assert.equal(article.type, 'article');
  assert.equal(article.title, 'Governing Frontier Models: A Comparative Survey of Café Regulators and Über');
  assert.equal(article.author, 'Jane Doe, Anton van den Berg');
  assert.equal(article.publisher, 'Journal of Example Technology Law');
  assert.equal(article.date, '2022-11');
  assert.equal(article.doi, '10.5555/jetl.2022.0042');
  assert.equal(article.url, 'https://doi.org/10.5555/jetl.2022.0042');
  assert.deepEqual(article.tags, ['AI governance', 'comparative law']);
  assert.equal(article.lang, 'en');

  const blog = byId(file, 'exampleBlog2024');
  assert.equal(blog.type, 'website');
  assert.equal(blog.date, '2024-02', 'year and month = feb');
  assert.equal(blog.accessed, '2024-03-05');
  assert.equal(blog.publisher, 'Example Policy Blog');

  const news = byId(file, 'wang2023chip');
  assert.equal(news.type, 'article');
  assert.equal(news.imported?.type, 'article');
  assert.equal(news.author, '王小明、李大華');
  assert.equal(news.publisher, '範例日報');

  const report = byId(file, 'epi2021review');
  assert.equal(report.type, 'report');
  assert.equal(report.author, 'Claire Martin (ed.)');
  assert.equal(report.publisher, 'Example Policy Institute');
  assert.equal(report.date, '2021');

  const chapter = byId(file, 'chen2023chapter');
  assert.equal(chapter.type, 'chapter');
  assert.equal(chapter.title, 'Liability for Autonomous Systems');
  assert.equal(chapter.publisher, 'Handbook of AI Law', 'crossref: the parent title is the booktitle');
  assert.equal(chapter.date, '2023', 'crossref: the year comes from the parent');

  assert.equal(byId(file, 'constCourt2024').type, 'case');
  assert.equal(byId(file, 'aiLawHandbook').type, 'book');
});

test('a broken .bib: each fault is a diagnostic with its line, every good entry still loads', () => {
  const file = parse('hostile.bib', fixtureText('hostile.bib'));
  assert.deepEqual(file.records.map((record) => record.id).sort(), ['good-after', 'good-before', 'script']);
  const found = codes(file);
  assert.ok(found.includes('bibtex-syntax@5'), found.join(' '));
  assert.ok(found.includes('corpus-unsafe-url@12'), found.join(' '));
  assert.ok(found.includes('corpus-invalid-date@14'), found.join(' '));
  assert.ok(found.includes('corpus-missing-title@17'), found.join(' '));
  assert.ok(found.includes('corpus-invalid-date@23'), found.join(' '));
  const script = byId(file, 'script');
  assert.equal(script.url, undefined);
  assert.equal(script.date, '2024');
  const card = renderHoverCard(script, 'en');
  assert.doesNotMatch(card, /\]\(javascript/);
  assert.doesNotMatch(card, /(?<!\\)<img/);
  // The reader's own messages never quote the file (validate.ts's unsafe-url and missing-title ones are issue 20's).
  for (const problem of file.problems.filter((p) => p.code.startsWith('bibtex') || p.code === 'corpus-invalid-date')) {
    assert.doesNotMatch(problem.message, /unbalanced|alert|click/i, problem.message);
  }
});

test('5,000 @string macros and an entry that uses the last one', () => {
  const macros = Array.from({ length: 5000 }, (_, index) => `@string{m${index} = {Macro ${index}}}`).join('\n');
  const file = parse('macros.bib', `${macros}\n@report{r1, title = m4999 # { and more}, year = 2024}\n`);
  assert.deepEqual(codes(file), []);
  assert.equal(file.records[0]?.title, 'Macro 4999 and more');
  assert.equal(file.records[0]?.origin.line, 5000);
});

test('macros defined early reach entries in later slices (the reader feeds the parser a few entries at a time)', () => {
  const entries = Array.from({ length: 250 }, (_, index) => `@misc{e${index}, title = {Entry ${index}}, publisher = pub, year = 2020}`).join('\n');
  const file = parse('many.bib', `@string{pub = {Shared Publisher}}\n${entries}\n`);
  assert.equal(file.records.length, 250);
  assert.ok(file.records.every((record) => record.publisher === 'Shared Publisher'));
  assert.equal(file.records[249]?.origin.line, 250);
});

test('citation keys outside our id alphabet are made into ids, said as info', () => {
  const file = parse('keys.bib', '@misc{Müller:2020/x, title = {T}, year = 2020}\n');
  assert.equal(file.records[0]?.id, 'Muller:2020-x'.replace('Muller', 'M-ller'));
  assert.deepEqual(codes(file), ['corpus-id-changed@0']);
});

test('the corpus service reads .bib and CSL-JSON files through readers it loads once, on the first such file', async () => {
  const fileSystem = new MemoryFileSystem(['**/corpus/**/*.{md,json,jsonl,bib}']);
  fileSystem.write('corpus/refs.bib', fixtureText('better-bibtex.bib'));
  fileSystem.write('corpus/zotero.json', fixtureText('zotero-export.json'));
  let loads = 0;
  const corpus = new CorpusService({
    fileSystem,
    embeddedEnabled: () => false,
    maxBytes: () => 5 * 1024 * 1024,
    log: { info: () => undefined, error: (message) => assert.fail(message) },
    readers: () => {
      loads++;
      return loadLibraryReaders();
    },
  });
  await corpus.whenReady();
  assert.equal(loads, 1);
  assert.ok(corpus.index.get('aiBasicActDraft2024'));
  assert.ok(corpus.index.get('K7M2P9XA'), 'the CSL-JSON file, parsed again once the readers were loaded');
  assert.equal(corpus.index.lookupName('AI基本法草案').length, 2, 'the short title is an alias in both libraries');
  const problems = [...corpus.store.problems().values()].flat().map((problem) => problem.code);
  assert.ok(!problems.includes('corpus-reader-unavailable'), problems.join(' '));
});

test('when the readers cannot be loaded, library files are reported and the rest of the corpus loads', async () => {
  const fileSystem = new MemoryFileSystem(['**/corpus/**/*.{md,json,jsonl,bib}']);
  fileSystem.write('corpus/refs.bib', fixtureText('better-bibtex.bib'));
  fileSystem.write('corpus/own.json', JSON.stringify([{ id: 'own', type: 'report', title: 'Own' }]));
  const errors: string[] = [];
  const corpus = new CorpusService({
    fileSystem,
    embeddedEnabled: () => false,
    maxBytes: () => 5 * 1024 * 1024,
    log: { info: () => undefined, error: (message) => errors.push(message) },
    readers: () => Promise.reject(new Error('missing file')),
  });
  await corpus.whenReady();
  assert.ok(corpus.index.get('own'));
  assert.equal(corpus.index.size, 1);
  assert.deepEqual(corpus.store.problems().get(MemoryFileSystem.uri('corpus/refs.bib'))?.map((problem) => problem.code), ['corpus-reader-unavailable']);
  assert.equal(errors.length, 1);
});

test('the built CLI loads the readers from dist/libraryReaders.js and reports a broken .bib by line', async () => {
  const { spawnSync } = await import('node:child_process');
  const root = path.join(__dirname, '..', '..');
  const run = (args: string[]) => spawnSync(process.execPath, [path.join(root, 'dist', 'cli.js'), ...args], { cwd: root, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  const found = run(['search', 'AI基本法草案', '--no-embedded', '--corpus', 'test/fixtures/libraries']);
  assert.equal(found.status, 0, found.stderr);
  assert.match(found.stdout, /K7M2P9XA/);
  assert.match(found.stdout, /aiBasicActDraft2024/);
  const checked = run(['check', 'test/fixtures/libraries/hostile.bib', '--no-embedded', '--corpus', 'test/fixtures/libraries/hostile.bib']);
  assert.equal(checked.status, 1);
  assert.match(checked.stdout, /hostile\.bib:6:1 error bibtex-syntax/);
  assert.match(checked.stdout, /hostile\.bib:15:1 warning corpus-invalid-date BibTeX "month"/);
});
