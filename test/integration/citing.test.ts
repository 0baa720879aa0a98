import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { PolicyAnnotatorApi } from '../../src/extension';
import { activateExtension, createAndOpen, positionOf, waitForCorpus, workspaceFile } from './helpers';

// Records and articles written by these tests into the (temporary) fixture workspace, removed afterwards.
const RECORDS = [
  { id: 'citing-alpha-report', type: 'report', title: '資料韌性白皮書', aliases: ['韌性白皮書'], publisher: '測試研究院', date: '2024-05-02', url: 'https://example.org/citing-alpha' },
  { id: 'citing-beta', type: 'report', title: 'Citing Beta Guidance', publisher: 'Example Agency', date: '2023-01-10', url: 'https://example.org/citing-beta' },
];
const ARTICLE = [
  '# 引用測試',
  '',
  '依照 [@citing-alpha-report] 的建議，並參考 [@bletchley-declaration-2023]。依個人資料保護法第6條第1項第2款辦理。',
  '',
  '另見 @資料韌',
  '',
  '再見 [@citing-b',
  '',
  '資料來源：',
  '',
  '- 《既有來源》，某機關，2020年1月1日，<https://example.org/existing>（最後瀏覽日：113年1月1日）',
  '- ',
  '',
].join('\n');
const UNRESOLVED = [
  '# 待建立的來源',
  '',
  '本文引用 Citing Gamma Paper 的結論。',
  '',
  '資料來源：',
  '',
  'Citing Gamma Paper(2024, March 3), *Citing Gamma Paper on Model Testing*, Gamma Lab, <https://example.org/citing-gamma> (last visit June 30, 2024).',
  '',
].join('\n');

const labelOf = (item: vscode.CompletionItem) => (typeof item.label === 'string' ? item.label : item.label.label);
const encode = (text: string) => new TextEncoder().encode(text);

async function completions(document: vscode.TextDocument, position: vscode.Position, trigger?: string): Promise<vscode.CompletionItem[]> {
  const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', document.uri, position, trigger);
  return list.items.filter((item) => item.kind === vscode.CompletionItemKind.Reference);
}

suite('Citing as you type', () => {
  let api: PolicyAnnotatorApi;
  const created: vscode.Uri[] = [];
  const recordsFile = () => workspaceFile('corpus/citing-records.jsonl');

  suiteSetup(async () => {
    api = await activateExtension();
    await vscode.workspace.fs.writeFile(recordsFile(), encode(RECORDS.map((record) => JSON.stringify(record)).join('\n') + '\n'));
    created.push(recordsFile());
    await waitForCorpus(api, () => RECORDS.every((record) => api.hasRecord(record.id)), 'the test records to be indexed');
  });

  suiteTeardown(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await vscode.workspace.getConfiguration('policyAnnotator').update('inlayHints.enabled', undefined, vscode.ConfigurationTarget.Workspace);
    for (const uri of created) await vscode.workspace.fs.delete(uri).then(undefined, () => undefined);
  });

  async function article(name: string, text: string): Promise<vscode.TextDocument> {
    return createAndOpen(name, text, created);
  }

  test('@ and a few characters of a name: ranked records with type, ROC date and publisher; accepting adds the source line', async () => {
    const document = await article('citing-article.md', ARTICLE);
    const items = await completions(document, positionOf(document, '@資料韌', 4), '@');
    assert.ok(items.length > 0, 'no citation completion after @資料韌');
    const first = items[0]!;
    assert.equal(labelOf(first), '資料韌性白皮書');
    assert.equal(first.insertText, '[@citing-alpha-report]');
    assert.match(first.detail ?? '', /民國113年|ROC 113/);
    assert.match(first.detail ?? '', /測試研究院/);
    const added = (first.additionalTextEdits ?? []).map((edit) => edit.newText).join('');
    assert.match(added, /《資料韌性白皮書》，測試研究院，2024年5月2日，<https:\/\/example\.org\/citing-alpha>/);
    const range = first.range as vscode.Range;
    assert.equal(document.getText(range), '@資料韌');
  });

  test('[@ completes citation keys and replaces the bracket', async () => {
    const document = await article('citing-article.md', ARTICLE);
    const items = await completions(document, positionOf(document, '[@citing-b', 10));
    const beta = items.find((item) => labelOf(item) === 'Citing Beta Guidance');
    assert.ok(beta, items.map(labelOf).join(' | '));
    assert.equal(beta.insertText, '[@citing-beta]');
    assert.equal(document.getText(beta.range as vscode.Range), '[@citing-b');
  });

  test('at a line start in 資料來源: whole citation lines of referred, unlisted records', async () => {
    const document = await article('citing-article.md', ARTICLE);
    const lastEntry = positionOf(document, '\n- \n', 3);
    const items = await completions(document, lastEntry);
    const lines = items.map((item) => String(item.insertText));
    assert.ok(lines.some((line) => line.startsWith('《資料韌性白皮書》')), lines.join(' | '));
    assert.ok(!lines.some((line) => line.includes('既有來源')), 'a listed source is not offered');
  });

  test('F2 on a key renames the record id in its corpus file and every key in the workspace; bad ids and built-in records are refused', async function () {
    // A workspace-wide rename on a loaded 2-core machine: more than mocha's default.
    this.timeout(120_000);
    const document = await article('citing-article.md', ARTICLE);
    const other = await article('citing-other.md', '# 另一篇\n\n同樣引用 [@citing-alpha-report, p. 2]。\n');
    const at = positionOf(document, '@citing-alpha-report', 3);
    // An invalid id: refused with a message and an empty edit (a rejection would pass the rename on to the
    // Markdown extension's provider).
    console.log('      asking for a rename to an invalid id');
    const refused = await vscode.commands.executeCommand<vscode.WorkspaceEdit>('vscode.executeDocumentRenameProvider', document.uri, at, 'has space');
    assert.equal(refused.size, 0);
    // A built-in record: prepareRename refuses; whatever another provider does, the corpus is not touched.
    const builtIn = await Promise.resolve(vscode.commands.executeCommand<vscode.WorkspaceEdit>('vscode.executeDocumentRenameProvider', document.uri, positionOf(document, '@bletchley', 3), 'anything')).then(
      (result) => result,
      (error: unknown) => error,
    );
    if (builtIn instanceof vscode.WorkspaceEdit) assert.ok(!builtIn.has(recordsFile()));
    else assert.match(String(builtIn), /built-in/);
    console.log('      asking for a valid rename');
    const edit = await vscode.commands.executeCommand<vscode.WorkspaceEdit>('vscode.executeDocumentRenameProvider', document.uri, at, 'citing-alpha-2024');
    const touched = edit.entries().map(([uri]) => uri.toString()).sort();
    assert.deepEqual(touched, [document.uri.toString(), other.uri.toString(), recordsFile().toString()].sort());
    assert.ok(await vscode.workspace.applyEdit(edit));
    assert.ok(document.getText().includes('[@citing-alpha-2024]'));
    assert.ok(other.getText().includes('[@citing-alpha-2024, p. 2]'));
    console.log('      applied the rename; saving the corpus file');
    await (await vscode.workspace.openTextDocument(recordsFile())).save();
    await waitForCorpus(api, () => api.hasRecord('citing-alpha-2024') && !api.hasRecord('citing-alpha-report'), 'the renamed record');
    const records = new TextDecoder().decode(await vscode.workspace.fs.readFile(recordsFile()));
    assert.match(records, /"id":"citing-alpha-2024"/);
  });

  test('"Create corpus record…" on an unresolved citation writes a record that resolves it', async () => {
    const document = await article('citing-unresolved.md', UNRESOLVED);
    const line = positionOf(document, 'Citing Gamma Paper(', 2);
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', document.uri, new vscode.Range(line, line));
    const create = actions.find((action) => action.title === 'Create corpus record…');
    assert.ok(create?.command, actions.map((action) => action.title).join(' | '));
    const draft = create.command.arguments![0] as { id: string; title: string; publisher?: string; url?: string; accessed?: string };
    assert.equal(draft.title, 'Citing Gamma Paper on Model Testing');
    assert.equal(draft.publisher, 'Gamma Lab');
    assert.equal(draft.accessed, '2024-06-30');
    // The corpus has a JSON Lines file, so the command would ask where: the test chooses a Markdown file.
    const uri = await vscode.commands.executeCommand<vscode.Uri>(create.command.command, ...create.command.arguments!, { kind: 'markdown' });
    created.push(uri);
    await waitForCorpus(api, () => api.hasRecord(draft.id), 'the created record');
    const codes = api.freshDiagnostics(document).map((diagnostic) => diagnostic.code);
    assert.ok(!codes.includes('unresolved-citation'), codes.join(', '));
  });

  test('inlay hints (when enabled): the short title after a key, the § form after a statute reference', async () => {
    const document = await article('citing-hints.md', ARTICLE);
    const range = new vscode.Range(0, 0, document.lineCount, 0);
    const before = await vscode.commands.executeCommand<vscode.InlayHint[]>('vscode.executeInlayHintProvider', document.uri, range);
    assert.deepEqual(before, [], 'off by default');
    await vscode.workspace.getConfiguration('policyAnnotator').update('inlayHints.enabled', true, vscode.ConfigurationTarget.Workspace);
    const hints = await vscode.commands.executeCommand<vscode.InlayHint[]>('vscode.executeInlayHintProvider', document.uri, range);
    const labels = hints.map((hint) => (typeof hint.label === 'string' ? hint.label : hint.label.map((part) => part.value).join('')));
    assert.ok(labels.includes('§6 I ②'), labels.join(' | '));
    assert.ok(labels.some((label) => /Bletchley|布萊切利/.test(label)), labels.join(' | '));
  });
});
