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

  test('a RIS reference gets a hover card, and an edit to one entry of a library reaches the card', async () => {
    const file = workspaceFile('corpus/integration-catalogue.ris');
    // The edit changes a title and, in the same file, the id of another reference: once that id is in, the file is re-read.
    const ris = (title: string, other = 'integrationRisOther') =>
      ['TY  - RPRT', 'ID  - integrationRis2024', `TI  - ${title}`, 'ST  - 目錄測試報告', 'AU  - 國家發展委員會', 'PY  - 2024/05/01/', 'UR  - https://example.org/integration-ris', 'ER  - ', '',
        'TY  - JOUR', `ID  - ${other}`, 'TI  - Another catalogue record', 'ER  - ', ''].join('\n');
    await vscode.workspace.fs.writeFile(file, new TextEncoder().encode(ris('整合測試目錄報告')));
    try {
      await waitForCorpus(api, () => api.hasRecord('integrationRis2024'), 'the RIS record');
      const document = await vscode.workspace.openTextDocument({ language: 'markdown', content: '# 測試\n\n本文引用目錄測試報告。\n' });
      const markdown = await hoverAt(document, positionOf(document, '目錄測試報告', 2));
      assert.match(markdown, /整合測試目錄報告/);
      assert.match(markdown, /國家發展委員會/);
      assert.match(markdown, /\(https:\/\/example\.org\/integration-ris\)/);
      await vscode.workspace.fs.writeFile(file, new TextEncoder().encode(ris('修訂後的目錄報告', 'integrationRisOther2')));
      await waitForCorpus(api, () => api.hasRecord('integrationRisOther2'), 'the edited RIS file');
      const edited = await hoverAt(document, positionOf(document, '目錄測試報告', 2));
      assert.match(edited, /修訂後的目錄報告/);
    } finally {
      await vscode.workspace.fs.delete(file);
      await waitForCorpus(api, () => !api.hasRecord('integrationRis2024'), 'the RIS record to go');
    }
  });
});
