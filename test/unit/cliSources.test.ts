import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { temporaryFolder } from './helpers';

// End-to-end: harvest, export and sources through the built executable (dist/cli.js, built before these tests).
const root = path.join(__dirname, '..', '..');
const cli = path.join(root, 'dist', 'cli.js');
const fixtures = path.join(root, 'test', 'fixtures');

function run(args: string[], cwd: string) {
  const result = spawnSync(process.execPath, [cli, ...args], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', POLICY_ANNOTATOR_TODAY: '2026-11-29' } });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** A repository with the two harvest fixtures and the seed article. */
function repository(): string {
  const folder = temporaryFolder('pa-harvest-');
  mkdirSync(path.join(folder, 'articles'));
  for (const name of ['moda-guidelines.md', 'evaluation-followup.md']) copyFileSync(path.join(fixtures, 'harvest', name), path.join(folder, 'articles', name));
  copyFileSync(path.join(fixtures, 'seed-article.md'), path.join(folder, 'articles', 'seed.md'));
  return folder;
}

test('harvest: writes sorted JSON Lines, reports conflicts and known sources; the same bytes for any file order', () => {
  const folder = repository();
  const first = run(['harvest', 'articles/*.md'], folder);
  assert.equal(first.code, 0, first.stderr);
  const written = readFileSync(path.join(folder, 'corpus', 'harvested.jsonl'), 'utf8');
  const records = written.trim().split('\n').map((line) => JSON.parse(line) as { id: string; url?: string; citedBy: number; note?: string });
  assert.deepEqual(records.map((record) => record.id), [...records.map((record) => record.id)].sort());
  const moda = records.find((record) => record.url?.includes('moda.gov.tw'));
  assert.equal(moda?.citedBy, 2);
  assert.match(moda?.note ?? '', /2024-08-02/);
  // The seed's three sources are in the built-in corpus: reported, not written.
  assert.match(first.stderr, /3 already in the corpus/);
  assert.match(first.stderr, /1 conflicting facts/);
  assert.ok(!records.some((record) => record.url?.includes('commerce.gov')));

  const again = run(['harvest', '--out', 'corpus/again.jsonl', 'articles/seed.md', 'articles/moda-guidelines.md', 'articles/evaluation-followup.md'], folder);
  assert.equal(again.code, 0, again.stderr);
  assert.equal(readFileSync(path.join(folder, 'corpus', 'again.jsonl'), 'utf8'), written);
  // Running it again over its own output harvests the same (its own records are not "already there").
  assert.equal(run(['harvest', 'articles/*.md'], folder).code, 0);
  assert.equal(readFileSync(path.join(folder, 'corpus', 'harvested.jsonl'), 'utf8'), written);
});

test('harvest: the output loads back through the corpus loader with no problems, and --no-embedded harvests the seed too', () => {
  const folder = repository();
  assert.equal(run(['harvest', '--no-embedded', '--out', 'corpus/harvested.jsonl', 'articles/*.md'], folder).code, 0);
  const check = run(['check', '--no-embedded', '--corpus', 'corpus/harvested.jsonl', '--format', 'json', 'articles/seed.md'], folder);
  const rows = JSON.parse(check.stdout) as Array<{ file: string; code: string }>;
  assert.deepEqual(rows.filter((row) => row.file.endsWith('.jsonl')), []);
  const search = run(['search', '--no-embedded', '--corpus', 'corpus/harvested.jsonl', '--json', 'Bletchley Declaration'], folder);
  assert.equal((JSON.parse(search.stdout) as Array<{ id: string }>)[0]?.id, 'bletchley-declaration-2023');
});

test('export: the records the articles cite, as CSL-JSON or BibLaTeX', () => {
  const folder = repository();
  run(['harvest', '--no-embedded', 'articles/*.md'], folder);
  const csl = run(['export', '--no-embedded', '--corpus', 'corpus/harvested.jsonl', '--format', 'csl-json', 'articles/evaluation-followup.md'], folder);
  assert.equal(csl.code, 0, csl.stderr);
  const items = JSON.parse(csl.stdout) as Array<{ id: string; type: string; URL?: string; accessed?: unknown }>;
  assert.ok(items.some((item) => item.URL === 'https://moda.gov.tw/press/press-releases/1234/'));
  assert.ok(items.some((item) => item.URL?.startsWith('https://www.gov.uk/government/publications/ai-regulation')));
  const bib = run(['export', '--no-embedded', '--corpus', 'corpus/harvested.jsonl', '--format', 'bibtex', '--out', 'refs.bib', 'articles/evaluation-followup.md'], folder);
  assert.equal(bib.code, 0, bib.stderr);
  const text = readFileSync(path.join(folder, 'refs.bib'), 'utf8');
  assert.match(text, /^@online\{/m);
  assert.match(text, /urldate = \{2024-10-05\}/);
  assert.equal(run(['export', '--format', 'ris', 'articles/seed.md'], folder).code, 2);
});

test('sources --style: the house style (default), APA, and a .csl file of the repository; a style outside it is refused', () => {
  const folder = repository();
  const house = run(['sources', 'articles/seed.md'], folder);
  assert.equal(house.code, 0, house.stderr);
  assert.match(house.stdout, /^資料來源：\n\nThe Bletchley Declaration\(2023, November 1\), \*The Bletchley Declaration by Countries/);
  assert.match(house.stdout, /U\.S\. Department of Commerce, <https:\/\/www\.commerce\.gov\/[^>]+> \(last visit June 30, 2024\)\./);
  const apa = run(['sources', '--style', 'apa', 'articles/seed.md'], folder);
  assert.match(apa.stdout, /\(2024, April 1\)\. \[Press release\]\. U\.S\. Department of Commerce\. https:\/\/www\.commerce\.gov\//);
  writeFileSync(
    path.join(folder, 'brackets.csl'),
    '<?xml version="1.0" encoding="utf-8"?><style xmlns="http://purl.org/net/xbiblio/csl" class="in-text" version="1.0"><info><title>t</title><id>t</id><updated>2024-01-01T00:00:00+00:00</updated></info><citation><layout><text variable="title"/></layout></citation><bibliography><layout><text variable="title" prefix="[" suffix="]"/></layout></bibliography></style>',
  );
  const custom = run(['sources', '--json', '--style', 'brackets.csl', 'articles/seed.md'], folder);
  assert.equal(custom.code, 0, custom.stderr);
  assert.ok((JSON.parse(custom.stdout) as Array<{ text: string }>).every((entry) => /^\[.+\]$/.test(entry.text)));
  const outside = temporaryFolder('pa-style-');
  writeFileSync(path.join(outside, 'x.csl'), '<style/>');
  const refused = run(['sources', '--style', path.join(outside, 'x.csl'), 'articles/seed.md'], folder);
  assert.equal(refused.code, 2);
  assert.match(refused.stderr, /inside the current folder/);
  writeFileSync(path.join(folder, 'entity.csl'), '<!DOCTYPE x [<!ENTITY a "b">]><style xmlns="http://purl.org/net/xbiblio/csl"><bibliography/></style>');
  assert.match(run(['sources', '--style', 'entity.csl', 'articles/seed.md'], folder).stderr, /DOCTYPE/);
  assert.equal(run(['sources', '--style', 'chicago', 'articles/seed.md'], folder).code, 2);
});
