// `npm start`: opens a real VS Code (code-server on 127.0.0.1) with the extension loaded and the sample
// workspace, and prints the URL to open. Ctrl+C stops it and leaves no process behind.
// `npm start -- --desktop` uses a `code` executable on PATH instead; `--port <n>` picks the port.
import { spawn, spawnSync } from 'node:child_process';
import path from 'node:path';
import { ensureHarness, fail, repoRoot } from './offline/install.mjs';
import { createSandboxWithExtension, onShutdown, startCodeServer } from './offline/codeServer.mjs';

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const index = args.indexOf(name);
  return index === -1 ? fallback : args[index + 1];
};
const workspace = path.resolve(option('--workspace', path.join(repoRoot, 'sample')));
const portText = option('--port', '0');
const port = Number(portText);
if (!Number.isInteger(port) || port < 0 || port > 65535) fail(`--port takes a number from 0 to 65535, not "${portText}"`);

if (args.includes('--desktop')) {
  if (spawnSync('code', ['--version'], { stdio: 'ignore' }).status !== 0) fail('--desktop needs a `code` executable on PATH (VS Code desktop); run `npm start` without it to use code-server.');
  const child = spawn('code', ['--new-window', `--extensionDevelopmentPath=${repoRoot}`, workspace], { stdio: 'inherit' });
  child.on('exit', (code) => process.exit(code ?? 0));
} else {
  const harness = ensureHarness();
  const sandbox = createSandboxWithExtension('policy-annotator-start-');
  const server = startCodeServer({ harness, sandbox, port });
  onShutdown(() => {
    server.stop();
    sandbox.remove();
  });
  try {
    const url = await server.ready;
    url.searchParams.set('folder', workspace);
    console.log(`\n  Policy Annotator is running in VS Code (code-server on ${url.host}).`);
    console.log(`  Open:  ${url.href}`);
    console.log('  Then open 英美人工智慧安全合作備忘錄.md and hover 布萊切利宣言. Ctrl+C stops the server.\n');
  } catch (error) {
    server.stop();
    sandbox.remove();
    fail(error instanceof Error ? error.message : String(error));
  }
  // Keep running until Ctrl+C; a server that dies takes this process with it.
  server.child.on('exit', (code) => {
    console.error(`[policy-annotator] code-server exited (${code}).`);
    process.exit(code ?? 1);
  });
}
