// Runs the integration suite inside a real VS Code offline: code-server (VS Code server + Node extension
// host) driven by headless Debian Chromium through playwright-core. The browser requests the test run
// with the smoke-test payload; VS Code calls codeAutomationExit(code) when the extension host is done.
import { createRequire } from 'node:module';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { format } from 'node:util';
import { ensureHarness, repoRoot, requireChromium } from './install.mjs';
import { createSandbox, onShutdown, startCodeServer } from './codeServer.mjs';
import { copyFixtureWorkspace } from '../fixtureWorkspace.mjs';

const verbose = Boolean(process.env.POLICY_ANNOTATOR_VERBOSE);
// The workbench logs its own chatter (chat, GitHub sign-in, marketplace) through the same channel.
const isWorkbenchNoise = (line) =>
  /^(\[(ChatModelSelection|AgentHost|AgentHost:remote|AccountPolicyGate|Service Worker|reconnection-grace-time)\]|Resolving connection token|Resolved connection token|Creating a socket|Updating additional builtin|Creation of workbench contribution|Timed out waiting for authentication|No signed-in session)/.test(
    line,
  ) || /open-vsx|marketplace|api\.github\.com/i.test(line);
const overallTimeoutMs = Number(process.env.POLICY_ANNOTATOR_TEST_TIMEOUT_MS ?? 10 * 60_000);
// --restricted: the Restricted Mode suite, in an untrusted workspace (workspace trust on, never granted).
const restricted = process.argv.includes('--restricted');
// A temporary copy of the fixture folder (tests write into their workspace), unless one is named.
const fixture = process.env.POLICY_ANNOTATOR_TEST_WORKSPACE ? undefined : copyFixtureWorkspace(restricted ? 'restricted-workspace' : 'workspace');
const workspace = path.resolve(process.env.POLICY_ANNOTATOR_TEST_WORKSPACE ?? fixture.workspace);
const extensionTests = path.join(repoRoot, 'out', restricted ? 'test-restricted' : 'test', 'index.js');

const chromium = requireChromium();
const harness = ensureHarness();
const { chromium: playwright } = createRequire(import.meta.url)(harness.playwright);

const started = Date.now();
const sandbox = createSandbox('policy-annotator-test-');
if (restricted) {
  // Trust stays on and is never asked for: the folder opens untrusted, without a modal prompt.
  mkdirSync(path.join(sandbox.userData, 'User'), { recursive: true });
  writeFileSync(path.join(sandbox.userData, 'User', 'settings.json'), JSON.stringify({ 'security.workspace.trust.enabled': true, 'security.workspace.trust.startupPrompt': 'never', 'security.workspace.trust.banner': 'never' }));
}
const server = startCodeServer({ harness, sandbox, smokeTestDriver: true, workspaceTrust: restricted });
let browser;
const cleanup = onShutdown(() => {
  server.stop();
  browser?.close().catch(() => {});
  sandbox.remove();
  fixture?.remove();
});

async function finish(code, message) {
  if (message) console.error(`\n[policy-annotator] ${message}`);
  await browser?.close().catch(() => {});
  console.log(`[policy-annotator] integration run finished in ${((Date.now() - started) / 1000).toFixed(1)} s with exit code ${code}`);
  cleanup();
  process.exit(code);
}

const timer = setTimeout(() => void finish(1, `the integration run timed out after ${overallTimeoutMs / 1000} s`), overallTimeoutMs);

try {
  const url = await server.ready;
  const remote = (absolute) => `vscode-remote://${url.host}${absolute}`;
  const payload = [
    ['extensionDevelopmentPath', remote(repoRoot)],
    ['extensionTestsPath', remote(extensionTests)],
    ['skipWelcome', 'true'],
    ['extensionEnvironment', JSON.stringify({ POLICY_ANNOTATOR_TEST_GREP: process.env.POLICY_ANNOTATOR_TEST_GREP ?? '' })],
  ];
  const target = new URL(url);
  target.searchParams.set('folder', workspace);
  target.searchParams.set('payload', JSON.stringify(payload));

  browser = await playwright.launch({
    executablePath: chromium,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'],
  });
  const page = await browser.newPage();
  page.on('pageerror', (error) => console.error(`[browser] ${error.message}`));
  await page.exposeFunction('codeAutomationLog', (type, args) => {
    // Mocha's reporter logs printf-style ('%d passing'), so format like console.log does.
    const line = format(...(Array.isArray(args) ? args : [args]));
    if (!verbose && isWorkbenchNoise(line)) return;
    (type === 'error' ? console.error : console.log)(line);
  });
  const exitCode = new Promise((resolve) => page.exposeFunction('codeAutomationExit', (code) => resolve(Number(code))));
  // A loaded machine (CI beside other work) can take long to serve the workbench: wait up to 2 minutes.
  await page.goto(target.href, { timeout: 120_000 });
  const code = await exitCode;
  clearTimeout(timer);
  await finish(code, code === 0 ? undefined : `integration tests failed (extension host exit code ${code})`);
} catch (error) {
  clearTimeout(timer);
  await finish(1, error instanceof Error ? error.message : String(error));
}
