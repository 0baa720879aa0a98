// Smoke test of the browser entry (dist/web/extension.js) in VS Code's web worker extension host, the
// host vscode.dev and github.dev use. The workspace is test/fixtures/workspace, which @vscode/test-web
// serves as the virtual file system vscode-test-web://mount: no `file:` URIs, no Node.
import * as vscode from 'vscode';
import type { PolicyAnnotatorApi } from '../../src/extension';
import { activateExtension, check, checkMatch, hoverAt } from './helpers';

suite('web extension host', () => {
  let api: PolicyAnnotatorApi;

  suiteSetup(async () => {
    api = await activateExtension();
  });

  test('runs in the web worker host of VS Code for the Web', () => {
    check(vscode.env.uiKind === vscode.UIKind.Web, `uiKind is ${vscode.env.uiKind}, expected UIKind.Web (${vscode.UIKind.Web})`);
  });

  test('a mention in an untitled Markdown document shows the embedded corpus card', async () => {
    const document = await vscode.workspace.openTextDocument({ language: 'markdown', content: '兩國重申布萊切利宣言的承諾。\n' });
    const hover = await hoverAt(document, '布萊切利宣言');
    checkMatch(hover.text, /The Bletchley Declaration/, 'the card title');
    checkMatch(hover.text, /民國112年|ROC 112/, 'the card date with the ROC year');
    check(hover.ranges.includes('布萊切利宣言'), `the card covers the mention; ranges: ${JSON.stringify(hover.ranges)}`);
  });

  test('workspace corpus files on the virtual file system are indexed through workspace.fs', async () => {
    const folder = vscode.workspace.workspaceFolders?.[0];
    check(folder, 'the fixture workspace is open');
    check(folder.uri.scheme === 'vscode-test-web', `the workspace is ${folder.uri.toString()}, expected the vscode-test-web virtual file system`);
    check(api.hasRecord('fixture-good'), 'fixture-good from corpus/broken.json is indexed');
    check(!api.hasRecord('fixture-malformed'), 'the malformed record is not indexed');
    const article = await vscode.workspace.openTextDocument(vscode.Uri.joinPath(folder.uri, 'workspace-corpus.md'));
    checkMatch((await hoverAt(article, '良好的測試紀錄')).text, /A good fixture record/, 'the workspace record card');
  });

  test('a statute reference shows the article text, read from the extension\'s own law files in the browser', async () => {
    const document = await vscode.workspace.openTextDocument({ language: 'markdown', content: '依個人資料保護法第6條第1項第2款，病歷資料原則上不得蒐集。\n' });
    const hover = await hoverAt(document, '第6條第1項第2款');
    checkMatch(hover.text, /Personal Data Protection Act/, 'the law card');
    checkMatch(hover.text, /有關病歷、醫療、基因/, 'the article text');
    checkMatch(hover.text, /pcode=I0050021&flno=6/, 'the law.moj.gov.tw link');
  });
});
