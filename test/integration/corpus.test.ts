import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { PolicyAnnotatorApi } from '../../src/extension';
import { activateExtension, hoverAt, openFixture, positionOf, waitForCorpus, workspaceFile } from './helpers';

suite('workspace corpus', () => {
  let api: PolicyAnnotatorApi;

  suiteSetup(async () => {
    api = await activateExtension();
  });

  test('a corpus file created in the workspace appears in a hover and disappears on delete', async () => {
    const article = await openFixture('workspace-corpus.md');
    const mention = positionOf(article, '臨時測試紀錄', 2);
    assert.doesNotMatch(await hoverAt(article, mention), /Temporary fixture record/);

    const file = workspaceFile('corpus/temporary.md');
    const record = ['---', 'id: fixture-temporary', 'type: concept', 'title: Temporary fixture record', 'aliases: [臨時測試紀錄]', 'summary: 測試時建立、隨即刪除的紀錄。', '---', ''].join('\n');
    await vscode.workspace.fs.writeFile(file, new TextEncoder().encode(record));
    try {
      await waitForCorpus(api, () => api.hasRecord('fixture-temporary'), 'the new record to be indexed');
      assert.match(await hoverAt(article, mention), /Temporary fixture record/);
    } finally {
      await vscode.workspace.fs.delete(file);
    }
    await waitForCorpus(api, () => !api.hasRecord('fixture-temporary'), 'the deleted record to leave the index');
    assert.doesNotMatch(await hoverAt(article, mention), /Temporary fixture record/);
  });

  test('good records of a broken file are indexed, and its problems are in the Problems panel', async () => {
    assert.ok(api.hasRecord('fixture-good'));
    const article = await openFixture('workspace-corpus.md');
    assert.match(await hoverAt(article, positionOf(article, '良好的測試紀錄', 1)), /A good fixture record/);

    const broken = vscode.languages.getDiagnostics(workspaceFile('corpus/broken.json'));
    assert.deepEqual(
      broken.map((diagnostic) => [diagnostic.code, diagnostic.range.start.line, diagnostic.severity]),
      [['corpus-missing-id', 2, vscode.DiagnosticSeverity.Error]],
    );
    const malformed = vscode.languages.getDiagnostics(workspaceFile('corpus/malformed.md'));
    assert.ok(malformed.length > 0 && malformed.every((diagnostic) => diagnostic.code === 'corpus-yaml-syntax'), JSON.stringify(malformed));
    assert.ok(!api.hasRecord('fixture-malformed'));
  });
});
