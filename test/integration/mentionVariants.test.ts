import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activateExtension, hoverAt, openFixture, positionOf } from './helpers';

// Mentions as others write them, in a real VS Code: a simplified-Chinese paragraph is matched after
// conversion to traditional characters with Taiwan phrases (tables loaded on first need), and a bracketed
// title with a word inserted is matched fuzzily; the cards cover the text as written.
suite('mentions as others write them', () => {
  test('a simplified-Chinese paragraph: cards on its names and on a bracketed title with a word inserted', async () => {
    const api = await activateExtension();
    const document = await openFixture('variants-simplified.md');
    // The first analysis of a simplified text asks for the conversion tables and the fuzzy pass; whenIdle
    // resolves once they are in (the index generation changes, so the next hover analyses again).
    await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, positionOf(document, '布莱切利公园', 1));
    await api.whenIdle();
    assert.match(await hoverAt(document, positionOf(document, '布莱切利公园', 1)), /Bletchley Park/);
    assert.match(await hoverAt(document, positionOf(document, '米歇尔·多尼兰', 1)), /Michelle Donelan/);
    assert.match(await hoverAt(document, positionOf(document, '前沿人工智能', 2)), /frontier AI/);
    assert.match(await hoverAt(document, positionOf(document, '布莱切利AI宣言', 5)), /The Bletchley Declaration/);
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, positionOf(document, '布莱切利AI宣言', 5));
    const range = hovers.find((hover) => hover.range)?.range;
    assert.ok(range, 'the card has a range');
    assert.equal(document.getText(range), '布莱切利AI宣言', 'the card covers the title as written');
  });
});
