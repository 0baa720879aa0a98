import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { test } from 'node:test';

// End-to-end: the built executable (dist/cli.js) on decision references, with and without a decisions corpus.
const root = path.join(__dirname, '..', '..');
const cli = path.join(root, 'dist', 'cli.js');
const ARTICLE = 'test/fixtures/cli/decisions.md';

function run(args: string[]) {
  const result = spawnSync(process.execPath, [cli, ...args], { cwd: root, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', POLICY_ANNOTATOR_TODAY: '2026-06-30' } });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

type Json = Record<string, unknown>;
const decisions = (stdout: string) => (JSON.parse(stdout) as Array<{ references: Json[]; diagnostics: Json[] }>)[0]!;

test('annotate --json: decisions are "kind": "decision" with court, year, caseType, number and decisionType', () => {
  const { code, stdout, stderr } = run(['annotate', '--json', '--no-embedded', ARTICLE]);
  assert.equal(code, 0, stderr);
  const file = decisions(stdout);
  const found = file.references.filter((reference) => reference.kind === 'decision');
  assert.deepEqual(found[0], { line: 3, column: 2, endLine: 3, endColumn: 14, text: '司法院釋字第603號解釋', kind: 'decision', id: null, score: 0, match: null, court: '司法院', courtName: '司法院', caseType: '釋', number: 603, decisionType: '解釋' });
  assert.deepEqual(
    found.map((reference) => [reference.text, reference.court ?? null, reference.year ?? null, reference.caseType, reference.number, reference.decisionType ?? null, reference.match]),
    [
      ['司法院釋字第603號解釋', '司法院', null, '釋', 603, '解釋', null],
      ['釋字第689號', null, null, '釋', 689, null, null],
      ['第999號', null, null, '釋', 999, null, 'list'],
      ['憲法法庭111年憲判字第13號判決', '憲法法庭', 111, '憲判', 13, '判決', null],
      ['最高法院109年度台上字第1234號', '最高法院', 109, '台上', 1234, '判決', null],
      ['第5678號民事判決', '最高法院', 109, '台上', 5678, '判決', 'list'],
      ['前揭判決', '最高法院', 109, '台上', 5678, '判決', 'context'],
      ['台灣高等法院110年度上易字第56號刑事判決', '臺灣高等法院', 110, '上易', 56, '判決', null],
      ['最高法院120年度台上字第1號', '最高法院', 120, '台上', 1, null, null],
    ],
  );
  assert.deepEqual(
    file.diagnostics.filter((diagnostic) => diagnostic.code === 'invalid-decision-number').map((diagnostic) => [diagnostic.line, diagnostic.severity, String(diagnostic.message).slice(0, 14)]),
    [
      [3, 'info', '釋字 run from 1 '],
      [7, 'info', '年度 120 is out '],
    ],
  );
});

test('annotate --json with a decisions corpus: references resolve to their case records; cards link the record', () => {
  const { code, stdout, stderr } = run(['annotate', '--json', '--cards', '--no-embedded', '--corpus', 'test/fixtures/cli/decision-corpus', ARTICLE]);
  assert.equal(code, 0, stderr);
  const found = decisions(stdout).references.filter((reference) => reference.kind === 'decision');
  assert.deepEqual(
    found.map((reference) => [reference.text, reference.id]),
    [
      ['司法院釋字第603號解釋', 'jy-603'],
      ['釋字第689號', null],
      ['第999號', null],
      ['憲法法庭111年憲判字第13號判決', null],
      ['最高法院109年度台上字第1234號', 'sc-109-1234'],
      ['第5678號民事判決', null],
      ['前揭判決', null],
      ['台灣高等法院110年度上易字第56號刑事判決', 'hc-110-56'],
      ['最高法院120年度台上字第1號', null],
    ],
  );
  assert.match(String(found[0]!.card), /全面按捺指紋/);
  assert.match(String(found[4]!.card), /\]\(https:\/\/example\.org\/decisions\/sc-109-1234\)/);
  assert.match(String(found[3]!.card), /無法由字號得出穩定連結/);
});

test('check: a decision number out of range is information, and --strict does not fail on it', () => {
  const { code, stdout } = run(['check', '--strict', '--no-embedded', ARTICLE]);
  assert.equal(code, 0, stdout);
  assert.match(stdout, /info invalid-decision-number/);
});
