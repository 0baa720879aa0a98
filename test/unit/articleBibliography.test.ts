import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyzeArticle } from '../../src/core/article/analysis';
import { parseArticle } from '../../src/core/article/article';
import { REFERENCE_KINDS } from '../../src/core/article/resolve';
import { ArticleBibliographies, type BibliographyFileSystem } from '../../src/core/corpus/articleBibliography';
import { BibliographyCompleter } from '../../src/core/corpus/bibliographyCompletion';
import { missingSourceLines } from '../../src/core/article/sourceLineCompletion';
import { planReferenceLinks } from '../../src/core/publish/referenceLinks';
import { CitationCompleter } from '../../src/core/search/citationCompletion';
import { libraryReaders } from '../../src/libraryReaders/bundled';
import { bytes, embeddedRecords, indexOf, joinLines } from './helpers';

/** An in-memory workspace folder file:///ws/ with the editor's rules: relative paths only, nothing outside. */
class MemoryBibliographies implements BibliographyFileSystem {
  readonly files = new Map<string, { text: string; version: number; refused?: string }>();
  reads = 0;

  write(path: string, text: string, refused?: string): void {
    const previous = this.files.get(`file:///ws/${path}`);
    this.files.set(`file:///ws/${path}`, { text, version: (previous?.version ?? 0) + 1, ...(refused ? { refused } : {}) });
  }

  locate(articleUri: string, path: string): { uri: string } | { refused: string } {
    if (path.startsWith('/')) return { refused: 'an absolute path is not allowed' };
    const url = new URL(path, articleUri);
    return url.href.startsWith('file:///ws/') ? { uri: url.href } : { refused: 'it leads outside the workspace folder' };
  }

  async stat(uri: string) {
    const file = this.files.get(uri);
    return file ? { size: bytes(file.text).byteLength, version: String(file.version), ...(file.refused ? { refused: file.refused } : {}) } : undefined;
  }

  async readFile(uri: string): Promise<Uint8Array> {
    this.reads++;
    return bytes(this.files.get(uri)!.text);
  }
}

const BIB = joinLines('@report{localOnlyReport2025,', '  title = {在地限定的測試報告},', '  institution = {測試研究所},', '  date = {2025-03-01},', '  url = {https://example.org/local-only-report}', '}');
const options = { threshold: 0.7, kinds: new Set(REFERENCE_KINDS) };
const corpus = indexOf(embeddedRecords());

function setup(maxBytes = 1024 * 1024) {
  const files = new MemoryBibliographies();
  const libraries = new ArticleBibliographies(files, { maxBytes: () => maxBytes, readers: async () => libraryReaders });
  return { files, libraries };
}

async function analyze(libraries: ArticleBibliographies, text: string, uri = 'file:///ws/articles/a.md') {
  const article = parseArticle(text);
  const bibliography = await libraries.load(uri, article);
  return analyzeArticle(text, corpus, options, undefined, article, bibliography);
}

const article = (front: string, body = '見 [@localOnlyReport2025]。') => joinLines('---', 'title: 測試', front, '---', '', body);
const bibliographyCodes = (analysis: Awaited<ReturnType<typeof analyze>>) =>
  analysis.diagnostics.filter((diagnostic) => diagnostic.code === 'bibliography-problem').map((diagnostic) => [analysis.article.text.slice(diagnostic.start, diagnostic.end), diagnostic.message]);

describe('front matter bibliography', () => {
  it('a key only in the article\'s .bib resolves, for that article only', async () => {
    const { files, libraries } = setup();
    files.write('articles/refs.bib', BIB);
    const analysis = await analyze(libraries, article('bibliography: refs.bib'));
    const key = analysis.references.find((reference) => reference.kind === 'key');
    assert.equal(key?.id, 'localOnlyReport2025');
    assert.equal(analysis.record('localOnlyReport2025')?.title, '在地限定的測試報告');
    assert.ok(!analysis.diagnostics.some((diagnostic) => diagnostic.code === 'unknown-citation-key'));
    assert.deepEqual(bibliographyCodes(analysis), []);
    // Another article without the field does not see it.
    const other = await analyze(libraries, joinLines('# 無', '', '見 [@localOnlyReport2025]。'), 'file:///ws/articles/b.md');
    assert.equal(other.references.find((reference) => reference.kind === 'key')?.id, undefined);
    assert.ok(other.diagnostics.some((diagnostic) => diagnostic.code === 'unknown-citation-key'));
    assert.equal(other.record('localOnlyReport2025'), undefined);
  });

  it('a list of paths, relative to the article; a link to the library\'s URL resolves too', async () => {
    const { files, libraries } = setup();
    files.write('library/refs.bib', BIB);
    files.write('library/more.json', JSON.stringify([{ id: 'extraRecord', type: 'report', title: '另一份測試報告' }]));
    const analysis = await analyze(libraries, article('bibliography:\n  - ../library/refs.bib\n  - ../library/more.json', '見 [@extraRecord] 與[報告](https://example.org/local-only-report)。'));
    assert.deepEqual(analysis.references.filter((reference) => reference.id).map((reference) => [reference.kind, reference.id]), [['key', 'extraRecord'], ['link', 'localOnlyReport2025']]);
    assert.deepEqual(bibliographyCodes(analysis), []);
  });

  it('the article\'s bibliography comes first when an id is in both', async () => {
    const { files, libraries } = setup();
    const shared = embeddedRecords()[0]!;
    files.write('articles/refs.json', JSON.stringify([{ id: shared.id, type: 'report', title: '同一識別碼的在地版本' }]));
    const analysis = await analyze(libraries, article('bibliography: refs.json', `見 [@${shared.id}]。`));
    assert.equal(analysis.references.find((reference) => reference.kind === 'key')?.id, shared.id);
    assert.equal(analysis.record(shared.id)?.title, '同一識別碼的在地版本');
  });

  it('bad entries: a diagnostic on the path each, the rest still analysed', async () => {
    const { files, libraries } = setup(1024);
    files.write('articles/big.bib', `${BIB}\n${'%'.repeat(2000)}`);
    files.write('articles/link.bib', BIB, 'This file is a symbolic link');
    files.write('articles/broken.bib', joinLines(BIB, '@article{broken,', '  title = {未閉合'));
    files.write('articles/ok.bib', BIB);
    const front = joinLines('bibliography:', '  - missing.bib', '  - /etc/refs.bib', '  - ../../outside.bib', '  - notes.txt', '  - big.bib', '  - link.bib', '  - broken.bib', '  - ok.bib');
    const analysis = await analyze(libraries, article(front));
    const found = bibliographyCodes(analysis);
    assert.deepEqual(found.map(([text]) => text), ['missing.bib', '/etc/refs.bib', '../../outside.bib', 'notes.txt', 'big.bib', 'link.bib', 'broken.bib']);
    assert.match(found[0]![1]!, /file not found/);
    assert.match(found[1]![1]!, /absolute path/);
    assert.match(found[2]![1]!, /outside the workspace/);
    assert.match(found[3]![1]!, /not a known library format/);
    assert.match(found[4]![1]!, /over the 1 KB limit/);
    assert.match(found[5]![1]!, /symbolic link/);
    assert.match(found[6]![1]!, /problems in the library \(the first on its line 7\)/);
    // ok.bib still counts.
    assert.equal(analysis.references.find((reference) => reference.kind === 'key')?.id, 'localOnlyReport2025');
  });

  it('a value that is not a path is reported on the key; broken YAML is left to other checks', async () => {
    const { libraries } = setup();
    const analysis = await analyze(libraries, article('bibliography: { file: refs.bib }'));
    assert.deepEqual(bibliographyCodes(analysis).map(([text]) => text), ['bibliography']);
    const broken = await analyze(libraries, article('bibliography: [unclosed'));
    assert.deepEqual(bibliographyCodes(broken), []);
  });

  it('files are read once, and again only after they changed', async () => {
    const { files, libraries } = setup();
    files.write('articles/refs.bib', BIB);
    await analyze(libraries, article('bibliography: refs.bib'));
    await analyze(libraries, article('bibliography: refs.bib'), 'file:///ws/articles/b.md');
    assert.equal(files.reads, 1);
    files.write('articles/refs.bib', BIB.replace('localOnlyReport2025', 'renamedReport'));
    const generation = libraries.generation;
    assert.equal(libraries.fileChanged('file:///ws/articles/refs.bib'), true);
    assert.ok(libraries.generation > generation);
    assert.equal(libraries.fileChanged('file:///ws/articles/unrelated.bib'), false);
    const analysis = await analyze(libraries, article('bibliography: refs.bib', '見 [@renamedReport]。'));
    assert.equal(files.reads, 2);
    assert.equal(analysis.references.find((reference) => reference.kind === 'key')?.id, 'renamedReport');
    // A missing file that appears later is read once its creation is reported.
    await analyze(libraries, article('bibliography: later.bib'));
    files.write('articles/later.bib', BIB);
    assert.equal(libraries.fileChanged('file:///ws/articles/later.bib'), true);
    const later = await analyze(libraries, article('bibliography: later.bib'));
    assert.deepEqual(bibliographyCodes(later), []);
  });
});

describe('front matter bibliography re-read', () => {
  it('the host hears of every file an article leads to (read or missing), so it can watch each one', async () => {
    const files = new MemoryBibliographies();
    const named: string[] = [];
    const libraries = new ArticleBibliographies(files, { maxBytes: () => 1024 * 1024, readers: async () => libraryReaders, onFile: (uri) => named.push(uri) });
    files.write('library/refs.bib', BIB);
    await analyze(libraries, article('bibliography: [../library/refs.bib, ../library/missing.bib, /etc/passwd]'));
    assert.deepEqual(named, ['file:///ws/library/refs.bib', 'file:///ws/library/missing.bib']);
  });

  it('a file that changes while it is being read is read again next time (the old text is not kept)', async () => {
    const { files, libraries } = setup();
    files.write('articles/refs.bib', BIB);
    // The read of the old text is held until the file has changed and the watcher has said so.
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const readFile = files.readFile.bind(files);
    files.readFile = async (uri: string) => {
      const old = await readFile(uri);
      await held;
      return old;
    };
    const during = analyze(libraries, article('bibliography: refs.bib'));
    // Let the load reach the held read before the file changes.
    await new Promise((resolve) => setImmediate(resolve));
    files.write('articles/refs.bib', BIB.replace('localOnlyReport2025', 'renamedReport'));
    libraries.fileChanged('file:///ws/articles/refs.bib');
    release();
    assert.equal((await during).references.find((reference) => reference.kind === 'key')?.id, 'localOnlyReport2025');
    files.readFile = readFile;
    const after = await analyze(libraries, article('bibliography: refs.bib', '見 [@renamedReport]。'));
    assert.equal(after.references.find((reference) => reference.kind === 'key')?.id, 'renamedReport');
  });

  it('a changed library is read again in part: an unchanged entry keeps its record', async () => {
    const { files, libraries } = setup();
    const other = (title: string) => joinLines(BIB, '@online{otherEntry2025,', `  title = {${title}},`, '  url = {https://example.org/other}', '}');
    const versions = ['第一版', '第二版', '第三版'];
    const seen = [];
    for (const title of versions) {
      files.write('articles/refs.bib', other(title));
      libraries.fileChanged('file:///ws/articles/refs.bib');
      const analysis = await analyze(libraries, article('bibliography: refs.bib', '見 [@localOnlyReport2025] 與 [@otherEntry2025]。'));
      assert.equal(analysis.record('otherEntry2025')?.title, title);
      seen.push(analysis.record('localOnlyReport2025'));
    }
    // The first read is plain, the second keeps the pieces, the third takes the unchanged entry as it was.
    assert.ok(seen[2] && seen[2] === seen[1]);
  });
});

describe('front matter bibliography beyond the analysis: preview plan, completion, sources lines', () => {
  it('the preview plan links a key of the article\'s .bib to its URL, and the corpus\'s record of a shadowed id is not used', async () => {
    const { files, libraries } = setup();
    const shared = embeddedRecords().find((record) => record.url)!;
    files.write('articles/refs.bib', joinLines(BIB, `@online{${shared.id},`, '  title = {同一識別碼的在地版本},', '  url = {https://example.org/local-version}', '}'));
    const analysis = await analyze(libraries, article('bibliography: refs.bib', `見 [@localOnlyReport2025] 與 [@${shared.id}]。`));
    const plan = planReferenceLinks({ analysis, language: 'zh' });
    const hrefs = plan.spans.filter((span) => span.kind === 'record').map((span) => [analysis.article.text.slice(span.start, span.end), span.href]);
    assert.deepEqual(hrefs, [
      ['@localOnlyReport2025', 'https://example.org/local-only-report'],
      [`@${shared.id}`, 'https://example.org/local-version'],
    ]);
  });

  it('completion offers the bibliography\'s records first on a tie, and hides the corpus\'s record of a shadowed id', async () => {
    const { files, libraries } = setup();
    const shared = embeddedRecords()[0]!;
    files.write('articles/refs.bib', joinLines(BIB, `@report{${shared.id},`, '  title = {同一識別碼的在地版本},', '}'));
    const article = parseArticle(joinLines('---', 'bibliography: refs.bib', '---', ''));
    const loaded = await libraries.load('file:///ws/articles/a.md', article);
    const completer = new BibliographyCompleter(new CitationCompleter(corpus));
    const found = completer.complete('localOnly', 10, loaded?.index);
    assert.equal(found[0]?.record.title, '在地限定的測試報告');
    // Without the bibliography the corpus alone answers: no such record.
    assert.ok(!completer.complete('localOnly', 10, undefined).some((candidate) => candidate.record.id === 'localOnlyReport2025'));
    const byId = completer.complete(shared.id, 10, loaded?.index).filter((candidate) => candidate.record.id === shared.id);
    assert.deepEqual(byId.map((candidate) => candidate.record.title), ['同一識別碼的在地版本']);
  });

  it('the 資料來源 line offered for a key of the .bib is written from its record', async () => {
    const { files, libraries } = setup();
    files.write('articles/refs.bib', BIB);
    const analysis = await analyze(libraries, article('bibliography: refs.bib', joinLines('見 [@localOnlyReport2025]。', '', '資料來源：', '')));
    const offers = missingSourceLines(analysis, { get: analysis.record }, '2025-06-30');
    assert.deepEqual(offers.map((offer) => offer.record.id), ['localOnlyReport2025']);
    assert.match(offers[0]!.line, /在地限定的測試報告/);
  });
});
