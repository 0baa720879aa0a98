import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseArticle } from '../../src/core/article/article';
import { findStatuteCitations } from '../../src/core/law/citations';
import { LawIndex } from '../../src/core/law/lawIndex';
import { LawLibrary } from '../../src/core/law/lawLibrary';
import { LruCache } from '../../src/core/util/lru';
import { analyzeStatutes } from '../../src/core/law/statuteChecks';
import { articleParagraphs, renderStatuteCard } from '../../src/core/law/statuteCard';
import { MemoryFileSystem } from './memoryFileSystem';
import { embeddedLibrary, PDPA } from './lawHelpers';

const FOLDER = 'file:///ws/laws';

function memoryLibrary(files: Record<string, string>, options: { maxCachedLaws?: number; maxCachedBytes?: number } = {}) {
  const fileSystem = new MemoryFileSystem();
  for (const [name, text] of Object.entries(files)) fileSystem.write(`laws/${name}`, text);
  const log: string[] = [];
  const library = new LawLibrary({ fileSystem, sources: () => [{ folder: FOLDER }], log: { info: () => undefined, error: (message) => log.push(message) }, ...options });
  return { library, log, fileSystem };
}

const lawFile = (name: string, articles: Array<[string, string]>) =>
  '\uFEFF' + JSON.stringify({ 法規名稱: name, 最新異動日期: '20240101', 法規內容: [{ 編章節: '第 一 章 總則' }, ...articles.map(([number, text]) => ({ 條號: `第 ${number} 條`, 條文內容: text }))] });

test('個人資料保護法 from the real data: 57 articles (1 to 56 and 1-1), texts with 項 and 款', async () => {
  const library = embeddedLibrary();
  const index = await library.index();
  assert.equal(index.size, 11_547);
  assert.equal(index.get(PDPA)?.english, 'Personal Data Protection Act');
  assert.deepEqual(index.get(PDPA)?.aliases, ['個資法', '電腦處理個人資料保護法']);
  const text = await library.law(PDPA);
  assert.ok('law' in text);
  assert.equal(text.law.order.length, 57);
  assert.deepEqual([text.law.order[0], text.law.order[1], text.law.order.at(-1)], ['1', '1-1', '56']);
  assert.match(text.law.articles.get('6')!.text, /^有關病歷、醫療、基因、性生活、健康檢查及犯罪前科之個人資料/);
  const paragraphs = articleParagraphs(text.law.articles.get('6')!.text);
  assert.deepEqual(paragraphs.map((paragraph) => paragraph.items.length), [6, 0]);
  assert.equal(paragraphs[0]!.items[5]!.lines[0], '六、經當事人書面同意。但逾越特定目的之必要範圍或其他法律另有限制不得僅依當事人書面同意蒐集、處理或利用，或其同意違反其意願者，不在此限。');
  // A law named in the index whose text is not in the embedded subset.
  assert.deepEqual(await library.law(index.find('民法')!.pcode), { unavailable: true });
});

test('checks: unknown articles, 項 and 款 are warnings; a known article is not', async () => {
  const library = embeddedLibrary();
  const { diagnostics } = await analyzeStatutes('個資法第6條第1項第6款；個資法第99條；個資法第6條第3項；個資法第6條第1項第7款；個資法第1條之1；個資法第1條之2。', library);
  assert.deepEqual(diagnostics.map((diagnostic) => [diagnostic.code, diagnostic.severity, diagnostic.message]), [
    ['unknown-statute-article', 'warning', '個人資料保護法 has no 第99條 (its articles run from 第1條 to 第56條).'],
    ['unknown-statute-article', 'warning', '個人資料保護法 第6條 has 2 項, not 第3項.'],
    ['unknown-statute-article', 'warning', '個人資料保護法 第6條第1項 has 6 款, not 第7款.'],
    ['unknown-statute-article', 'warning', '個人資料保護法 has no 第1條之2 (its articles run from 第1條 to 第56條).'],
  ]);
});

test('an unknown law name gets suggestions as quick fixes', async () => {
  const text = '依個人資料保謢法第6條';
  const { diagnostics } = await analyzeStatutes(text, embeddedLibrary());
  assert.equal(diagnostics.length, 1);
  const [diagnostic] = diagnostics;
  assert.equal(diagnostic!.code, 'unknown-law');
  assert.equal(diagnostic!.severity, 'info');
  assert.equal(text.slice(diagnostic!.start, diagnostic!.end), '個人資料保謢法');
  assert.equal(diagnostic!.fix?.newText, '個人資料保護法');
  assert.match(diagnostic!.message, /Did you mean 個人資料保護法/);
});

test('the invalid number is a diagnostic too', async () => {
  const { diagnostics } = await analyzeStatutes(`個資法第${'9'.repeat(10_000)}條`, embeddedLibrary());
  assert.deepEqual(diagnostics.map((diagnostic) => diagnostic.code), ['invalid-statute-number']);
});

test('a malformed law file: a clear problem with file and line, a diagnostic, no exception', async () => {
  const { library, log } = memoryLibrary({
    'index.json': JSON.stringify([{ PCode: 'X0000001', name: '測試法', lastUpdate: '20240101' }, { PCode: '../../etc', name: '壞的' }, { name: '沒有代碼法' }]),
    'FalVMingLing/X0000001.json': '{\n  "法規名稱": "測試法",\n  "法規內容": [ oops ]\n}',
  });
  const index = await library.index();
  assert.equal(index.size, 1, 'entries without a valid PCode are skipped');
  assert.match(library.problems[0]!.message, /index\.json: 2 entries have no valid PCode or name and are skipped/);
  const text = await library.law('X0000001');
  assert.ok('problem' in text);
  // Node 20's JSON.parse names no position, so the line is the file's first unless the message has one.
  assert.match(text.problem.message, /FalVMingLing\/X0000001\.json: invalid JSON \(not valid JSON at line \d+/);
  const { diagnostics } = await analyzeStatutes('測試法第1條、第2條', library);
  assert.deepEqual(diagnostics.map((diagnostic) => diagnostic.code), ['law-file-problem'], 'once per law');
  assert.match(diagnostics[0]!.message, /file:\/\/\/ws\/laws\/FalVMingLing\/X0000001\.json, line \d+\); the citation is not checked\.$/);
  assert.ok(log.some((line) => line.includes('X0000001.json')));
});

test('a missing law file, a missing index.json, a law file of the wrong shape', async () => {
  const { library } = memoryLibrary({ 'index.json': JSON.stringify([{ PCode: 'X0000001', name: '測試法' }, { PCode: 'X0000002', name: '另一法' }]), 'FalVMingLing/X0000002.json': '[1, 2]' });
  const missing = await library.law('X0000001');
  assert.ok('problem' in missing && /is missing/.test(missing.problem.message));
  const wrong = await library.law('X0000002');
  assert.ok('problem' in wrong && /not a law file of the national law database/.test(wrong.problem.message));
  const empty = memoryLibrary({});
  assert.equal((await empty.library.index()).size, 0);
  assert.match(empty.library.problems[0]!.message, /index\.json is missing in the law folder/);
  assert.deepEqual(await empty.library.law('X0000001'), { unavailable: true });
});

test('the LRU tells of each entry the bound pushes out and each one clear() drops, not of one replaced', () => {
  const dropped: string[] = [];
  const cache = new LruCache<string, number>(2, 100, (key, value) => dropped.push(`${key}=${value}`));
  cache.set('a', 1, 1);
  cache.set('b', 2, 1);
  cache.get('a');
  cache.set('c', 3, 1);
  assert.deepEqual(dropped, ['b=2']);
  cache.set('a', 10, 1);
  assert.deepEqual(dropped, ['b=2']);
  cache.clear();
  assert.deepEqual(dropped.sort(), ['a=10', 'b=2', 'c=3']);
  assert.equal(cache.count, 0);
});

test('the law-text cache is bounded by count and by bytes (LRU)', async () => {
  const cache = new LruCache<string, number>(2, 100);
  cache.set('a', 1, 10);
  cache.set('b', 2, 10);
  cache.get('a');
  cache.set('c', 3, 10);
  assert.deepEqual([cache.get('a'), cache.get('b'), cache.get('c')], [1, undefined, 3], 'b was the least recently used');
  cache.set('d', 4, 95);
  assert.equal(cache.count, 1);
  assert.equal(cache.size, 95);

  const files: Record<string, string> = { 'index.json': JSON.stringify([1, 2, 3, 4].map((n) => ({ PCode: `X000000${n}`, name: `測試${n}法` }))) };
  for (const n of [1, 2, 3, 4]) files[`FalVMingLing/X000000${n}.json`] = lawFile(`測試${n}法`, [['1', '條文。'.repeat(100)]]);
  const { library, fileSystem } = memoryLibrary(files, { maxCachedLaws: 2 });
  for (const n of [1, 2, 3, 4]) assert.ok('law' in (await library.law(`X000000${n}`)));
  assert.equal(library.cachedLaws.count, 2);
  assert.equal(library.cached('X0000001'), undefined);
  const reads = fileSystem.reads;
  await library.law('X0000004');
  assert.equal(fileSystem.reads, reads, 'a cached law is not read again');
  const byBytes = memoryLibrary(files, { maxCachedBytes: 1_000 });
  for (const n of [1, 2, 3, 4]) await byBytes.library.law(`X000000${n}`);
  assert.ok(byBytes.library.cachedLaws.bytes <= 1_000 || byBytes.library.cachedLaws.count === 1, JSON.stringify(byBytes.library.cachedLaws));
});

test('hover card: names, the cited 款 in bold, ROC date, the article link; law text escaped', async () => {
  const library = embeddedLibrary();
  const index = await library.index();
  const text = '個資法第6條第1項第2款';
  const [reference] = findStatuteCitations(text, index, parseArticle(text).skipped).references;
  const card = renderStatuteCard(reference!, index.get(PDPA)!, await library.law(PDPA), 'zh');
  assert.match(card, /^\*\*個人資料保護法\*\* · Personal Data Protection Act/);
  assert.match(card, /第6條第1項第2款/);
  assert.match(card, /2023年5月31日／民國112年/);
  assert.match(card, /\*\*二、公務機關執行法定職務或非公務機關履行法定義務必要範圍內，且事前或事後有適當安全維護措施。\*\*/);
  assert.doesNotMatch(card, /\*\*一、法律明文規定。\*\*/, 'only the cited 款 is bold');
  assert.match(card, /\(https:\/\/law\.moj\.gov\.tw\/LawClass\/LawSingle\.aspx\?pcode=I0050021&flno=6\)$/);

  const hostile = memoryLibrary({
    'index.json': JSON.stringify([{ PCode: 'X0000001', name: '測試法[x](javascript:alert(1))' }]),
    'FalVMingLing/X0000001.json': lawFile('測試法', [['1', '<img src=x onerror=alert(1)> [link](command:evil)']]),
  });
  const hostileIndex = await hostile.library.index();
  const [hostileReference] = findStatuteCitations('《測試法[x](javascript:alert(1))》第1條', hostileIndex).references;
  const hostileCard = renderStatuteCard(hostileReference!, hostileIndex.get('X0000001')!, await hostile.library.law('X0000001'), 'en');
  assert.doesNotMatch(hostileCard, /\]\((?:javascript|command):|(?:^|[^\\])</);
});

test('short forms (strip 中華民國, 臺 → 台) only where no other law means the same', () => {
  const law = (pcode: string, name: string) => ({ pcode, name, aliases: [] as string[] });
  const index = new LawIndex([law('A', '中華民國測試法'), law('B', '測試法'), law('C', '中華民國臺戊法'), law('D', '中華民國台戊法'), law('E', '臺灣甲條例')]);
  assert.equal(index.find('測試法')?.pcode, 'B', 'an official name is never taken over by a short form');
  assert.equal(index.find('中華民國測試法')?.pcode, 'A');
  assert.deepEqual(index.find('臺戊法'), { pcode: 'C', match: 'short' });
  assert.equal(index.find('台戊法'), undefined, 'C and D both yield 台戊法: dropped for both');
  assert.deepEqual(index.find('台灣甲條例'), { pcode: 'E', match: 'short' });
  assert.deepEqual(index.get('E')?.shortNames, ['台灣甲條例']);
  const versions = new LawIndex([
    { ...law('F', '選舉法（舊 36.03.31 制定）'), lastUpdate: '19991215' },
    { ...law('G', '選舉法（新 84.08.09 制定）'), lastUpdate: '20230609' },
    law('H', '規則（82.07.30 訂定）'),
    law('I', '規則'),
  ]);
  assert.deepEqual(versions.find('選舉法'), { pcode: 'G', match: 'short' }, 'the newest version');
  assert.equal(versions.find('規則')?.pcode, 'I', 'a law named so keeps its name');
});

test('hover card of a range shows each article; a law whose text is not built in says how to get it', async () => {
  const library = embeddedLibrary();
  const index = await library.index();
  const [range] = findStatuteCitations('個資法第6條至第8條', index).references;
  const card = renderStatuteCard(range!, index.get(PDPA)!, await library.law(PDPA), 'en');
  assert.deepEqual([...card.matchAll(/^> \*\*(第\d+條)\*\*/gm)].map((match) => match[1]), ['第6條', '第7條', '第8條']);
  const civil = index.find('民法')!.pcode;
  const [reference] = findStatuteCitations('民法第184條', index).references;
  const unavailable = renderStatuteCard(reference!, index.get(civil)!, await library.law(civil), 'en');
  assert.match(unavailable, /^\*\*民法\*\* · Civil Code/);
  assert.match(unavailable, /not built in; set `policyAnnotator\.laws\.path`/);
  assert.match(unavailable, /\(https:\/\/law\.moj\.gov\.tw\/LawClass\/LawSingle\.aspx\?pcode=B0000001&flno=184\)$/);
  assert.doesNotMatch(unavailable, /command:/, 'no command link unless the editor offers one');
  // Where the download can run, the card offers it: one command link, the editor's own id.
  const offered = renderStatuteCard(reference!, index.get(civil)!, await library.law(civil), 'zh', undefined, { downloadCommand: 'policyAnnotator.downloadLawDatabase' });
  assert.deepEqual([...offered.matchAll(/\]\((command:[^)]*)\)/g)].map((match) => match[1]), ['command:policyAnnotator.downloadLawDatabase']);
  assert.match(offered, /\[下載全國法規資料庫\]\(command:/);
  // Not for a law whose text is there, and never an id that could carry arguments or another scheme.
  const [withText] = findStatuteCitations('個資法第6條', index).references;
  assert.doesNotMatch(renderStatuteCard(withText!, index.get(PDPA)!, await library.law(PDPA), 'en', undefined, { downloadCommand: 'policyAnnotator.downloadLawDatabase' }), /command:/);
  assert.doesNotMatch(renderStatuteCard(reference!, index.get(civil)!, await library.law(civil), 'en', undefined, { downloadCommand: 'x?%5B%22a%22%5D) [y](javascript:alert(1)' }), /command:|javascript:/);
});
