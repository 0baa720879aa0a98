import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { findDecisions } from '../../src/core/decision/decisions';

// A labelled evaluation set of sentences written for this project (test/fixtures/decisions-eval): recall and
// precision per category, as eyecite reports them. A found reference counts when its text and number match.
interface Case {
  readonly category: string;
  readonly text: string;
  readonly expected: Array<[string, number]>;
}

const cases = readFileSync(path.join(__dirname, '..', '..', 'test', 'fixtures', 'decisions-eval', 'sentences.jsonl'), 'utf8')
  .split('\n')
  .filter((line) => line.trim() !== '')
  .map((line) => JSON.parse(line) as Case);

test('decision detection: recall and precision per category on the labelled set', () => {
  const totals = new Map<string, { expected: number; found: number; correct: number }>();
  const misses: string[] = [];
  for (const item of cases) {
    const found = findDecisions(item.text).references.map((reference): [string, number | undefined] => [reference.text, reference.number]);
    const key = (pair: readonly [string, number | undefined]) => `${pair[0]}#${pair[1]}`;
    const expected = new Set(item.expected.map(key));
    const correct = found.filter((pair) => expected.has(key(pair))).length;
    const total = totals.get(item.category) ?? { expected: 0, found: 0, correct: 0 };
    totals.set(item.category, { expected: total.expected + item.expected.length, found: total.found + found.length, correct: total.correct + correct });
    if (correct !== item.expected.length || correct !== found.length) misses.push(`${item.category}: ${item.text} → ${JSON.stringify(found)}`);
  }
  const rows = [...totals].map(([category, total]) => {
    const recall = total.expected === 0 ? 1 : total.correct / total.expected;
    const precision = total.found === 0 ? 1 : total.correct / total.found;
    return { category, ...total, recall, precision };
  });
  const all = rows.reduce((sum, row) => ({ expected: sum.expected + row.expected, found: sum.found + row.found, correct: sum.correct + row.correct }), { expected: 0, found: 0, correct: 0 });
  console.log(['category        expected found correct recall precision', ...rows.map((row) => `${row.category.padEnd(15)} ${String(row.expected).padStart(8)} ${String(row.found).padStart(5)} ${String(row.correct).padStart(7)} ${row.recall.toFixed(2).padStart(6)} ${row.precision.toFixed(2).padStart(9)}`), `all             ${String(all.expected).padStart(8)} ${String(all.found).padStart(5)} ${String(all.correct).padStart(7)} ${(all.correct / all.expected).toFixed(2).padStart(6)} ${(all.correct / all.found).toFixed(2).padStart(9)}`].join('\n'));
  if (misses.length > 0) console.log(`misses:\n  ${misses.join('\n  ')}`);
  assert.ok(all.correct / all.expected >= 0.9, `recall ${all.correct}/${all.expected}`);
  assert.ok(all.correct / all.found >= 0.95, `precision ${all.correct}/${all.found}`);
});
