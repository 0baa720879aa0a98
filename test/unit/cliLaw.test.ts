import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { temporaryFolder } from './helpers';
import path from 'node:path';
import { test } from 'node:test';

// End-to-end: the built executable (dist/cli.js) on statute references, with the embedded law subset and --laws.
const root = path.join(__dirname, '..', '..');
const cli = path.join(root, 'dist', 'cli.js');
const ARTICLE = 'test/fixtures/cli/statutes.md';

function run(args: string[], cwd = root) {
  const result = spawnSync(process.execPath, [cli, ...args], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

type Reference = Record<string, unknown>;

test('annotate --json: statute references are "kind": "law" with the PCode, article, 項 and 款', () => {
  const { code, stdout, stderr } = run(['annotate', '--json', ARTICLE]);
  assert.equal(code, 0, stderr);
  const [file] = JSON.parse(stdout) as Array<{ references: Reference[]; diagnostics: Reference[] }>;
  const laws = file!.references.filter((reference) => reference.kind === 'law');
  assert.deepEqual(laws[0], { line: 3, column: 2, endLine: 3, endColumn: 14, text: '個資法第6條第1項第2款', kind: 'law', id: 'I0050021', score: 1, match: 'alias', article: '6', paragraph: 1, item: 2 });
  assert.deepEqual(
    laws.map((reference) => [reference.text, reference.id, reference.article, reference.through ?? null]),
    [
      ['個資法第6條第1項第2款', 'I0050021', '6', null],
      ['同法第8條', 'I0050021', '8', null],
      ['第9條至第11條', 'I0050021', '9', '11'],
      ['《個人資料保護法》第99條', 'I0050021', '99', null],
      ['個人資料保謢法第6條', null, '6', null],
      ['數位發展部組織法第12條', 'K0000199', '12', null],
    ],
  );
  assert.deepEqual(
    file!.diagnostics.map((diagnostic) => [diagnostic.line, diagnostic.severity, diagnostic.code, diagnostic.fix]),
    [
      [5, 'warning', 'unknown-statute-article', null],
      [5, 'info', 'unknown-law', '個人資料保護法'],
    ],
    'the embedded subset has no text of 數位發展部組織法, so its article is not checked',
  );
});

test('--laws <dir>: laws of that folder are read first; --cards includes the statute card', () => {
  const { code, stdout } = run(['annotate', '--json', '--cards', '--laws', 'test/fixtures/laws', ARTICLE]);
  assert.equal(code, 0);
  const [file] = JSON.parse(stdout) as Array<{ references: Reference[]; diagnostics: Reference[] }>;
  assert.ok(file!.diagnostics.some((diagnostic) => diagnostic.code === 'unknown-statute-article' && /數位發展部組織法 has no 第12條 \(its articles run from 第1條 to 第10條\)/.test(String(diagnostic.message))));
  const card = String(file!.references.find((reference) => reference.kind === 'law')?.card);
  assert.match(card, /\*\*個人資料保護法\*\* · Personal Data Protection Act/);
  assert.match(card, /flno=6\)$/);
});

test('check: statute problems are rows like any other', () => {
  const { code, stdout } = run(['check', ARTICLE]);
  assert.equal(code, 0);
  assert.match(stdout, /^test\/fixtures\/cli\/statutes\.md:5:1 warning unknown-statute-article 個人資料保護法 has no 第99條/m);
  assert.match(stdout, /^test\/fixtures\/cli\/statutes\.md:5:\d+ info unknown-law No law named "個人資料保謢法"/m);
});

test('--laws: a missing folder or one without index.json is a usage error; a malformed law file is a diagnostic', () => {
  const missing = run(['check', '--laws', 'no-such-folder', ARTICLE]);
  assert.equal(missing.code, 2);
  assert.match(missing.stderr, /^policy-annotator: law folder not found: no-such-folder/m);
  const folder = temporaryFolder('pa-laws-');
  const empty = run(['check', '--laws', folder, path.join(root, ARTICLE)]);
  assert.equal(empty.code, 2);
  assert.match(empty.stderr, /has no readable index\.json/);
  mkdirSync(path.join(folder, 'FalVMingLing'));
  writeFileSync(path.join(folder, 'index.json'), JSON.stringify([{ PCode: 'I0050021', name: '個人資料保護法' }]));
  writeFileSync(path.join(folder, 'FalVMingLing', 'I0050021.json'), '{ "法規名稱": "個人資料保護法", "法規內容": [');
  const broken = run(['check', '--laws', folder, path.join(root, ARTICLE)]);
  assert.equal(broken.code, 0, broken.stderr);
  assert.match(broken.stdout, /warning law-file-problem FalVMingLing\/I0050021\.json: invalid JSON/);
});
