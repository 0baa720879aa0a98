import * as assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { activateExtension, hoverText, openFixture, ourDiagnostics, positionOf } from './helpers';

/** The repository (the fixture of the official open data is read from there, as a user's downloaded file would be). */
function repositoryRoot(): string {
  let folder = __dirname;
  while (!existsSync(path.join(folder, 'package.json'))) folder = path.dirname(folder);
  return folder;
}

suite('court decisions and the official law database', () => {
  suiteSetup(async () => {
    await activateExtension();
  });

  test('hovering 釋字第603號 shows the interpretation in words and its page; a court judgment says there is no stable link', async () => {
    const document = await openFixture('decisions.md');
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, positionOf(document, '釋字第603號', 2));
    const ours = hovers.find((hover) => hoverText([hover]).includes('jep03'));
    assert.ok(ours, hoverText(hovers));
    assert.equal(document.getText(ours.range), '司法院釋字第603號解釋');
    const text = hoverText([ours]);
    assert.match(text, /https:\/\/cons\.judicial\.gov\.tw\/jcc\/zh-tw\/jep03\/show\?expno=603/);
    assert.match(text, /603/);
    assert.ok(ours.contents.every((content) => typeof content === 'string' || !(content as vscode.MarkdownString).isTrusted), 'the decision card is not trusted');

    const court = hoverText(await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, positionOf(document, '台上字', 1)));
    assert.match(court, /最高法院/);
    assert.match(court, /2020/);
    assert.match(court, /No stable link|無法由字號得出穩定連結/);
    assert.match(court, /https:\/\/judgment\.judicial\.gov\.tw\/FJUD\/default\.aspx/);
  });

  test('釋字 above the last one issued is information', async () => {
    const document = await openFixture('decisions.md');
    const diagnostics = await ourDiagnostics(document.uri, (list) => list.some((diagnostic) => diagnostic.code === 'invalid-decision-number'));
    const invalid = diagnostics.find((diagnostic) => diagnostic.code === 'invalid-decision-number')!;
    assert.equal(invalid.severity, vscode.DiagnosticSeverity.Information);
    assert.equal(document.getText(invalid.range), '釋字第999號');
  });

  test('policyAnnotator.laws.path naming an official ChLaw.json: imported, then statutes use it (amended after the article)', async () => {
    const official = path.join(repositoryRoot(), 'test', 'fixtures', 'laws-official', 'ChLaw.json');
    const configuration = vscode.workspace.getConfiguration('policyAnnotator');
    const document = await openFixture('decisions.md');
    await configuration.update('laws.path', official, vscode.ConfigurationTarget.Workspace);
    try {
      const diagnostics = await ourDiagnostics(document.uri, (list) => list.some((diagnostic) => diagnostic.code === 'statute-amended-since'), 30_000);
      const amended = diagnostics.find((diagnostic) => diagnostic.code === 'statute-amended-since')!;
      assert.equal(amended.severity, vscode.DiagnosticSeverity.Information);
      assert.match(amended.message, /2025-09-24/);
      const hover = hoverText(await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, positionOf(document, '第20條', 1)));
      assert.match(hover, /資通安全管理法/);
      assert.match(hover, /2025/);
    } finally {
      await configuration.update('laws.path', undefined, vscode.ConfigurationTarget.Workspace);
    }
  });
});
