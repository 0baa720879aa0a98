import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ESLint } from 'eslint';

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
