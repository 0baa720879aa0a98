import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activateExtension, hoverAt, openFixture, ourDiagnostics, positionOf } from './helpers';

suite('annotations', () => {
  suiteSetup(async () => {
    await activateExtension();
  });

  test('hover on a Chinese mention: the card with ROC date, cited count and our command links only', async () => {
    const document = await openFixture('commentary.md');
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, positionOf(document, '蜜雪兒', 1));
    const card = hovers.find((hover) => hover.contents.some((content) => typeof content !== 'string' && content.value.includes('Michelle Donelan')));
    assert.ok(card, 'a card for Michelle Donelan');
    const markdown = card.contents[0] as vscode.MarkdownString;
    assert.match(markdown.value, /(cited|本文引用) 2/);
    assert.match(markdown.value, /command:policyAnnotator\.showRecord\?/);
    assert.deepEqual(markdown.isTrusted, { enabledCommands: ['policyAnnotator.openSource', 'policyAnnotator.showRecord'] });
    assert.equal(markdown.supportHtml, false);
  });

  test('hover on a citation line shows its last visit', async () => {
    const document = await openFixture('commentary.md');
    const text = await hoverAt(document, positionOf(document, 'The Bletchley Declaration(2023', 3));
    assert.match(text, /The Bletchley Declaration/);
    // Card text is Markdown-escaped: the comma comes as \\,.
    assert.match(text, /(Last visit|最後瀏覽): (June 30\\, 2024|2024年6月30日)/);
  });

  test('document links: link texts and citation lines go to the source URL', async () => {
    const document = await openFixture('commentary.md');
    const links = await vscode.commands.executeCommand<vscode.DocumentLink[]>('vscode.executeLinkProvider', document.uri);
    const targets = links.map((link) => link.target?.toString(true) ?? '');
    assert.ok(targets.some((target) => target.includes('questions-statements.parliament.uk')), targets.join('\n'));
    const citationLink = links.find((link) => document.getText(link.range) === 'U.S. and UK Announce Partnership');
    assert.ok(citationLink, 'the short title of a citation line is a link');
    assert.match(citationLink.target?.toString(true) ?? '', /commerce\.gov/);
  });

  test('go to definition opens the embedded record as a read-only document', async () => {
    const document = await openFixture('commentary.md');
    const definitions = await vscode.commands.executeCommand<Array<vscode.Location | vscode.LocationLink>>('vscode.executeDefinitionProvider', document.uri, positionOf(document, '布萊切利公園', 1));
    const target = definitions.map((definition) => ('targetUri' in definition ? definition.targetUri : definition.uri))[0];
    assert.equal(target?.scheme, 'policy-annotator-embedded');
    const record = await vscode.workspace.openTextDocument(target!);
    assert.match(record.getText(), /^id: bletchley-park$/m);
  });

  test('find all references lists the record across the workspace articles', async () => {
    const document = await openFixture('commentary.md');
    const locations = await vscode.commands.executeCommand<vscode.Location[]>('vscode.executeReferenceProvider', document.uri, positionOf(document, '布萊切利宣言', 1));
    const files = new Set(locations.map((location) => location.uri.path.split('/').pop()));
    assert.ok(files.has('commentary.md') && files.has('mou-article.md'), [...files].join(', '));
  });

  test('diagnostics (with the severity from .policy-annotator.json) and the placeholder quick fix', async () => {
    const document = await openFixture('commentary.md');
    // The fixture workspace's .policy-annotator.json raises placeholder-link to an error, as the CLI would.
    const diagnostics = await ourDiagnostics(document.uri, (list) => list.some((diagnostic) => diagnostic.code === 'placeholder-link' && diagnostic.severity === vscode.DiagnosticSeverity.Error));
    const placeholders = diagnostics.filter((diagnostic) => diagnostic.code === 'placeholder-link');
    assert.equal(placeholders.length, 3);
    assert.ok(placeholders.every((diagnostic) => diagnostic.severity === vscode.DiagnosticSeverity.Error));
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', document.uri, placeholders[0]!.range);
    const fix = actions.find((action) => action.title.startsWith('Link to https://www.gov.uk/'));
    assert.ok(fix?.edit, actions.map((action) => action.title).join(' | '));
    assert.ok(actions.some((action) => action.title === 'Fix all 3 placeholder links'));
    const [[, edits]] = fix.edit.entries() as [[vscode.Uri, vscode.TextEdit[]]];
    assert.equal(document.getText(edits[0]!.range), '#');
  });
});
