import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { PolicyAnnotatorApi } from '../../src/extension';
import type { TreeSnapshotNode } from '../../src/vscode/treeSnapshot';
import { activateExtension, positionOf, workspaceFile } from './helpers';

const DECLARATION_ID = 'bletchley-declaration-2023';

/** Resolves when `condition` holds, checking after every update of the workspace reference index. */
async function waitForReferences(api: PolicyAnnotatorApi, condition: () => Promise<boolean>, what: string, timeoutMs = 15_000): Promise<void> {
  await api.whenReferencesIdle();
  for (;;) {
    // Subscribe before checking, so an update between the check and the wait is not missed.
    let subscription: vscode.Disposable | undefined;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const next = new Promise<void>((resolve, reject) => {
      subscription = api.onDidUpdateReferences(resolve);
      timer = setTimeout(() => reject(new Error(`timed out after ${timeoutMs} ms waiting for ${what}`)), timeoutMs);
    });
    try {
      if (await condition()) return;
      await next;
    } finally {
      subscription?.dispose();
      clearTimeout(timer);
    }
  }
}

/** The declaration's backlinks in the Corpus view (searched for, so the record is at the top level). */
async function declarationBacklinks(api: PolicyAnnotatorApi): Promise<readonly TreeSnapshotNode[]> {
  await vscode.commands.executeCommand('policyAnnotator.corpusView.search', '布萊切利宣言');
  const view = await api.views.corpus();
  const record = view.nodes.find((node) => node.command?.arguments?.[0] === DECLARATION_ID);
  assert.ok(record, view.nodes.map((node) => node.label).join(' | '));
  return record.children ?? [];
}

const fileOf = (node: TreeSnapshotNode) => node.label.split('/').pop();
const countOf = (nodes: readonly TreeSnapshotNode[], file: string) => nodes.find((node) => fileOf(node) === file)?.description;

suite('backlinks and workspace references', () => {
  let api: PolicyAnnotatorApi;
  suiteSetup(async () => {
    api = await activateExtension();
    await api.whenIdle();
    await api.whenReferencesIdle();
  });
  teardown(async () => {
    for (const document of vscode.workspace.textDocuments.filter((open) => open.isDirty)) {
      await vscode.window.showTextDocument(document);
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    }
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await vscode.commands.executeCommand('policyAnnotator.corpusView.clearSearch');
  });

  test('a record lists the articles citing it with counts; a click opens the article at the first reference', async () => {
    const backlinks = await declarationBacklinks(api);
    assert.ok(backlinks.every((node) => node.contextValue === 'backlink'));
    const files = backlinks.map(fileOf);
    assert.ok(files.includes('commentary.md') && files.includes('mou-article.md'), files.join(', '));
    // The Article Sources view counts the same article on its own analysis: one reference to the declaration.
    assert.equal(countOf(backlinks, 'mou-article.md'), '1 reference');
    const counts = backlinks.map((node) => Number(/^(\d+) references?$/.exec(node.description ?? '')?.[1]));
    assert.deepEqual(counts, [...counts].sort((a, b) => b - a), 'most cited first');

    const link = backlinks.find((node) => fileOf(node) === 'mou-article.md')!;
    assert.equal(link.command?.command, 'vscode.open');
    await vscode.commands.executeCommand(link.command.command, ...(link.command.arguments ?? []));
    const editor = vscode.window.activeTextEditor;
    assert.equal(editor?.document.uri.toString(), workspaceFile('mou-article.md').toString());
    assert.equal(editor.document.getText(editor.selection), '布萊切利宣言');
  });

  /** A new article in the workspace, indexed once the watcher has seen it; deleted after the test. */
  const created: vscode.Uri[] = [];
  async function createArticle(name: string, text: string): Promise<vscode.Uri> {
    const uri = workspaceFile(`notes/${name}`);
    created.push(uri);
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
    await waitForReferences(api, async () => countOf(await declarationBacklinks(api), name) !== undefined, `${name} among the backlinks`);
    return uri;
  }
  teardown(async () => {
    for (const uri of created.splice(0)) await vscode.workspace.fs.delete(uri).then(undefined, () => undefined);
  });

  test('a new article appears with its count, an edit updates it, closing without saving restores it, deleting removes it', async () => {
    const uri = await createArticle('backlink-new.md', '# 新文章\n\n布萊切利宣言一次，The Bletchley Declaration 又一次。\n\n普通文字。\n');
    assert.equal(countOf(await declarationBacklinks(api), 'backlink-new.md'), '2 references');

    const document = await vscode.workspace.openTextDocument(uri);
    const editor = await vscode.window.showTextDocument(document);
    // An unsaved edit (TextEditor.edit: a workspace edit may be saved at once as a refactoring).
    assert.ok(await editor.edit((edit) => edit.insert(positionOf(document, '普通文字'), '再提布萊切利宣言。')));
    await waitForReferences(api, async () => countOf(await declarationBacklinks(api), 'backlink-new.md') === '3 references', 'three references after the edit');

    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    await waitForReferences(api, async () => countOf(await declarationBacklinks(api), 'backlink-new.md') === '2 references', 'two references once the edit is dropped');

    await vscode.workspace.fs.delete(uri);
    await waitForReferences(api, async () => countOf(await declarationBacklinks(api), 'backlink-new.md') === undefined, 'the deleted article gone from the backlinks');
  });

  test('Find All References answers from the index, with the unsaved edits of the asking and of other articles', async () => {
    const other = await vscode.workspace.openTextDocument(await createArticle('backlink-other.md', '# 另一篇\n\n布萊切利宣言。\n\n普通文字。\n'));
    const otherEditor = await vscode.window.showTextDocument(other);
    assert.ok(await otherEditor.edit((edit) => edit.insert(positionOf(other, '普通文字'), '再提布萊切利宣言。')));
    const asking = await vscode.workspace.openTextDocument(await createArticle('backlink-asking.md', '# 提問\n\n布萊切利宣言。\n\n普通文字。\n'));
    const askingEditor = await vscode.window.showTextDocument(asking);
    assert.ok(await askingEditor.edit((edit) => edit.insert(positionOf(asking, '普通文字'), '開頭先提布萊切利宣言。')));
    const locations = await vscode.commands.executeCommand<vscode.Location[]>('vscode.executeReferenceProvider', asking.uri, positionOf(asking, '布萊切利宣言', 1));
    // The record itself too (the command asks with includeDeclaration); VS Code sorts the list by itself.
    assert.ok(locations.some((location) => location.uri.path.endsWith('/bletchley-declaration-2023.md')), locations.map((location) => location.uri.toString()).join(', '));
    for (const [document, expected] of [[other, 2], [asking, 2]] as const) {
      const found = locations.filter((location) => location.uri.toString() === document.uri.toString());
      assert.equal(found.length, expected, `the unsaved mention in ${document.uri.path} is found at once`);
      for (const location of found) assert.equal(document.getText(location.range), '布萊切利宣言');
    }
    assert.ok(locations.some((location) => location.uri.path.endsWith('/commentary.md')));
    assert.ok(locations.some((location) => location.uri.path.endsWith('/mou-article.md')));
    assert.equal(new Set(locations.map((location) => `${location.uri.toString()}|${location.range.start.line}:${location.range.start.character}`)).size, locations.length, 'no location twice');
    for (const editor of [askingEditor, otherEditor]) {
      await vscode.window.showTextDocument(editor.document);
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    }
    assert.ok(!asking.isDirty && !other.isDirty, 'both reverted');
  });
});
