import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { PolicyAnnotatorApi } from '../../src/extension';
import { activateExtension, hoverAt, positionOf, waitForCorpus, workspaceFile } from './helpers';

// Reference libraries in the real extension: the readers are required from dist/libraryReaders.js on the
// first library file, and their records get hover cards like any record.
suite('reference libraries', () => {
  let api: PolicyAnnotatorApi;
  suiteSetup(async () => {
    api = await activateExtension();
  });

  test('a .bib entry gets a hover card (the BibTeX reader loaded on first use)', async () => {
    const file = workspaceFile('corpus/integration-refs.bib');
    const bib = [
      '@string{pub = {範例研究院}}',
      '@report{integrationBib2024,',
      '  title = {整合測試書目報告},',
      '  shorttitle = {書目測試報告},',
      '  author = {王小明 and Doe, Jane},',
      '  institution = pub,',
      '  date = {2024-04-01},',
      '  url = {https://example.org/integration-bib},',
      '}',
      '',
    ].join('\n');
    await vscode.workspace.fs.writeFile(file, new TextEncoder().encode(bib));
    try {
      await waitForCorpus(api, () => api.hasRecord('integrationBib2024'), 'the .bib record');
      const document = await vscode.workspace.openTextDocument({ language: 'markdown', content: '# 測試\n\n本文引用書目測試報告。\n' });
      const markdown = await hoverAt(document, positionOf(document, '書目測試報告', 2));
      assert.match(markdown, /整合測試書目報告/);
      assert.match(markdown, /範例研究院/);
      assert.match(markdown, /王小明\\, Jane Doe/, 'a CJK and a Western author, the comma escaped');
      assert.match(markdown, /\(https:\/\/example\.org\/integration-bib\)/);
    } finally {
      await vscode.workspace.fs.delete(file);
      await waitForCorpus(api, () => !api.hasRecord('integrationBib2024'), 'the .bib record to go');
    }
  });

  test('a Zotero CSL-JSON export gets hover cards, its DOI linked through doi.org', async () => {
    const file = workspaceFile('corpus/integration-zotero.json');
    const items = [{ id: 'integrationCsl2023', type: 'article-journal', title: 'Integration Test Journal Article', 'title-short': 'ITJA', author: [{ family: 'Doe', given: 'Jane' }], 'container-title': 'Journal of Tests', issued: { 'date-parts': [[2023, 5]] }, DOI: '10.5555/itja.2023' }];
    await vscode.workspace.fs.writeFile(file, new TextEncoder().encode(JSON.stringify(items, null, 2)));
    try {
      await waitForCorpus(api, () => api.hasRecord('integrationCsl2023'), 'the CSL-JSON record');
      const document = await vscode.workspace.openTextDocument({ language: 'markdown', content: '# Test\n\nThe ITJA study.\n' });
      const markdown = await hoverAt(document, positionOf(document, 'ITJA', 1));
      assert.match(markdown, /Integration Test Journal Article/);
      assert.match(markdown, /Journal of Tests/);
      assert.match(markdown, /\(https:\/\/doi\.org\/10\.5555\/itja\.2023\)/);
    } finally {
      await vscode.workspace.fs.delete(file);
      await waitForCorpus(api, () => !api.hasRecord('integrationCsl2023'), 'the CSL-JSON record to go');
    }
  });
});
