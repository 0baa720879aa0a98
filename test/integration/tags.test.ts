import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { PolicyAnnotatorApi } from '../../src/extension';
import { activateExtension, openFixture, ourDiagnostics, positionOf } from './helpers';

async function completionsAt(document: vscode.TextDocument, position: vscode.Position): Promise<vscode.CompletionItem[]> {
  const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', document.uri, position);
  return list.items.filter((item) => item.kind === vscode.CompletionItemKind.Keyword);
}
const labelOf = (item: vscode.CompletionItem) => (typeof item.label === 'string' ? item.label : item.label.label);

/** Waits until the workspace taxonomy is loaded (an event, not a sleep). */
async function taxonomyLoaded(api: PolicyAnnotatorApi, document: vscode.TextDocument): Promise<void> {
  const has = async () => (await completionsAt(document, positionOf(document, '測試專', 3))).some((item) => labelOf(item) === '測試專用標籤');
  if (await has()) return;
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('the workspace taxonomy was not loaded')), 15_000);
    const subscription = api.onDidUpdateTags(() => {
      void has().then((loaded) => {
        if (!loaded) return;
        clearTimeout(timer);
        subscription.dispose();
        resolve();
      });
    });
  });
}

suite('tags', () => {
  let api: PolicyAnnotatorApi;
  suiteSetup(async () => {
    api = await activateExtension();
  });

  test('completion in the 文章標籤 section: typo-tolerant, and it replaces the whole typed tag', async () => {
    const document = await openFixture('tagged.md');
    await taxonomyLoaded(api, document);
    const items = await completionsAt(document, positionOf(document, '人工智監管', 5));
    assert.equal(labelOf(items[0]!), '人工智慧監管');
    const range = items[0]!.range as vscode.Range;
    assert.equal(document.getText(range), '人工智監管');
    assert.ok(!items.some((item) => labelOf(item) === '人工智慧'), 'a tag the article has is not offered again');
  });

  test('completion in front matter tags, with the workspace taxonomy and synonyms', async () => {
    const document = await openFixture('tagged.md');
    const items = await completionsAt(document, positionOf(document, '巨量]', 2));
    assert.equal(labelOf(items[0]!), '巨量資料');
    const fixture = await completionsAt(document, positionOf(document, '測試專', 3));
    assert.ok(fixture.some((item) => labelOf(item) === '測試專用標籤'), 'a tag from corpus/tags.yaml');
    const body = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', document.uri, positionOf(document, '英美合作', 2));
    assert.ok(!body.items.some((item) => item.kind === vscode.CompletionItemKind.Keyword && labelOf(item) === '人工智慧監管'), 'no tag completion in the body');
  });

  test('an unknown tag: a warning with the nearest tag and "add to the workspace taxonomy" as quick fixes', async () => {
    const document = await openFixture('tagged.md');
    const position = positionOf(document, '人工智監管', 1);
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', document.uri, new vscode.Range(position, position));
    const titles = actions.map((action) => action.title);
    assert.ok(titles.includes('Change to 人工智慧監管'), titles.join(' | '));
    assert.ok(titles.includes('Add "人工智監管" to the workspace taxonomy'), titles.join(' | '));
    assert.ok(titles.includes('Suggest tags for this article'), titles.join(' | '));
    const diagnostics = await ourDiagnostics(document.uri, (list) => list.some((diagnostic) => diagnostic.code === 'unknown-tag'));
    const unknown = diagnostics.filter((diagnostic) => diagnostic.code === 'unknown-tag').map((diagnostic) => document.getText(diagnostic.range));
    assert.deepEqual(unknown.sort(), ['人工智監管', '巨量', '測試專'].sort());
    assert.ok(diagnostics.filter((diagnostic) => diagnostic.code === 'unknown-tag').every((diagnostic) => diagnostic.severity === vscode.DiagnosticSeverity.Warning));
  });
});
