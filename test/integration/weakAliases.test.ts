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

suite('reference colouring (semantic tokens)', () => {
  suiteSetup(async () => {
    await activateExtension();
  });

  const tokenTexts = async (document: vscode.TextDocument): Promise<string[]> => {
    const tokens = await vscode.commands.executeCommand<vscode.SemanticTokens | undefined>('vscode.provideDocumentSemanticTokens', document.uri);
    const texts: string[] = [];
    let line = 0;
    let character = 0;
    const data = tokens?.data ?? new Uint32Array();
    for (let index = 0; index + 4 < data.length; index += 5) {
      line += data[index]!;
      character = data[index] === 0 ? character + data[index + 1]! : data[index + 1]!;
      texts.push(document.getText(new vscode.Range(line, character, line, character + data[index + 2]!)));
    }
    return texts;
  };

  test('the resolved names are coloured over their exact range, weak ones only with support', async () => {
    const seed = await tokenTexts(await openFixture('quiet/seed-article.md'));
    for (const name of ['蜜雪兒·多尼蘭', '合作備忘錄', 'MOU', '先進人工智慧', '安全研究所']) assert.ok(seed.includes(name), `${name} in ${seed.join(' ')}`);
    const unrelated = await tokenTexts(await openFixture('quiet/unrelated-memorandum.md'));
    assert.deepEqual(unrelated, []);
  });
});
