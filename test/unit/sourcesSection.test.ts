import path from 'node:path';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { analyzeArticle } from '../../src/core/article/analysis';
import { REFERENCE_KINDS } from '../../src/core/article/resolve';
import { formatCitationLine, planSourcesSection } from '../../src/core/article/sourcesSection';
import { embeddedRecord, embeddedRecords, indexOf, joinLines } from './helpers';

const index = indexOf(embeddedRecords());
const options = { threshold: 0.7, kinds: new Set(REFERENCE_KINDS) };
const analyze = (text: string) => analyzeArticle(text, index, options);
const apply = (text: string) => {
  const edit = planSourcesSection(analyze(text), index, '2026-11-29');
  return edit ? text.slice(0, edit.start) + edit.newText + text.slice(edit.end) : text;
};
const codes = (text: string) => analyze(text).diagnostics.map((diagnostic) => diagnostic.code);

describe('generate sources section', () => {
  it('formats an English record in the seed format and the line resolves back to the record', () => {
    const line = formatCitationLine(embeddedRecord('us-uk-partnership-announcement-2024'), '2026-11-29');
    assert.equal(
      line,
      'U.S. and UK Announce Partnership(2024, April 1), *U.S. and UK Announce Partnership on Science of AI Safety*, U.S. Department of Commerce, <https://www.commerce.gov/news/press-releases/2024/04/us-and-uk-announce-partnership-science-ai-safety> (last visit June 30, 2024).',
    );
    const text = joinLines('美國商務部發布新聞稿 [U.S. and UK Announce Partnership](#)。', '', '資料來源：', '', line);
    const citation = analyze(text).references.find((reference) => reference.kind === 'citation');
    assert.equal(citation?.id, 'us-uk-partnership-announcement-2024');
    assert.deepEqual(codes(text).filter((code) => code.startsWith('citation-')), []);
  });

  it('builds a missing section from the documents the text refers to, in order of first reference, and is idempotent', () => {
    const text = joinLines('# 英美合作', '', '英美兩國簽署合作備忘錄（MOU），延續布萊切利宣言的精神，美國商務部發布 U.S. and UK Announce Partnership 新聞稿。蜜雪兒·多尼蘭表示歡迎。', '', '文章標籤', '', '人工智慧');
    const once = apply(text);
    const sources = once.slice(once.indexOf('資料來源：'), once.indexOf('文章標籤'));
    const cited = analyze(once).references.filter((reference) => reference.kind === 'citation').map((reference) => reference.id);
    assert.deepEqual(cited, ['bletchley-declaration-2023', 'us-uk-partnership-announcement-2024'], sources);
    assert.match(sources, /^資料來源：\n\nThe Bletchley Declaration\(2023, November 1\), \*The Bletchley Declaration by Countries/);
    assert.ok(!cited.includes('michelle-donelan'), 'people are not sources');
    assert.ok(!codes(once).includes('reference-without-source'), String(codes(once)));
    assert.equal(apply(once), once, 'running it twice changes nothing');
    assert.equal(planSourcesSection(analyze(once), index, '2030-01-01'), undefined);
  });

  it('keeps existing entries word for word, reorders them by first use and keeps unresolved ones after', () => {
    const seed = readFileSync(path.join(__dirname, '..', '..', 'test', 'fixtures', 'seed-article.md'), 'utf8');
    const edit = planSourcesSection(analyze(seed), index, '2026-11-29');
    const result = edit ? seed.slice(0, edit.start) + edit.newText + seed.slice(edit.end) : seed;
    for (const line of seed.split('\n').filter((candidate) => candidate.startsWith('The Bletchley Declaration(') || candidate.startsWith('Michelle Donelan,'))) {
      assert.ok(result.includes(line.trimEnd()), `kept: ${line.slice(0, 40)}`);
    }
    assert.equal(apply(result), result);
    const text = joinLines('布萊切利宣言之後，英美簽署合作備忘錄（MOU）。', '', '資料來源：', '', '- 某個沒有紀錄的來源，2024年。', '- ' + formatCitationLine(embeddedRecord('bletchley-declaration-2023'), '2026-11-29'));
    const updated = apply(text);
    const entries = updated.slice(updated.indexOf('資料來源：')).split('\n').filter((line) => line.startsWith('- '));
    assert.ok(entries[0]!.includes('Bletchley'), entries.join('\n'));
    assert.equal(entries[entries.length - 1], '- 某個沒有紀錄的來源，2024年。');
    assert.ok(updated.includes(`${entries[0]}\n${entries[1]}`), 'a list without blank lines stays one');
    assert.equal(apply(updated), updated);
  });

  it('changes nothing when the text refers to no document', () => {
    assert.equal(planSourcesSection(analyze('這篇文章沒有提到任何來源。'), index, '2026-11-29'), undefined);
    assert.equal(planSourcesSection(analyze(''), index, '2026-11-29'), undefined);
  });

  it('writes Chinese records with 《》 and an ROC last-visit date', () => {
    const record = { ...embeddedRecord('uk-us-ai-safety-mou-article-2024'), lang: 'zh-TW', accessed: '2024-06-30' };
    assert.match(formatCitationLine(record, '2026-11-29'), /^《.+》，/);
    // The embedded record has no URL; with one, the line ends with the last visit in ROC years.
    const withUrl = formatCitationLine({ ...record, url: 'https://www.example.org/mou' }, '2026-11-29');
    assert.match(withUrl, /^《.+》，.*<https:\/\/www\.example\.org\/mou>（最後瀏覽日：113年6月30日）$/);
  });
});
