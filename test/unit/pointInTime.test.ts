import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { parseArticle } from '../../src/core/article/article';
import { MemoryLaws } from './lawHelpers';
import { LawLibrary } from '../../src/core/law/lawLibrary';
import { officialToSplitFiles, readOfficialFiles } from '../../src/core/law/officialImport';
import { articleDate } from '../../src/core/law/pointInTime';
import { renderStatuteCard } from '../../src/core/law/statuteCard';
import { analyzeStatutes } from '../../src/core/law/statuteChecks';

const FIXTURE = path.join(__dirname, '..', '..', 'test', 'fixtures', 'laws-official', 'ChLaw.json');

function library(): LawLibrary {
  const database = readOfficialFiles([{ uri: 'file:///x/ChLaw.json', bytes: new Uint8Array(readFileSync(FIXTURE)) }]);
  if ('problem' in database) throw new Error(database.problem.message);
  const { files } = officialToSplitFiles(database, new Map([['I0050021', ['個資法']]]), {});
  return new LawLibrary({ fileSystem: new MemoryLaws(new Map(files.map((file) => [`file:///out/${file.path}`, file.bytes]))), sources: () => [{ folder: 'file:///out' }] });
}

async function check(text: string) {
  const article = parseArticle(text);
  const analysis = await analyzeStatutes(article.text, library(), article.skipped, articleDate(article));
  return analysis.diagnostics.filter((diagnostic) => diagnostic.code === 'statute-amended-since' || diagnostic.code === 'statute-abolished').map((diagnostic) => [diagnostic.code, diagnostic.severity, diagnostic.message]);
}

describe('the article date', () => {
  it('front matter date: first, then the latest last visit of the sources', () => {
    assert.deepEqual(articleDate(parseArticle('---\ndate: 2024-06-30\n---\n\n本文。\n')), { iso: '2024-06-30', from: 'front matter' });
    assert.deepEqual(articleDate(parseArticle("---\ndate: '2024-06-30T08:00:00+08:00'\n---\n\n本文。\n")), { iso: '2024-06-30', from: 'front matter' });
    const withSources = '本文。\n\n資料來源：\n- 甲，https://example.org/a （最後瀏覽日：2024/05/01）\n- 乙，https://example.org/b （最後瀏覽日：2024/07/15）\n';
    assert.equal(articleDate(parseArticle(withSources))?.from, 'sources');
    assert.equal(articleDate(parseArticle('沒有日期的文章。\n')), undefined);
  });
});

describe('statute-amended-since and statute-abolished', () => {
  it('a law amended after the article is information, once per law, with both dates', async () => {
    assert.deepEqual(await check('---\ndate: 2024-06-30\n---\n\n依資通安全管理法第20條、同法第21條。\n'), [['statute-amended-since', 'info', '資通安全管理法 was amended on 2025-09-24, after this article (2024-06-30).']]);
  });

  it('nothing when the article is newer than the amendment, or has no date', async () => {
    assert.deepEqual(await check('---\ndate: 2025-10-01\n---\n\n依資通安全管理法第20條。\n'), []);
    assert.deepEqual(await check('依資通安全管理法第20條。\n'), []);
  });

  it('an abolished law is a warning, whatever the date', async () => {
    assert.deepEqual(await check('依測試用已廢止條例第1條。\n'), [['statute-abolished', 'warning', '測試用已廢止條例 has been abolished (廢止) according to the law database.']]);
  });

  it('the card says the law was amended after the article', async () => {
    const lawLibrary = library();
    const article = parseArticle('---\ndate: 2024-06-30\n---\n\n依資通安全管理法第20條。\n');
    const analysis = await analyzeStatutes(article.text, lawLibrary, article.skipped, articleDate(article));
    const reference = analysis.citations.references[0]!;
    const entry = (await lawLibrary.index()).get(reference.pcode!)!;
    const card = renderStatuteCard(reference, entry, await lawLibrary.law(entry.pcode), 'en', analysis.date);
    assert.match(card, /Amended on 2025\\-09\\-24, after this article \(2024\\-06\\-30\)/);
  });
});
