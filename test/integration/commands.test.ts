import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activateExtension } from './helpers';

const DECLARATION_URL = 'https://www.gov.uk/government/publications/ai-safety-summit-2023-the-bletchley-declaration/the-bletchley-declaration-by-countries-attending-the-ai-safety-summit-1-2-november-2023';

let opened = 0;

/**
 * A new untitled article under a name of its own: `openTextDocument({ content })` names every one
 * "Untitled-1", and a document closed by the previous test may still be released when the next one opens.
 */
async function openArticle(content: string, cursor?: string): Promise<vscode.TextEditor> {
  const document = await vscode.workspace.openTextDocument(vscode.Uri.from({ scheme: 'untitled', path: `/commands-test-${++opened}.md` }));
  assert.equal(document.languageId, 'markdown');
  const editor = await vscode.window.showTextDocument(document);
  if (content !== '') await editor.edit((builder) => builder.insert(new vscode.Position(0, 0), content));
  assert.equal(document.getText(), content);
  if (cursor !== undefined) {
    const offset = content.indexOf(cursor);
    assert.notEqual(offset, -1, cursor);
    const position = document.positionAt(offset);
    editor.selection = new vscode.Selection(position, position);
  }
  return editor;
}

async function closeAll(): Promise<void> {
  await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
}

suite('Commands', () => {
  suiteSetup(async () => {
    await activateExtension();
  });
  teardown(closeAll);

  test('Search Corpus… inserts the chosen record in the style asked for, or the setting\'s', async () => {
    const editor = await openArticle('英美兩國延續 的精神。', ' 的精神');
    assert.equal(await vscode.commands.executeCommand('policyAnnotator.searchCorpus', { id: 'bletchley-declaration-2023', style: 'link' }), true);
    assert.equal(editor.document.getText(), `英美兩國延續[布萊切利宣言](${DECLARATION_URL}) 的精神。`);
    await vscode.commands.executeCommand('policyAnnotator.searchCorpus', { id: 'bletchley-declaration-2023' });
    assert.ok(editor.document.getText().includes(')布萊切利宣言 的精神'), 'the default style (mention) inserts the Chinese name');
    await vscode.commands.executeCommand('policyAnnotator.searchCorpus', { id: 'no-such-record' });
    assert.ok(!editor.document.getText().includes('no-such-record'));
  });

  test('Insert Citation… writes a key in the text and a citation line in 資料來源', async () => {
    const editor = await openArticle('英美兩國延續宣言。\n\n資料來源：\n\n', '。');
    await vscode.commands.executeCommand('policyAnnotator.insertCitation', { id: 'bletchley-declaration-2023' });
    assert.ok(editor.document.getText().startsWith('英美兩國延續宣言[@bletchley-declaration-2023]。'), editor.document.getText());
    const end = editor.document.lineAt(editor.document.lineCount - 1).range.end;
    editor.selection = new vscode.Selection(end, end);
    await vscode.commands.executeCommand('policyAnnotator.insertCitation', { id: 'us-uk-partnership-announcement-2024' });
    assert.ok(editor.document.getText().endsWith('U.S. Department of Commerce, <https://www.commerce.gov/news/press-releases/2024/04/us-and-uk-announce-partnership-science-ai-safety> (last visit June 30, 2024).'), editor.document.getText());
  });

  test('Generate Sources Section builds 資料來源 once and a second run changes nothing', async () => {
    const editor = await openArticle('# 英美合作\n\n英美兩國延續布萊切利宣言的精神。\n\n文章標籤\n\n人工智慧\n');
    assert.equal(await vscode.commands.executeCommand('policyAnnotator.generateSourcesSection'), 1);
    const once = editor.document.getText();
    assert.ok(once.includes(`資料來源：\n\nThe Bletchley Declaration(2023, November 1), *The Bletchley Declaration by Countries Attending the AI Safety Summit, 1-2 November 2023*, GOV.UK, <${DECLARATION_URL}>`), once);
    assert.ok(once.indexOf('資料來源：') < once.indexOf('文章標籤'), once);
    assert.equal(await vscode.commands.executeCommand('policyAnnotator.generateSourcesSection'), 0);
    assert.equal(editor.document.getText(), once);
  });

  test('Fix All Placeholder Links links every (#) the corpus has a URL for', async () => {
    const editor = await openArticle('見[布萊切利宣言](#)與[U.S. and UK Announce Partnership](#)，以及[不存在的東西](#)。\n');
    assert.equal(await vscode.commands.executeCommand('policyAnnotator.fixAllPlaceholderLinks'), 2);
    const text = editor.document.getText();
    assert.ok(text.includes(`[布萊切利宣言](${DECLARATION_URL})`), text);
    assert.ok(text.includes('[U.S. and UK Announce Partnership](https://www.commerce.gov/'), text);
    assert.ok(text.includes('[不存在的東西](#)'), 'a link with no record stays as it was');
    assert.equal(await vscode.commands.executeCommand('policyAnnotator.fixAllPlaceholderLinks'), 0);
  });

  test('Rebuild Corpus Index rescans and reports the same records', async () => {
    const api = await activateExtension();
    const before = api.corpusSize();
    assert.equal(await vscode.commands.executeCommand('policyAnnotator.rebuildIndex'), before);
    assert.ok(api.hasRecord('bletchley-declaration-2023'));
  });

  test('Show Corpus Record opens the record, embedded ones read-only', async () => {
    await vscode.commands.executeCommand('policyAnnotator.showRecord', 'bletchley-declaration-2023');
    const editor = vscode.window.activeTextEditor;
    assert.equal(editor?.document.uri.scheme, 'policy-annotator-embedded');
    assert.ok(editor?.document.getText().includes('id: bletchley-declaration-2023'));
  });

  test('with no Markdown editor or an empty article the commands say so and change nothing', async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    for (const command of ['policyAnnotator.searchCorpus', 'policyAnnotator.insertCitation', 'policyAnnotator.generateSourcesSection', 'policyAnnotator.fixAllPlaceholderLinks']) {
      const result = await vscode.commands.executeCommand(command, { id: 'bletchley-declaration-2023' });
      assert.ok(result === false || result === 0, `${command} → ${String(result)}`);
    }
    const plain = await vscode.workspace.openTextDocument({ language: 'plaintext', content: 'not markdown' });
    await vscode.window.showTextDocument(plain);
    assert.equal(await vscode.commands.executeCommand('policyAnnotator.generateSourcesSection'), 0);
    assert.equal(plain.getText(), 'not markdown');
    const empty = await openArticle('');
    assert.equal(await vscode.commands.executeCommand('policyAnnotator.generateSourcesSection'), 0);
    assert.equal(await vscode.commands.executeCommand('policyAnnotator.fixAllPlaceholderLinks'), 0);
    assert.equal(empty.document.getText(), '');
  });
});
