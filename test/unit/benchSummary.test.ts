import assert from 'node:assert/strict';
import { test } from 'node:test';
import { buildSummary, SUMMARY_KEYS } from '../../bench/summary';

const ISSUE_19_KEYS = [
  'buildMs100k', 'buildMapMs100k', 'buildHeapMB100k', 'buildMapHeapMB100k', 'fuzzyP95Ms100k', 'fuzzyHitAt10_100k', 'fuseHitAt10_100k',
  'mentionsP95Ms100k', 'tagTypoP95Ms50k', 'tagPrefixP95Ms50k', 'longestStallMs1MBArticle', 'keystrokeP95Ms100KB', 'referencesP95Ms5000',
  'checkArticlesPerSecond1Worker', 'checkArticlesPerSecondAllWorkers', 'workers', 'lawColdLoadMs', 'lawFirstUseMaxMs',
];

test('bench summary: exactly the keys of issue 19, every value a number', () => {
  const summary = buildSummary({
    largest: { buildMs: 900, buildHeapMB: 40, mapBuildMs: 330, mapHeapMB: 25, fuzzyP95Ms: 4, fuzzyHitAt10: 0.98, fuseHitAt10: 0.9, mentionsP95Ms: 1.5 },
    tags: { typoP95Ms: 0.8, prefixP95Ms: 0.2 },
    scale: { longestStallMs: 20, keystrokeP95Ms: 3, referencesP95Ms: 0.5 },
    check: { articlesPerSecond1Worker: 300, articlesPerSecondAllWorkers: 560, workers: 2 },
    laws: { coldLoadMs: 700, firstUseMaxMs: 30 },
  });
  assert.deepEqual(Object.keys(summary).sort(), [...ISSUE_19_KEYS].sort());
  assert.deepEqual([...SUMMARY_KEYS].sort(), [...ISSUE_19_KEYS].sort());
  for (const key of ISSUE_19_KEYS) assert.equal(typeof summary[key as keyof typeof summary], 'number', key);
  // Each input lands on its own key (a swapped pair would fail here).
  assert.equal(summary.buildMs100k, 900);
  assert.equal(summary.buildMapMs100k, 330);
  assert.equal(summary.buildHeapMB100k, 40);
  assert.equal(summary.buildMapHeapMB100k, 25);
  assert.equal(summary.fuzzyHitAt10_100k, 0.98);
  assert.equal(summary.fuseHitAt10_100k, 0.9);
  assert.equal(summary.tagTypoP95Ms50k, 0.8);
  assert.equal(summary.tagPrefixP95Ms50k, 0.2);
  assert.equal(summary.checkArticlesPerSecond1Worker, 300);
  assert.equal(summary.checkArticlesPerSecondAllWorkers, 560);
  assert.equal(summary.workers, 2);
  assert.equal(summary.lawFirstUseMaxMs, 30);
});

test('bench summary: a part that did not run is null in JSON, never a good-looking number', () => {
  const summary = buildSummary({ tags: { typoP95Ms: 0.8, prefixP95Ms: 0.2 } });
  assert.deepEqual(Object.keys(summary).sort(), [...ISSUE_19_KEYS].sort());
  const json = JSON.parse(JSON.stringify(summary)) as Record<string, unknown>;
  assert.equal(json.lawColdLoadMs, null);
  assert.equal(json.buildMs100k, null);
  assert.equal(json.tagTypoP95Ms50k, 0.8);
});
