import * as assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { strToU8, zipSync } from 'fflate';
import * as vscode from 'vscode';
import { activateExtension, hoverText, positionOf } from './helpers';

/** A one-law edition of ChLaw.json written for this test (a made-up law and pcode, so no other test sees it). */
function fixtureZip(): Uint8Array {
  const law = {
    LawName: '整合測試示範法',
    LawURL: 'https://law.moj.gov.tw/LawClass/LawAll.aspx?pcode=Z9999901',
    LawModifiedDate: '20250102',
    LawAbandonNote: '',
    EngLawName: 'Integration Test Example Act',
    LawArticles: [{ ArticleType: 'A', ArticleNo: '第 1 條', ArticleContent: '本法條文僅供下載測試使用。' }],
  };
  return zipSync({ 'ChLaw.json': strToU8(JSON.stringify({ UpdateDate: '2025/1/3', Laws: [law] })) });
}

suite('Download the National Law Database', () => {
  let server: Server;
  let requests = 0;
  let document: vscode.TextDocument;

  suiteSetup(async () => {
    await activateExtension();
    const zip = fixtureZip();
    server = createServer((_request, response) => {
      requests++;
      response.writeHead(200, { 'content-type': 'application/zip', 'content-length': String(zip.length) });
      response.end(zip);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  });

  suiteTeardown(async () => {
    server.closeAllConnections();
    server.close();
    await vscode.workspace.getConfiguration('policyAnnotator').update('laws.downloadUrl', undefined, vscode.ConfigurationTarget.Workspace);
  });

  test('a card without article text offers the download (the one trusted command); after it, statutes read the downloaded data', async () => {
    document = await vscode.workspace.openTextDocument({ language: 'markdown', content: '依民法第184條請求賠償。\n\n另見整合測試示範法第1條。\n' });
    const before = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, positionOf(document, '民法第184條', 2));
    const card = before.find((hover) => hoverText([hover]).includes('Civil Code') || hoverText([hover]).includes('民法'));
    assert.ok(card, hoverText(before));
    assert.match(hoverText([card]), /command:policyAnnotator\.downloadLawDatabase/);
    const markdown = card.contents.find((content): content is vscode.MarkdownString => content instanceof vscode.MarkdownString)!;
    assert.deepEqual(markdown.isTrusted, { enabledCommands: ['policyAnnotator.downloadLawDatabase'] });
    assert.equal(requests, 0, 'nothing is downloaded before the command');

    const port = (server.address() as AddressInfo).port;
    await vscode.workspace.getConfiguration('policyAnnotator').update('laws.downloadUrl', `http://127.0.0.1:${port}/api/ch/law/json`, vscode.ConfigurationTarget.Workspace);
    const outcome = await vscode.commands.executeCommand<string>('policyAnnotator.downloadLawDatabase', { minLaws: 1 });
    assert.equal(outcome, 'imported');
    assert.equal(requests, 1);
    const after = hoverText(await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, positionOf(document, '示範法第1條', 2)));
    assert.match(after, /本法條文僅供下載測試使用/);

    const again = await vscode.commands.executeCommand<string>('policyAnnotator.checkLawDatabase', { minLaws: 1 });
    assert.equal(again, 'current', 'the same edition is not imported again');
  });

  test('a download that is not the database (too few laws) fails and keeps the data in use', async () => {
    const outcome = await vscode.commands.executeCommand<string>('policyAnnotator.downloadLawDatabase');
    assert.equal(outcome, 'failed');
    const still = hoverText(await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, positionOf(document, '示範法第1條', 2)));
    assert.match(still, /本法條文僅供下載測試使用/);
  });
});
