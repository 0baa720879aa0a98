import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseArticle } from '../../src/core/article/article';
import { parseCorpusFile } from '../../src/core/corpus/parseFile';
import type { CorpusRecord } from '../../src/core/corpus/record';
import { draftFromCitation, draftFromLinkText, draftJsonLine, draftMarkdown } from '../../src/core/corpus/recordDraft';
import { citationKeyRanges, corpusFormat, idValueOnLine, newIdRefusal, writtenId } from '../../src/core/corpus/renameRecord';
import { bytes, indexOf, joinLines } from './helpers';

function record(id: string, embedded = false): CorpusRecord {
  return { id, type: 'report', title: `Title of ${id}`, aliases: [], summary: {}, tags: [], related: [], origin: { uri: 'file:///ws/corpus/a.jsonl', line: 0, fieldLines: { id: 0 }, embedded } };
}

describe('renaming a record id', () => {
  const index = indexOf([record('alpha-report'), record('beta-report'), record('built-in', true)]);

  it('refuses invalid ids, ids in use and built-in records', () => {
    assert.equal(newIdRefusal(record('alpha-report'), 'alpha-report-2024', index), undefined);
    assert.equal(newIdRefusal(record('alpha-report'), 'has space', index), 'invalid-id');
    assert.equal(newIdRefusal(record('alpha-report'), '-leading', index), 'invalid-id');
    assert.equal(newIdRefusal(record('alpha-report'), 'a#b', index), 'invalid-id');
    assert.equal(newIdRefusal(record('alpha-report'), 'ends-with.', index), 'invalid-id');
    assert.equal(newIdRefusal(record('alpha-report'), 'beta-report', index), 'id-in-use');
    assert.equal(newIdRefusal(record('built-in', true), 'anything', index), 'embedded');
  });

  it('finds the id value on a JSON Lines line and in YAML front matter, quoted or not', () => {
    const json = '{"title": "id alpha-report", "id": "alpha-report", "type": "report"}';
    const inJson = idValueOnLine(json, 'alpha-report', 'json')!;
    assert.equal(json.slice(inJson.start, inJson.end), 'alpha-report');
    assert.equal(idValueOnLine(json, 'beta-report', 'json'), undefined);
    const yaml = 'id: "alpha-report"  # the key';
    const inYaml = idValueOnLine(yaml, 'alpha-report', 'markdown')!;
    assert.equal(yaml.slice(inYaml.start, inYaml.end), '"alpha-report"');
    const plain = idValueOnLine('id: alpha-report', 'alpha-report', 'markdown')!;
    assert.deepEqual(plain, { start: 4, end: 16 });
  });

  it('writes the new id so that it reads back in its format', () => {
    assert.equal(writtenId('a"b', 'json'), 'a\\"b');
    assert.equal(writtenId('plain-id', 'markdown'), 'plain-id');
    assert.equal(writtenId('odd:id.1', 'markdown'), '"odd:id.1"');
    const file = parseCorpusFile('file:///ws/corpus/r.md', bytes(`---\nid: ${writtenId('odd:id.1', 'markdown')}\ntitle: T\ntype: report\n---\n`));
    assert.equal(file.records[0]?.id, 'odd:id.1');
    assert.equal(corpusFormat('file:///ws/corpus/x.JSONL'), 'json');
    assert.equal(corpusFormat('file:///ws/corpus/x.bib'), undefined);
  });

  it('finds every key naming the id in an article, not other keys or code', () => {
    const text = joinLines('見 [@alpha-report] 與 [@beta-report; @alpha-report, p. 3]。', '', '`[@alpha-report]` 在程式碼裡。');
    const ranges = citationKeyRanges(text, 'alpha-report');
    assert.equal(ranges.length, 2);
    for (const range of ranges) assert.equal(text.slice(range.start, range.end), 'alpha-report');
    assert.equal(parseArticle(text).keys.length, 3);
  });
});

describe('a record drafted from a citation line', () => {
  const index = indexOf([record('ai-safety-report-2024')]);

  it('fills title, short title as alias, publisher, date, URL and last visit, with a unique id', () => {
    const line = 'AI Safety Report(2024, May 2), *AI Safety Report of the Test Institute*, Test Institute, <https://example.org/report> (last visit June 30, 2024).';
    const article = parseArticle(joinLines('資料來源：', '', line));
    const citation = article.citationLines[0]!;
    const draft = draftFromCitation(citation.text, citation.parsed, index)!;
    assert.equal(draft.title, 'AI Safety Report of the Test Institute');
    assert.deepEqual(draft.aliases, ['AI Safety Report']);
    assert.equal(draft.publisher, 'Test Institute');
    assert.equal(draft.date, '2024-05-02');
    assert.equal(draft.url, 'https://example.org/report');
    assert.equal(draft.accessed, '2024-06-30');
    assert.notEqual(draft.id, 'ai-safety-report-2024');
    const parsed = parseCorpusFile('file:///ws/corpus/new.md', bytes(draftMarkdown(draft)));
    assert.deepEqual(parsed.problems.filter((problem) => problem.severity === 'error'), []);
    assert.equal(parsed.records[0]?.title, draft.title);
    assert.equal(parsed.records[0]?.url, draft.url);
  });

  it('writes hostile text as valid YAML and JSON that read back literally', () => {
    const hostile = 'Title: with # hash\n---\n[not: a list] & *anchor !tag \u202e';
    const draft = draftFromLinkText(hostile, index)!;
    const markdown = parseCorpusFile('file:///ws/corpus/h.md', bytes(draftMarkdown(draft)));
    assert.equal(markdown.records.length, 1, JSON.stringify(markdown.problems));
    assert.equal(markdown.records[0]!.title, 'Title: with # hash --- [not: a list] & *anchor !tag');
    const jsonl = parseCorpusFile('file:///ws/corpus/h.jsonl', bytes(draftJsonLine(draft)));
    assert.equal(jsonl.records[0]!.title, markdown.records[0]!.title);
    assert.equal(draftFromLinkText('   ', index), undefined);
  });
});
