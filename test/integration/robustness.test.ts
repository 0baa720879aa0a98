import * as assert from 'node:assert/strict';
import { mkdtempSync, rmSync, symlinkSync, unlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as vscode from 'vscode';
import type { PolicyAnnotatorApi } from '../../src/extension';
import { findActivity } from '../robustness/markdownActivity';
import { activateExtension, hoverAt, ourDiagnostics, positionOf, waitForCorpus, workspaceFile } from './helpers';

const HOSTILE = '[x](command:workbench.action.terminal.new) <img src=x onerror=alert(1)> $(zap) ![](https://tracker.example/x.png) https://evil.example';
const OUR_COMMANDS = /^command:policyAnnotator\.(openSource|showRecord)\?/;

/** A published diagnostic as comparable text. */
const describe = (diagnostic: vscode.Diagnostic) => `${diagnostic.code}@${diagnostic.range.start.line}:${diagnostic.range.start.character}-${diagnostic.range.end.line}:${diagnostic.range.end.character} ${diagnostic.severity} ${diagnostic.message}`;

suite('robustness', () => {
  let api: PolicyAnnotatorApi;
  suiteSetup(async () => {
    api = await activateExtension();
  });

  test('a hostile corpus record: its hover shows the text, and nothing in it is active but our own commands', async () => {
    const file = workspaceFile('corpus/robustness-hostile.json');
    await vscode.workspace.fs.writeFile(file, new TextEncoder().encode(JSON.stringify([{ id: 'robustness-hostile', type: 'report', title: HOSTILE, aliases: ['敵意測試紀錄'], publisher: HOSTILE, summary: HOSTILE, tags: [HOSTILE], url: 'javascript:alert(1)' }])));
    try {
      await waitForCorpus(api, () => api.hasRecord('robustness-hostile'), 'the hostile record');
      const document = await vscode.workspace.openTextDocument({ language: 'markdown', content: '# 測試\n\n本文提到敵意測試紀錄。\n' });
      const markdown = await hoverAt(document, positionOf(document, '敵意測試紀錄', 2));
      assert.ok(markdown.includes('\\[x\\]\\(command\\:workbench'), markdown);
      const active = findActivity(markdown).filter((activity) => !(activity.kind === 'link' && OUR_COMMANDS.test(activity.destination ?? '')));
      assert.deepEqual(active, [], markdown);
      const commandLinks = findActivity(markdown).filter((activity) => activity.destination?.startsWith('command:'));
      assert.equal(commandLinks.length, 1, 'only "Show record": the javascript: url is not linked');
    } finally {
      await vscode.workspace.fs.delete(file);
      await waitForCorpus(api, () => !api.hasRecord('robustness-hostile'), 'the hostile record to go');
    }
  });

  test('a symbolic link in the corpus folder to a file outside the workspace: not read, a diagnostic on the link', async () => {
    const outside = mkdtempSync(path.join(os.tmpdir(), 'policy-annotator-outside-'));
    const target = path.join(outside, 'secret.md');
    writeFileSync(target, '---\nid: robustness-outside-secret\ntitle: Outside secret\ntype: report\n---\n');
    const link = workspaceFile('corpus/robustness-link.md');
    symlinkSync(target, link.fsPath);
    try {
      const diagnostics = await ourDiagnostics(link, (list) => list.some((diagnostic) => diagnostic.code === 'corpus-outside-workspace'));
      assert.equal(diagnostics.length, 1, diagnostics.map((diagnostic) => diagnostic.message).join(' | '));
      assert.ok(!api.hasRecord('robustness-outside-secret'));
    } finally {
      unlinkSync(link.fsPath);
      rmSync(outside, { recursive: true, force: true });
      await ourDiagnostics(link, (list) => list.length === 0);
    }
  });

  test('a hostile tag: the tag hover shows it literally, with nothing active', async () => {
    const document = await vscode.workspace.openTextDocument({ language: 'markdown', content: `# 測試\n\n內文。\n\n文章標籤\n\n${HOSTILE.replace(/ /g, '')}\n` });
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, positionOf(document, 'command', 1));
    const markdown = hovers.flatMap((hover) => hover.contents).map((content) => (typeof content === 'string' ? content : content.value)).join('\n');
    assert.ok(markdown.includes('not in the tag taxonomy'), markdown);
    assert.deepEqual(findActivity(markdown), [], markdown);
  });

  test('100 rapid edits: once they settle, the published diagnostics equal a fresh computation of the last version', async function () {
    this.timeout(120_000);
    const document = await vscode.workspace.openTextDocument({ language: 'markdown', content: '# 英美人工智慧安全合作備忘錄\n\n布萊切利宣言。\n\n相關連結\n\n' });
    await vscode.window.showTextDocument(document);
    const started = Date.now();
    // One edit after another, as fast as the workbench applies them (each is a round trip to it).
    for (let step = 0; step < 100; step++) {
      const edit = new vscode.WorkspaceEdit();
      // Every third edit adds a placeholder link, so versions differ in their diagnostics.
      edit.insert(document.uri, new vscode.Position(4, 0), step % 3 === 2 ? '- [布萊切利宣言](#)\n' : step % 2 ? 'AI安全研究所\n' : '，\n');
      assert.ok(await vscode.workspace.applyEdit(edit), `edit ${step} applied`);
    }
    assert.equal(document.version, 101);
    const editsMs = Date.now() - started;
    const expected = () => api.freshDiagnostics(document).map(describe).sort();
    const published = await ourDiagnostics(document.uri, (list) => JSON.stringify(list.map(describe).sort()) === JSON.stringify(expected()), 60_000);
    assert.equal(published.filter((diagnostic) => diagnostic.code === 'placeholder-link').length, 33);
    console.log(`      100 edits in ${editsMs} ms (${Math.round(100_000 / Math.max(1, editsMs))}/s); settled ${Date.now() - started - editsMs} ms later`);
  });
});
