import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activateExtension, hoverText, openFixture, positionOf } from './helpers';

// Weak aliases in a real VS Code: 合作備忘錄 names the 2024 UK–US MOU only in an article that refers to it
// (or to a related record) by a strong name.
suite('weak aliases', () => {
  suiteSetup(async () => {
    await activateExtension();
  });

  const hoverAt = async (document: vscode.TextDocument, needle: string, occurrence = 1) =>
    vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, positionOf(document, needle, 1, occurrence));

  test('no card on 合作備忘錄, MOU or 安全研究所 in an unrelated memorandum article', async () => {
    const document = await openFixture('quiet/unrelated-memorandum.md');
    for (const needle of ['合作備忘錄', 'MOU', '安全研究所']) {
      const text = hoverText(await hoverAt(document, needle, needle === '合作備忘錄' ? 2 : 1));
      assert.doesNotMatch(text, /英美人工智慧安全合作備忘錄|UK–US|AI Safety Institute/, needle);
    }
  });

  test('a card on 合作備忘錄 in the seed article, which names the MOU strongly', async () => {
    const document = await openFixture('quiet/seed-article.md');
    // The second 合作備忘錄: the first is inside the title 英國與美國為人工智慧安全共同開發簽署合作備忘錄.
    const hovers = await hoverAt(document, '合作備忘錄', 2);
    assert.match(hoverText(hovers), /英美人工智慧安全合作備忘錄/);
  });
});
