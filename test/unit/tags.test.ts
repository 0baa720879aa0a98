import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyzeArticle } from '../../src/core/article/analysis';
import { parseArticle } from '../../src/core/article/article';
import { REFERENCE_KINDS } from '../../src/core/article/resolve';
import { findArticleTags, tagContextAt } from '../../src/core/tags/articleTags';
import { BUILTIN_TAXONOMY } from '../../src/core/tags/builtinTaxonomy';
import { suggestTags } from '../../src/core/tags/suggestTags';
import { TagService } from '../../src/core/tags/tagService';
import { combineTaxonomies, parseTaxonomyFile } from '../../src/core/tags/taxonomyFile';
import { TagVocabulary } from '../../src/core/tags/vocabulary';
import { cpuTimeMs, embeddedRecords, indexOf, joinLines } from './helpers';

const vocabulary = new TagVocabulary(BUILTIN_TAXONOMY);
const index = indexOf(embeddedRecords());
const analyze = (text: string, hashtags = false) => analyzeArticle(text, index, { threshold: 0.7, kinds: new Set(REFERENCE_KINDS) }, { vocabulary, hashtags });
const tagTexts = (text: string, hashtags = false) => findArticleTags(parseArticle(text), hashtags).map((tag) => `${tag.place}:${tag.text}`);

test('the built-in taxonomy: the seed tags, 40+ topics, unique names, synonyms that resolve', () => {
  assert.ok(BUILTIN_TAXONOMY.length >= 45);
  for (const tag of ['人工智慧', '巨量資料', '資料運用', '人工智慧監管', '人工智慧風險管理']) assert.equal(vocabulary.resolve(tag)?.definition.tag, tag);
  for (const [synonym, tag] of [['大數據', '巨量資料'], ['AI監管', '人工智慧監管'], ['人工智能', '人工智慧'], ['數據運用', '資料運用'], ['網絡安全', '資通安全'], ['個資保護', '個人資料保護']]) {
    assert.deepEqual([vocabulary.resolve(synonym!)?.definition.tag, vocabulary.resolve(synonym!)?.synonym], [tag, true], synonym);
  }
  const names = BUILTIN_TAXONOMY.flatMap((definition) => [definition.tag, ...definition.synonyms].map((name) => name.toLowerCase()));
  assert.equal(new Set(names).size, names.length);
});

test('tags are found in front matter (flow and block lists), the 文章標籤 section and hashtags', () => {
  assert.deepEqual(tagTexts(joinLines('---', 'tags: [人工智慧, "資料運用"]', '---', '本文')), ['front-matter:人工智慧', 'front-matter:資料運用']);
  assert.deepEqual(tagTexts(joinLines('---', 'tags:', '  - 人工智慧', '  - 巨量資料', 'title: x', '---')), ['front-matter:人工智慧', 'front-matter:巨量資料']);
  assert.deepEqual(tagTexts(joinLines('本文', '', '文章標籤', '', '人工智慧', '', '巨量資料、資料運用，人工智慧監管')), ['section:人工智慧', 'section:巨量資料', 'section:資料運用', 'section:人工智慧監管']);
  assert.deepEqual(tagTexts('討論 #人工智慧 與 #開放資料。', true), ['hashtag:人工智慧', 'hashtag:開放資料']);
  assert.deepEqual(tagTexts('討論 #人工智慧。'), [], 'hashtags only when the setting is on');
});

test('completion ranks prefix matches, then typo-tolerant ones, and leaves out tags already used', () => {
  const prefix = vocabulary.complete('人工智慧', new Set(['人工智慧']), 10).map((candidate) => candidate.definition.tag);
  assert.ok(!prefix.includes('人工智慧'));
  assert.ok(prefix.includes('人工智慧監管') && prefix.includes('人工智慧風險管理'));
  const typo = vocabulary.complete('人工智監管', new Set(), 5);
  assert.equal(typo[0]?.definition.tag, '人工智慧監管');
  const synonym = vocabulary.complete('大數', new Set(), 5);
  assert.deepEqual([synonym[0]?.definition.tag, synonym[0]?.match], ['巨量資料', 'synonym']);
});

test('usage counts rank equal matches, synonyms counting for their tag', () => {
  const counted = new TagVocabulary(BUILTIN_TAXONOMY);
  counted.setUsage(new Map([['a.md', ['資料治理']], ['b.md', ['資料治理', '資料經濟']], ['c.md', ['數據治理']]]));
  assert.equal(counted.usage('資料治理').count >= 2, true);
  assert.equal(counted.complete('資料', new Set(), 3)[0]?.definition.tag, '資料治理');
});

test('checks: unknown tag with nearest fixes, non-canonical synonym, duplicate, empty section', () => {
  const analysis = analyze(joinLines('本文', '', '文章標籤', '', '人工智監管', '', '大數據', '', '巨量資料', '', '量子密碼學與太空法'));
  const found = analysis.diagnostics.map((diagnostic) => `${diagnostic.code}:${analysis.article.text.slice(diagnostic.start, diagnostic.end)}`);
  assert.deepEqual(found, ['unknown-tag:人工智監管', 'non-canonical-tag:大數據', 'duplicate-tag:巨量資料', 'unknown-tag:量子密碼學與太空法']);
  const unknown = analysis.diagnostics[0]!;
  assert.equal(unknown.fix?.newText, '人工智慧監管');
  assert.equal(analysis.diagnostics[1]!.fix?.newText, '巨量資料');
  assert.deepEqual(analysis.tags.map((verdict) => [verdict.tag.text, verdict.known, verdict.suggestion]), [
    ['人工智監管', false, '人工智慧監管'],
    ['大數據', true, '巨量資料'],
    ['巨量資料', true, null],
    ['量子密碼學與太空法', false, analysis.tags[3]!.suggestion],
  ]);
  const empty = analyze(joinLines('本文', '', '文章標籤', '', '推薦文章'));
  assert.deepEqual(empty.diagnostics.map((diagnostic) => diagnostic.code), ['empty-tags-section']);
});

test('the tag position at the cursor, and the range a completion replaces', () => {
  const text = joinLines('本文', '', '文章標籤', '', '人工智慧、資料運');
  const article = parseArticle(text);
  const context = tagContextAt(article, text.length, false);
  assert.deepEqual([context?.typed, text.slice(context!.start, context!.end)], ['資料運', '資料運']);
  assert.equal(tagContextAt(article, 1, false), undefined, 'not in the body');
  const front = joinLines('---', 'tags: [人工智慧, 巨量]', '---');
  const frontContext = tagContextAt(parseArticle(front), front.indexOf('巨量') + 2, false);
  assert.equal(frontContext?.typed, '巨量');
});

test('a workspace taxonomy extends or replaces the built-in one; its problems have lines', () => {
  const { taxonomy, problems } = parseTaxonomyFile('file:///ws/corpus/tags.yaml', joinLines('mode: extend', 'tags:', '  - tag: 智慧城市治理', '    label: Smart city governance', '    synonyms: [智能城市治理]', '  - 簡單標籤', '  - label: no tag here', '  - tag: 簡單標籤'));
  assert.deepEqual(taxonomy.tags.map((definition) => definition.tag), ['智慧城市治理', '簡單標籤']);
  assert.deepEqual(problems.map((problem) => [problem.code, problem.line]), [['taxonomy-invalid', 6], ['taxonomy-duplicate', 7]]);
  assert.equal(combineTaxonomies(BUILTIN_TAXONOMY, taxonomy).length, BUILTIN_TAXONOMY.length + 2);
  const replaced = parseTaxonomyFile('file:///t.yaml', 'mode: replace\ntags: [甲, 乙]\n').taxonomy;
  assert.deepEqual(combineTaxonomies(BUILTIN_TAXONOMY, replaced).map((definition) => definition.tag), ['甲', '乙']);
  const broken = parseTaxonomyFile('file:///t.yaml', 'tags: [unclosed\n');
  assert.equal(broken.problems[0]?.code, 'taxonomy-syntax');
  const service = new TagService(index);
  service.setTaxonomyFile('file:///t.yaml', 'tags: [unclosed\n');
  assert.equal(service.vocabulary.resolve('人工智慧')?.definition.tag, '人工智慧', 'a broken file leaves the built-in taxonomy working');
});

test('suggested tags come from the records an article refers to and from its words', () => {
  const analysis = analyze(joinLines('英美簽署合作備忘錄，延續布萊切利宣言，並討論資料治理與資料治理的框架。', '', '文章標籤', '', '人工智慧'));
  const suggested = suggestTags(analysis, vocabulary, index).map((suggestion) => suggestion.definition.tag);
  assert.ok(suggested.includes('人工智慧監管'), suggested.join());
  assert.ok(suggested.includes('資料治理'), suggested.join());
  assert.ok(!suggested.includes('人工智慧'), 'tags the article has are left out');
});

test('hostile tags: 10,000 characters, emoji, mixed scripts — handled, no hang', () => {
  let analysis!: ReturnType<typeof analyze>;
  const elapsed = cpuTimeMs(() => (analysis = analyze(joinLines('本文', '', '文章標籤', '', '標'.repeat(10_000), '', '🤖人工智慧', '', 'AI監管Ｘ', '', '、、，,;'))));
  assert.ok(elapsed < 2_000, `${elapsed.toFixed(0)} ms of CPU`);
  assert.ok(analysis.tags.some((verdict) => verdict.tag.text === '🤖人工智慧'));
  assert.ok(analysis.diagnostics.some((diagnostic) => diagnostic.code === 'unknown-tag' && diagnostic.end - diagnostic.start === 10_000), 'the long tag is reported, not dropped');
  assert.ok(vocabulary.complete('標'.repeat(10_000), new Set(), 5).length >= 0);
});
