// `npm test`: every stage runs, even after one fails, so one failure never hides the others' results. Each
// stage's output streams through as it comes; at the end a table (stage, result, counts, time) and a closing
// line with the totals. Exit code 1 when any stage failed.
//   node scripts/test.mjs [--only a,b] [--skip a,b]
import { spawn } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import { STAGES, countsFrom, formatTable } from './testStages.mjs';

const args = process.argv.slice(2);
const listOption = (name) => {
  const index = args.indexOf(name);
  return index === -1 ? undefined : new Set((args[index + 1] ?? '').split(',').filter(Boolean));
};
const only = listOption('--only');
const skip = listOption('--skip') ?? new Set();
const unknown = [...(only ?? []), ...skip].filter((name) => !STAGES.some((stage) => stage.name === name));
if (unknown.length > 0) {
  console.error(`test: no stage named ${unknown.join(', ')}; stages: ${STAGES.map((stage) => stage.name).join(', ')}`);
  process.exit(2);
}

let current;
// A signal to this process stops the running stage too (npm forwards SIGINT and SIGTERM to us).
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(signal, () => {
    current?.kill(signal);
    process.exit(130);
  });
}

function runStage(stage) {
  return new Promise((resolve) => {
    let output = '';
    const started = performance.now();
    // `npm run <script>` keeps each stage runnable on its own with the same command.
    current = spawn('npm', ['run', '--silent', stage.script], { stdio: ['ignore', 'pipe', 'pipe'] });
    const keep = (chunk, stream) => {
      stream.write(chunk);
      // Only the tail is needed for the counts; a stage can print megabytes.
      output = (output + chunk.toString('utf8')).slice(-64 * 1024);
    };
    current.stdout.on('data', (chunk) => keep(chunk, process.stdout));
    current.stderr.on('data', (chunk) => keep(chunk, process.stderr));
    current.on('error', (error) => {
      output += `\n${error.message}`;
    });
    current.on('close', (code, signal) => {
      current = undefined;
      resolve({ stage, code: code ?? (signal ? 128 : 1), seconds: (performance.now() - started) / 1000, counts: countsFrom(output) });
    });
  });
}

const results = [];
for (const stage of STAGES) {
  if ((only && !only.has(stage.name)) || skip.has(stage.name)) continue;
  console.log(`\n━━ ${stage.name} (npm run ${stage.script}) ━━`);
  results.push(await runStage(stage));
}

console.log(`\n${formatTable(results)}`);
const failedStages = results.filter((result) => result.code !== 0);
const passed = results.reduce((sum, result) => sum + (result.counts?.passed ?? 0), 0);
const failed = results.reduce((sum, result) => sum + (result.counts?.failed ?? 0), 0);
console.log(`\n${results.length - failedStages.length} of ${results.length} stages passed${failedStages.length ? `; failed: ${failedStages.map((result) => result.stage.name).join(', ')}` : ''}`);
// The closing line CI reads: every counted test or check of every stage.
// A failed stage that printed no counts (types, lint, a crash) counts as one failure.
const uncounted = failedStages.filter((result) => !result.counts || result.counts.failed === 0).length;
console.log(`tests: ${passed} passed, ${failed + uncounted} failed`);
process.exit(failedStages.length > 0 ? 1 : 0);
