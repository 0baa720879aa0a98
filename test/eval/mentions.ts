// npm run eval:mentions: recall of mentions by the form they are written in (exact, cross-strait, bracketed
// fuzzy, inserted word) and precision, on test/fixtures/mentions/eval-*.txt (paragraphs written for this
// project) plus the unrelated articles of test/fixtures/quiet/ as negatives. Exits 1 below the thresholds.
// `--real <folder>` measures the same way on a folder of labelled paragraphs kept outside the repository.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { analyzeArticle } from '../../src/core/article/analysis';
import { REFERENCE_KINDS } from '../../src/core/article/resolve';
import { loadEmbeddedCorpus } from '../../src/core/corpus/embeddedCorpus';
import { CorpusIndex } from '../../src/core/search/corpusIndex';
import { evaluateMentions, readMentionCases, type MentionCase } from './mentionEval';
import { attachCrossStrait } from './crossStraitForEval';

const THRESHOLDS = { recall: 0.9, precision: 0.98 };
const root = path.join(__dirname, '..', '..');

const index = new CorpusIndex();
index.setMany(loadEmbeddedCorpus().flatMap((file) => file.records));
attachCrossStrait(index);
const options = { threshold: 0.7, kinds: new Set(REFERENCE_KINDS) };
let unwantedHints = 0;
let hintsFound = 0;
const hintFor = new Map<string, string | undefined>();
const found = (text: string) => {
  const analysis = analyzeArticle(text, index, options);
  const hints = analysis.diagnostics.flatMap((diagnostic) => (diagnostic.code === 'possible-mention' && diagnostic.possibleRecord ? [diagnostic.possibleRecord.id] : []));
  const wanted = hintFor.get(text);
  for (const id of hints) if (id === wanted) hintsFound++;
  else unwantedHints++;
  return analysis.references.filter((reference) => reference.kind === 'mention' && reference.id !== undefined);
};

const realFolder = process.argv.includes('--real') ? process.argv[process.argv.indexOf('--real') + 1] : undefined;
const folder = realFolder ?? path.join(root, 'test', 'fixtures', 'mentions');
const cases: MentionCase[] = readdirSync(folder)
  .filter((name) => /^eval-.*\.txt$/.test(name))
  .sort()
  .flatMap((name) => readMentionCases(path.join(folder, name)));
if (!realFolder) {
  const quiet = path.join(root, 'test', 'fixtures', 'quiet');
  for (const name of readdirSync(quiet).filter((file) => file.startsWith('unrelated-'))) cases.push({ where: `quiet/${name}`, text: readFileSync(path.join(quiet, name), 'utf8'), expected: [] });
}

for (const item of cases) hintFor.set(item.text, item.hint);
const hintCases = cases.filter((item) => item.hint !== undefined).length;
const result = evaluateMentions(cases, found);
const percent = (part: number, whole: number) => (whole === 0 ? '—' : `${((100 * part) / whole).toFixed(1)}%`);
const rows = ['| form | expected | found | recall |', '|---|---:|---:|---:|'];
for (const [form, score] of [...result.byForm].sort()) rows.push(`| ${form} | ${score.expected} | ${score.found} | ${percent(score.found, score.expected)} |`);
rows.push(`| **all** | ${result.expected} | ${result.correct} | ${percent(result.correct, result.expected)} |`);
console.log(`${cases.length} paragraphs (${cases.filter((item) => item.expected.length === 0).length} negatives)\n`);
console.log(rows.join('\n'));
console.log(`\nprecision: ${percent(result.correct, result.reported)} (${result.reported} records reported, ${result.reported - result.correct} wrong)`);
console.log(`near-miss hints ("possibly …"): ${hintsFound} of ${hintCases} expected, ${unwantedHints} elsewhere`);
const verbose = process.argv.includes('--verbose');
if (verbose) for (const line of result.problems) console.log(line);
else if (result.problems.length > 0) console.log(`${result.problems.length} misses and wrong records (--verbose lists them).`);

if (realFolder) process.exit(0);
const failures: string[] = [];
let checked = 0;
const need = (what: string, value: number, threshold: number) => {
  checked++;
  if (value < threshold) failures.push(`${what} ${(100 * value).toFixed(1)}% < ${(100 * threshold).toFixed(1)}%`);
};
need('recall', result.correct / Math.max(1, result.expected), THRESHOLDS.recall);
need('precision', result.reported === 0 ? 1 : result.correct / result.reported, THRESHOLDS.precision);
checked++;
if (unwantedHints > 0) failures.push(`${unwantedHints} near-miss hints where none belongs`);
console.log(`\n${checked} checks, ${failures.length} failed`);
if (failures.length > 0) {
  console.error(`\neval:mentions: below the thresholds: ${failures.join('; ')}`);
  process.exit(1);
}
console.log('\neval:mentions: every threshold met.');
