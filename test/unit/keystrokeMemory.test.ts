import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import v8 from 'node:v8';
import vm from 'node:vm';
import { mulberry32 } from '../../bench/generateCorpus';
import { IncrementalAnalysis, type AnalysisInput } from '../../src/core/article/incrementalAnalysis';
import type { MarkdownLink } from '../../src/core/article/links';
import { REFERENCE_KINDS, ResolutionMemo, type Resolution } from '../../src/core/article/resolve';
import { detached, editBetween } from '../../src/core/util/text';
import { BUILTIN_TAXONOMY } from '../../src/core/tags/builtinTaxonomy';
import { TagVocabulary } from '../../src/core/tags/vocabulary';
import { embeddedRecords, indexOf } from './helpers';

// What a keystroke keeps and what it lets go (issue 19): the caches kept between versions of a document must not
// keep the versions themselves, and what makes a keystroke cheaper must not change what it finds.
const options = { threshold: 0.7, kinds: new Set(REFERENCE_KINDS) };
const fixture = (name: string) => readFileSync(path.join(__dirname, '..', '..', 'test', 'fixtures', 'articles', name), 'utf8');

v8.setFlagsFromString('--expose-gc');
const collectGarbage = vm.runInNewContext('gc') as () => void;
function heapAfterGc(): number {
  collectGarbage();
  collectGarbage();
  return process.memoryUsage().heapUsed;
}

/** The definition: unit by unit from both ends. */
function editByUnits(before: string, after: string): { prefix: number; suffix: number; delta: number } {
  const shorter = Math.min(before.length, after.length);
  let prefix = 0;
  while (prefix < shorter && before[prefix] === after[prefix]) prefix++;
  let suffix = 0;
  while (suffix < shorter - prefix && before[before.length - 1 - suffix] === after[after.length - 1 - suffix]) suffix++;
  return { prefix, suffix, delta: after.length - before.length };
}

test('editBetween, comparing chunks of long texts, finds what a comparison unit by unit finds', () => {
  const random = mulberry32(7);
  const base = Array.from({ length: 900 }, (_, line) => `第 ${line} 行 text ${'ab'.repeat(line % 7)}`).join('\n');
  const samePieces = 'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa'.repeat(60);
  for (const text of [base, samePieces]) {
    for (let edit = 0; edit < 200; edit++) {
      // Around the 1,024-unit chunks' edges too, and at both ends.
      const at = edit % 5 === 0 ? Math.min(text.length, 1_024 * (edit % 11)) : Math.floor(random() * (text.length + 1));
      const removed = Math.floor(random() * 3) * Math.floor(random() * 1_500);
      const inserted = ['', 'a', '的', 'aa', 'x'.repeat(2_000)][edit % 5]!;
      const edited = text.slice(0, at) + inserted + text.slice(Math.min(text.length, at + removed));
      assert.deepStrictEqual(editBetween(text, edited), editByUnits(text, edited), `edit ${edit}`);
      assert.deepStrictEqual(editBetween(edited, text), editByUnits(edited, text), `edit ${edit} reversed`);
    }
  }
});

test('detached gives an equal string that keeps nothing of the text it was sliced from', () => {
  assert.equal(detached(''), '');
  assert.equal(detached('短'), '短');
  const before = heapAfterGc();
  const kept: string[] = [];
  for (let copy = 0; copy < 40; copy++) {
    const large = `${copy}${'文'.repeat(500_000)}`;
    const piece = detached(large.slice(1_000, 1_060));
    assert.equal(piece, large.slice(1_000, 1_060));
    kept.push(piece);
  }
  // Forty one-megabyte texts, or forty short strings.
  const grown = heapAfterGc() - before;
  assert.ok(grown < 5_000_000, `${(grown / 1e6).toFixed(1)} MB kept for ${kept.length} short strings`);
});

test('the resolution memo keeps a resolution per form, destination and text, and per answer of the weak-alias policy', () => {
  const memo = new ResolutionMemo();
  const link = (text: string, destination: string, form: MarkdownLink['form'] = 'inline'): MarkdownLink => ({ form, start: 0, end: 1, text, textStart: 0, textEnd: 1, destination, destinationStart: 0, destinationEnd: 1 });
  let computed = 0;
  const compute = (id: string) => (_subject: unknown, weakOk: (id: string) => boolean): Resolution => {
    computed++;
    return weakOk('weak') ? { id, score: 1, match: 'alias' } : { score: 0 };
  };
  const never = () => false;
  const always = () => true;
  const first = memo.link(link('合作備忘錄', '#'), never, compute('a'));
  assert.deepStrictEqual(first, { score: 0 });
  // The same strings built anew: found, not computed again.
  assert.equal(memo.link(link(['合作', '備忘錄'].join(''), ['#'].join('')), never, compute('a')), first);
  assert.equal(computed, 1);
  // Another destination, form or text is another link.
  memo.link(link('合作備忘錄', '(#)'), never, compute('b'));
  memo.link(link('合作備忘錄', '#', 'reference'), never, compute('c'));
  memo.link(link('合作備忘錄 ', '#'), never, compute('d'));
  assert.equal(computed, 4);
  assert.equal(memo.size, 4);
  // Another answer for an id the computation asked about: computed again, and both variants kept.
  assert.deepStrictEqual(memo.link(link('合作備忘錄', '#'), always, compute('a')), { id: 'a', score: 1, match: 'alias' });
  assert.equal(memo.link(link('合作備忘錄', '#'), never, compute('a')), first);
  assert.equal(computed, 5);
  assert.equal(memo.size, 4);
  const citation = { line: 0, start: 0, end: 3, text: 'The Bletchley Declaration', parsed: {} };
  memo.citation(citation, never, compute('e'));
  memo.citation({ ...citation, line: 9 }, never, compute('e'));
  assert.equal(computed, 6);
  assert.equal(memo.size, 5);
  memo.names.set('x', { exact: [] });
  memo.clear();
  assert.equal(memo.size, 0);
  assert.equal(memo.names.size, 0);
  memo.link(link('合作備忘錄', '#'), never, compute('a'));
  assert.equal(computed, 7);
});

test("typing in the sources' URLs of a large article keeps no earlier version of it alive", () => {
  const index = indexOf(embeddedRecords());
  const input: AnalysisInput = { corpus: index, corpusStamp: 'embedded', options, tagOptions: { vocabulary: new TagVocabulary(BUILTIN_TAXONOMY), hashtags: true } };
  // About 1.4 MB in memory (two bytes a character): the forty versions, kept, would be up to 55 MB (36 MB were).
  let text = fixture('mou-commentary.md').repeat(500);
  const incremental = new IncrementalAnalysis();
  incremental.analyze(text, input);
  const before = heapAfterGc();
  const random = mulberry32(11);
  for (let version = 0; version < 40; version++) {
    // Inside a source's URL: a new block, citation and URL each time, resolved, checked and kept in the caches.
    const anchors = [...text.matchAll(/https:\/\/www\./g)];
    const at = anchors[Math.floor(random() * anchors.length)]!.index! + 2 + Math.floor(random() * 8);
    text = `${text.slice(0, at)}x${text.slice(at)}`;
    incremental.analyze(text, input);
  }
  const grown = heapAfterGc() - before;
  assert.ok(grown < 9_000_000, `${(grown / 1e6).toFixed(1)} MB more after 40 versions`);
});
