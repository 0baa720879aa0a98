import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { checkRows, formatText, MAX_PROBLEMS_PER_FILE } from '../../src/cli/check';
import { readCapped, readRepositoryFile, RealFolders } from '../../src/cli/repositoryFiles';
import { usageMessage } from '../../src/cli/usageMessage';
import { parseArticle } from '../../src/core/article/article';
import { parseProjectConfig } from '../../src/core/config';
import { parseCorpusFile } from '../../src/core/corpus/parseFile';
import { renderHoverCard } from '../../src/core/hoverCard';
import { CorpusIndex } from '../../src/core/search/corpusIndex';
import { normalizeKey, normalizeWithOffsets } from '../../src/core/search/normalize';
import { nameRefusal } from '../../src/core/search/spoofing';
import { jsonSafe, safeJsonStringify, terminalSafe } from '../../src/core/util/controlText';
import { compileGlob, globProblem, GlobSet, MAX_GLOB_ALTERNATIVES } from '../../src/core/util/glob';
import { bytes } from './helpers';

test('terminalSafe: C0, DEL, C1, bidi controls and line separators become visible escapes; text stays', () => {
  assert.equal(terminalSafe('a\u001b[2Jb'), 'a\\u{001B}[2Jb');
  assert.equal(terminalSafe('x\r\nfake.md:1:1 error'), 'x\\u{000D}\\u{000A}fake.md:1:1 error');
  assert.equal(terminalSafe('\u009b\u202e\u2066\u2028\u2029\u007f'), '\\u{009B}\\u{202E}\\u{2066}\\u{2028}\\u{2029}\\u{007F}');
  assert.equal(terminalSafe('人工智慧 AI（中文）'), '人工智慧 AI（中文）');
});

test('jsonSafe: JSON stays parseable and lossless, with no raw C1, bidi or separator characters', () => {
  const data = { title: 'a\u009b\u202eb\u2028c\u007f', plain: '中文' };
  const json = safeJsonStringify(data, 2);
  assert.ok(!/[\u007f-\u009f\u202e\u2028]/.test(json));
  assert.deepEqual(JSON.parse(json), data);
  assert.equal(jsonSafe('"\u2029"'), '"\\u2029"');
});

test('usageMessage: escaped and cut', () => {
  const message = usageMessage(`invalid glob: ${'*x'.repeat(50_000)}\u001b`);
  assert.ok(message.length < 600 && !message.includes('\u001b'));
});

test('globs: the automaton agrees with the old semantics', () => {
  const cases: Array<[string, string, boolean]> = [
    ['**/corpus/**/*.{md,json,jsonl}', 'a/corpus/b/c.md', true],
    ['**/corpus/**/*.{md,json,jsonl}', 'corpus/c.jsonl', true],
    ['**/corpus/**/*.{md,json,jsonl}', 'corpusx/c.md', false],
    ['**/corpus/**/*.{md,json,jsonl}', 'corpus/c.mdx', false],
    ['*.md', 'dir/a.md', false],
    ['a?c.[mj]d', 'abc.jd', true],
    ['[!a]*.md', 'a.md', false],
    ['[a-c]x', 'bx', true],
    ['**/node_modules/**', 'x/node_modules/y/z.md', true],
    ['docs/**', 'docs/a/b', true],
    ['{a,b{c,d}}/x', 'bd/x', true],
    ['{a,b{c,d}}/x', 'b/x', false],
  ];
  for (const [glob, file, expected] of cases) assert.equal(compileGlob(glob).test(file), expected, `${glob} ${file}`);
});

test('globs: 12 stars, or 64 alternatives, against a long name take milliseconds; caps are reported', () => {
  const started = process.cpuUsage();
  assert.equal(new GlobSet(['**/*a*a*a*a*a*a*a*a*a*a*a*a*b.md']).matches(`${'a'.repeat(200)}.md`), false);
  assert.equal(new GlobSet(['{*,*}{*,*}{*,*}{*,*}{*,*}{*,*}x']).matches('a'.repeat(200)), false);
  const used = process.cpuUsage(started);
  assert.ok((used.user + used.system) / 1000 < 500, `${(used.user + used.system) / 1000} ms`);
  assert.match(globProblem('{*,*}'.repeat(8)) ?? '', new RegExp(String(MAX_GLOB_ALTERNATIVES)));
  assert.match(globProblem('*'.repeat(2_000)) ?? '', /longer than/);
  assert.match(globProblem('[z-a].md') ?? '', /backwards/);
  assert.equal(globProblem('**/*.md'), undefined);
});

test('repository files: symbolic links out, devices, climbing paths and big files are refused; the content is never returned', async () => {
  const root = mkdtempSync(path.join(os.tmpdir(), 'pa-repo-'));
  const outside = mkdtempSync(path.join(os.tmpdir(), 'pa-outside-'));
  try {
    writeFileSync(path.join(outside, 'secret'), 'secret');
    writeFileSync(path.join(root, 'ok.json'), '{}');
    writeFileSync(path.join(root, 'big.json'), 'x'.repeat(2_000));
    symlinkSync(path.join(outside, 'secret'), path.join(root, 'out.json'));
    symlinkSync(path.join(root, 'ok.json'), path.join(root, 'in.json'));
    symlinkSync('/dev/zero', path.join(root, 'zero.json'));
    const read = (file: string) => readRepositoryFile(path.join(root, file), [root], 1_000);
    assert.ok('bytes' in (await read('ok.json')));
    assert.ok('bytes' in (await read('in.json')));
    for (const [file, reason] of [['out.json', /outside/], ['zero.json', /not a regular file|outside/], ['big.json', /limit/], ['../pa-outside/secret', /outside/]] as const) {
      const result = await read(file);
      assert.ok('refused' in result && reason.test(result.refused), `${file}: ${JSON.stringify(result)}`);
    }
    assert.ok('missing' in (await read('nothing.json')));
  } finally {
    rmSync(root, { recursive: true, force: true });
    rmSync(outside, { recursive: true, force: true });
  }
});

test('repository files: a file reached through a linked folder leading out is refused, with or without the run\'s known folders', async () => {
  const root = mkdtempSync(path.join(os.tmpdir(), 'pa-repo-'));
  const outside = mkdtempSync(path.join(os.tmpdir(), 'pa-outside-'));
  try {
    writeFileSync(path.join(outside, 'secret.md'), 'secret');
    mkdirSync(path.join(root, 'articles'));
    writeFileSync(path.join(root, 'articles', 'a.md'), 'inside');
    symlinkSync(outside, path.join(root, 'docs'));
    const known = new RealFolders();
    for (const folders of [undefined, known, known]) {
      const inside = await readRepositoryFile(path.join(root, 'articles', 'a.md'), [root], 1_000, folders);
      assert.ok('bytes' in inside && Buffer.from(inside.bytes).toString() === 'inside');
      const out = await readRepositoryFile(path.join(root, 'docs', 'secret.md'), [root], 1_000, folders);
      assert.ok('refused' in out && /symbolic link leading outside/.test(out.refused), JSON.stringify(out));
    }
  } finally {
    rmSync(root, { recursive: true, force: true });
    rmSync(outside, { recursive: true, force: true });
  }
});

test('repository files: a read sized by the check still gets a file that grew or shrank since, whole', async () => {
  const root = mkdtempSync(path.join(os.tmpdir(), 'pa-repo-'));
  try {
    const file = path.join(root, 'a.md');
    writeFileSync(file, 'x'.repeat(300_000));
    for (const expected of [10, 300_000, 1_000_000]) {
      const read = await readCapped(file, 1_000_000, expected);
      assert.ok('bytes' in read && read.bytes.length === 300_000, `expected ${expected}`);
    }
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

test('nested citation keys: each key once, in linear time; a nested key belongs to its own group', () => {
  const article = parseArticle(`${'[@a '.repeat(2_000)}${']'.repeat(2_000)}`);
  assert.equal(article.keys.length, 2_000);
  const nested = parseArticle('See [see [@smith, p. 3] and @jones].');
  assert.deepEqual(nested.keys.map((key) => [key.id, key.locator ?? null]), [['smith', 'p. 3'], ['jones', null]]);
  assert.equal(parseArticle('[x]@a').keys.length, 0);
});

test('check rows: at most MAX_PROBLEMS_PER_FILE per file, the rest summed up in one row; no stack overflow', () => {
  const problems = Array.from({ length: 150_000 }, (_, line) => ({ uri: '/ws/corpus/many.jsonl', line, severity: 'warning' as const, code: 'corpus-missing-id', message: 'x' }));
  const rows = checkRows([], problems, '/ws');
  assert.equal(rows.length, MAX_PROBLEMS_PER_FILE + 1);
  assert.match(rows.at(-1)!.message, /and 149,000 more problems/);
  assert.ok(formatText(rows, 0, false).split('\n').length < MAX_PROBLEMS_PER_FILE + 5);
});

test('spoof-prone names: compatibility characters and one-character aliases are refused; full-width forms are not', () => {
  for (const name of ['㊀', '①', '⼈⼯智慧', '𝐀𝐈', '法', '㈠條例']) assert.ok(nameRefusal(name), name);
  for (const name of ['人工智慧', 'AI', 'ＡＩ安全', '布萊切利宣言', '蜜雪兒·多尼蘭']) assert.equal(nameRefusal(name), undefined, name);
  const file = parseCorpusFile('file:///ws/corpus/s.json', bytes(JSON.stringify({ id: 's', type: 'report', title: 'Spoof', aliases: ['⼈⼯智慧', '法', 'ＡＩ安全'] })));
  assert.deepEqual(file.problems.map((problem) => problem.code).sort(), ['corpus-name-spoofing', 'corpus-name-too-short']);
  const index = new CorpusIndex();
  index.set(file.records[0]!);
  assert.deepEqual(index.findMentions(normalizeWithOffsets('人工智慧，法律，AI安全')).map((match) => match.ids), [['s']]);
});

test('zero-width characters inside a name are dropped by normalisation', () => {
  assert.equal(normalizeKey('布萊切利\u200b宣言'), normalizeKey('布萊切利宣言'));
  assert.equal(normalizeKey('A\u200dI\ufeff'), 'ai');
});

test('severity keys must be real codes, not Object.prototype names', () => {
  const parsed = parseProjectConfig('file:///ws/.policy-annotator.json', '{"severity": {"constructor": "off", "toString": "off", "__proto__": "off"}}');
  assert.deepEqual(Object.keys(parsed.config.severity ?? {}), []);
  assert.equal(parsed.problems.length, 3);
});

test('card URLs: a long host keeps its registrable domain whole; only the path is shortened', () => {
  const url = 'https://www.gov.uk.government.publications.ai-safety-summit-2023.evil.example/government/publications/x';
  const card = renderHoverCard({ id: 'u', type: 'report', title: 'U', aliases: [], summary: {}, tags: [], related: [], url, origin: { uri: 'file:///ws/x.json', line: 0, fieldLines: {}, embedded: false } }, 'en', {});
  const shown = /\[([^\]]*)\]\(https:/.exec(card)![1]!.replace(/\\(.)/g, '$1');
  assert.match(shown, /evil\.example\//);
  assert.ok(shown.startsWith('…'), shown);
  const short = renderHoverCard({ id: 'v', type: 'report', title: 'V', aliases: [], summary: {}, tags: [], related: [], url: 'https://www.gov.uk/government/publications/a-very-long-path-name-that-goes-on', origin: { uri: 'file:///ws/x.json', line: 0, fieldLines: {}, embedded: false } }, 'en', {});
  assert.match(/\[([^\]]*)\]\(https:/.exec(short)![1]!.replace(/\\(.)/g, '$1'), /^www\.gov\.uk\/government\/publications\/.*…$/);
});

test('JSON errors are described without quoting the file', () => {
  const secret = 'root:x:0:0:SECRET';
  const config = parseProjectConfig('file:///ws/.policy-annotator.json', `${secret}\n`);
  assert.ok(config.problems.length === 1 && !config.problems[0]!.message.includes('SECRET') && !config.problems[0]!.message.includes('root'), config.problems[0]!.message);
  const corpus = parseCorpusFile('file:///ws/corpus/x.json', bytes(`{"id": "a",\n "title": ${secret}}`));
  assert.ok(corpus.problems.every((problem) => !problem.message.includes('SECRET') && !problem.message.includes('root')), JSON.stringify(corpus.problems));
  // Node 20 gives no position for an unexpected token, so the line is only as good as V8's message.
  assert.match(corpus.problems[0]!.message, /not valid JSON at line \d+/);
});
