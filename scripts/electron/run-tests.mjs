// Runs the integration suite with @vscode/test-electron: downloads VS Code desktop (where it can be
// downloaded) and starts it with the extension and the suite. Same suite as the offline launcher.
import path from 'node:path';
import { runTests } from '@vscode/test-electron';
import { repoRoot } from '../offline/install.mjs';
import { copyFixtureWorkspace } from '../fixtureWorkspace.mjs';

const fixture = copyFixtureWorkspace('workspace');

try {
  await runTests({
    version: process.env.VSCODE_TEST_VERSION ?? 'stable',
    ...(process.env.VSCODE_EXECUTABLE_PATH ? { vscodeExecutablePath: process.env.VSCODE_EXECUTABLE_PATH } : {}),
    extensionDevelopmentPath: repoRoot,
    extensionTestsPath: path.join(repoRoot, 'out', 'test', 'index.js'),
    extensionTestsEnv: { POLICY_ANNOTATOR_TEST_GREP: process.env.POLICY_ANNOTATOR_TEST_GREP ?? '' },
    launchArgs: [fixture.workspace, '--disable-extensions', '--disable-workspace-trust'],
  });
} catch (error) {
  console.error(`[policy-annotator] integration tests failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
} finally {
  fixture.remove();
}
