// The stages of `npm test`, in order, and how to read each one's counts from its output.

/** name: shown in the table; script: the package.json script that runs the stage on its own. */
export const STAGES = [
  { name: 'types', script: 'check-types' },
  { name: 'lint', script: 'lint' },
  { name: 'unit', script: 'test:unit' },
  { name: 'statutes', script: 'eval:statutes' },
  { name: 'mentions', script: 'eval:mentions' },
  { name: 'grammar', script: 'test:grammar' },
  { name: 'integration', script: 'test:integration' },
  { name: 'restricted', script: 'test:restricted' },
  { name: 'web', script: 'test:web' },
  { name: 'start', script: 'test:start' },
  { name: 'robustness', script: 'test:robustness' },
];

const last = (text, pattern) => {
  let found;
  for (const match of text.matchAll(pattern)) found = match;
  return found;
};

/**
 * { passed, failed, unit } from the closing lines each runner prints, or undefined when none was found
 * (types and lint print no counts). The last occurrence wins: a stage's own summary comes last.
 */
export function countsFrom(rawOutput) {
  // mocha and others colour their lines: read them without the terminal's escape sequences.
  // eslint-disable-next-line no-control-regex
  const output = rawOutput.replace(/\u001b\[[0-9;]*m/g, '');
  // node:test's spec reporter: "ℹ pass 194" / "ℹ fail 0".
  const nodePass = last(output, /^ℹ pass (\d+)$/gm);
  if (nodePass) return { passed: Number(nodePass[1]), failed: Number(last(output, /^ℹ fail (\d+)$/gm)?.[1] ?? 0), unit: 'tests' };
  // mocha (integration, restricted, web): "35 passing (12s)" / "2 failing".
  const passing = last(output, /^\s*(\d+) passing\b/gm);
  if (passing) return { passed: Number(passing[1]), failed: Number(last(output, /^\s*(\d+) failing\b/gm)?.[1] ?? 0), unit: 'tests' };
  // Robustness suite, statute and mention evaluations, start test: "2035 checks, 0 failed".
  const checks = last(output, /^(\d+) checks, (\d+) failed\b/gm);
  if (checks) return { passed: Number(checks[1]) - Number(checks[2]), failed: Number(checks[2]), unit: 'checks' };
  // Grammar tests.
  const grammarPassed = last(output, /^grammar tests passed: (\d+) assertions/gm);
  if (grammarPassed) return { passed: Number(grammarPassed[1]), failed: 0, unit: 'assertions' };
  const grammarFailed = last(output, /^grammar tests failed: (\d+) failures \(of (\d+) assertions/gm);
  if (grammarFailed) return { passed: Math.max(0, Number(grammarFailed[2]) - Number(grammarFailed[1])), failed: Number(grammarFailed[1]), unit: 'assertions' };
  return undefined;
}

export function formatTable(results) {
  const rows = results.map(({ stage, code, seconds, counts }) => [
    stage.name,
    code === 0 ? 'passed' : `FAILED (exit ${code})`,
    counts ? `${counts.passed} passed, ${counts.failed} failed ${counts.unit}` : '—',
    `${seconds.toFixed(1)} s`,
  ]);
  const header = ['stage', 'result', 'counts', 'time'];
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => row[column].length)));
  const line = (cells) => `| ${cells.map((cell, column) => cell.padEnd(widths[column])).join(' | ')} |`;
  return [line(header), line(widths.map((width) => '-'.repeat(width))), ...rows.map(line)].join('\n');
}
