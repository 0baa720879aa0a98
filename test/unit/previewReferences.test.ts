import assert from 'node:assert/strict';
import { test } from 'node:test';
import MarkdownIt from 'markdown-it';
import { analyzeArticle } from '../../src/core/article/analysis';
import { REFERENCE_KINDS } from '../../src/core/article/resolve';
import type { CorpusRecord } from '../../src/core/corpus/record';
import { analyzeDecisions } from '../../src/core/decision/decisionAnalysis';
import { decisionLinkSpans } from '../../src/core/decision/decisionLinks';
import { findStatuteCitations } from '../../src/core/law/citations';
import { statuteLinkSpans } from '../../src/core/law/statuteLinks';
import { markdownItReferences } from '../../src/core/publish/markdownItReferences';
import { planReferenceLinks, type ReferenceLinkPlan } from '../../src/core/publish/referenceLinks';
import type { CorpusIndex } from '../../src/core/search/corpusIndex';
import { cpuTimeMs, embeddedRecords, indexOf, joinLines } from './helpers';
import { embeddedLibrary, PDPA } from './lawHelpers';

const OPTIONS = { threshold: 0.7, kinds: new Set(REFERENCE_KINDS) };
const BLETCHLEY_URL = 'https://www.gov.uk/government/publications/ai-safety-summit-2023-the-bletchley-declaration/the-bletchley-declaration-by-countries-attending-the-ai-safety-summit-1-2-november-2023';

function planFor(text: string, index: CorpusIndex, extra: Parameters<typeof planReferenceLinks>[0]['extraSpans'] = []): ReferenceLinkPlan {
  return planReferenceLinks({ analysis: analyzeArticle(text, index, OPTIONS), language: 'zh', extraSpans: extra });
}

/** VS Code's preview renders with html on: the plugin must be safe there too. */
function render(text: string, plan: ReferenceLinkPlan | undefined, html = true): string {
  const md = new MarkdownIt({ html, linkify: true });
  markdownItReferences(md, { plan: (source) => (plan && source === plan.text ? plan : undefined) });
  return md.render(text);
}

const embedded = indexOf(embeddedRecords());

test('a mention links to its record source, with title, date and publisher as the tooltip', () => {
  const text = '各國在會後發表布萊切利宣言，承諾合作。';
  const html = render(text, planFor(text, embedded));
  assert.ok(html.includes(`<a href="${BLETCHLEY_URL}" class="pa-ref pa-ref-record" title="The Bletchley Declaration · 2023年11月1日／民國112年 · GOV.UK">布萊切利宣言</a>`), html);
  assert.ok(html.startsWith('<p>各國在會後發表<a'), html);
  assert.ok(html.includes('</a>，承諾合作。</p>'), html);
});

test('a record without a URL gets a tooltip and no link; an unknown name gets nothing', () => {
  const text = '蜜雪兒·多尼蘭與某位不存在的部長會面。';
  const html = render(text, planFor(text, embedded));
  assert.match(html, /<span class="pa-ref pa-ref-record" title="Michelle Donelan">蜜雪兒·多尼蘭<\/span>/);
  assert.doesNotMatch(html, /<a /);
});

test('a citation key links to its entry in 資料來源, which carries the anchor', () => {
  const text = joinLines(
    '雙方宣言[@bletchley-declaration-2023]是本文的起點。',
    '',
    '資料來源：',
    '',
    `The Bletchley Declaration(2023, November 1), *The Bletchley Declaration*, GOV.UK, <${BLETCHLEY_URL}> (last visit June 30, 2024).`,
  );
  const html = render(text, planFor(text, embedded));
  assert.match(html, /<a href="#pa-source-1" class="pa-ref pa-ref-record" title="The Bletchley Declaration[^"]*">@bletchley-declaration-2023<\/a>/);
  assert.match(html, /<p class="pa-sources-heading">資料來源：<\/p>/);
  assert.match(html, /<p id="pa-source-1" class="pa-source">The Bletchley Declaration\(2023/);
});

test('entries of a 資料來源 list get the anchor on their list item', () => {
  const text = joinLines('## 資料來源', '', `- The Bletchley Declaration(2023, November 1), GOV.UK, <${BLETCHLEY_URL}>`, '- U.S. and UK Announce Partnership.(2024, April 1), U.S. Department of Commerce');
  const html = render(text, planFor(text, embedded));
  assert.match(html, /<h2 class="pa-sources-heading">資料來源<\/h2>/);
  assert.match(html, /<li id="pa-source-1" class="pa-source">The Bletchley/);
  assert.match(html, /<li id="pa-source-2" class="pa-source">U\.S\. and UK/);
});

test('placeholder links are marked with a class and a title naming the record their text resolves to', () => {
  const text = joinLines('相關連結', '', '- [The Bletchley Declaration](#)', '- [No such document at all](#)', '- [Real link](https://example.org/page)');
  const html = render(text, planFor(text, embedded));
  assert.match(html, /<a href="#" class="pa-placeholder" title="佔位連結（#）：尚未填入來源網址 · The Bletchley Declaration · 2023年11月1日[^"]*">The Bletchley Declaration<\/a>/);
  assert.match(html, /<a href="#" class="pa-placeholder" title="佔位連結（#）：尚未填入來源網址">No such document at all<\/a>/);
  assert.match(html, /<a href="https:\/\/example\.org\/page">Real link<\/a>/);
});

test('a resolved Markdown link keeps its href and gets the record as tooltip', () => {
  const text = `見[宣言全文](${BLETCHLEY_URL})。`;
  const html = render(text, planFor(text, embedded));
  assert.ok(html.includes(`<a href="${BLETCHLEY_URL}" title="The Bletchley Declaration · 2023年11月1日／民國112年 · GOV.UK">宣言全文</a>`), html);
});

test('code spans, fenced code, headings and image text are never linked; formatting around a name is kept', () => {
  const text = joinLines('# 布萊切利宣言', '', '`布萊切利宣言` 與 **布萊切利宣言** 與 布萊切利*宣言*。', '', '```', '布萊切利宣言', '```', '', '![布萊切利宣言](img.png)');
  const html = render(text, planFor(text, embedded));
  assert.match(html, /<h1>布萊切利宣言<\/h1>/);
  assert.match(html, /<code>布萊切利宣言<\/code> 與 <strong><a href="[^"]+" class="pa-ref pa-ref-record"[^>]*>布萊切利宣言<\/a><\/strong>/);
  // Split by emphasis: the analysis finds the name in the source, but no single text token holds it.
  assert.match(html, / 與 布萊切利<em>宣言<\/em>。/);
  assert.match(html, /<pre><code>布萊切利宣言\n<\/code><\/pre>/);
  assert.match(html, /<img src="img.png" alt="布萊切利宣言">/);
  assert.equal((html.match(/class="pa-ref/g) ?? []).length, 1);
});

test('lines of a paragraph inside a blockquote and a list map to the right offsets', () => {
  const text = joinLines('> 第一行提到蜜雪兒·多尼蘭，', '> 第二行提到布萊切利宣言。', '', '1. 項目：吉娜·雷蒙多', '   續行：布萊切利公園');
  const html = render(text, planFor(text, embedded));
  for (const name of ['蜜雪兒·多尼蘭', '布萊切利宣言', '吉娜·雷蒙多', '布萊切利公園']) assert.match(html, new RegExp(`class="pa-ref pa-ref-record"[^>]*>${name}</`), name);
});

test('statute references link to the article on law.moj.gov.tw with its text as the tooltip', async () => {
  const library = embeddedLibrary();
  const lawIndex = await library.index();
  const pdpa = await library.law(PDPA);
  const text = '依個人資料保護法第6條第1項規定，另見未知法第3條與個人資料保護法第999條。';
  const citations = findStatuteCitations(text, lawIndex);
  const spans = statuteLinkSpans(citations.references, (pcode) => lawIndex.get(pcode), (pcode) => (pcode === PDPA ? pdpa : undefined));
  const html = render(text, planFor(text, embedded, spans));
  const link = /<a href="([^"]+)" class="pa-ref pa-ref-statute" title="([^"]+)">個人資料保護法第6條第1項<\/a>/.exec(html);
  assert.ok(link, html);
  assert.equal(link[1], 'https://law.moj.gov.tw/LawClass/LawSingle.aspx?pcode=I0050021&amp;flno=6');
  assert.match(link[2]!, /^個人資料保護法 第6條第1項\n有關病歷、醫療、基因/);
  assert.ok(link[2]!.length <= 300);
  assert.doesNotMatch(html, /未知法第3條<\/a>/);
  // The law's text is loaded and has no 第999條: no link to a page that does not exist.
  assert.doesNotMatch(html, /第999條<\/a>/);
  assert.equal((html.match(/pa-ref-statute/g) ?? []).length, 1);
});

test('a 釋字 links to its interpretation page; a court judgment has no stable page and gets a tooltip only', () => {
  const text = '參照釋字第603號解釋及最高法院109年度台上字第1234號民事判決。';
  const decisions = analyzeDecisions(text, undefined, undefined, new Date('2026-01-01T00:00:00'));
  const html = render(text, planFor(text, embedded, decisionLinkSpans(decisions.references, () => undefined, 'zh')));
  assert.match(html, /<a href="https:\/\/cons\.judicial\.gov\.tw\/jcc\/zh-tw\/jep03\/show\?expno=603" class="pa-ref pa-ref-decision" title="司法院釋字第603號解釋">釋字第603號解釋<\/a>/);
  assert.match(html, /<span class="pa-ref pa-ref-decision" title="最高法院109年度台上字第1234號民事判決">最高法院109年度台上字第1234號民事判決<\/span>/);
});

const hostile = (id: string, title: string, extra: Partial<CorpusRecord>): CorpusRecord => ({
  id,
  type: 'report',
  title,
  aliases: [],
  summary: {},
  tags: [],
  related: [],
  origin: { uri: 'file:///corpus/hostile.jsonl', line: 0, fieldLines: {}, embedded: false },
  ...extra,
});

test('a hostile corpus: titles are escaped, javascript:/command:/data: URLs never linked, no image, no script', () => {
  const index = indexOf([
    hostile('a', '惡意甲<script>alert(1)</script>', { aliases: ['惡意甲'], url: 'javascript:alert(1)', publisher: '"><img src=https://evil.example/x.png>' }),
    hostile('b', '惡意乙', { aliases: ['惡意乙'], url: 'command:workbench.action.terminal.new', date: '2024-01-01' }),
    hostile('c', '惡意丙', { aliases: ['惡意丙'], url: 'data:text/html,<script>alert(1)</script>' }),
    hostile('d', '惡意丁 <img src=http://evil.example/t.gif onerror=alert(1)>', { aliases: ['惡意丁'], url: 'https://ok.example/a"onmouseover="alert(1)' }),
  ]);
  const text = '惡意甲、惡意乙、惡意丙與惡意丁[@a][@b]。';
  for (const html of [render(text, planFor(text, index), true), render(text, planFor(text, index), false)]) {
    assert.doesNotMatch(html, /<script/i);
    assert.doesNotMatch(html, /<img/i);
    assert.doesNotMatch(html, /javascript:|command:|data:/i);
    assert.doesNotMatch(html, /"onmouseover=|"><img/);
    assert.match(html, /title="惡意甲&lt;script&gt;alert\(1\)&lt;\/script&gt; · &quot;&gt;&lt;img src=https:\/\/evil\.example\/x\.png&gt;"/);
    assert.match(html, /<a href="https:\/\/ok\.example\/a%22onmouseover=%22alert%281%29" class="pa-ref pa-ref-record"/);
    assert.equal((html.match(/<a /g) ?? []).length, 1, html);
  }
});

test('a plan for another text, or no plan, renders exactly as markdown-it does', () => {
  const text = '布萊切利宣言與[連結](#)。';
  const plain = new MarkdownIt({ html: true, linkify: true }).render(text);
  assert.equal(render(text, undefined), plain);
  assert.equal(render(text, planFor(`${text} `, embedded)), plain);
  assert.notEqual(render(text, planFor(text, embedded)), plain);
});

test('the plugin stays linear: four times the article costs about four times as much', () => {
  const paragraph = '各國發表布萊切利宣言，蜜雪兒·多尼蘭與吉娜·雷蒙多在**華盛頓**簽署合作備忘錄（MOU），`code` 與 [連結](#) 之後再提布萊切利公園。\n\n';
  const cost = (copies: number) => {
    const text = paragraph.repeat(copies);
    const plan = planFor(text, embedded);
    const md = new MarkdownIt({ html: true, linkify: true });
    markdownItReferences(md, { plan: () => plan });
    const plain = new MarkdownIt({ html: true, linkify: true });
    // Best of five each: the parse with the plugin, and without it. Process CPU time also counts the collector's
    // and the compiler's threads, and one run in nine of the whole suite caught a pause in all of three tries.
    const best = (work: () => void) => Math.min(...Array.from({ length: 5 }, () => cpuTimeMs(work)));
    return { withPlugin: best(() => md.parse(text, {})), plain: best(() => plain.parse(text, {})), linked: (md.render(text).match(/class="pa-ref/g) ?? []).length };
  };
  const small = cost(500);
  const large = cost(2000);
  assert.equal(small.linked, 500 * 6);
  assert.equal(large.linked, 2000 * 6);
  // Quadratic work would make the large article 16 times as costly; allow for noise up to 8.
  assert.ok(large.withPlugin < 8 * small.withPlugin + 20, `${small.withPlugin.toFixed(1)} ms → ${large.withPlugin.toFixed(1)} ms`);
});
