import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activateExtension, hoverText, openFixture, positionOf } from './helpers';

suite('hover cards', () => {
  suiteSetup(async () => {
    await activateExtension();
  });

  test('a mention of an embedded record shows its card', async () => {
    const document = await openFixture('mou-article.md');
    const position = positionOf(document, '布萊切利宣言', 2);
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, position);
    const text = hoverText(hovers);
    assert.match(text, /The Bletchley Declaration/);
    // The card follows the UI language: 民國112年 in Chinese, ROC 112 in English.
    assert.match(text, /民國112年|ROC 112/);
    assert.match(text, /gov\.uk/i);
    const ours = hovers.find((hover) => hoverText([hover]).includes('Bletchley'));
    assert.ok(ours?.range, 'the card covers the mention');
    assert.equal(document.getText(ours.range), '布萊切利宣言');
  });

  test('plain text has no card', async () => {
    const document = await openFixture('mou-article.md');
    const position = positionOf(document, '普通文字', 1);
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, position);
    assert.doesNotMatch(hoverText(hovers), /Bletchley|布萊切利/);
  });
});
