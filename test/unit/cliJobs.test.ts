import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import type { FileJson } from '../../src/cli/output';
import { BATCH_SIZE, filesInWorkers, WorkerFailure } from '../../src/cli/workerPool';
import type { WorkerSetup } from '../../src/cli/workerProtocol';
import { temporaryFolder } from './helpers';

// `check`/`annotate --jobs N`: worker threads give byte for byte what one thread gives (dist/cli.js and
// dist/cliWorker.js, built by `npm run build` before these tests).
const root = path.join(__dirname, '..', '..');
const cli = path.join(root, 'dist', 'cli.js');

function run(args: string[], cwd: string) {
  const result = spawnSync(process.execPath, [cli, ...args], { cwd, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, env: { ...process.env, NO_COLOR: '1', POLICY_ANNOTATOR_TODAY: '2025-01-15' } });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** About 60 articles: resolved and ambiguous mentions, citation keys known and unknown, disable comments, bad files. */
function articleFolder(): string {
  const folder = temporaryFolder('policy-annotator-jobs-');
  mkdirSync(path.join(folder, 'articles'));
  const write = (name: string, content: string | Uint8Array) => writeFileSync(path.join(folder, 'articles', name), content);
  for (let n = 0; n < 58; n++) {
    const lines = [`# 第 ${n} 篇評論`, '', `本篇第 ${n} 次談到英美合作備忘錄 [@uk-us-ai-safety-mou-2024]，也提到布萊切利宣言。`];
    if (n % 3 === 0) lines.push('', `另見 [@missing-source-${n}] 與[尚未補上的連結](#)。`);
    if (n % 5 === 0) lines.push('', '<!-- policy-annotator-disable-next-line unknown-citation-key -->', `這一行引用 [@quiet-key-${n}]。`);
    if (n % 7 === 0) lines.push('', '參考資料：', '', `Unknown Office ${n}(2021, March 3), *A Paper Written For Test ${n}*, Example Press, <https://example.org/paper-${n}> (last visit June 30, 2024).`);
    if (n % 11 === 0) lines.push('', `#人工智慧 #不存在的標籤${n}`);
    write(`article-${String(n).padStart(3, '0')}.md`, `${lines.join('\n')}\n`);
  }
  // More problems than the per-file cap: the `more-problems` row comes after every file's rows.
  write('article-030-many.md', `# 很多引用\n\n${Array.from({ length: 1_050 }, (_, n) => `見 [@absent-${n}]。`).join('\n')}\n`);
  write('article-020-binary.md', new Uint8Array([0x23, 0x20, 0x41, 0x00, 0x42]));
  write('article-040-latin1.md', new Uint8Array([0x23, 0x20, 0xe9, 0x74, 0xe9, 0x0a]));
  return folder;
}

const folder = articleFolder();
const fileArguments = ['articles/*.md', 'articles/no-such-article.md', 'articles/article-001.md'];

for (const format of ['text', 'json', 'sarif']) {
  test(`check --format ${format}: --jobs 2 and 3 write exactly what --jobs 1 writes, with the same exit code`, () => {
    const one = run(['check', '--jobs', '1', '--format', format, ...fileArguments], folder);
    assert.equal(one.code, 2, 'a missing file makes the exit code 2');
    assert.match(one.stderr, /file not found: articles\/no-such-article\.md/);
    assert.match(one.stdout, /unknown-citation-key/);
    assert.match(one.stdout, /binary-file/);
    assert.match(one.stdout, /invalid-utf8/);
    assert.match(one.stdout, /more-problems/);
    // Streamed JSON is laid out exactly as JSON.stringify lays out the whole list.
    if (format !== 'text') assert.equal(one.stdout, `${JSON.stringify(JSON.parse(one.stdout), null, 2)}\n`);
    for (const jobs of ['2', '3']) {
      const many = run(['check', '--jobs', jobs, '--format', format, ...fileArguments], folder);
      assert.equal(many.stdout, one.stdout, `--jobs ${jobs} stdout`);
      assert.equal(many.stderr, one.stderr, `--jobs ${jobs} stderr`);
      assert.equal(many.code, one.code);
    }
  });
}

test('check --jobs 2: rows come file by file in the order the files were given (globs sorted)', () => {
  const { stdout, code } = run(['check', '--jobs', '2', '--format', 'json', 'articles/article-05*.md', 'articles/article-00*.md'], folder);
  assert.equal(code, 0);
  const files = [...new Set((JSON.parse(stdout) as Array<{ file: string }>).map((row) => row.file))];
  // Every article names 布萊切利宣言 without a source entry, so every file has rows.
  const expected = [...Array.from({ length: 8 }, (_, n) => `articles/article-05${n}.md`), ...Array.from({ length: 10 }, (_, n) => `articles/article-00${n}.md`)];
  assert.deepEqual(files, expected);
});

test('annotate --json and text: --jobs 2 writes exactly what --jobs 1 writes', () => {
  for (const extra of [['--json'], ['--json', '--cards'], []]) {
    const one = run(['annotate', '--jobs', '1', ...extra, 'articles/*.md'], folder);
    const two = run(['annotate', '--jobs', '2', ...extra, 'articles/*.md'], folder);
    assert.ok(one.stdout.length > 10_000);
    if (extra.length > 0) assert.equal(one.stdout, `${JSON.stringify(JSON.parse(one.stdout), null, 2)}\n`);
    assert.equal(two.stdout, one.stdout, extra.join(' '));
    assert.equal(two.stderr, one.stderr);
    assert.equal(two.code, one.code);
  }
});

test('a --jobs value that is not a whole number from 1 up is a usage error', () => {
  for (const value of ['0', '-1', 'abc', '1.5', '', '1e3', '257']) {
    const { code, stderr, stdout } = run(['check', `--jobs=${value}`, 'articles/article-001.md'], folder);
    assert.equal(code, 2, value);
    assert.match(stderr, value === '' ? /--jobs needs a value/ : /--jobs must be a whole number from 1 to 256/);
    assert.equal(stdout, '');
  }
});

// The pool itself, with stand-in worker scripts: deterministic, no timing.
const setup: WorkerSetup = { args: {} as WorkerSetup['args'], cwd: folder, today: 0 };
const names = Array.from({ length: 5 * BATCH_SIZE + 3 }, (_, n) => `file-${n}.md`);

function script(name: string, body: string): string {
  const file = path.join(folder, name);
  writeFileSync(file, `const { parentPort } = require('node:worker_threads');\n${body}`);
  return file;
}

async function collect(generator: AsyncGenerator<FileJson>): Promise<string[]> {
  const files: string[] = [];
  for await (const json of generator) files.push(json.file);
  return files;
}

test('the pool yields in input order even when a worker answers its later batch first', async () => {
  // Holds each first batch until the second arrives, then answers the second one first.
  const reversing = script('reversing.js', `
    let held;
    const answer = (request) => parentPort.postMessage({ start: request.start, results: request.files.map((file) => ({ file, references: [], tags: [], diagnostics: [] })) });
    parentPort.on('message', (request) => {
      if (!held) { held = request; return; }
      answer(request); answer(held); held = undefined;
    });`);
  // 43 files in batches of 8: the last (odd) batch is never paired, so the stand-in answers a lone batch at once.
  const lonely = script('reversing-lonely.js', `
    let held;
    const answer = (request) => parentPort.postMessage({ start: request.start, results: request.files.map((file) => ({ file, references: [], tags: [], diagnostics: [] })) });
    parentPort.on('message', (request) => {
      if (request.files.length < ${BATCH_SIZE}) { if (held) { answer(held); held = undefined; } answer(request); return; }
      if (!held) { held = request; return; }
      answer(request); answer(held); held = undefined;
    });`);
  assert.deepEqual(await collect(filesInWorkers(names, 1, lonely, setup)), names);
  assert.deepEqual(await collect(filesInWorkers(names.slice(0, 4 * BATCH_SIZE), 2, reversing, setup)), names.slice(0, 4 * BATCH_SIZE));
});

test('a file whose check throws in a worker throws the same error after the files before it', async () => {
  const throwing = script('throwing.js', `
    parentPort.on('message', (request) => {
      const results = [];
      for (let offset = 0; offset < request.files.length; offset++) {
        if (request.files[offset] === 'file-13.md') return parentPort.postMessage({ start: request.start, results, thrown: { index: request.start + offset, message: 'boom in file-13', stack: 'Error: boom in file-13' } });
        results.push({ file: request.files[offset], references: [], tags: [], diagnostics: [] });
      }
      parentPort.postMessage({ start: request.start, results });
    });`);
  const seen: string[] = [];
  await assert.rejects(async () => {
    for await (const json of filesInWorkers(names, 2, throwing, setup)) seen.push(json.file);
  }, (error: Error) => !(error instanceof WorkerFailure) && error.message === 'boom in file-13');
  assert.deepEqual(seen, names.slice(0, 13));
});

test('a worker that crashes or cannot start is a WorkerFailure, never a partial success', async () => {
  const crashing = script('crashing.js', `parentPort.on('message', () => process.exit(7));`);
  await assert.rejects(collect(filesInWorkers(names, 2, crashing, setup)), (error: Error) => error instanceof WorkerFailure && /stopped \(exit code 7\)/.test(error.message));
  const failing = script('failing.js', `parentPort.postMessage({ setupFailed: 'no corpus' });`);
  await assert.rejects(collect(filesInWorkers(names, 2, failing, setup)), (error: Error) => error instanceof WorkerFailure && /could not start: no corpus/.test(error.message));
});

test('worker threads started ahead stop when the main thread finds a usage error (a missing law folder): exit 2, no hang', () => {
  for (const jobs of ['1', '2']) {
    const result = spawnSync(process.execPath, [cli, 'check', '--jobs', jobs, '--laws', 'no-such-laws', 'articles/*.md'], { cwd: folder, encoding: 'utf8', timeout: 60_000, env: { ...process.env, NO_COLOR: '1' } });
    assert.equal(result.signal, null, `--jobs ${jobs}: ended by itself`);
    assert.equal(result.status, 2, `--jobs ${jobs}`);
    assert.match(result.stderr, /law folder not found: no-such-laws/);
    assert.equal(result.stdout, '');
  }
});

test('the calling thread checks batches too while the next result is in a worker; all in input order, each file once', async () => {
  const answering = script('answering.js', `
    parentPort.on('message', (request) => parentPort.postMessage({ start: request.start, results: request.files.map((file) => ({ file, references: [], tags: [], diagnostics: [] })) }));`);
  const many = Array.from({ length: 40 * BATCH_SIZE + 5 }, (_, n) => `file-${n}.md`);
  const checkedHere: string[] = [];
  async function* local(batch: readonly string[]): AsyncGenerator<FileJson> {
    for (const file of batch) {
      checkedHere.push(file);
      yield { file, references: [], tags: [], diagnostics: [] } as unknown as FileJson;
    }
  }
  assert.deepEqual(await collect(filesInWorkers(many, 1, answering, setup, local)), many);
  // The first batches wait in the worker's queue, so the first result asked for is not there yet: this thread
  // takes the next batch not handed out, whole.
  assert.ok(checkedHere.length >= BATCH_SIZE, `checked here: ${checkedHere.length}`);
  assert.ok(checkedHere.length < many.length, 'the worker checked some too');
  assert.equal(checkedHere.length % BATCH_SIZE === 0 || checkedHere.includes(many.at(-1)!), true, 'whole batches');
  assert.deepEqual([...checkedHere].sort(), [...new Set(checkedHere)].sort(), 'no file checked twice');
});

test('a file whose check throws in the calling thread throws that very error in its turn, after the files before it', async () => {
  const answering = script('answering-too.js', `
    parentPort.on('message', (request) => parentPort.postMessage({ start: request.start, results: request.files.map((file) => ({ file, references: [], tags: [], diagnostics: [] })) }));`);
  const many = Array.from({ length: 20 * BATCH_SIZE }, (_, n) => `file-${n}.md`);
  const boom = new Error('boom here');
  let thrownAt: string | undefined;
  async function* local(batch: readonly string[]): AsyncGenerator<FileJson> {
    for (const file of batch) {
      if (file === batch[3]) {
        thrownAt ??= file;
        throw boom;
      }
      yield { file, references: [], tags: [], diagnostics: [] } as unknown as FileJson;
    }
  }
  const seen: string[] = [];
  // The worker holds the first batches (its queue is filled first); this thread checks the next, which throws.
  await assert.rejects(async () => {
    for await (const json of filesInWorkers(many, 1, answering, setup, local)) seen.push(json.file);
  }, (error: unknown) => error === boom);
  assert.ok(thrownAt !== undefined);
  assert.deepEqual(seen, many.slice(0, many.indexOf(thrownAt)));
  assert.ok(seen.length >= BATCH_SIZE, 'the files before it, from the worker, came first');
});
