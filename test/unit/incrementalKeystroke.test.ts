import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { analyzeArticle } from '../../src/core/article/analysis';
import { checkArticle, checkArticleSteps } from '../../src/core/article/checks';
import { IncrementalAnalysis, type AnalysisInput } from '../../src/core/article/incrementalAnalysis';
import { editBetween } from '../../src/core/util/text';
import { REFERENCE_KINDS } from '../../src/core/article/resolve';
import { embeddedRecords, indexOf, joinLines } from './helpers';

// What keeps a keystroke cheap (issue 19): the parts of the analysis kept between versions of one document.
const options = { threshold: 0.7, kinds: new Set(REFERENCE_KINDS) };
const fixture = (name: string) => readFileSync(path.join(__dirname, '..', '..', 'test', 'fixtures', 'articles', name), 'utf8');

test('editBetween finds the common prefix and suffix without letting them overlap', () => {
  assert.deepStrictEqual(editBetween('abcdef', 'abXcdef'), { prefix: 2, suffix: 4, delta: 1 });
  assert.deepStrictEqual(editBetween('aaa', 'aaaa'), { prefix: 3, suffix: 0, delta: 1 });
  assert.deepStrictEqual(editBetween('aaaa', 'aa'), { prefix: 2, suffix: 0, delta: -2 });
  assert.deepStrictEqual(editBetween('same', 'same'), { prefix: 4, suffix: 0, delta: 0 });
  assert.deepStrictEqual(editBetween('xbc', 'ybc'), { prefix: 0, suffix: 2, delta: 0 });
});

test("typing in one part of a link's text searches again only that part and the whole text, with the full analysis's result", () => {
  const index = indexOf(embeddedRecords());
  const queries: string[] = [];
  const search = index.search.bind(index);
  index.search = (query, limit) => {
    queries.push(query);
    return search(query, limit);
  };
  const input: AnalysisInput = { corpus: index, corpusStamp: 'embedded', options };
  const textOf = (part: string) => joinLines('英美兩國簽署合作備忘錄。', '', `- [Frontier model evaluation notes, ${part}, Parliament committee](#)`, '');
  const incremental = new IncrementalAnalysis();
  incremental.analyze(textOf('safety testing'), input);
  queries.length = 0;
  const typed = textOf('safety testings');
  const analysis = incremental.analyze(typed, input);
  assert.deepStrictEqual(queries.sort(), ['Frontier model evaluation notes, safety testings, Parliament committee', 'safety testings'].sort());
  const full = analyzeArticle(typed, indexOf(embeddedRecords()), options);
  assert.deepStrictEqual(analysis.references, full.references);
  assert.deepStrictEqual(analysis.diagnostics, full.diagnostics);
});

test('the checks pause every thousand references or so and give what the checks in one go give', () => {
  const index = indexOf(embeddedRecords());
  const text = Array.from({ length: 250 }, () => fixture('mou-commentary.md')).join('\n');
  const { article, references } = analyzeArticle(text, index, options);
  assert.ok(references.length > 1_024, `${references.length} references`);
  const steps = checkArticleSteps(article, references, index);
  let pauses = 0;
  let step = steps.next();
  for (; !step.done; step = steps.next()) pauses++;
  assert.ok(pauses >= 1, `${pauses} pauses`);
  assert.deepStrictEqual(step.value, checkArticle(article, references, index));
});
