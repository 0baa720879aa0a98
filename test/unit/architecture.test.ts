import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ESLint } from 'eslint';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

// The core must run without VS Code (CLI, browser, these tests): the lint rule is what keeps it so.
test('lint fails on a vscode import in src/core/', async () => {
  const eslint = new ESLint();
  const [result] = await eslint.lintText("import * as vscode from 'vscode';\nexport const x = vscode;\n", { filePath: 'src/core/offender.ts' });
  assert.ok(result?.messages.some((message) => message.ruleId === 'no-restricted-imports'), JSON.stringify(result?.messages));
});

test('the same import is allowed at the edge', async () => {
  const eslint = new ESLint();
  const [result] = await eslint.lintText("import * as vscode from 'vscode';\nexport const x = vscode;\n", { filePath: 'src/vscode/allowed.ts' });
  assert.deepEqual(result?.messages.filter((message) => message.ruleId === 'no-restricted-imports'), []);
});

test('a feature does not import another feature', async () => {
  const eslint = new ESLint();
  const [result] = await eslint.lintText("import { TAG_COMMANDS } from './tagCommands';\nexport const x = TAG_COMMANDS;\n", { filePath: 'src/features/offender.ts' });
  assert.ok(result?.messages.some((message) => message.ruleId === 'no-restricted-imports'), JSON.stringify(result?.messages));
  const [allowed] = await eslint.lintText("import { TAG_COMMANDS } from '../vscode/commandIds';\nexport const x = TAG_COMMANDS;\n", { filePath: 'src/features/fine.ts' });
  assert.deepEqual(allowed?.messages.filter((message) => message.ruleId === 'no-restricted-imports'), []);
});

/** Every file under `dir` (tracked or not), skipping build output and dependencies. */
function filesUnder(dir: string): string[] {
  const found: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) found.push(...filesUnder(full));
    else if (/\.(ts|mjs|js|json)$/.test(entry.name)) found.push(full);
  }
  return found;
}

// A fresh clone has nothing beside it: code, tests and scripts never name a path that leaves the repository
// (a sibling folder of the checkout, an absolute path on a developer's machine). Fixtures may hold such text as data.
test('nothing in src/, test/ or scripts/ reads outside the repository', () => {
  const root = path.resolve(__dirname, '..', '..');
  const offenders: string[] = [];
  for (const file of ['src', 'test', 'scripts', 'bench'].flatMap((dir) => filesUnder(path.join(root, dir)))) {
    const relative = path.relative(root, file);
    if (relative.startsWith(path.join('test', 'fixtures')) || relative.startsWith(path.join('test', 'robustness'))) continue;
    const text = readFileSync(file, 'utf8');
    text.split('\n').forEach((line, index) => {
      // A path that climbs above the repository root from where the file sits, or a machine's own folders.
      for (const match of line.matchAll(/['"`]((?:\.\.\/)+)([^'"`\s]*)['"`]/g)) {
        const target = path.resolve(path.dirname(file), match[1]! + match[2]!);
        if (!target.startsWith(root + path.sep) && target !== root) offenders.push(`${relative}:${index + 1}: ${match[0]}`);
      }
      if (/['"`]\/(work|home|Users|mnt)\//.test(line) || /\bshared\/(data|reference|notes)\b/.test(line)) offenders.push(`${relative}:${index + 1}`);
      // path.join/resolve(root|__dirname, '..', '..', …) climbing past the root is caught by the count of '..'.
      const climbs = /path\.(?:join|resolve)\(([^)]*)\)/.exec(line)?.[1];
      if (climbs && /'shared'|"shared"/.test(climbs)) offenders.push(`${relative}:${index + 1}`);
    });
  }
  assert.deepEqual(offenders, []);
});

// The desktop bundle is what every window loads at startup: 300 KB, with heavy parts (decisions, library
// readers, the official-data import) in files of their own loaded on first use. A web worker extension host
// loads one file only, so the web bundle carries those parts too: its limit is 1 MB.
test('both extension bundles stay under their size limits (desktop 300 KB, web 1 MB)', () => {
  const root = path.resolve(__dirname, '..', '..');
  // dist/ holds development builds (not minified) during tests: the limit is checked on production builds
  // made here, in a temporary folder.
  const out = mkdtempSync(path.join(tmpdir(), 'policy-bundle-'));
  try {
    execFileSync(process.execPath, [path.join(root, 'esbuild.mjs'), '--production', `--outdir-for-size=${out}`], { cwd: root, stdio: 'pipe' });
    for (const [name, limit] of [['extension.js', 300 * 1024], [path.join('web', 'extension.js'), 1024 * 1024]] as const) {
      const size = statSync(path.join(out, name)).size;
      assert.ok(size <= limit, `${name}: ${size} bytes, limit ${limit}`);
    }
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
});

// The core is layered: no module imports itself back through others, type-only imports included (a cycle
// makes the order of initialisation matter and hides which module owns a type).
test('no import cycles in src/', () => {
  const root = path.resolve(__dirname, '..', '..', 'src');
  const files = filesUnder(root).filter((file) => file.endsWith('.ts'));
  const resolveImport = (from: string, specifier: string) => {
    const base = path.resolve(path.dirname(from), specifier);
    return [`${base}.ts`, path.join(base, 'index.ts')].find((candidate) => files.includes(candidate));
  };
  const graph = new Map<string, string[]>();
  for (const file of files) {
    const text = readFileSync(file, 'utf8');
    const targets = [...text.matchAll(/^(?:import|export)\b[^;]*?\bfrom\s+'(\.[^']+)'/gms)].map((match) => resolveImport(file, match[1]!)).filter((target): target is string => target !== undefined);
    graph.set(file, targets);
  }
  const cycles: string[] = [];
  const state = new Map<string, 'visiting' | 'done'>();
  const visit = (file: string, trail: string[]) => {
    if (state.get(file) === 'done') return;
    if (state.get(file) === 'visiting') {
      cycles.push([...trail.slice(trail.indexOf(file)), file].map((entry) => path.relative(root, entry)).join(' → '));
      return;
    }
    state.set(file, 'visiting');
    for (const next of graph.get(file) ?? []) visit(next, [...trail, file]);
    state.set(file, 'done');
  };
  for (const file of files) visit(file, []);
  assert.deepEqual(cycles, []);
});
