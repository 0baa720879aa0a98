import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { analyzeArticle, referenceAtOffset, type ArticleAnalysis } from '../../src/core/article/analysis';
import { parseArticle } from '../../src/core/article/article';
import { REFERENCE_KINDS } from '../../src/core/article/resolve';
import { cpuTimeMs, embeddedRecords, indexOf, joinLines } from './helpers';

const index = indexOf(embeddedRecords());
const options = { threshold: 0.7, kinds: new Set(REFERENCE_KINDS) };
const fixture = (name: string) => readFileSync(path.join(__dirname, '..', '..', 'test', 'fixtures', 'articles', name), 'utf8');
const analyze = (text: string, kinds = REFERENCE_KINDS): ArticleAnalysis => analyzeArticle(text, index, { ...options, kinds: new Set(kinds) });
const summary = (analysis: ArticleAnalysis) => analysis.references.map((reference) => `${reference.kind}:${reference.id ?? (reference.candidates ? `?${reference.candidates.join('|')}` : '-')}:${reference.match ?? ''}`);
const codes = (analysis: ArticleAnalysis) => analysis.diagnostics.map((diagnostic) => `${diagnostic.code}:${analysis.article.text.slice(diagnostic.start, diagnostic.end).slice(0, 20)}`);

test('sections written as bare lines, as the seed writes them', () => {
  const article = parseArticle(fixture('mou-commentary.md'));
  assert.deepEqual(article.sections.map((section) => [section.kind, section.headerLine]), [['links', 6], ['sources', 16], ['tags', 22]]);
  // The "you may also like" list after the links is not part of the links section.
  assert.equal(article.sections[0]!.endLine, 12);
  assert.equal(article.citationLines.length, 2);
});

test('sections written as headings, and English names', () => {
  const article = parseArticle(joinLines('# T', '', '## Sources', '', 'A, *B*, C, <https://example.org> (last visit June 30, 2024).', '', '## Tags', '', 'AI'));
  assert.deepEqual(article.sections.map((section) => section.kind), ['sources', 'tags']);
  assert.equal(article.citationLines[0]?.parsed.url?.text, 'https://example.org');
});

test('mentions, links and citations of the seed-style article resolve, each the right way', () => {
  const analysis = analyze(fixture('mou-commentary.md'));
  const resolved = summary(analysis);
  for (const expected of [
    'mention:michelle-donelan:alias', 'mention:gina-raimondo:alias', 'mention:uk-us-ai-safety-mou-2024:alias', 'mention:ai-safety-institute:alias',
    'mention:bletchley-park:alias', 'mention:ai-safety-summit-2023:alias', 'mention:bletchley-declaration-2023:alias',
    'link:bletchley-declaration-2023:alias', 'link:us-uk-partnership-announcement-2024:alias', 'link:uk-parliament-hcws409-2024:alias',
    'citation:bletchley-declaration-2023:url', 'citation:us-uk-partnership-announcement-2024:url',
  ]) {
    assert.ok(resolved.includes(expected), `${expected} in ${resolved.join(' ')}`);
  }
  assert.ok(!resolved.some((entry) => entry.startsWith('mention:') && entry.includes('新創')));
});

test('placeholder links whose text resolves get a fix to the record URL', () => {
  const analysis = analyze(fixture('mou-commentary.md'));
  const placeholders = analysis.diagnostics.filter((diagnostic) => diagnostic.code === 'placeholder-link');
  assert.equal(placeholders.length, 3);
  const text = analysis.article.text;
  for (const diagnostic of placeholders) {
    assert.equal(text.slice(diagnostic.fix!.start, diagnostic.fix!.end), '#');
    assert.match(diagnostic.fix!.newText, /^https:\/\//);
  }
  assert.match(placeholders[2]!.fix!.newText, /hcws409/);
});

test('citation keys, reference links and autolinks; code, inline code and comments are skipped', () => {
  const analysis = analyze(fixture('keys-and-code.md'));
  assert.deepEqual(summary(analysis), [
    'mention:uk-us-ai-safety-mou-2024:alias',
    'key:uk-us-ai-safety-mou-2024:key',
    'mention:bletchley-declaration-2023:alias',
    'key:bletchley-declaration-2023:key',
    'key:uk-parliament-hcws409-2024:key',
    'key:-:',
    'link:us-uk-partnership-announcement-2024:url',
    'link:bletchley-declaration-2023:url',
    'citation:uk-parliament-hcws409-2024:url',
  ]);
  const key = analysis.references.find((reference) => reference.key?.id === 'bletchley-declaration-2023');
  assert.equal(key?.key?.locator, 'p. 2');
  assert.deepEqual(codes(analysis), ['reference-without-source:布萊切利宣言', 'unknown-citation-key:@no-such-record', 'reference-without-source:新聞稿']);
});

test('every citation check on a broken article, with fixes', () => {
  const analysis = analyze(fixture('broken-citations.md'));
  assert.deepEqual(codes(analysis), [
    'placeholder-link:[布萊切利宣言](#)',
    'placeholder-link:[一個不存在的文件](#)',
    'citation-date-mismatch:2023, November 2',
    'citation-url-mismatch:https://www.gov.uk/g',
    'citation-missing-last-visit:U.S. and UK Announce',
    'source-not-cited:U.S. and UK Announce',
    'duplicate-citation:U.S. and UK Announce',
    'unresolved-citation:Some Unknown Ministr',
  ]);
  const date = analysis.diagnostics.find((diagnostic) => diagnostic.code === 'citation-date-mismatch');
  assert.equal(date?.fix?.newText, '2023, November 1');
  const url = analysis.diagnostics.find((diagnostic) => diagnostic.code === 'citation-url-mismatch');
  assert.match(url?.fix?.newText ?? '', /the-bletchley-declaration-by-countries/);
  assert.equal(analysis.diagnostics.find((diagnostic) => diagnostic.code === 'placeholder-link' && diagnostic.message.includes('no URL'))?.fix, undefined);
});

test('a misspelt title in a link still resolves (fuzzy)', () => {
  const analysis = analyze('見[布萊切利宣嚴](#)。');
  assert.deepEqual(summary(analysis), ['link:bletchley-declaration-2023:fuzzy']);
});

test('two records equally good: no id, the candidates named', () => {
  const ambiguous = indexOf([
    ...embeddedRecords(),
    { ...embeddedRecords().find((record) => record.id === 'bletchley-park')!, id: 'bletchley-park-copy' },
  ]);
  const analysis = analyzeArticle('布萊切利公園', ambiguous, options);
  assert.deepEqual(summary(analysis), ['mention:?bletchley-park|bletchley-park-copy:']);
  assert.deepEqual(analysis.diagnostics.map((diagnostic) => diagnostic.code), ['ambiguous-reference']);
});

test('below the confidence threshold nothing is resolved', () => {
  const strict = analyzeArticle('見[布萊切利宣嚴](#)。', index, { ...options, threshold: 0.99 });
  assert.deepEqual(summary(strict), ['link:-:']);
});

test('reference kinds can be turned off (mentions)', () => {
  const analysis = analyze(fixture('mou-commentary.md'), ['link', 'citation', 'key']);
  assert.ok(!analysis.references.some((reference) => reference.kind === 'mention'));
});

test('the reference at an offset, and cited counts', () => {
  const analysis = analyze(fixture('mou-commentary.md'));
  const offset = analysis.article.text.indexOf('蜜雪兒') + 2;
  assert.equal(referenceAtOffset(analysis.references, offset)?.id, 'michelle-donelan');
  assert.equal(analysis.counts.get('michelle-donelan'), 2);
});

test('ranges are right in UTF-16 columns with emoji, CJK and CRLF', () => {
  const text = '😀😀 見布萊切利宣言。\r\n\r\n[🙂布萊切利宣言](#)\r\n';
  const analysis = analyze(text);
  const texts = analysis.references.map((reference) => text.slice(reference.start, reference.end));
  assert.deepEqual(texts, ['布萊切利宣言', '🙂布萊切利宣言']);
});

test('pathological input: no hang, no exception', () => {
  const cases = [
    'x'.repeat(1_000_000),
    '['.repeat(200_000),
    '](('.repeat(100_000),
    '`'.repeat(100_000),
    '<!--'.repeat(50_000),
    '[@'.repeat(100_000),
    '\\'.repeat(200_000),
    '*'.repeat(200_000),
    '- [x](#)\n'.repeat(10_000),
    `資料來源\n\n${'(2024, '.repeat(50_000)}`,
    `${'  '.repeat(1000)}- 深層清單\n`.repeat(500),
  ];
  for (const text of cases) {
    const elapsed = cpuTimeMs(() => analyze(text));
    assert.ok(elapsed < 3_000, `${JSON.stringify(text.slice(0, 12))}… took ${elapsed.toFixed(0)} ms of CPU`);
  }
});

test('10,000 links are all found', () => {
  const text = Array.from({ length: 10_000 }, (_, n) => `- [布萊切利宣言 ${n}](https://example.org/${n})`).join('\n');
  assert.equal(parseArticle(text).links.length, 10_000);
});

test('a comment opener inside front matter or code does not hide the article', () => {
  const text = joinLines('---', 'description: "see <!--"', '---', '', '見布萊切利宣言。');
  assert.deepEqual(summary(analyze(text)), ['mention:bletchley-declaration-2023:alias']);
  const fenced = joinLines('```', '<!--', '```', '', '見布萊切利宣言。');
  assert.deepEqual(summary(analyze(fenced)), ['mention:bletchley-declaration-2023:alias']);
});

test('long lines of spaces, dots or hashes stay linear (no regex backtracking)', () => {
  for (const text of [`# a${' '.repeat(60_000)}b`, `資料來源\n\n- x${' '.repeat(60_000)}y`, `[${'.'.repeat(40_000)}x](#)`, `[@a${'.'.repeat(40_000)}]`]) {
    const elapsed = cpuTimeMs(() => analyze(text));
    assert.ok(elapsed < 1_000, `${text.slice(0, 10)}… took ${elapsed.toFixed(0)} ms of CPU`);
  }
});

test('a bare URL written into Chinese text ends at the first CJK character', () => {
  const article = parseArticle('全文見https://www.gov.uk/government/news/x，以及新聞稿。');
  assert.deepEqual(article.links.map((link) => link.destination), ['https://www.gov.uk/government/news/x']);
});
