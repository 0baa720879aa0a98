// `npm start` stops everything when one signal reaches the npm process alone, as a task runner, `timeout`
// or a supervisor sends it (not the whole process group, as a terminal's Ctrl+C does). Runs the real thing:
// npm, the build, code-server and its helpers. Needs the offline harness (installed by the integration stage,
// or by this test on first use).
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';

const repoRoot = path.resolve(import.meta.dirname, '..', '..');
const fixtureWorkspace = path.join(repoRoot, 'test', 'fixtures', 'workspace');

/** Every live process whose chain of parents includes `root` (read from /proc; Linux). */
function descendants(root) {
  const parents = new Map();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      // Fields after the command name, which is in parentheses and may contain spaces.
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      if (fields[0] !== 'Z') parents.set(Number(name), Number(fields[1]));
    } catch {
      // gone meanwhile
    }
  }
  const found = [];
  for (const pid of parents.keys()) {
    for (let current = parents.get(pid); current; current = parents.get(current)) {
      if (current === root) {
        found.push(pid);
        break;
      }
    }
  }
  return found;
}

const alive = (pid) => {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2)[0] !== 'Z';
  } catch {
    return false;
  }
};

/** Starts `npm start` in a new process group and resolves once it prints the URL, with its output so far. */
function startNpm() {
  const child = spawn('npm', ['start', '--', '--workspace', fixtureWorkspace], { cwd: repoRoot, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const ready = new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`npm start printed no URL within 240 s:\n${output}`)), 240_000);
    const onData = (chunk) => {
      output += chunk.toString();
      if (/Ctrl\+C stops the server/.test(output)) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`npm start exited (${code}) before printing the URL:\n${output}`));
    });
  });
  return { child, ready, output: () => output };
}

/** Resolves when none of `pids` is alive; rejects after `ms`. Polls /proc: there is no event for another process's end. */
function allGone(pids, ms) {
  return new Promise((resolve, reject) => {
    const deadline = Date.now() + ms;
    const check = () => {
      const left = pids.filter(alive);
      if (left.length === 0) return resolve();
      if (Date.now() > deadline) return reject(new Error(`still running ${ms / 1000} s after the signal: ${left.join(', ')}`));
      setTimeout(check, 100);
    };
    check();
  });
}

describe('npm start', { skip: process.platform !== 'linux' && 'reads /proc' }, () => {
  for (const signal of ['SIGTERM', 'SIGINT', 'SIGHUP']) {
    it(`stops the build, code-server and its helpers on ${signal} to the npm process alone`, async () => {
      const npm = startNpm();
      try {
        await npm.ready;
        const tree = descendants(npm.child.pid);
        // npm, start.mjs and code-server at least (code-server starts its own helpers).
        assert.ok(tree.length >= 2, `processes under npm: ${tree.length}`);
        process.kill(npm.child.pid, signal);
        await allGone([npm.child.pid, ...tree], 15_000);
      } finally {
        try {
          process.kill(-npm.child.pid, 'SIGKILL');
        } catch {
          // already gone: what the test expects
        }
      }
      const output = npm.output();
      assert.doesNotMatch(output, /\[watch\]/, 'no [watch] lines outside watch mode');
      const named = /Then open (.+)\.\n/.exec(output);
      assert.ok(named, output);
      assert.ok(existsSync(path.join(fixtureWorkspace, named[1])), `names a file of the workspace: ${named[1]}`);
      assert.match(named[1], /\.md$/);
    });
  }
});
