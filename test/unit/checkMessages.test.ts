import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyzeArticle } from '../../src/core/article/analysis';
import { alreadyCitedMessage, linkToTitle, placeholderMessage } from '../../src/core/article/checkMessages';
import { REFERENCE_KINDS } from '../../src/core/article/resolve';
import type { CorpusRecord } from '../../src/core/corpus/record';
import { formatMessage, msg } from '../../src/core/util/messages';
import { indexOf, joinLines } from './helpers';

const options = { threshold: 0.7, kinds: new Set(REFERENCE_KINDS) };

function record(id: string, title: string, url?: string): CorpusRecord {
  return { id, type: 'document', title, aliases: [title], summary: { en: title }, tags: [], related: [], origin: { uri: 'file:///corpus.md', line: 0, fieldLines: {}, embedded: false }, ...(url ? { url } : {}) };
}

test('worded once, a placeholder message says what filling its template in afresh says, for any text and record', () => {
  const withUrl = record('r1', '人工智慧基本法草案', 'https://example.org/ai');
  const withoutUrl = record('r2', '數位發展部組織法');
  const texts = ['基本法', 'x'.repeat(61), 'y'.repeat(60), '', '「引號」與 "quotes"'];
  // Twice each: the second answer comes from the table and must be the first one's words.
  for (let round = 0; round < 2; round++) {
    for (const text of texts) {
      const short = text.length > 60 ? `${text.slice(0, 57)}…` : text;
      const expected = msg('Placeholder link: "{0}" is {1}, at {2}.', short, withUrl.title, 'https://example.org/ai');
      const worded = placeholderMessage(text, withUrl, 'https://example.org/ai');
      assert.deepEqual(worded.localizable, expected);
      assert.equal(worded.text, formatMessage(expected));
      assert.equal(placeholderMessage(text, withoutUrl, undefined).text, formatMessage(msg('Placeholder link with no URL ({0} has no URL in the corpus).', withoutUrl.title)));
      assert.equal(placeholderMessage(text, undefined, undefined).text, 'Placeholder link with no URL.');
    }
  }
  assert.equal(linkToTitle(withUrl, 'https://example.org/ai').text, 'Link to https://example.org/ai');
  for (const line of [1, 2, 117, 1]) assert.equal(alreadyCitedMessage(line).text, `This source is already cited on line ${line}.`);
});

test('past the bound of its table a message is still worded right', () => {
  const subject = record('r3', '資通安全管理法', 'https://example.org/cs');
  for (let count = 0; count < 5_000; count++) {
    const text = `連結${count}`;
    assert.equal(placeholderMessage(text, subject, 'https://example.org/cs').text, `Placeholder link: "${text}" is 資通安全管理法, at https://example.org/cs.`);
  }
  for (let line = 1; line <= 5_000; line += 7) assert.equal(alreadyCitedMessage(line).text, `This source is already cited on line ${line}.`);
});

test("a corpus change reaches the checks' messages: a record of the same id with a new title and URL is worded anew", () => {
  const article = joinLines('文章提到[資安法](#)。', '', '資料來源：', '', '- 資安法, https://example.org/old (last visit June 30, 2024).', '- 資安法, https://example.org/old (last visit June 30, 2024).');
  const before = analyzeArticle(article, indexOf([record('cs', '資安法', 'https://example.org/old')]), options);
  const after = analyzeArticle(article, indexOf([record('cs', '資安法', 'https://example.org/new')]), options);
  const placeholder = (analysis: typeof before) => analysis.diagnostics.find((diagnostic) => diagnostic.code === 'placeholder-link');
  assert.match(placeholder(before)!.message, /example\.org\/old/);
  assert.match(placeholder(after)!.message, /example\.org\/new/);
  assert.equal(placeholder(after)!.fix!.newText, 'https://example.org/new');
  assert.equal(placeholder(after)!.fix!.title, 'Link to https://example.org/new');
  const duplicate = after.diagnostics.find((diagnostic) => diagnostic.code === 'duplicate-citation');
  assert.equal(duplicate?.message, 'This source is already cited on line 5.');
});
