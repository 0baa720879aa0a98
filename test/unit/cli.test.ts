import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { temporaryFolder } from './helpers';
import path from 'node:path';
import { test } from 'node:test';

// End-to-end: the built executable (dist/cli.js, built by `npm run build` before these tests), on fixtures.
const root = path.join(__dirname, '..', '..');
const cli = path.join(root, 'dist', 'cli.js');

function run(args: string[], cwd = root) {
  const result = spawnSync(process.execPath, [cli, ...args], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

test('annotate --json: exactly the documented shape, 1-based UTF-16 positions', () => {
  const { code, stdout } = run(['annotate', '--json', 'test/fixtures/articles/keys-and-code.md', 'test/fixtures/articles/mou-commentary.md']);
  assert.equal(code, 0);
  const files = JSON.parse(stdout) as Array<Record<string, unknown>>;
  assert.deepEqual(files.map((file) => file.file), ['test/fixtures/articles/keys-and-code.md', 'test/fixtures/articles/mou-commentary.md']);
  for (const file of files) assert.deepEqual(Object.keys(file), ['file', 'references', 'tags', 'diagnostics']);
  const references = files[0]!.references as Array<Record<string, unknown>>;
  assert.deepEqual(references[0], { line: 8, column: 1, endLine: 8, endColumn: 8, text: '英美合作備忘錄', kind: 'mention', id: 'uk-us-ai-safety-mou-2024', score: 1, match: 'alias' });
  const key = references.find((reference) => reference.kind === 'key');
  assert.deepEqual(key, { line: 8, column: 10, endLine: 8, endColumn: 35, text: '@uk-us-ai-safety-mou-2024', kind: 'key', id: 'uk-us-ai-safety-mou-2024', score: 1, match: 'key' });
  const unknown = references.find((reference) => reference.text === '@no-such-record');
  assert.equal(unknown?.id, null);
  const diagnostics = files[1]!.diagnostics as Array<Record<string, unknown>>;
  assert.deepEqual(Object.keys(diagnostics[0]!), ['line', 'column', 'endLine', 'endColumn', 'severity', 'code', 'message', 'fix']);
  assert.equal(diagnostics[0]!.code, 'placeholder-link');
  assert.match(String(diagnostics[0]!.fix), /^https:\/\/www\.gov\.uk\//);
  const tags = files[1]!.tags as Array<Record<string, unknown>>;
  assert.deepEqual(tags.map((tag) => [tag.text, tag.known, tag.suggestion]), [['人工智慧', true, null], ['人工智慧監管', true, null]]);
  assert.deepEqual(Object.keys(tags[0]!), ['line', 'column', 'endLine', 'endColumn', 'text', 'known', 'suggestion']);
});

test('annotate --cards: the same Markdown the hover shows', () => {
  const { stdout } = run(['annotate', '--json', '--cards', 'test/fixtures/articles/mou-commentary.md']);
  const [file] = JSON.parse(stdout) as Array<{ references: Array<{ id: string | null; card?: string }> }>;
  const card = file!.references.find((reference) => reference.id === 'bletchley-park')?.card;
  assert.match(card ?? '', /\*\*Bletchley Park\*\*/);
  assert.doesNotMatch(card ?? '', /command:/);
});

test('check: lines, a summary, exit 0 without errors and 1 with --strict warnings', () => {
  const clean = run(['check', 'test/fixtures/articles/keys-and-code.md']);
  assert.equal(clean.code, 0);
  assert.match(clean.stdout, /^test\/fixtures\/articles\/keys-and-code\.md:9:38 warning unknown-citation-key /m);
  assert.match(clean.stdout, /^1 file checked: 0 errors, 1 warnings, 2 infos$/m);
  assert.equal(run(['check', '--strict', 'test/fixtures/articles/keys-and-code.md']).code, 1);
});

test('check with globs, and --format json and sarif', () => {
  const json = run(['check', '--format', 'json', 'test/fixtures/articles/*.md']);
  const rows = JSON.parse(json.stdout) as Array<{ file: string; code: string }>;
  assert.deepEqual([...new Set(rows.map((row) => row.file))].sort(), ['test/fixtures/articles/broken-citations.md', 'test/fixtures/articles/keys-and-code.md', 'test/fixtures/articles/mou-commentary.md']);
  const sarif = JSON.parse(run(['check', '--format', 'sarif', 'test/fixtures/articles/broken-citations.md']).stdout) as { version: string; runs: Array<{ results: Array<{ ruleId: string; locations: Array<{ physicalLocation: { region: { startLine: number } } }> }> }> };
  assert.equal(sarif.version, '2.1.0');
  assert.ok(sarif.runs[0]!.results.some((result) => result.ruleId === 'duplicate-citation' && result.locations[0]!.physicalLocation.region.startLine === 11));
});

test('a missing file is named, the other files still checked, exit 2', () => {
  const { code, stdout, stderr } = run(['check', 'no-such-article.md', 'test/fixtures/articles/keys-and-code.md']);
  assert.equal(code, 2);
  assert.match(stderr, /file not found: no-such-article\.md/);
  assert.match(stdout, /keys-and-code\.md:9:38 warning unknown-citation-key/);
});

test('a binary file is an error for that file', () => {
  const folder = temporaryFolder('pa-cli-');
  writeFileSync(path.join(folder, 'image.md'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 1]));
  const { code, stdout } = run(['check', 'image.md'], folder);
  assert.equal(code, 1);
  assert.match(stdout, /^image\.md:1:1 error binary-file /m);
});

test('a corpus folder with malformed records: each reported with file and line, the good records used', () => {
  const { code, stdout } = run(['check', '--corpus', 'test/fixtures/cli/corpus', 'test/fixtures/cli/uses-custom-corpus.md']);
  assert.equal(code, 1, stdout);
  assert.match(stdout, /^test\/fixtures\/cli\/corpus\/records\.jsonl:2:1 warning corpus-invalid-date /m);
  assert.match(stdout, /^test\/fixtures\/cli\/corpus\/records\.jsonl:3:1 error corpus-missing-id /m);
  assert.match(stdout, /uses-custom-corpus\.md:3:\d+ warning placeholder-link Placeholder link: "測試用政策報告" is 測試用政策報告, at https:\/\/example\.org\/report/);
});

test('--no-embedded leaves out the built-in corpus', () => {
  const { stdout } = run(['annotate', '--json', '--no-embedded', 'test/fixtures/articles/keys-and-code.md']);
  const [file] = JSON.parse(stdout) as Array<{ references: Array<{ id: string | null; kind: string }> }>;
  assert.ok(file!.references.every((reference) => reference.id === null));
});

test('search: a table of id, type, date, title', () => {
  const { code, stdout } = run(['search', 'Bletchly', 'Declaration']);
  assert.equal(code, 0);
  assert.match(stdout.split('\n')[1]!, /^bletchley-declaration-2023\s+declaration\s+2023-11-01\s+The Bletchley Declaration/);
});

test('usage errors exit 2 with a message', () => {
  assert.equal(run([]).code, 0, 'no arguments prints help');
  for (const args of [['frobnicate'], ['check'], ['check', '[z-a]*.md'], ['check', '--format', 'xml', 'a.md'], ['check', '--corpus'], ['check', '--corpus', 'nowhere', 'a.md'], ['check', '--bogus', 'a.md']]) {
    const { code, stderr } = run(args);
    assert.equal(code, 2, args.join(' '));
    assert.match(stderr, /^policy-annotator: /, args.join(' '));
  }
});

test('.policy-annotator.json: severities and corpus globs, shared with the extension', () => {
  const folder = temporaryFolder('pa-config-');
  writeFileSync(path.join(folder, '.policy-annotator.json'), JSON.stringify({ corpus: { include: ['sources/**/*.md'] }, severity: { 'placeholder-link': 'error', 'source-not-cited': 'off' } }));
  writeFileSync(path.join(folder, 'article.md'), '見[自訂紀錄](#)。\n');
  mkdirSync(path.join(folder, 'sources'));
  writeFileSync(path.join(folder, 'sources', 'own.md'), '---\nid: own\ntype: report\ntitle: 自訂紀錄\nurl: https://example.org/own\n---\n');
  const { code, stdout } = run(['check', 'article.md'], folder);
  assert.equal(code, 1);
  assert.match(stdout, /^article\.md:1:2 error placeholder-link .*https:\/\/example\.org\/own/m);
  writeFileSync(path.join(folder, '.policy-annotator.json'), '{ "severity": { "placeholder-link": "loud" } ,}');
  const broken = run(['check', 'article.md'], folder);
  assert.match(broken.stdout, /\.policy-annotator\.json:1:1 error config-json-syntax/);
});

test('annotate: tags known or not, with a suggestion, and the workspace taxonomy in corpus/tags.yaml', () => {
  const folder = temporaryFolder('pa-tags-');
  mkdirSync(path.join(folder, 'corpus'));
  writeFileSync(path.join(folder, 'corpus', 'tags.yaml'), 'tags:\n  - tag: 智慧城市治理\n    label: Smart city governance\n');
  writeFileSync(path.join(folder, 'article.md'), '本文\n\n文章標籤\n\n大數據\n\n人工智監管\n\n智慧城市治理\n');
  const { stdout } = run(['annotate', '--json', 'article.md'], folder);
  const [file] = JSON.parse(stdout) as Array<{ tags: Array<{ text: string; known: boolean; suggestion: string | null; line: number }> }>;
  assert.deepEqual(file!.tags.map((tag) => [tag.text, tag.line, tag.known, tag.suggestion]), [
    ['大數據', 5, true, '巨量資料'],
    ['人工智監管', 7, false, '人工智慧監管'],
    ['智慧城市治理', 9, true, null],
  ]);
});

test('check honours policy-annotator-disable comments (a disabled range, a next line) and keeps the rest', () => {
  const rows = JSON.parse(run(['check', '--format', 'json', 'test/fixtures/quiet/disabled-checks.md']).stdout) as Array<{ line: number; code: string }>;
  assert.deepEqual(rows.map((row) => `${row.line}:${row.code}`), ['4:reference-without-source', '10:placeholder-link', '10:placeholder-link']);
});
