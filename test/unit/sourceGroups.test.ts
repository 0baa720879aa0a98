import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyzeArticle, type ArticleAnalysis } from '../../src/core/article/analysis';
import { REFERENCE_KINDS } from '../../src/core/article/resolve';
import { excerptOf, groupSources, isPlaceholderLink, type SourceGroup } from '../../src/core/article/sourceGroups';
import { embeddedRecords, indexOf, joinLines } from './helpers';

const index = indexOf(embeddedRecords());
const analyze = (text: string): ArticleAnalysis => analyzeArticle(text, index, { threshold: 0.7, kinds: new Set(REFERENCE_KINDS) });
const groupsOf = (text: string): SourceGroup[] => {
  const analysis = analyze(text);
  return groupSources(analysis.article, analysis.references, (id) => index.get(id));
};
const shape = (groups: readonly SourceGroup[]) => groups.map((group) => `${group.kind}:${group.id ?? ''}:${group.entries.length}`);

const ARTICLE = joinLines(
  '# 英美合作',
  '',
  '布萊切利宣言之後，蜜雪兒·多尼蘭簽署合作備忘錄。',
  '多尼蘭再次提到布萊切利宣言，也提到[一個不存在的文件](#)與[布萊切利宣言](#)。',
  '',
  '資料來源：',
  '',
  'Nobody, *A Report Nobody Wrote*, Nowhere Press, <https://example.org/nothing> (last visit June 30, 2024).',
);

test('references grouped by record in order of first appearance, counts as in the analysis', () => {
  const analysis = analyze(ARTICLE);
  const groups = groupSources(analysis.article, analysis.references, (id) => index.get(id));
  const records = groups.filter((group) => group.kind === 'record');
  assert.deepEqual(records.map((group) => group.id), ['bletchley-declaration-2023', 'michelle-donelan', 'uk-us-ai-safety-mou-2024']);
  for (const group of records) assert.equal(group.entries.length, analysis.counts.get(group.id!), group.id);
  assert.equal(records.reduce((sum, group) => sum + group.entries.length, 0), [...analysis.counts.values()].reduce((a, b) => a + b, 0));
  assert.equal(records[0]!.record?.title, 'The Bletchley Declaration');
  // Entries keep the article's order, with 0-based lines.
  assert.deepEqual(records[0]!.entries.map((entry) => entry.line), [2, 3, 3]);
});

test('an unresolved group for references to nothing, and a placeholder group for every (#) link', () => {
  const groups = groupsOf(ARTICLE);
  assert.deepEqual(shape(groups).slice(-2), ['unresolved::1', 'placeholder::2']);
  const unresolved = groups.find((group) => group.kind === 'unresolved')!;
  assert.equal(unresolved.entries[0]!.reference.kind, 'citation');
  const placeholder = groups.find((group) => group.kind === 'placeholder')!;
  assert.deepEqual(placeholder.entries.map((entry) => entry.reference.text), ['一個不存在的文件', '布萊切利宣言']);
  // The resolved placeholder is also under its record; the unresolved one is not repeated under "unresolved".
  const declaration = groups.find((group) => group.id === 'bletchley-declaration-2023')!;
  assert.ok(declaration.entries.some((entry) => isPlaceholderLink(entry.reference)));
  assert.ok(!unresolved.entries.some((entry) => isPlaceholderLink(entry.reference)));
});

test('ambiguous references and unknown keys are unresolved', () => {
  const groups = groupsOf('見 [@no-such-record] 與 [@bletchley-declaration-2023]。');
  assert.deepEqual(shape(groups), ['record:bletchley-declaration-2023:1', 'unresolved::1']);
  assert.equal(groups[1]!.entries[0]!.reference.kind, 'key');
});

test('no references: no groups; no unresolved or placeholder group when there is nothing in it', () => {
  assert.deepEqual(groupsOf('這一行是普通文字，沒有任何參照。'), []);
  assert.deepEqual(shape(groupsOf('布萊切利宣言')), ['record:bletchley-declaration-2023:1']);
});

test('a record no longer in the index keeps its group, without a record', () => {
  const analysis = analyze('布萊切利宣言');
  const groups = groupSources(analysis.article, analysis.references, () => undefined);
  assert.equal(groups[0]!.id, 'bletchley-declaration-2023');
  assert.equal(groups[0]!.record, undefined);
});

test('excerpt: a short line whole (trimmed), with the reference highlighted', () => {
  const line = '  多尼蘭提到布萊切利宣言。';
  const excerpt = excerptOf(line, line.indexOf('布'), line.indexOf('。'));
  assert.equal(excerpt.text, '多尼蘭提到布萊切利宣言。');
  assert.equal(excerpt.text.slice(excerpt.highlightStart, excerpt.highlightEnd), '布萊切利宣言');
});

test('excerpt: a long line is cut around the reference, with ellipses, within the length', () => {
  const line = `${'甲'.repeat(100)}布萊切利宣言${'乙'.repeat(100)}`;
  const excerpt = excerptOf(line, 100, 106, 20);
  assert.equal(excerpt.text.slice(excerpt.highlightStart, excerpt.highlightEnd), '布萊切利宣言');
  assert.ok(excerpt.text.startsWith('…') && excerpt.text.endsWith('…'), excerpt.text);
  assert.equal(excerpt.text.length, 22);
  // Near the start of the line: the unused room goes after the reference.
  const early = excerptOf(`布萊切利宣言${'乙'.repeat(100)}`, 0, 6, 20);
  assert.equal(early.text, `布萊切利宣言${'乙'.repeat(14)}…`);
  assert.equal(early.highlightStart, 0);
  // Near the end: it goes before.
  const late = excerptOf(`${'甲'.repeat(100)}布萊切利宣言`, 100, 106, 20);
  assert.equal(late.text, `…${'甲'.repeat(14)}布萊切利宣言`);
});

test('excerpt: at most maxBefore characters before the reference, the rest after it', () => {
  const line = `${'甲'.repeat(100)}布萊切利宣言${'乙'.repeat(100)}`;
  const excerpt = excerptOf(line, 100, 106, 40, 8);
  assert.equal(excerpt.text, `…${'甲'.repeat(8)}布萊切利宣言${'乙'.repeat(26)}…`);
  assert.equal(excerpt.highlightStart, 9);
});

test('excerpt: a reference longer than the limit shows its beginning, all highlighted', () => {
  const citation = 'The Bletchley Declaration(2023, November 1), *The Bletchley Declaration by Countries Attending*';
  const excerpt = excerptOf(citation, 0, citation.length, 30);
  assert.equal(excerpt.text, `${citation.slice(0, 30)}…`);
  assert.deepEqual([excerpt.highlightStart, excerpt.highlightEnd], [0, 30]);
});

test('excerpt: never splits a surrogate pair', () => {
  const line = `${'😀'.repeat(40)}布萊切利宣言${'😀'.repeat(40)}`;
  for (const maxLength of [9, 10, 11, 12, 13]) {
    const excerpt = excerptOf(line, 80, 86, maxLength);
    assert.ok(!/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/.test(excerpt.text), `lone surrogate at ${maxLength}: ${JSON.stringify(excerpt.text)}`);
    assert.equal(excerpt.text.slice(excerpt.highlightStart, excerpt.highlightEnd), '布萊切利宣言');
  }
});

test('a reference on a later line of a CRLF document gets its own line and excerpt', () => {
  const analysis = analyze('第一行\r\n\r\n  多尼蘭簽署。\r\n');
  const [group] = groupSources(analysis.article, analysis.references, (id) => index.get(id));
  assert.equal(group!.entries[0]!.line, 2);
  assert.equal(group!.entries[0]!.excerpt.text, '多尼蘭簽署。');
});
