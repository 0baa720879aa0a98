// npm run test:grammar: the injection grammar's tests.
//  1. syntaxes/policy-markdown.injection.tmLanguage.json is what scripts/grammar/build-grammar.mjs writes;
//  2. package.json contributes it with injectTo text.html.markdown (the wiring VS Code uses);
//  3. test/grammar/*.md pass under vscode-tmgrammar-test's CLI, with the committed copy of VS Code's
//     Markdown grammar as the base (--base <file> picks another, e.g. an installed VS Code's) and
//     package.json as the configuration, so the injection is applied exactly as contributed (a small
//     stand-in for the HTML grammar Markdown includes makes HTML comments comments);
//  4. long and adversarial lines tokenise in bounded time (a catastrophic regex would take seconds).
// Exits 1 on any failure.
//
// Writing assertions (format: node_modules/vscode-tmgrammar-test/README.md): the first line is
// `<!-- SYNTAX TEST "text.html.markdown" "description"`; an assertion line starts with `<!--` and has no
// closing `-->`; its carets point at columns of the source line above (UTF-16 code units, so one per CJK
// character); carets cannot reach columns 0–3 under `<!--`, so `<!-- <~~---- scope` asserts 4 characters
// from column 2. `- scope` asserts a scope is absent. Assertion lines are dropped before tokenising, so
// keep a blank line between test paragraphs. `node scripts/grammar/tokenize.mjs -e '…'` shows the scopes.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { grammarPath, grammarText, repoRoot, SCOPE_NAME } from './build-grammar.mjs';
import { committedBaseGrammar, emptyGrammar, harnessBaseGrammar, htmlStandIn, includedScopes } from './registry.mjs';
import { checkPerformance } from './performance.mjs';

const started = performance.now();
const failures = [];
const relative = (file) => path.relative(repoRoot, file) || file;

// 1. Generated grammar up to date.
if (readFileSync(grammarPath, 'utf8') !== grammarText()) {
  failures.push(`${relative(grammarPath)} is not what scripts/grammar/build-grammar.mjs writes: edit the builder and run node scripts/grammar/build-grammar.mjs`);
}

// 2. The contribution in package.json.
const packageJsonPath = path.join(repoRoot, 'package.json');
const contributed = JSON.parse(readFileSync(packageJsonPath, 'utf8')).contributes?.grammars ?? [];
const entry = contributed.find((grammar) => grammar.scopeName === SCOPE_NAME);
if (!entry) failures.push(`package.json contributes.grammars has no entry with scopeName ${SCOPE_NAME}`);
else {
  if (path.resolve(repoRoot, entry.path ?? '') !== grammarPath) failures.push(`package.json grammar ${SCOPE_NAME} has path ${entry.path}, expected ./${relative(grammarPath)}`);
  if (!entry.injectTo?.includes('text.html.markdown')) failures.push(`package.json grammar ${SCOPE_NAME} must have "injectTo": ["text.html.markdown"]`);
}

// 3. The assertions.
const args = process.argv.slice(2);
const baseIndex = args.indexOf('--base');
const baseGrammar = baseIndex >= 0 ? path.resolve(args[baseIndex + 1] ?? '') : committedBaseGrammar;
if (!existsSync(baseGrammar)) {
  console.error(`base Markdown grammar not found: ${baseGrammar}`);
  process.exit(1);
}
if (baseIndex < 0 && existsSync(harnessBaseGrammar) && readFileSync(harnessBaseGrammar, 'utf8') !== readFileSync(committedBaseGrammar, 'utf8')) {
  console.log(`note: the installed VS Code's Markdown grammar differs from ${relative(committedBaseGrammar)}; try --base ${relative(harnessBaseGrammar)}`);
}

const testDir = path.join(repoRoot, 'test/grammar');
const testFiles = readdirSync(testDir).filter((name) => name.endsWith('.md')).sort();
const requireFromHere = createRequire(import.meta.url);
const runnerPackage = requireFromHere.resolve('vscode-tmgrammar-test/package.json');
const { parseGrammarTestCase } = createRequire(runnerPackage)('./dist/unit/parsing.js');
let assertionCount = 0;
for (const name of testFiles) {
  const testCase = parseGrammarTestCase(readFileSync(path.join(testDir, name), 'utf8'));
  assertionCount += testCase.assertions.reduce((sum, line) => sum + line.scopeAssertions.length, 0);
}
if (testFiles.length === 0 || assertionCount === 0) failures.push(`no assertions found in ${relative(testDir)}/*.md`);

// Empty stand-ins for the grammars Markdown embeds (see includedScopes), written to a temporary folder.
const standInDir = mkdtempSync(path.join(tmpdir(), 'policy-grammar-'));
const standIns = includedScopes(baseGrammar).map((scopeName) => {
  const file = path.join(standInDir, `${scopeName}.tmLanguage.json`);
  writeFileSync(file, JSON.stringify(emptyGrammar(scopeName)));
  return file;
});

const cli = path.join(path.dirname(runnerPackage), requireFromHere(runnerPackage).bin['vscode-tmgrammar-test']);
const cliArgs = [cli, '--config', packageJsonPath, '-g', baseGrammar, '-g', htmlStandIn, ...standIns.flatMap((file) => ['-g', file]), ...testFiles.map((name) => path.join(testDir, name))];
console.log(`vscode-tmgrammar-test: ${testFiles.length} files, ${assertionCount} assertions, base grammar ${relative(baseGrammar)}`);
const cliExit = await new Promise((resolve) => {
  const child = spawn(process.execPath, cliArgs, { cwd: repoRoot, stdio: ['ignore', 'inherit', 'inherit'] });
  child.on('close', (code) => {
    rmSync(standInDir, { recursive: true, force: true });
    resolve(code);
  });
});
if (cliExit !== 0) failures.push(`vscode-tmgrammar-test failed (exit code ${cliExit})`);

// 4. Bounded time on long and adversarial lines.
const performanceReport = await checkPerformance(baseGrammar);
for (const line of performanceReport.lines) console.log(line);
failures.push(...performanceReport.failures);

const seconds = ((performance.now() - started) / 1000).toFixed(1);
if (failures.length) {
  for (const failure of failures) console.error(`FAIL ${failure}`);
  console.error(`grammar tests failed: ${failures.length} failures (of ${assertionCount} assertions and the speed checks), ${seconds} s`);
  process.exit(1);
}
console.log(`grammar tests passed: ${assertionCount} assertions in ${testFiles.length} files, ${seconds} s`);
