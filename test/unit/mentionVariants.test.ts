import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { analyzeArticle, type ArticleAnalysis } from '../../src/core/article/analysis';
import { REFERENCE_KINDS } from '../../src/core/article/resolve';
import { validateRecord } from '../../src/core/corpus/validate';
import { convertNormalized, mayNeedConversion } from '../../src/core/search/crossStrait';
import { normalizeWithOffsets } from '../../src/core/search/normalize';
import { nameTokens, similarity } from '../../src/core/search/nameTokens';
import { createCrossStraitConverter } from '../../src/crossStrait/bundled';
import { loadCrossStrait as loadWebConverter } from '../../src/crossStrait/web';
import { mentionVariants } from '../../src/mentionVariants/bundled';
import { embeddedRecords, indexOf } from './helpers';
import { mulberry32 } from '../../bench/generateCorpus';

const converter = createCrossStraitConverter();
const index = indexOf(embeddedRecords());
index.setCrossStrait(converter);
index.setMentionVariants(mentionVariants);
const options = { threshold: 0.7, kinds: new Set(REFERENCE_KINDS) };
const analyze = (text: string): ArticleAnalysis => analyzeArticle(text, index, options);
/** Each mention as "text as written → record (match)". */
const mentions = (text: string) =>
  analyze(text)
    .references.filter((reference) => reference.kind === 'mention')
    .map((reference) => `${text.slice(reference.start, reference.end)}→${reference.id ?? '-'}(${reference.match ?? '-'})`);

test('conversion: OpenCC cn → twp, with Taiwan phrases, and each output unit mapped to the input it came from', () => {
  const converted = converter.convert('我的博客写了信息安全和内存');
  assert.equal(converted.text, '我的部落格寫了資訊安全和記憶體');
  // 博客 (2 units) → 部落格 (3): the third unit maps to the phrase's last unit; the text after stays aligned.
  assert.deepEqual([...converted.offsets.slice(0, 6)], [0, 1, 2, 3, 3, 4]);
  assert.equal(converted.offsets[converted.text.length], 13);
  assert.equal(converter.convert('皇后和後來').text, '皇后和後來', 'a phrase converted to itself keeps its characters');
});

test('a simplified paragraph: mentions found after conversion, ranges on the text as written (phrases that change length before them)', () => {
  const text = '我在博客里写过：布莱切利宣言之后，英国人工智能安全研究所和前沿人工智能成为热门话题。';
  assert.deepEqual(mentions(text), ['布莱切利宣言→bletchley-declaration-2023(alias)', '英国人工智能安全研究所→ai-safety-institute(alias)', '前沿人工智能→frontier-ai(alias)']);
});

test('mainland terms in traditional characters are converted too (人工智能 → 人工智慧)', () => {
  assert.deepEqual(mentions('英國人工智能安全研究所發布報告。'), ['英國人工智能安全研究所→ai-safety-institute(alias)']);
});

test('traditional text is not converted; without the tables the host is asked for them once per text', () => {
  const traditional = '英國人工智慧安全研究所與布萊切利宣言';
  assert.equal(mayNeedConversion(traditional), false);
  assert.equal(index.matchingText(normalizeWithOffsets(traditional)).converted, undefined);
  assert.equal(mayNeedConversion('这是简体'), true);
  const bare = indexOf(embeddedRecords());
  let asked = 0;
  bare.onCrossStraitWanted(() => asked++);
  assert.deepEqual(bare.findMentions(normalizeWithOffsets('布莱切利宣言是这样的')), []);
  assert.equal(asked, 1);
  const generation = bare.generation;
  bare.setCrossStrait(converter);
  assert.ok(bare.generation > generation, 'installing the tables makes earlier analyses stale');
  assert.equal(bare.findMentions(normalizeWithOffsets('布莱切利宣言是这样的'))[0]?.ids[0], 'bletchley-declaration-2023');
});

test('a record written in simplified characters matches traditional text', () => {
  const location = { uri: 'file:///corpus/x.md', line: 0, fieldLines: {}, embedded: false };
  const local = indexOf([validateRecord({ id: 'digital-pact', title: '数字经济伙伴关系协定', type: 'agreement' }, location).record!]);
  local.setCrossStrait(converter);
  assert.deepEqual(local.findMentions(normalizeWithOffsets('臺灣申請加入數位經濟夥伴關係協定')).map((match) => match.ids), []);
  assert.deepEqual(local.findMentions(normalizeWithOffsets('臺灣申請加入數字經濟夥伴關係協定')).map((match) => match.ids), [['digital-pact']]);
});

test('the web converter (characters and Taiwan phrases, no STPhrases) still converts names', async () => {
  const web = await loadWebConverter();
  assert.equal(web.convert('人工智能安全研究所发布信息').text, '人工智慧安全研究所發布資訊');
});

test('bracketed titles with a word inserted or a different transliteration: fuzzy, with a score', () => {
  for (const text of ['外界關注《布萊切利 AI 宣言》能否落實。', '『布萊切利人工智慧宣言』裡的承諾很抽象。', '很多人以为《布莱切利AI宣言》只是一纸空文。']) {
    const [reference] = analyze(text).references.filter((candidate) => candidate.kind === 'mention');
    assert.equal(reference?.id, 'bletchley-declaration-2023', text);
    assert.equal(reference?.match, 'fuzzy', text);
    assert.ok(reference.score >= 0.8 && reference.score < 1, `${text}: ${reference.score}`);
  }
});

test('English title-case phrases with words inserted', () => {
  assert.deepEqual(mentions('我推薦 Bletchley AI Safety Declaration 的全文。'), ['Bletchley AI Safety Declaration→bletchley-declaration-2023(fuzzy)']);
});

test('inserted words in an unbracketed name: AI for 人工智慧, a word added to a long name', () => {
  assert.deepEqual(mentions('英國 AI 安全研究所去年成立。'), ['英國 AI 安全研究所→ai-safety-institute(fuzzy)']);
  assert.deepEqual(mentions('這次英美人工智慧安全研究合作備忘錄的重點是人員交流。'), ['英美人工智慧安全研究合作備忘錄→uk-us-ai-safety-mou-2024(fuzzy)']);
});

test('never through a weak alias or a generic name; a specific word inserted into a generic name is another thing', () => {
  assert.deepEqual(mentions('「AI 安全研究所」是很多國家都有的機構。'), []);
  assert.deepEqual(mentions('日本的 AI 安全研究所與新加坡簽署交流協議。'), []);
  assert.deepEqual(mentions('英美兩國簽署的英美貿易合作備忘錄重點是關稅。'), []);
  assert.deepEqual(mentions('《英美貿易合作備忘錄》的談判仍在進行。'), []);
  assert.deepEqual(mentions('“国际食品安全科学合作伙伴关系”年度会议在北京召开。'), []);
});

test('a near miss in brackets: an information "possibly …" naming the record, no reference', () => {
  const analysis = analyze('有人把它稱為《布萊奇利 AI 安全宣言》。');
  assert.deepEqual(analysis.references.filter((reference) => reference.kind === 'mention'), []);
  const hints = analysis.diagnostics.filter((diagnostic) => diagnostic.code === 'possible-mention');
  assert.equal(hints.length, 1);
  assert.equal(hints[0]!.severity, 'info');
  assert.deepEqual(hints[0]!.possibleRecord, { id: 'bletchley-declaration-2023', alias: '布萊奇利 AI 安全宣言' });
  assert.match(hints[0]!.message, /^Possibly "The Bletchley Declaration" \(\d+% similar\)/);
});

test('quiet: no fuzzy mention and no near miss in the unrelated article of the quiet fixtures', () => {
  const text = readFileSync(path.join(__dirname, '..', '..', 'test', 'fixtures', 'quiet', 'unrelated-memorandum.md'), 'utf8');
  const analysis = analyze(text);
  assert.deepEqual(analysis.references.filter((reference) => reference.kind === 'mention'), []);
  assert.deepEqual(analysis.diagnostics.filter((diagnostic) => diagnostic.code === 'possible-mention'), []);
});

test('similarity: tokens are characters and Latin words; spaces ignored; 人工智慧 is AI', () => {
  assert.equal(similarity(nameTokens('英國 ai 安全研究所'), nameTokens('英國人工智慧安全研究所')), 1);
  assert.ok(similarity(nameTokens('布萊切利ai宣言'), nameTokens('布萊切利宣言')) > 0.85);
  assert.ok(similarity(nameTokens('the paris declaration'), nameTokens('the bletchley declaration')) < 0.8);
});

test('converted offsets compose with normalisation (full-width letters before a simplified name)', () => {
  const normalized = normalizeWithOffsets('ＡＩ：布莱切利宣言');
  const converted = convertNormalized(normalized, converter);
  const found = index.findMentions({ normalized, converted });
  assert.equal(found.length, 1);
  assert.equal('ＡＩ：布莱切利宣言'.slice(found[0]!.start, found[0]!.end), '布莱切利宣言');
});

test('similarity never exceeds 2·min / sum of the two weights: the bound the bracketed pass skips names with', () => {
  const random = mulberry32(7);
  const vocabulary = ['英', '國', '美', '安', '全', '研', '究', '所', 'ai', 'safety', 'institute', 'of', 'the', '人工智慧', '宣', '言'];
  const text = (length: number) => Array.from({ length }, () => vocabulary[Math.floor(random() * vocabulary.length)]!).join(' ');
  for (let round = 0; round < 2_000; round++) {
    const span = nameTokens(text(1 + Math.floor(random() * 12)));
    const name = nameTokens(text(1 + Math.floor(random() * 12)));
    const weight = (tokens: typeof span) => tokens.reduce((sum, token) => sum + token.weight, 0);
    const bound = (2 * Math.min(weight(span), weight(name))) / (weight(span) + weight(name));
    assert.ok(similarity(span, name) <= bound + 1e-12, `${round}`);
  }
});
