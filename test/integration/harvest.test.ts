import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activateExtension, ourDiagnostics, waitForCorpus, workspaceFile } from './helpers';

// An article of the archive whose 資料來源 names a source the corpus lacks, and a new article that links to it
// with a placeholder (#): harvesting the first gives the record whose URL fixes the second.
const ARCHIVE = [
  '# 前沿模型測試',
  '',
  '資料來源：',
  '',
  'Testing Frontier Models(2024, May 2), *Testing Frontier Models in Practice*, Example Evaluation Institute, <https://example.org/frontier-testing?utm_source=feed> (last visit June 3, 2024).',
  '',
].join('\n');
const DRAFT = ['# 草稿', '', '本文評論 [Testing Frontier Models in Practice](#) 的測試方法。', ''].join('\n');
const HARVESTED_ID = 'testing-frontier-models-2024';

suite('harvest', () => {
  test('a record harvested by the command fixes a placeholder link: the quick fix offers its URL', async function () {
    // Harvest, a corpus reload and the diagnostics loop in a row: more than mocha's default on a busy machine.
    this.timeout(120_000);
    const api = await activateExtension();
    const archive = workspaceFile('archive/frontier-testing.md');
    const draft = workspaceFile('harvest-draft.md');
    const harvested = workspaceFile('corpus/harvested.jsonl');
    await vscode.workspace.fs.writeFile(archive, new TextEncoder().encode(ARCHIVE));
    await vscode.workspace.fs.writeFile(draft, new TextEncoder().encode(DRAFT));
    try {
      const summary = await vscode.commands.executeCommand<{ records: number; written: string }>('policyAnnotator.harvestSources', [workspaceFile('archive')]);
      assert.equal(summary?.records, 1);
      assert.equal(summary.written, harvested.toString());
      const written = JSON.parse(new TextDecoder().decode(await vscode.workspace.fs.readFile(harvested)).trim()) as { id: string; url: string; accessed: string; citedBy: number };
      assert.deepEqual([written.id, written.url, written.accessed, written.citedBy], [HARVESTED_ID, 'https://example.org/frontier-testing', '2024-06-03', 1]);
      await waitForCorpus(api, () => api.hasRecord(HARVESTED_ID), 'the harvested record in the corpus');

      const document = await vscode.workspace.openTextDocument(draft);
      await vscode.window.showTextDocument(document);
      const diagnostics = await ourDiagnostics(document.uri, (list) => list.some((diagnostic) => diagnostic.code === 'placeholder-link'));
      const placeholder = diagnostics.find((diagnostic) => diagnostic.code === 'placeholder-link')!;
      // The corpus update that brought the record may still be re-running the article's analysis, which cancels
      // a code action request made meanwhile: asked again once the corpus is idle (a few times at most).
      let actions: vscode.CodeAction[] = [];
      for (let attempt = 0; attempt < 5; attempt++) {
        await api.whenIdle();
        try {
          actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', document.uri, placeholder.range);
          break;
        } catch (error) {
          if (!(error instanceof Error) || error.name !== 'Canceled') throw error;
        }
      }
      const fix = actions.find((action) => action.title.startsWith('Link to https://example.org/frontier-testing'));
      assert.ok(fix?.edit, actions.map((action) => action.title).join(' | '));
      const [[, edits]] = fix.edit.entries() as [[vscode.Uri, vscode.TextEdit[]]];
      assert.equal(document.getText(edits[0]!.range), '#');
      assert.equal(edits[0]!.newText, 'https://example.org/frontier-testing');
    } finally {
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
      for (const uri of [harvested, draft, workspaceFile('archive')]) await vscode.workspace.fs.delete(uri, { recursive: true, useTrash: false });
      await waitForCorpus(api, () => !api.hasRecord(HARVESTED_ID), 'the harvested record gone again');
    }
  });
});
