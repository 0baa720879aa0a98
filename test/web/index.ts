// Entry point of the web smoke suite, loaded by VS Code's web worker extension host as extensionTestsPath
// (through @vscode/test-web, scripts/web/run-tests.mjs). A web worker has no Node `require` and no file
// system, so mocha's browser build is bundled in and every test file is bundled into this one file:
// esbuild.mjs generates the entry that imports this module first and then each test/web/*.test.ts.
import 'mocha/mocha.js';

// The browser build's default reporter is 'html', which needs a DOM; 'spec' prints through console.log,
// which the web host forwards to the runner's terminal.
mocha.setup({ ui: 'tdd', reporter: 'spec', color: false, timeout: 30_000 });

export function run(): Promise<void> {
  return new Promise((resolve, reject) => {
    try {
      mocha.run((failures) => (failures > 0 ? reject(new Error(`${failures} web test(s) failed`)) : resolve()));
    } catch (error) {
      reject(error instanceof Error ? error : new Error(String(error)));
    }
  });
}
