import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import type { CorpusRecord } from '../../src/core/corpus/record';
import { CitationCompleter } from '../../src/core/search/citationCompletion';
import { CorpusIndex } from '../../src/core/search/corpusIndex';

// Words written for this test: few publishers, tags and years, so each value's list holds more records than one
// value may hand to the ranking (100) and the lists' order decides which records are candidates.
const WORDS = ['數位', '韌性', '資料', '治理', '報告', '人工', '智慧', '晶片', 'policy', 'data', 'report', 'chip'];
const PUBLISHERS = ['數位發展部', '國家科學委員會', 'Ministry of Data', undefined];
const TAGS = ['資安', '資料治理', 'ai'];
const DATES = ['2021-03-01', '2022-05-02', '2023', '2024-01-09', undefined];

const recordArbitrary = (ids: number) =>
  fc.record({
    id: fc.integer({ min: 0, max: ids - 1 }).map((n) => `rec-${n}`),
    words: fc.array(fc.constantFrom(...WORDS), { minLength: 1, maxLength: 3 }),
    alias: fc.option(fc.array(fc.constantFrom(...WORDS), { minLength: 1, maxLength: 2 }), { nil: undefined }),
    publisher: fc.constantFrom(...PUBLISHERS),
    tags: fc.constantFrom([TAGS[0]!], [TAGS[0]!, TAGS[2]!], [TAGS[1]!], [] as string[]),
    date: fc.constantFrom(...DATES),
    note: fc.integer({ min: 0, max: 3 }),
  });

function toRecord(raw: { id: string; words: string[]; alias: string[] | undefined; publisher: string | undefined; tags: string[]; date: string | undefined; note: number }): CorpusRecord {
  return {
    id: raw.id,
    type: 'report',
    title: raw.words.join(''),
    aliases: raw.alias ? [raw.alias.join(' ')] : [],
    summary: { zh: `note ${raw.note}` },
    tags: raw.tags,
    related: [],
    origin: { uri: 'memory:/corpus.jsonl', line: raw.note, fieldLines: {}, embedded: false },
    ...(raw.publisher ? { publisher: raw.publisher } : {}),
    ...(raw.date ? { date: raw.date } : {}),
  };
}

const QUERIES = ['數位', '數位發展部', '國家', 'ministry', '資安', 'ai', '2023', '2022', '111年', '資料 2024', '數位 資安', 'rec-1', 'rec', '報告', 'policy data', '智慧晶'];

test('citation completion after corpus changes answers as a completer built from scratch', () => {
  fc.assert(
    fc.property(
      fc.array(recordArbitrary(600), { minLength: 300, maxLength: 450 }),
      fc.array(fc.oneof(fc.record({ set: fc.array(recordArbitrary(600), { minLength: 1, maxLength: 4 }) }), fc.record({ remove: fc.integer({ min: 0, max: 599 }) })), { minLength: 1, maxLength: 12 }),
      (initial, operations) => {
        const index = new CorpusIndex();
        index.setMany(initial.map(toRecord));
        const kept = new CitationCompleter(index);
        kept.complete('數位');
        for (const operation of operations) {
          if ('set' in operation) index.setMany(operation.set.map(toRecord));
          else index.delete(`rec-${operation.remove}`);
          const fresh = new CitationCompleter(index);
          for (const query of QUERIES) {
            const expected = fresh.complete(query, 600).map((candidate) => [candidate.record.id, candidate.score, candidate.field, candidate.name]);
            assert.deepEqual(kept.complete(query, 600).map((candidate) => [candidate.record.id, candidate.score, candidate.field, candidate.name]), expected, query);
          }
        }
      },
    ),
    { numRuns: 40 },
  );
});
