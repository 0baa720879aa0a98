import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { temporaryFolder } from './helpers';

// End-to-end: the built executable (dist/cli.js) reads the repository's alias file as the extension does.
const root = path.join(__dirname, '..', '..');
const cli = path.join(root, 'dist', 'cli.js');

function run(args: string[], cwd: string) {
  const result = spawnSync(process.execPath, [cli, ...args], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

test('check and annotate: the alias file adds a name to a built-in record, ignores a near miss, and reports its problems by line', () => {
  const folder = temporaryFolder('pa-aliases-');
  writeFileSync(path.join(folder, 'article.md'), '有人把它稱為《布萊奇利 AI 安全宣言》。\n');
  const mentionIds = () => {
    const files = JSON.parse(run(['annotate', '--json', 'article.md'], folder).stdout) as Array<{ references: Array<{ kind: string; id?: string }> }>;
    return files[0]!.references.filter((reference) => reference.kind === 'mention').map((reference) => reference.id);
  };
  assert.match(run(['check', 'article.md'], folder).stdout, /possible-mention/);
  assert.deepEqual(mentionIds(), []);

  mkdirSync(path.join(folder, '.policy-annotator'));
  const aliasFile = path.join(folder, '.policy-annotator', 'aliases.yaml');
  writeFileSync(aliasFile, 'records:\n  bletchley-declaration-2023:\n    aliases: [布萊奇利 AI 安全宣言]\n');
  assert.doesNotMatch(run(['check', 'article.md'], folder).stdout, /possible-mention/);
  assert.deepEqual(mentionIds(), ['bletchley-declaration-2023']);

  writeFileSync(aliasFile, 'records:\n  bletchley-declaration-2023:\n    ignore: [布萊奇利 AI 安全宣言]\n  "秘密 id":\n    aliases: [x]\n');
  const checked = run(['check', 'article.md'], folder).stdout;
  assert.doesNotMatch(checked, /possible-mention/);
  assert.match(checked, /\.policy-annotator\/aliases\.yaml:4:1 warning aliases-invalid-id/);
  assert.doesNotMatch(checked, /秘密/);
  assert.deepEqual(mentionIds(), []);
});
