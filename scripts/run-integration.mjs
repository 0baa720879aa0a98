// Chooses the launcher for the integration suite:
// - @vscode/test-electron when a VS Code desktop can be had: `--electron`, POLICY_ANNOTATOR_LAUNCHER=electron,
//   VSCODE_EXECUTABLE_PATH, or a VS Code already downloaded into .vscode-test/;
// - otherwise the offline launcher (code-server + headless Chromium), as here and in CI.
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { repoRoot } from './offline/install.mjs';

const args = process.argv.slice(2);
const cachedDesktop = existsSync(path.join(repoRoot, '.vscode-test')) && readdirSync(path.join(repoRoot, '.vscode-test')).some((name) => name.startsWith('vscode-'));
const requested = args.includes('--electron') ? 'electron' : args.includes('--offline') ? 'offline' : process.env.POLICY_ANNOTATOR_LAUNCHER;
const launcher = requested ?? (process.env.VSCODE_EXECUTABLE_PATH || cachedDesktop ? 'electron' : 'offline');
if (launcher !== 'electron' && launcher !== 'offline') {
  console.error(`[policy-annotator] unknown launcher "${launcher}": use electron or offline`);
  process.exit(2);
}
console.log(`[policy-annotator] integration tests with the ${launcher === 'electron' ? '@vscode/test-electron' : 'offline code-server + Chromium'} launcher`);
await import(launcher === 'electron' ? './electron/run-tests.mjs' : './offline/run-tests.mjs');
