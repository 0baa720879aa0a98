import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { PolicyAnnotatorApi } from '../../src/extension';
import { activateExtension, hoverAt, ourDiagnostics, positionOf, workspaceFile } from './helpers';

// An article's front matter `bibliography:` (like Pandoc): a library outside the corpus globs that counts for
// that article only. The files are made here, in the test's temporary workspace.
suite('front matter bibliography', () => {
  let api: PolicyAnnotatorApi;
  suiteSetup(async () => {
    api = await activateExtension();
  });

  const bib = (key: string) => [`@report{${key},`, '  title = {前言書目整合測試報告},', '  institution = {書目測試研究所},', '  date = {2025-02-01},', '  url = {https://example.org/front-matter-bibliography},', '}', ''].join('\n');

  // A busy extension host (the workspace reference index's first build runs beside this suite) can take
  // longer than the default 15 s to publish: the waits below allow 45 s, still ending on the event.
  test('a citation key resolves through the article\'s .bib (hover card); a missing file is reported on its line; an edit to the .bib is followed', async () => {
    const folder = workspaceFile('front-matter-bibliography');
    const library = vscode.Uri.joinPath(folder, 'library', 'refs.bib');
    const articleUri = vscode.Uri.joinPath(folder, 'articles', 'article.md');
    await vscode.workspace.fs.writeFile(library, new TextEncoder().encode(bib('frontMatterBib2025')));
    const text = ['---', 'title: 前言書目', 'bibliography:', '  - ../library/refs.bib', '  - ../library/missing.bib', '---', '', '# 前言書目', '', '本文依 [@frontMatterBib2025] 所述。', ''].join('\n');
    await vscode.workspace.fs.writeFile(articleUri, new TextEncoder().encode(text));
    try {
      await api.whenReady();
      // Not a corpus file (the default globs read corpus/ folders only): only the article sees it.
      assert.equal(api.hasRecord('frontMatterBib2025'), false);
      const document = await vscode.workspace.openTextDocument(articleUri);
      await vscode.window.showTextDocument(document);
      const markdown = await hoverAt(document, positionOf(document, '@frontMatterBib2025', 1));
      assert.match(markdown, /前言書目整合測試報告/);
      assert.match(markdown, /書目測試研究所/);
      const diagnostics = await ourDiagnostics(document.uri, (list) => list.some((diagnostic) => diagnostic.code === 'bibliography-problem'), 45_000);
      const problems = diagnostics.filter((diagnostic) => diagnostic.code === 'bibliography-problem');
      assert.deepEqual(problems.map((diagnostic) => diagnostic.range.start.line), [4]);
      assert.ok(!diagnostics.some((diagnostic) => diagnostic.code === 'unknown-citation-key'));
      // The .bib changes on disk (the key renamed): the watcher reloads it and the article's key is now unknown.
      await vscode.workspace.fs.writeFile(library, new TextEncoder().encode(bib('renamedFrontMatterBib2025')));
      const after = await ourDiagnostics(document.uri, (list) => list.some((diagnostic) => diagnostic.code === 'unknown-citation-key'), 45_000);
      assert.equal(after.filter((diagnostic) => diagnostic.code === 'unknown-citation-key')[0]!.range.start.line, 9);
    } finally {
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
      await vscode.workspace.fs.delete(folder, { recursive: true });
    }
  }).timeout(120_000);
  // Completion, inlay hints, rename and the preview read the article's bibliography as hover does.
  test('the article\'s .bib feeds citation completion, inlay hints, rename and the preview', async () => {
    const folder = workspaceFile('front-matter-bibliography-flow');
    const library = vscode.Uri.joinPath(folder, 'refs.bib');
    const records = vscode.Uri.joinPath(folder, 'more.json');
    const articleUri = vscode.Uri.joinPath(folder, 'article.md');
    await vscode.workspace.fs.writeFile(library, new TextEncoder().encode(bib('frontMatterFlow2025')));
    await vscode.workspace.fs.writeFile(records, new TextEncoder().encode(JSON.stringify([{ id: 'frontMatterJson2025', type: 'report', title: '前言書目的另一份報告' }], null, 2)));
    const text = ['---', 'title: 前言書目流程', 'bibliography: [refs.bib, more.json]', '---', '', '本文依 [@frontMatterFlow2025] 與 [@frontMatterJson2025] 所述。', '', '另見 [@frontMatterFl', ''].join('\n');
    await vscode.workspace.fs.writeFile(articleUri, new TextEncoder().encode(text));
    const configuration = vscode.workspace.getConfiguration('policyAnnotator');
    try {
      await api.whenReady();
      assert.equal(api.hasRecord('frontMatterFlow2025'), false);
      const document = await vscode.workspace.openTextDocument(articleUri);
      await vscode.window.showTextDocument(document);
      const typed = positionOf(document, '[@frontMatterFl', '[@frontMatterFl'.length, 2);
      const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', document.uri, typed);
      const labels = list.items.filter((item) => item.kind === vscode.CompletionItemKind.Reference).map((item) => (typeof item.label === 'string' ? item.label : item.label.label));
      assert.ok(labels.includes('前言書目整合測試報告'), labels.join(' | '));

      await configuration.update('inlayHints.enabled', true, vscode.ConfigurationTarget.Workspace);
      const hints = await vscode.commands.executeCommand<vscode.InlayHint[]>('vscode.executeInlayHintProvider', document.uri, new vscode.Range(0, 0, document.lineCount, 0));
      const hintLabels = hints.map((hint) => (typeof hint.label === 'string' ? hint.label : hint.label.map((part) => part.value).join('')));
      assert.ok(hintLabels.includes('前言書目整合測試報告'), hintLabels.join(' | '));

      // F2 on a key of the article's JSON library renames the id there and in the article.
      const renamed = await vscode.commands.executeCommand<vscode.WorkspaceEdit>('vscode.executeDocumentRenameProvider', document.uri, positionOf(document, '@frontMatterJson2025', 3), 'frontMatterJson2026');
      const touched = renamed.entries().map(([uri]) => uri.toString()).sort();
      assert.deepEqual(touched, [articleUri.toString(), records.toString()].sort());

      const html = await vscode.commands.executeCommand<string>('markdown.api.render', document.getText());
      assert.match(html, /<a href="https:\/\/example\.org\/front-matter-bibliography" class="pa-ref pa-ref-record" title="前言書目整合測試報告[^"]*"[^>]*>@frontMatterFlow2025<\/a>/, html);
    } finally {
      await configuration.update('inlayHints.enabled', undefined, vscode.ConfigurationTarget.Workspace);
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
      await vscode.workspace.fs.delete(folder, { recursive: true });
    }
  }).timeout(120_000);
});
