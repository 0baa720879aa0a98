import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { joinLines, temporaryFolder } from './helpers';

// End-to-end: the built executable (dist/cli.js) on a repository made here, whose article names its own library.
const cli = path.join(__dirname, '..', '..', 'dist', 'cli.js');

function run(args: string[], cwd: string) {
  const result = spawnSync(process.execPath, [cli, ...args], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

function repository(front: string): string {
  const folder = temporaryFolder('pa-cli-bib-');
  mkdirSync(path.join(folder, 'articles'));
  writeFileSync(path.join(folder, 'articles', 'refs.bib'), joinLines('@report{onlyInArticleBib2025,', '  title = {只在文章書目中的報告},', '  institution = {測試研究所},', '  date = {2025-03-01}', '}', ''));
  writeFileSync(path.join(folder, 'articles', 'article.md'), joinLines('---', 'title: 測試文章', front, '---', '', '依 [@onlyInArticleBib2025] 所述。', ''));
  return folder;
}

test('check: a key only in the front matter\'s .bib resolves; annotate shows its card', () => {
  const folder = repository('bibliography: refs.bib');
  const { code, stdout } = run(['check', 'articles/article.md'], folder);
  assert.equal(code, 0, stdout);
  assert.doesNotMatch(stdout, /unknown-citation-key|bibliography-problem/);
  const annotated = run(['annotate', '--json', '--cards', 'articles/article.md'], folder);
  const [file] = JSON.parse(annotated.stdout) as Array<{ references: Array<{ kind: string; id: string | null; card?: string }> }>;
  const key = file!.references.find((reference) => reference.kind === 'key');
  assert.equal(key?.id, 'onlyInArticleBib2025');
  assert.match(key?.card ?? '', /只在文章書目中的報告/);
});

test('check: without the field the key is unknown; a missing or outside file is reported on its line', () => {
  const without = run(['check', 'articles/article.md'], repository('author: 某人'));
  assert.match(without.stdout, /^articles\/article\.md:6:\d+ warning unknown-citation-key /m);
  const missing = run(['check', 'articles/article.md'], repository('bibliography:\n  - nowhere.bib\n  - ../../outside.bib\n  - refs.bib'));
  assert.match(missing.stdout, /^articles\/article\.md:4:5 warning bibliography-problem nowhere\.bib: file not found\.$/m);
  assert.match(missing.stdout, /^articles\/article\.md:5:5 warning bibliography-problem \.\.\/\.\.\/outside\.bib: it leads outside the repository; it is not read\.$/m);
  // refs.bib, third in the list, still counts.
  assert.doesNotMatch(missing.stdout, /unknown-citation-key/);
});

test('render: a key only in the front matter\'s .bib links to its record', () => {
  const folder = repository('bibliography: refs.bib');
  writeFileSync(path.join(folder, 'articles', 'refs.bib'), joinLines('@report{onlyInArticleBib2025,', '  title = {只在文章書目中的報告},', '  institution = {測試研究所},', '  url = {https://example.org/only-in-article-bib}', '}', ''));
  const { code, stdout } = run(['render', 'articles/article.md'], folder);
  assert.equal(code, 0, stdout);
  assert.match(stdout, /<a href="https:\/\/example\.org\/only-in-article-bib" class="pa-ref pa-ref-record" title="只在文章書目中的報告[^"]*"[^>]*>@onlyInArticleBib2025<\/a>/);
});
