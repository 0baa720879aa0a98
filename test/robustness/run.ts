// `npm run test:robustness`: the reliability and security suite. Each section runs its checks (any failure
// fails the run) and reports figures; the summary table at the end is what docs/RELIABILITY.md shows.
import path from 'node:path';
import { runHostile } from './hostile';
import { runChurn } from './churn';
import { runMalformed } from './malformed';
import { runProperties } from './properties';
import { runScale } from './scale';
import { runSecurity } from './security';
import { runStatutes } from './statutes';
import { runTrust } from './trust';
import { runOutputEscaping } from './outputEscaping';
import { runOutsideFiles } from './outsideFiles';
import { runSmallInputs } from './smallInputs';
import { Suite, milliseconds } from './suite';

const repoRoot = path.resolve(__dirname, '..', '..');
/** One seed for every randomised part; printed, and POLICY_ANNOTATOR_SEED=<n> repeats a run. */
const seed = Number(process.env.POLICY_ANNOTATOR_SEED ?? Date.now() % 2 ** 31);

interface Section {
  readonly name: string;
  run(suite: Suite): void | Promise<void>;
}

const SECTIONS: Section[] = [
  { name: 'hostile corpus', run: (suite) => runHostile(suite) },
  { name: 'urls and code', run: (suite) => runSecurity(suite, repoRoot) },
  { name: 'malformed corpus', run: (suite) => runMalformed(suite) },
  { name: 'trust and network', run: (suite) => runTrust(suite, repoRoot) },
  { name: 'output escaping', run: (suite) => runOutputEscaping(suite, repoRoot) },
  { name: 'outside files', run: (suite) => runOutsideFiles(suite, repoRoot) },
  { name: 'small hostile inputs', run: (suite) => runSmallInputs(suite, repoRoot) },
  { name: 'scale', run: (suite) => runScale(suite) },
  { name: 'churn', run: (suite) => runChurn(suite, seed) },
  { name: 'properties', run: (suite) => runProperties(suite, seed) },
  { name: 'statutes', run: (suite) => runStatutes(suite, repoRoot) },
];

async function main(): Promise<void> {
  const only = process.env.POLICY_ANNOTATOR_ROBUSTNESS_ONLY;
  const started = performance.now();
  console.log(`robustness suite, seed ${seed} (repeat with POLICY_ANNOTATOR_SEED=${seed})`);
  const suites: Suite[] = [];
  for (const section of SECTIONS) {
    if (only && !section.name.includes(only)) continue;
    const suite = new Suite(section.name);
    suites.push(suite);
    const sectionStarted = performance.now();
    try {
      await section.run(suite);
    } catch (error) {
      suite.check('runs to the end', false, error instanceof Error ? (error.stack ?? error.message) : String(error));
    }
    console.log(`${suite.failures.length === 0 ? '✔' : '✘'} ${section.name}: ${suite.checks} checks, ${suite.failures.length} failed (${milliseconds(performance.now() - sectionStarted)})`);
  }
  const figures = suites.flatMap((suite) => suite.figures);
  const width = Math.max(...figures.map((figure) => figure.name.length), 10);
  const sectionWidth = Math.max(...figures.map((figure) => figure.section.length), 7);
  console.log(`\n| ${'section'.padEnd(sectionWidth)} | ${'figure'.padEnd(width)} | value |`);
  console.log(`| ${'-'.repeat(sectionWidth)} | ${'-'.repeat(width)} | --- |`);
  for (const figure of figures) console.log(`| ${figure.section.padEnd(sectionWidth)} | ${figure.name.padEnd(width)} | ${figure.value} |`);
  const checks = suites.reduce((sum, suite) => sum + suite.checks, 0);
  const failures = suites.flatMap((suite) => suite.failures);
  console.log(`\n${checks} checks, ${failures.length} failed, in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  if (failures.length > 0) {
    for (const failure of failures.slice(0, 50)) console.log(`  ✘ ${failure.slice(0, 2000)}`);
    process.exitCode = 1;
  }
}

void main();
