// `npm start`: builds the extension, opens a real VS Code (code-server on 127.0.0.1) with it loaded and a
// workspace, and prints the URL to open. It stops everything — the build, code-server and its helpers, the
// temporary folders — on SIGINT, SIGTERM or SIGHUP sent to it or to the npm process alone: a task runner,
// `timeout` or a supervisor signals one PID, not the process group. npm forwards SIGINT and SIGTERM but not
// SIGHUP (npm then dies and leaves us behind), so we also stop when our parent process goes away.
//   npm start [-- --workspace <dir>] [--port <n>] [--desktop]
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { ensureHarness, fail, repoRoot } from './offline/install.mjs';
import { createSandboxWithExtension, startCodeServer } from './offline/codeServer.mjs';

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const index = args.indexOf(name);
  if (index === -1) return fallback;
  const value = args[index + 1];
  if (value === undefined || value.startsWith('--')) fail(`${name} needs a value`);
  return value;
};
const defaultWorkspace = path.join(repoRoot, 'sample');
const workspace = path.resolve(option('--workspace', defaultWorkspace));
if (!existsSync(workspace) || !statSync(workspace).isDirectory()) fail(`--workspace: ${workspace} is not a folder`);
const portText = option('--port', '0');
const port = Number(portText);
if (!Number.isInteger(port) || port < 0 || port > 65535) fail(`--port takes a number from 0 to 65535, not "${portText}"`);

// Everything to undo on the way out, newest first.
const cleanups = [];
let stopping = false;
function cleanUp() {
  if (stopping) return;
  stopping = true;
  for (const cleanup of cleanups.reverse()) {
    try {
      cleanup();
    } catch {
      // keep cleaning up the rest
    }
  }
}
function stop(exitCode) {
  cleanUp();
  process.exit(exitCode);
}
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(signal, () => stop(130));
// `fail()` and normal ends exit directly: clean up there too.
process.on('exit', cleanUp);
// Reparented (our parent, e.g. npm after a SIGHUP, is gone): nobody is left to stop us, so stop now.
const parent = process.ppid;
const parentWatch = setInterval(() => {
  if (process.ppid !== parent) {
    console.error('[policy-annotator] the parent process has gone: stopping.');
    stop(129);
  }
}, 250);
parentWatch.unref();

/** The build as a child process we can stop, instead of `esbuild && start` in a shell npm cannot signal. */
function build() {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [path.join(repoRoot, 'esbuild.mjs')], { cwd: repoRoot, stdio: 'inherit' });
    const kill = () => child.kill('SIGKILL');
    cleanups.push(kill);
    child.on('close', (code) => {
      cleanups.splice(cleanups.indexOf(kill), 1);
      resolve(code ?? 1);
    });
  });
}

/** The Markdown file to name in the welcome message: the sample's article, else the folder's first one. */
function articleToOpen(folder) {
  if (folder === defaultWorkspace) return { file: '英美人工智慧安全合作備忘錄.md', hint: ' and hover 布萊切利宣言' };
  const queue = [folder];
  for (let visited = 0; queue.length > 0 && visited < 2000; visited++) {
    const dir = queue.shift();
    let entries;
    try {
      entries = readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name));
    } catch {
      continue;
    }
    const markdown = entries.find((entry) => entry.isFile() && /\.(md|markdown)$/i.test(entry.name));
    if (markdown) return { file: path.relative(folder, path.join(dir, markdown.name)), hint: '' };
    for (const entry of entries) if (entry.isDirectory() && !entry.name.startsWith('.') && entry.name !== 'node_modules') queue.push(path.join(dir, entry.name));
  }
  return undefined;
}

if ((await build()) !== 0) stop(1);

if (args.includes('--desktop')) {
  if (spawnSync('code', ['--version'], { stdio: 'ignore' }).status !== 0) fail('--desktop needs a `code` executable on PATH (VS Code desktop); run `npm start` without it to use code-server.');
  const child = spawn('code', ['--new-window', `--extensionDevelopmentPath=${repoRoot}`, workspace], { stdio: 'inherit' });
  child.on('exit', (code) => stop(code ?? 0));
} else {
  const harness = ensureHarness();
  const sandbox = createSandboxWithExtension('policy-annotator-start-');
  cleanups.push(() => sandbox.remove());
  const server = startCodeServer({ harness, sandbox, port });
  cleanups.push(() => server.stop());
  try {
    const url = await server.ready;
    url.searchParams.set('folder', workspace);
    const article = articleToOpen(workspace);
    console.log(`\n  Policy Annotator is running in VS Code (code-server on ${url.host}, pid ${process.pid}).`);
    console.log(`  Open:  ${url.href}`);
    console.log(article ? `  Then open ${article.file}${article.hint}.` : `  ${workspace} has no Markdown file: create one to try the extension.`);
    console.log('  Ctrl+C stops the server.\n');
  } catch (error) {
    console.error(`[policy-annotator] ${error instanceof Error ? error.message : String(error)}`);
    stop(1);
  }
  // Keep running until a signal; a server that dies takes this process with it.
  server.child.on('exit', (code) => {
    if (stopping) return;
    console.error(`[policy-annotator] code-server exited (${code}).`);
    stop(code ?? 1);
  });
}
