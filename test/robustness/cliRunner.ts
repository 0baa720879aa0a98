import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** What one run of dist/cli.js did; `timedOut` when it was killed after the time limit (a hang). */
export interface CliRun {
  readonly stdout: string;
  readonly stderr: string;
  readonly status: number | null;
  readonly timedOut: boolean;
  readonly wallMs: number;
}

/**
 * Runs the built CLI in a child process with a time limit and a memory limit, so a hang or a runaway
 * allocation is a failed check, not a stuck suite (the old code read /dev/zero forever).
 */
export function runCli(repoRoot: string, cwd: string, args: readonly string[], timeoutMs = 30_000): CliRun {
  const started = performance.now();
  const result = spawnSync(process.execPath, ['--max-old-space-size=1024', path.join(repoRoot, 'dist', 'cli.js'), ...args], {
    cwd,
    encoding: 'utf8',
    timeout: timeoutMs,
    killSignal: 'SIGKILL',
    maxBuffer: 256 * 1024 * 1024,
    env: { ...process.env, NO_COLOR: '1' },
  });
  const timedOut = (result.error as { code?: string } | undefined)?.code === 'ETIMEDOUT' || result.signal === 'SIGKILL';
  return { stdout: result.stdout ?? '', stderr: result.stderr ?? '', status: result.status, timedOut, wallMs: performance.now() - started };
}

/** A temporary folder with the given files (paths relative to it; folders created). */
export function workspace(prefix: string, files: Record<string, string | Uint8Array>): string {
  const root = mkdtempSync(path.join(os.tmpdir(), `policy-annotator-${prefix}-`));
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, name)), { recursive: true });
    writeFileSync(path.join(root, name), content);
  }
  return root;
}

/** A short description of a run for a failed check. */
export function describeRun(run: CliRun): string {
  return `status ${run.status}${run.timedOut ? ' (killed after the time limit)' : ''}, ${Math.round(run.wallMs)} ms; stderr: ${JSON.stringify(run.stderr.slice(0, 300))}; stdout: ${JSON.stringify(run.stdout.slice(0, 300))}`;
}

/** Exit codes of a finished run that are not a crash (3 is an uncaught error, null a kill). */
export function finishedCleanly(run: CliRun): boolean {
  return !run.timedOut && (run.status === 0 || run.status === 1 || run.status === 2);
}
