// npm run eval:statutes: recall and precision of the statute detector per form, on the labelled sets of
// test/fixtures/statutes/ (sentences written for this project, and cross-references sampled from the law
// database's own texts). Exits 1 when a threshold below is not met, so a drop in recall fails npm test.
import path from 'node:path';
import { NodeLawFileSystem } from '../../src/cli/laws';
import { toUri } from '../../src/cli/nodeFiles';
import { LawLibrary } from '../../src/core/law/lawLibrary';
import { CONTEXT_FORMS, evaluate, NO_CITATION_FORMS, readCases, type FormScore } from './statuteEval';

const THRESHOLDS = { explicitRecall: 0.97, contextRecall: 0.85, precision: 0.995, formRecall: 0.9 };

const root = path.join(__dirname, '..', '..');
const library = new LawLibrary({ fileSystem: new NodeLawFileSystem(), sources: () => [{ folder: toUri(path.join(root, 'laws', 'embedded')), embedded: true }] });

void (async () => {
  const index = await library.index();
  const cases = readCases(path.join(root, 'test', 'fixtures', 'statutes'), index);
  const { byForm, misses } = evaluate(cases, index);
  const verbose = process.argv.includes('--verbose');
  const percent = (part: number, whole: number) => (whole === 0 ? '—' : `${((100 * part) / whole).toFixed(1)}%`);
  const sum = (filter: (form: string) => boolean): FormScore => {
    const total = { expected: 0, found: 0, correct: 0, wrong: 0 };
    for (const [form, score] of byForm) if (filter(form)) for (const key of Object.keys(total) as Array<keyof FormScore>) total[key] += score[key];
    return total;
  };
  const rows: string[] = ['| form | cases | expected | found | correct | recall | precision |', '|---|---:|---:|---:|---:|---:|---:|'];
  const casesOf = (form: string) => cases.filter((item) => item.form === form).length;
  const row = (label: string, score: FormScore, count: number | string) => rows.push(`| ${label} | ${count} | ${score.expected} | ${score.found} | ${score.correct} | ${percent(score.correct, score.expected)} | ${percent(score.correct, score.found)} |`);
  for (const [form, score] of [...byForm].sort()) row(form, score, casesOf(form));
  const explicit = sum((form) => !CONTEXT_FORMS.has(form) && !NO_CITATION_FORMS.has(form));
  const context = sum((form) => CONTEXT_FORMS.has(form));
  const all = sum(() => true);
  row('**explicit**', explicit, '');
  row('**context**', context, '');
  row('**all**', all, cases.length);
  console.log(rows.join('\n'));
  if (verbose) for (const miss of misses) console.log(miss);
  else if (misses.length > 0) console.log(`\n${misses.length} misses and wrong references (--verbose lists them).`);

  const failures: string[] = [];
  let checked = 0;
  const need = (what: string, value: number, threshold: number) => {
    checked++;
    if (value < threshold) failures.push(`${what} ${(100 * value).toFixed(1)}% < ${(100 * threshold).toFixed(1)}%`);
  };
  need('explicit recall', explicit.correct / Math.max(1, explicit.expected), THRESHOLDS.explicitRecall);
  need('context recall', context.correct / Math.max(1, context.expected), THRESHOLDS.contextRecall);
  need('precision', all.found === 0 ? 1 : all.correct / all.found, THRESHOLDS.precision);
  for (const [form, score] of byForm) if (score.expected > 0) need(`${form} recall`, score.correct / score.expected, THRESHOLDS.formRecall);
  // The closing line npm test's table reads: one check per threshold.
  console.log(`\n${checked} checks, ${failures.length} failed`);
  if (failures.length > 0) {
    console.error(`\neval:statutes: below the thresholds: ${failures.join('; ')}`);
    process.exit(1);
  }
  console.log('\neval:statutes: every threshold met.');
})().catch((error: unknown) => {
  console.error(error);
  process.exit(2);
});
