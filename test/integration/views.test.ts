import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { PolicyAnnotatorApi } from '../../src/extension';
import type { TreeSnapshotNode } from '../../src/vscode/treeSnapshot';
import { activateExtension, openFixture, positionOf } from './helpers';

const DECLARATION = 'The Bletchley Declaration';
const MOU = '英美人工智慧安全合作備忘錄';

const byLabel = (nodes: readonly TreeSnapshotNode[], label: string): TreeSnapshotNode => {
  const node = nodes.find((candidate) => candidate.label === label);
  assert.ok(node, `"${label}" in ${nodes.map((candidate) => candidate.label).join(' | ')}`);
  return node;
};

async function closeAll(): Promise<void> {
  await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
}

suite('views', () => {
  let api: PolicyAnnotatorApi;
  suiteSetup(async () => {
    api = await activateExtension();
    await api.whenIdle();
  });

  suite('Article Sources', () => {
    teardown(closeAll);

    test('the active article\'s references grouped by record, with their counts; no placeholder group without (#) links', async () => {
      await openFixture('mou-article.md');
      const view = await api.views.articleSources();
      assert.equal(view.description, 'mou-article.md');
      assert.equal(view.message, undefined);
      const records = view.nodes.filter((node) => node.contextValue === 'record');
      assert.deepEqual(records.map((node) => [node.label, node.description]), [[MOU, '3'], [DECLARATION, '1']]);
      for (const node of records) assert.equal(node.children?.length, Number(node.description), node.label);
      assert.deepEqual(byLabel(records, MOU).children!.map((child) => child.description), ['line 1 · mention', 'line 3 · mention', 'line 3 · mention']);
      assert.equal(view.nodes.length, 2, 'no unresolved or placeholder group');
      assert.equal(view.badge, undefined);
      assert.match(byLabel(records, DECLARATION).tooltip ?? '', /Declaration[\s\S]*GOV\.UK[\s\S]*Referred to once/);
    });

    test('placeholder links get their own group; a resolved one is also counted under its record', async () => {
      await openFixture('commentary.md');
      const view = await api.views.articleSources();
      const placeholders = byLabel(view.nodes, 'Placeholder links');
      assert.equal(placeholders.description, '3');
      assert.equal(placeholders.children?.length, 3);
      assert.ok(placeholders.children.every((child) => child.description?.endsWith('· link')));
      assert.equal(view.nodes.at(-1), placeholders, 'the placeholder group comes last');
      // The declaration: a mention in the text, a (#) link in 相關連結 and a citation line in 資料來源.
      const declaration = byLabel(view.nodes, DECLARATION);
      assert.equal(declaration.description, '3');
      assert.deepEqual(declaration.children!.map((child) => child.icon), ['mention', 'link', 'quote']);
      assert.equal(view.badge, 3);
    });

    test('clicking a reference selects it in its editor, even from another article', async () => {
      const commentary = await openFixture('commentary.md');
      const view = await api.views.articleSources();
      const mention = byLabel(view.nodes, DECLARATION).children![0]!;
      assert.equal(mention.command?.command, 'policyAnnotator.revealReference');
      await openFixture('mou-article.md');
      await vscode.commands.executeCommand(mention.command.command, ...(mention.command.arguments ?? []));
      const editor = vscode.window.activeTextEditor;
      assert.equal(editor?.document.uri.toString(), commentary.uri.toString());
      assert.equal(editor.document.getText(editor.selection), '布萊切利宣言');
      assert.deepEqual(editor.selection.start, positionOf(commentary, '布萊切利宣言'));
    });

    test('revealReference selects the range it is given; bad arguments are ignored', async () => {
      const document = await openFixture('commentary.md');
      const start = positionOf(document, '吉娜·雷蒙多');
      const range = new vscode.Range(start, start.translate(0, '吉娜·雷蒙多'.length));
      await vscode.commands.executeCommand('policyAnnotator.revealReference', document.uri, range);
      assert.equal(vscode.window.activeTextEditor?.document.getText(vscode.window.activeTextEditor.selection), '吉娜·雷蒙多');
      await vscode.commands.executeCommand('policyAnnotator.revealReference', document.uri.toString(), { start: 0 });
      assert.equal(vscode.window.activeTextEditor?.document.getText(vscode.window.activeTextEditor.selection), '吉娜·雷蒙多');
    });

    test('unresolved references, an edited article, an article with none, and no article', async () => {
      // A fresh untitled name: a reused "Untitled-1" at version 1 could meet another document's cached analysis.
      const document = await vscode.workspace.openTextDocument(vscode.Uri.from({ scheme: 'untitled', path: `/views-${Date.now()}.md` }));
      const editor = await vscode.window.showTextDocument(document);
      assert.equal(document.languageId, 'markdown');
      await editor.edit((edit) => edit.insert(new vscode.Position(0, 0), '布萊切利宣言與 [@no-such-record]。'));
      let view = await api.views.articleSources();
      assert.deepEqual(view.nodes.map((node) => [node.label, node.description]), [[DECLARATION, '1'], ['Unresolved', '1']]);
      assert.equal(view.badge, 1);

      await editor.edit((edit) => edit.insert(new vscode.Position(0, 0), '蜜雪兒·多尼蘭與'));
      view = await api.views.articleSources();
      assert.deepEqual(view.nodes.map((node) => node.label), ['Michelle Donelan', DECLARATION, 'Unresolved']);

      await editor.edit((edit) => edit.replace(new vscode.Range(0, 0, document.lineCount, 0), '沒有任何參照。'));
      view = await api.views.articleSources();
      assert.deepEqual(view.nodes, []);
      assert.equal(view.message, 'This article has no references to sources.');

      await closeAll();
      view = await api.views.articleSources();
      assert.deepEqual(view.nodes, []);
      // No message: the empty view shows the contributed welcome text instead.
      assert.equal(view.message, undefined);
      assert.equal(view.description, undefined);
    });
  });

  suite('Corpus', () => {
    teardown(async () => {
      await vscode.commands.executeCommand('policyAnnotator.corpusView.clearSearch');
    });

    test('records by type, with counts that add up to the index, each type listing its records', async () => {
      const view = await api.views.corpus();
      assert.equal(view.searching, false);
      assert.ok(view.nodes.every((node) => node.contextValue === 'typeGroup'));
      const total = view.nodes.reduce((sum, node) => sum + Number(node.description), 0);
      assert.equal(total, api.corpusSize());
      for (const group of view.nodes) {
        assert.equal(group.children?.length, Number(group.description), group.label);
        for (const record of group.children) {
          assert.equal(record.contextValue, 'record');
          assert.equal(record.command?.command, 'policyAnnotator.showRecord');
          assert.ok(api.hasRecord(record.command.arguments?.[0] as string), record.label);
        }
      }
      const people = byLabel(view.nodes, 'Person');
      assert.deepEqual(people.children!.map((node) => node.label), ['Gina Raimondo', 'Michelle Donelan']);
      const declaration = byLabel(byLabel(view.nodes, 'Declaration').children!, DECLARATION);
      assert.equal(declaration.description, '2023-11-01 · GOV.UK');
      assert.equal(declaration.icon, 'note');
      // The known types come in their documented order: agreements before people.
      assert.ok(view.nodes.findIndex((node) => node.label === 'Agreement') < view.nodes.findIndex((node) => node.label === 'Person'));
    });

    test('search filters to the ranked fuzzy-search results; clear search restores every type', async () => {
      await vscode.commands.executeCommand('policyAnnotator.corpusView.search', '布萊切利');
      let view = await api.views.corpus();
      assert.equal(view.searching, true);
      assert.equal(view.description, '布萊切利');
      assert.match(view.message ?? '', /match "布萊切利"/);
      assert.equal(view.nodes[0]?.label, DECLARATION);
      assert.deepEqual(view.nodes[0]?.command?.arguments, ['bletchley-declaration-2023']);
      assert.ok(view.nodes.length < api.corpusSize(), `${view.nodes.length} results`);
      // A record cited by an article lists its backlinks (backlinks.test.ts); nothing else is nested.
      assert.ok(view.nodes.every((node) => node.contextValue === 'record' && (node.children ?? []).every((child) => child.contextValue === 'backlink')));

      await vscode.commands.executeCommand('policyAnnotator.corpusView.search', '布萊切利宣嚴');
      view = await api.views.corpus();
      assert.equal(view.nodes[0]?.label, DECLARATION, 'a misspelt query still finds the declaration first');

      await vscode.commands.executeCommand('policyAnnotator.corpusView.search', 'zzzzqqqq');
      view = await api.views.corpus();
      assert.deepEqual(view.nodes, []);
      assert.equal(view.message, 'No record matches "zzzzqqqq".');

      await vscode.commands.executeCommand('policyAnnotator.corpusView.clearSearch');
      view = await api.views.corpus();
      assert.equal(view.searching, false);
      assert.equal(view.description, undefined);
      assert.equal(view.message, undefined);
      assert.equal(view.nodes.reduce((sum, node) => sum + Number(node.description), 0), api.corpusSize());
    });
  });

  suite('status bar', () => {
    teardown(closeAll);

    test('the corpus size and its problems once loaded, shown while a Markdown editor is active', async () => {
      await openFixture('mou-article.md');
      const item = await api.views.statusBar();
      const match = /^\$\(library\) ([\d,]+) sources?(?: \$\(warning\) (\d+))?$/.exec(item.text);
      assert.ok(match, item.text);
      assert.equal(Number(match[1]!.replace(/,/g, '')), api.corpusSize());
      // The fixture corpus has broken files (corpus/broken.json, corpus/malformed.md).
      assert.ok(Number(match[2] ?? 0) >= 1, item.text);
      assert.match(item.tooltip, /\d+ embedded, \d+ from \d+ workspace corpus files/);
      assert.equal(item.visible, true);

      const other = await vscode.workspace.openTextDocument({ language: 'plaintext', content: 'not an article' });
      await vscode.window.showTextDocument(other);
      assert.equal((await api.views.statusBar()).visible, false);
    });

    test('Show Log is registered and runs', async () => {
      assert.ok((await vscode.commands.getCommands(true)).includes('policyAnnotator.showLog'));
      await assert.doesNotReject(Promise.resolve(vscode.commands.executeCommand('policyAnnotator.showLog')));
    });
  });
});
