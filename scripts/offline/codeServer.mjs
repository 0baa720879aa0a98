// Starts and stops a code-server (a real VS Code server from npm) for tests and for `npm start`.
import { spawn } from 'node:child_process';
import { mkdtempSync, mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fail, repoRoot } from './install.mjs';

/** A throw-away HOME: code-server and Chromium write under HOME and XDG dirs. */
export function createSandbox(prefix) {
  const root = mkdtempSync(path.join(os.tmpdir(), prefix));
  const dirs = {
    root,
    home: path.join(root, 'home'),
    userData: path.join(root, 'user-data'),
    extensions: path.join(root, 'extensions'),
    browserProfile: path.join(root, 'browser'),
  };
  for (const dir of Object.values(dirs)) mkdirSync(dir, { recursive: true });
  return {
    ...dirs,
    env: {
      HOME: dirs.home,
      XDG_CONFIG_HOME: path.join(dirs.home, '.config'),
      XDG_DATA_HOME: path.join(dirs.home, '.local', 'share'),
      XDG_CACHE_HOME: path.join(dirs.home, '.cache'),
    },
    remove: () => rmSync(root, { recursive: true, force: true }),
  };
}

/** A sandbox whose extensions folder loads this extension as if installed, for interactive use. */
export function createSandboxWithExtension(prefix) {
  const sandbox = createSandbox(prefix);
  const manifest = JSON.parse(readFileSync(path.join(repoRoot, 'package.json'), 'utf8'));
  // A symlink loads the extension as installed (`--install-extension <folder>` fails).
  symlinkSync(repoRoot, path.join(sandbox.extensions, `${manifest.publisher}.${manifest.name}-${manifest.version}`), 'dir');
  const userSettings = path.join(sandbox.userData, 'User');
  mkdirSync(userSettings, { recursive: true });
  writeFileSync(
    path.join(userSettings, 'settings.json'),
    JSON.stringify(
      { 'workbench.startupEditor': 'none', 'security.workspace.trust.enabled': false, 'extensions.autoCheckUpdates': false, 'extensions.autoUpdate': false, 'workbench.tips.enabled': false,
        // A quiet window for demos and screenshots: no git prompt for the parent repository, no chat panel.
        'git.openRepositoryInParentFolders': 'never',
        'workbench.secondarySideBar.defaultVisibility': 'hidden',
        'chat.disableAIFeatures': true,
      },
      null,
      2,
    ),
  );
  return sandbox;
}

/**
 * Starts code-server in its own process group (it starts helpers) and resolves with its URL once it logs
 * `HTTP server listening on`. `stop()` kills the whole group.
 */
/** `workspaceTrust: true` keeps VS Code's workspace trust on, so an opened folder starts in Restricted Mode. */
export function startCodeServer({ harness, sandbox, host = '127.0.0.1', port = 0, smokeTestDriver = false, extraEnv = {}, startTimeoutMs = 90_000, workspaceTrust = false }) {
  const args = [
    harness.codeServerEntry,
    '--bind-addr', `${host}:${port}`,
    '--auth', 'none',
    '--config', '/dev/null',
    '--disable-telemetry',
    '--disable-update-check',
    ...(workspaceTrust ? [] : ['--disable-workspace-trust']),
    '--disable-getting-started-override',
    '--user-data-dir', sandbox.userData,
    '--extensions-dir', sandbox.extensions,
  ];
  // Without this flag the server silently ignores the test payload the browser sends.
  if (smokeTestDriver) args.push('--vscode-option', 'enable-smoke-test-driver');
  const child = spawn(harness.node24, args, {
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, ...sandbox.env, ...extraEnv },
  });
  let log = '';
  let stopped = false;
  // SIGKILL to the whole group: the server keeps nothing worth a graceful shutdown (its folders are
  // temporary), and a signal that cannot be ignored is what guarantees no process is left behind.
  const stop = () => {
    if (stopped) return;
    stopped = true;
    try {
      process.kill(-child.pid, 'SIGKILL');
    } catch {
      // already gone
    }
  };
  const ready = new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`code-server did not start within ${startTimeoutMs / 1000} s. Its log:\n${log}`)), startTimeoutMs);
    const onData = (chunk) => {
      const text = chunk.toString();
      log += text;
      if (process.env.POLICY_ANNOTATOR_VERBOSE) process.stderr.write(text);
      const match = /HTTP server listening on (http:\/\/[^\s]+)/.exec(log);
      if (match) {
        clearTimeout(timer);
        resolve(new URL(match[1]));
      }
      const busy = /EADDRINUSE/.exec(log);
      if (busy) {
        clearTimeout(timer);
        reject(new Error(`port ${port} on ${host} is already in use: choose another with --port <n> (or 0 for any free port)`));
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      if (!stopped) reject(new Error(`code-server exited early (${code ?? signal}). Its log:\n${log}`));
    });
  });
  return { ready, stop, child, log: () => log };
}

/** Kills children and removes temp folders on Ctrl+C, termination and normal exit. */
export function onShutdown(cleanup) {
  let done = false;
  const run = () => {
    if (done) return;
    done = true;
    cleanup();
  };
  process.on('exit', run);
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
    process.on(signal, () => {
      run();
      process.exit(130);
    });
  }
  return run;
}

export { fail };
