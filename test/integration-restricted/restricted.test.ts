import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activateExtension, hoverAt, openFixture, positionOf, workspaceFile } from '../integration/helpers';

// Runs in an untrusted workspace (npm run test:restricted): test/fixtures/restricted-workspace, whose
// .vscode/settings.json and .policy-annotator.json both set corpus.include to other/**/*.md.
suite('Restricted Mode', () => {
  test('the workspace is untrusted and the extension is active', async () => {
    assert.equal(vscode.workspace.isTrusted, false);
    const api = await activateExtension();
    assert.ok(api.corpusSize() > 0);
  });

  test('hover works on the embedded corpus and on the workspace files the default glob finds', async () => {
    await activateExtension();
    const document = await openFixture('article.md');
    assert.match(await hoverAt(document, positionOf(document, '布萊切利宣言', 2)), /Bletchley/);
    assert.match(await hoverAt(document, positionOf(document, '受限模式預設紀錄', 2)), /受限模式預設紀錄/);
  });

  test('a workspace value of a restricted setting, and the same key in .policy-annotator.json, are ignored', async () => {
    const api = await activateExtension();
    // The fixture does set it, and the file it would pick is there; VS Code hides the workspace value entirely.
    const settings = new TextDecoder().decode(await vscode.workspace.fs.readFile(workspaceFile('.vscode/settings.json')));
    assert.match(settings, /"policyAnnotator\.corpus\.include": \["other\/\*\*\/\*\.md"\]/);
    await vscode.workspace.fs.stat(workspaceFile('other/setting-record.md'));
    assert.equal(vscode.workspace.getConfiguration('policyAnnotator').inspect('corpus.include')?.workspaceValue, undefined);
    assert.deepEqual(vscode.workspace.getConfiguration('policyAnnotator').get('corpus.include'), ['**/corpus/**/*.{md,json,jsonl,bib,ris}']);
    assert.ok(api.hasRecord('restricted-default-record'), 'the default glob applies');
    assert.ok(!api.hasRecord('restricted-setting-record'), 'the restricted glob does not');
  });

  test('no law database download: the command refuses, the workspace cannot set its address, cards offer no command', async () => {
    await activateExtension();
    assert.equal(vscode.workspace.getConfiguration('policyAnnotator').inspect('laws.downloadUrl')?.workspaceValue, undefined);
    assert.equal(await vscode.commands.executeCommand<string>('policyAnnotator.downloadLawDatabase'), 'failed');
    const document = await vscode.workspace.openTextDocument({ language: 'markdown', content: '依民法第184條請求賠償。\n' });
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, positionOf(document, '民法第184條', 2));
    const card = hovers.map((hover) => hover.contents.map((content) => (typeof content === 'string' ? content : (content as vscode.MarkdownString).value)).join('\n')).join('\n');
    assert.match(card, /民法/);
    assert.doesNotMatch(card, /command:/);
  });
});
