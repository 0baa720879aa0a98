import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { mulberry32 } from '../../bench/generateCorpus';
import { analyzeArticle, type ArticleAnalysis } from '../../src/core/article/analysis';
import { parseArticle, type Article } from '../../src/core/article/article';
import { blocksOf, cutsAfterEdit, cutsOf, parseInBlocks, parseSlice } from '../../src/core/article/articleBlocks';
import { IncrementalAnalysis, type AnalysisInput } from '../../src/core/article/incrementalAnalysis';
import { splitLines } from '../../src/core/article/lines';
import { REFERENCE_KINDS } from '../../src/core/article/resolve';
import { BUILTIN_TAXONOMY } from '../../src/core/tags/builtinTaxonomy';
import { TagVocabulary } from '../../src/core/tags/vocabulary';
import { editBetween } from '../../src/core/util/text';
import { createCrossStraitConverter } from '../../src/crossStrait/bundled';
import { mentionVariants } from '../../src/mentionVariants/bundled';
import { embeddedRecords, indexOf, joinLines } from './helpers';

// The incremental analysis must give what a fresh analysis of the same text gives, after any sequence of edits.
const index = indexOf(embeddedRecords());
index.setCrossStrait(createCrossStraitConverter());
index.setMentionVariants(mentionVariants);
const tagOptions = { vocabulary: new TagVocabulary(BUILTIN_TAXONOMY), hashtags: true };
const input: AnalysisInput = { corpus: index, corpusStamp: 'embedded', options: { threshold: 0.7, kinds: new Set(REFERENCE_KINDS) }, tagOptions };
const fixture = (name: string) => readFileSync(path.join(__dirname, '..', '..', 'test', 'fixtures', 'articles', name), 'utf8');

/** Everything an analysis says, as plain data (RangeSets as their ranges, the record lookup left out). */
function plainArticle(article: Article): unknown {
  const { skipped, notProse, ...rest } = article;
  return { ...rest, text: rest.text.length, skipped: skipped.ranges(), notProse: notProse.ranges() };
}

function plain(analysis: ArticleAnalysis): unknown {
  return { article: plainArticle(analysis.article), references: analysis.references, diagnostics: analysis.diagnostics, counts: [...analysis.counts], tags: analysis.tags };
}

/** Pieces that open or close what crosses lines, or change how lines are read. */
const PIECES = [
  '\n', '\n\n', '\r\n', '\r\n\r\n', '```\n', '\n```\n', '~~~~\n', '<!--', '-->', '<!-- note -->', '---\n', '+++\n', 'title: 草稿\n', '# 資料來源\n', '\n資料來源：\n',
  '\n相關連結\n\n', '\n文章標籤\n\n人工智慧\n', '## Sources\n', '\n- [布萊切利宣言](#)\n', '\n[gov]: https://www.gov.uk/x\n', '[gov]', '[@bletchley-declaration-2023]', '`', '``',
  '$$\n', '\n<div>\n', '\n<script>\n', '</script>', '{% raw %}\n', '\\', '布萊切利公園（Bletchley Park）', 'AI Safety\n\nInstitute', '人工智能安全研究所', '#人工智慧 ',
  '[^1]', ' https://www.commerce.gov/news ', '2024年4月1日', 'The Bletchley Declaration(2023, November 1), *The Bletchley Declaration*, GOV.UK, <https://www.gov.uk/x> (last visit June 30, 2024).\n',
  '你可能會想參加\n', '[布萊切利宣言\\\n\n## 資料來源](#)', '\n\n[合作備忘錄](#)\n\n', '   ', '[', ']', '(', ')', '**標籤**\n', '\uFEFF',
];

function randomEdit(text: string, random: () => number): string {
  const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)]!;
  const lines = splitLines(text);
  // Half the edits land at a line start (where fences, headings and sections begin), the rest anywhere.
  const at = random() < 0.5 ? pick(lines).start : Math.floor(random() * (text.length + 1));
  const roll = random();
  if (roll < 0.55) return text.slice(0, at) + pick(PIECES) + text.slice(at);
  if (roll < 0.8) return text.slice(0, at) + text.slice(Math.min(text.length, at + 1 + Math.floor(random() * 40)));
  if (roll < 0.9) return text.slice(0, at) + text.slice(at).replace(/\n/, '\n\n');
  // A paragraph moved: what was a block's text turns up elsewhere.
  const from = pick(lines).start;
  const to = Math.min(text.length, from + Math.floor(random() * 300));
  const moved = text.slice(from, to);
  const rest = text.slice(0, from) + text.slice(to);
  const target = Math.floor(random() * (rest.length + 1));
  return rest.slice(0, target) + moved + rest.slice(target);
}

// Without its link reference definition (an article with one is analysed as one block; the edits add some).
const keysAndCode = fixture('keys-and-code.md').replace(/^\[press\]:.*\n/m, '');
const bases = [
  [fixture('mou-commentary.md'), keysAndCode, fixture('broken-citations.md'), fixture('mou-commentary.md')].join('\n'),
  joinLines('---', 'title: 英美合作', 'tags: [AI]', '---', '', '# 英美攜手', '', fixture('mou-commentary.md'), '', '```', 'code [x](#)', '```', '', keysAndCode),
  fixture('mou-commentary.md').replace(/\n/g, '\r\n').repeat(3),
];

/** Checks every step of one random sequence; returns how many steps the text was in more than one block. */
function checkSequence(seed: number, steps: number, incremental = new IncrementalAnalysis()): number {
  const random = mulberry32(seed);
  let text = bases[seed % bases.length]!;
  let split = 0;
  for (let step = 0; step <= steps; step++) {
    if (step > 0) text = randomEdit(text, random);
    if (blocksOf(text, parseSlice).length > 1) split++;
    assert.deepStrictEqual(plain(incremental.analyze(text, input)), plain(analyzeArticle(text, index, input.options, tagOptions)), `seed ${seed}, step ${step}: ${JSON.stringify(text)}`);
  }
  return split;
}

test('incremental analysis equals a fresh analysis after every edit of random edit sequences', () => {
  const seeds = Number(process.env.POLICY_ANNOTATOR_SEEDS ?? 16);
  const first = Number(process.env.POLICY_ANNOTATOR_SEED ?? 1);
  let split = 0;
  for (let seed = first; seed < first + seeds; seed++) split += checkSequence(seed, 30);
  // Many texts must stay in several blocks (definitions and unclosed comments the edits add make one block), or the test would only compare the whole parse with itself.
  assert.ok(split > seeds * 31 * 0.35, `${split} of ${seeds * 31} steps in several blocks`);
});

test("the cuts after an edit, from the last version's cuts, are the cuts of the edited text", () => {
  let kept = 0;
  // Long paragraphs too: there a cut is also made where a block reaches MAX_BLOCK, which depends on the cut before.
  const longParagraphs = Array.from({ length: 30 }, (_, n) => `第${n}段：${'人工智慧安全研究。'.repeat(250 + 10 * n)}`).join('\n\n');
  const texts = [...bases, longParagraphs];
  for (let seed = 1; seed <= 12; seed++) {
    const random = mulberry32(seed);
    let text = texts[seed % texts.length]!;
    let cuts = cutsOf(text);
    for (let step = 0; step < 40; step++) {
      // Every fourth edit a keystroke (the common case: the scan meets the old cuts again right after it).
      const edited = step % 4 === 0 ? typed(text, random) : randomEdit(text, random);
      const edit = editBetween(text, edited);
      const expected = cutsOf(edited);
      const after = cutsAfterEdit(edited, cuts, edit);
      assert.deepStrictEqual(after, expected, `seed ${seed}, step ${step}: ${JSON.stringify(edited)}`);
      // Cuts before the edit are the same objects: found again, not scanned again.
      if (after.length > 2 && cuts.length > 0 && after[0] === cuts[0]) kept++;
      text = edited;
      cuts = after;
    }
  }
  assert.ok(kept > 100, `${kept} edits kept earlier cuts`);
});

/** One character typed somewhere. */
function typed(text: string, random: () => number): string {
  const at = Math.floor(random() * (text.length + 1));
  return `${text.slice(0, at)}${'的a\n #'[Math.floor(random() * 5)]}${text.slice(at)}`;
}

test('the blocks put together are the whole parse, and typical articles do split into several blocks', () => {
  for (const text of bases) {
    assert.deepStrictEqual(plainArticle(parseInBlocks(text)), plainArticle(parseArticle(text)));
    assert.ok(blocksOf(text, parseSlice).length > 3, 'more than three blocks');
  }
});

test('cuts that do not hold are merged: an unclosed fence, a section running on, front matter, definitions', () => {
  const article = fixture('mou-commentary.md');
  const blockCount = (text: string) => blocksOf(text, parseSlice).length;
  const cuts = cutsOf(`${article}\n${article}`).length;
  assert.ok(cuts > 2);
  // An unclosed fence at the top takes in everything after it.
  assert.equal(blockCount(`\`\`\`\n\n${article}\n${article}`), 1);
  // A link reference definition anywhere: one block.
  assert.equal(blockCount(`${article}\n\n[gov]: https://www.gov.uk/x\n\n${article}`), 1);
  for (const text of [`\`\`\`\n\n${article}`, `---\ntitle: x\n\n${article}\n---\n${article}`, `${article}\n\n[gov]: https://www.gov.uk/x\n\n[gov]`]) {
    assert.deepStrictEqual(plainArticle(parseInBlocks(text)), plainArticle(parseArticle(text)));
  }
});

test('the sliced analysis gives the same result, and a cancelled one gives none', async () => {
  const random = mulberry32(99);
  const incremental = new IncrementalAnalysis();
  let text = bases[0]!;
  let yields = 0;
  for (let step = 0; step < 12; step++) {
    text = randomEdit(text, random);
    const sliced = await incremental.analyzeInSlices(text, input, async () => void yields++);
    assert.ok(sliced);
    assert.deepStrictEqual(plain(sliced), plain(analyzeArticle(text, index, input.options, tagOptions)));
  }
  assert.ok(yields > 12);
  assert.equal(await new IncrementalAnalysis().analyzeInSlices(text, input, async () => undefined, () => true), undefined);
});

test('a link resolved through a weak alias is resolved again when the article no longer supports it', () => {
  const incremental = new IncrementalAnalysis();
  const supported = joinLines('英美合作備忘錄由英國科學大臣蜜雪兒·多尼蘭簽署。', '', '[合作備忘錄](#)', '');
  const unsupported = joinLines('今天天氣很好。', '', '[合作備忘錄](#)', '');
  for (const text of [supported, unsupported, supported]) {
    assert.deepStrictEqual(plain(incremental.analyze(text, input)), plain(analyzeArticle(text, index, input.options, tagOptions)));
  }
  const resolved = (text: string) => analyzeArticle(text, index, input.options).references.filter((reference) => reference.kind === 'link' && reference.id).length;
  assert.ok(resolved(supported) > resolved(unsupported), 'the weak alias resolves only with support');
});

test('a changed corpus stamp drops what was matched against the old corpus', () => {
  const incremental = new IncrementalAnalysis();
  const text = fixture('mou-commentary.md');
  const small = indexOf(embeddedRecords().filter((record) => record.id !== 'bletchley-park'));
  const withSmall = incremental.analyze(text, { ...input, corpus: small, corpusStamp: 'small' });
  assert.ok(!withSmall.references.some((reference) => reference.id === 'bletchley-park'));
  assert.deepStrictEqual(plain(incremental.analyze(text, input)), plain(analyzeArticle(text, index, input.options, tagOptions)));
});

test('a sliced analysis overtaken by one with another bibliography gives none, and leaves nothing stale behind', async () => {
  const library = indexOf([{ ...embeddedRecords()[0]!, id: 'onlyInLibrary2025', title: '僅在書目中的測試報告', aliases: [] }]);
  const withLibrary: AnalysisInput = { ...input, corpusStamp: 'embedded+library', bibliography: { index: library, diagnostics: [] } };
  const text = Array.from({ length: 40 }, (_, n) => `第${n}段依 [@onlyInLibrary2025] 與布萊切利宣言所述。`).join('\n\n');
  const incremental = new IncrementalAnalysis();
  let overtaken = false;
  const sliced = incremental.analyzeInSlices(text, input, async () => {
    // At the first pause, a hover asks with the article's bibliography loaded.
    if (!overtaken) {
      overtaken = true;
      incremental.analyze(text, withLibrary);
    }
  });
  assert.equal(await sliced, undefined);
  const fresh = analyzeArticle(text, index, input.options, tagOptions, undefined, withLibrary.bibliography);
  assert.ok(fresh.references.some((reference) => reference.id === 'onlyInLibrary2025'));
  assert.deepStrictEqual(plain(incremental.analyze(text, withLibrary)), plain(fresh));
});
