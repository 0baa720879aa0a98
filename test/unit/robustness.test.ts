import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { NodeCorpusFileSystem, toUri } from '../../src/cli/nodeFiles';
import { parseProjectConfig, restrictedProjectConfig } from '../../src/core/config';
import { CorpusService } from '../../src/core/corpus/corpusService';
import { CorpusStore } from '../../src/core/corpus/corpusStore';
import { parseCorpusFile, parseCorpusFileSteps } from '../../src/core/corpus/parseFile';
import { climbsOutOfFolder } from '../../src/core/util/glob';
import { CorpusIndex } from '../../src/core/search/corpusIndex';
import { findActivity, showsLiterally } from '../robustness/markdownActivity';
import { bytes } from './helpers';
import { MemoryFileSystem } from './memoryFileSystem';

test('globs that climb out of the folder are recognised; ordinary ones are not', () => {
  for (const glob of ['../x/*.md', 'a/../../b/*.md', '/etc/*', '~/x', 'C:/x', '{a,..}/*.md', '..\\x']) assert.ok(climbsOutOfFolder(glob), glob);
  for (const glob of ['**/corpus/**/*.md', 'a..b/*.md', 'docs/..x/*.md']) assert.ok(!climbsOutOfFolder(glob), glob);
});

test('Restricted Mode keeps only the configuration that does not choose files', () => {
  const { config } = parseProjectConfig('file:///ws/.policy-annotator.json', JSON.stringify({ corpus: { include: ['../**'], exclude: [], embedded: false }, taxonomy: '../t.yaml', threshold: 0.4 }));
  assert.deepEqual(restrictedProjectConfig(config), { threshold: 0.4, corpus: { embedded: false } });
});

test('one YAML fault on one line gives one diagnostic', () => {
  const parsed = parseCorpusFile('file:///ws/corpus/x.md', bytes('---\nid: x\ntitle: x\n  type: report\n---\n'));
  assert.equal(parsed.problems.length, 1);
});

test('invalid UTF-8 is found by the strict decoder and reported at its line', () => {
  const parsed = parseCorpusFile('file:///ws/corpus/x.md', new Uint8Array([...bytes('---\nid: x\ntitle: '), 0xc0, 0xaf, ...bytes('\n---\n')]));
  assert.deepEqual(parsed.problems.map((problem) => [problem.code, problem.line]), [['corpus-invalid-utf8', 2]]);
});

test('a JSON Lines file is parsed in steps, with the same result as in one go', () => {
  const text = Array.from({ length: 300 }, (_, index) => JSON.stringify({ id: `r${index}`, title: `R ${index}`, type: 'report' })).join('\n');
  const steps = parseCorpusFileSteps('file:///ws/corpus/x.jsonl', bytes(text));
  let count = 0;
  let next = steps.next();
  while (!next.done) {
    count++;
    next = steps.next();
  }
  assert.ok(count >= 4, `${count} steps`);
  assert.deepEqual(next.value, parseCorpusFile('file:///ws/corpus/x.jsonl', bytes(text)));
});

test('a big file is stored in chunks and ends as setFile would leave it', async () => {
  const records = parseCorpusFile('file:///ws/corpus/x.jsonl', bytes(Array.from({ length: 1000 }, (_, index) => JSON.stringify({ id: `r${index}`, title: `R ${index}`, type: 'report' })).join('\n')));
  const sliced = new CorpusIndex();
  let pauses = 0;
  await new CorpusStore(sliced).setFileSliced(records, async () => void pauses++, 100);
  const whole = new CorpusIndex();
  new CorpusStore(whole).setFile(records);
  assert.ok(pauses >= 9);
  assert.deepEqual([...sliced.records()].map((record) => record.id).sort(), [...whole.records()].map((record) => record.id).sort());
});

test('the CLI file system refuses symbolic links out of the root and linked folders, with diagnostics', async () => {
  const root = mkdtempSync(path.join(os.tmpdir(), 'policy-annotator-links-'));
  try {
    mkdirSync(path.join(root, 'ws', 'corpus'), { recursive: true });
    mkdirSync(path.join(root, 'outside'));
    writeFileSync(path.join(root, 'outside', 'secret.md'), '---\nid: secret\ntitle: Secret\ntype: report\n---\n');
    writeFileSync(path.join(root, 'ws', 'corpus', 'inside.md'), '---\nid: inside\ntitle: Inside\ntype: report\n---\n');
    symlinkSync(path.join(root, 'outside', 'secret.md'), path.join(root, 'ws', 'corpus', 'secret.md'));
    symlinkSync(path.join(root, 'ws', 'corpus', 'inside.md'), path.join(root, 'ws', 'corpus', 'alias.md'));
    symlinkSync('..', path.join(root, 'ws', 'corpus', 'loop'));
    const corpus = new CorpusService({
      fileSystem: new NodeCorpusFileSystem([], path.join(root, 'ws'), ['**/corpus/**/*.md'], []),
      embeddedEnabled: () => false,
      maxBytes: () => 1024 * 1024,
      log: { info: () => undefined, error: (message) => assert.fail(message) },
    });
    await corpus.whenReady();
    assert.equal(corpus.index.get('secret'), undefined);
    assert.ok(corpus.index.get('inside'));
    const problems = corpus.store.problems();
    const codes = (name: string) => problems.get(toUri(path.join(root, 'ws', 'corpus', name)))?.map((problem) => problem.code);
    assert.deepEqual(codes('secret.md'), ['corpus-outside-workspace']);
    assert.deepEqual(codes('loop'), ['corpus-outside-workspace']);
    assert.ok(!codes('alias.md')?.includes('corpus-outside-workspace'), 'a link inside the workspace is read');
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

test('a refused file is reported by the loader and never read', async () => {
  const fileSystem = new MemoryFileSystem();
  const uri = fileSystem.write('corpus/link.md', '---\nid: link\ntitle: Link\ntype: report\n---\n');
  const stat = fileSystem.stat.bind(fileSystem);
  fileSystem.stat = async (target) => (target === uri ? { size: 10, refused: 'A link' } : stat(target));
  const corpus = new CorpusService({ fileSystem, embeddedEnabled: () => false, maxBytes: () => 1024, log: { info: () => undefined, error: () => undefined } });
  await corpus.whenReady();
  assert.equal(fileSystem.reads, 0);
  assert.deepEqual(corpus.store.problems().get(uri)?.map((problem) => problem.code), ['corpus-outside-workspace']);
});

test('the Markdown activity analyser: escaped text is inert, active syntax is found', () => {
  assert.deepEqual(findActivity('\\[x\\]\\(command\\:y\\) \\<b\\> \\$\\(zap\\) https\\:\\/\\/x\\.y'), []);
  assert.deepEqual(findActivity('`[x](command:y)`'), []);
  assert.deepEqual(findActivity('\\\\[x](command:y)').map((activity) => activity.kind), ['link']);
  assert.deepEqual(findActivity('![a](b) <b> $(zap) www.x.y a@b.cd').map((activity) => activity.kind), ['image', 'html', 'icon', 'bare-url', 'email']);
  assert.ok(showsLiterally('**\\[x\\]**', '[x]'));
  assert.ok(!showsLiterally('**[x]**', '[x]'));
});
