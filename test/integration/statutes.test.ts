import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activateExtension, hoverText, openFixture, ourDiagnostics, positionOf } from './helpers';

// Nothing is configured: the embedded law subset (laws/embedded of the extension) must be enough.
suite('statute references', () => {
  suiteSetup(async () => {
    await activateExtension();
  });

  test('hovering 個人資料保護法第6條第1項第2款 shows the law, the article and its link', async () => {
    const document = await openFixture('statutes.md');
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, positionOf(document, '第6條第1項第2款', 1));
    const text = hoverText(hovers);
    assert.match(text, /個人資料保護法/);
    assert.match(text, /Personal Data Protection Act/);
    assert.match(text, /有關病歷、醫療、基因/);
    assert.match(text, /民國112年|ROC 112/);
    assert.match(text, /https:\/\/law\.moj\.gov\.tw\/LawClass\/LawSingle\.aspx\?pcode=I0050021&flno=6/);
    const ours = hovers.find((hover) => hoverText([hover]).includes('Personal Data Protection Act'));
    assert.equal(ours && document.getText(ours.range), '個人資料保護法第6條第1項第2款');
    const untrusted = ours!.contents.every((content) => typeof content === 'string' || !(content as vscode.MarkdownString).isTrusted);
    assert.ok(untrusted, 'the statute card is not trusted');
  });

  test('an article the law does not have, and a misspelt law with a quick fix', async () => {
    const document = await openFixture('statutes.md');
    const diagnostics = await ourDiagnostics(document.uri, (list) => list.some((diagnostic) => diagnostic.code === 'unknown-law'));
    const article = diagnostics.find((diagnostic) => diagnostic.code === 'unknown-statute-article');
    assert.equal(article?.severity, vscode.DiagnosticSeverity.Warning);
    assert.match(article!.message, /資通安全管理法 has no 第99條/);
    const law = diagnostics.find((diagnostic) => diagnostic.code === 'unknown-law')!;
    assert.equal(law.severity, vscode.DiagnosticSeverity.Information);
    assert.equal(document.getText(law.range), '個人資料保謢法');
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', document.uri, law.range);
    assert.ok(actions.some((action) => action.title === 'Change to 個人資料保護法'), actions.map((action) => action.title).join(', '));
  });

  test('forms of issue 13 in the editor: a derived short name, a bare article under a heading, §, a shared short name', async () => {
    const content = ['# 筆記', '', '## 勞動基準法', '', '雇主依第12條終止契約。', '', '## 稅法', '', '納保法第7條；公司法§195 I；性平法第12條。', ''].join('\n');
    const document = await vscode.workspace.openTextDocument(vscode.Uri.from({ scheme: 'untitled', path: '/statute-forms-13.md' }));
    const editor = await vscode.window.showTextDocument(document);
    await editor.edit((builder) => builder.insert(new vscode.Position(0, 0), content));
    const hoverAt = async (needle: string) => hoverText(await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, positionOf(document, needle, 1)));
    assert.match(await hoverAt('第12條'), /勞動基準法[\s\S]*pcode=N0030001&flno=12/);
    assert.match(await hoverAt('納保法'), /納稅者權利保護法[\s\S]*flno=7/);
    assert.match(await hoverAt('§195'), /公司法/);
    const links = await vscode.commands.executeCommand<vscode.DocumentLink[]>('vscode.executeLinkProvider', document.uri);
    assert.ok(links.some((link) => link.target?.toString(true).includes('flno=12')), links.map((link) => link.target?.toString(true)).join(', '));
    const diagnostics = await ourDiagnostics(document.uri, (list) => list.some((diagnostic) => diagnostic.code === 'ambiguous-law'));
    const ambiguous = diagnostics.find((diagnostic) => diagnostic.code === 'ambiguous-law')!;
    assert.equal(document.getText(ambiguous.range), '性平法');
    assert.match(ambiguous.message, /性別平等教育法/);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });
});
