import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activateExtension, openFixture, ourDiagnostics } from './helpers';

// VS Code's own Markdown extension renders through `markdown.api.render`, with the markdown-it plugins that
// extensions contribute (`markdown.markdownItPlugins`): ours must be among them.
suite('references in the Markdown preview', function () {
  // The first statute check reads the law index: on a busy machine that takes a while.
  this.timeout(90_000);
  suiteSetup(async () => {
    await activateExtension();
  });

  async function renderedPreview(): Promise<{ document: vscode.TextDocument; html: string }> {
    const document = await openFixture('preview.md');
    // The statute check reads the law index and the cited laws' texts first: the preview then finds them loaded.
    await ourDiagnostics(document.uri, (list) => list.some((diagnostic) => diagnostic.code === 'unknown-statute-article'), 60_000);
    const html = await vscode.commands.executeCommand<string>('markdown.api.render', document.getText());
    return { document, html };
  }

  test('markdown.api.render links mentions, keys, statutes and 釋字, marks placeholders, anchors 資料來源', async () => {
    const { html } = await renderedPreview();
    assert.match(html, /<a href="https:\/\/www\.gov\.uk\/[^"]+" class="pa-ref pa-ref-record" title="The Bletchley Declaration · [^"]+"[^>]*>布萊切利宣言<\/a>/, html);
    assert.match(html, /<a href="#pa-source-1" class="pa-ref pa-ref-record"[^>]*>@bletchley-declaration-2023<\/a>/);
    assert.match(html, /<span class="pa-ref pa-ref-record" title="Michelle Donelan">蜜雪兒·多尼蘭<\/span>/);
    assert.match(html, /<a href="https:\/\/law\.moj\.gov\.tw\/LawClass\/LawSingle\.aspx\?pcode=I0050021&amp;flno=6" class="pa-ref pa-ref-statute" title="個人資料保護法 第6條第1項第2款\n二、公務機關執行法定職務[^"]+"[^>]*>個人資料保護法第6條第1項第2款<\/a>/);
    // An article the law does not have is not linked (its check says so).
    assert.match(html, /本文也提到資通安全管理法第99條/);
    assert.match(html, /<a href="https:\/\/cons\.judicial\.gov\.tw\/jcc\/zh-tw\/jep03\/show\?expno=603" class="pa-ref pa-ref-decision"/);
    assert.match(html, /<code>布萊切利宣言<\/code>/);
    assert.match(html, /<a href="#" class="pa-placeholder" title="[^"]*(?:Placeholder|佔位)[^"]*The Bletchley Declaration[^"]*"/);
    assert.match(html, /<p[^>]* id="pa-source-1"[^>]*>The Bletchley Declaration\(2023/);
  });

  test('policyAnnotator.preview.enabled off: the preview renders plain', async () => {
    const configuration = vscode.workspace.getConfiguration('policyAnnotator');
    await configuration.update('preview.enabled', false, vscode.ConfigurationTarget.Workspace);
    try {
      const { html } = await renderedPreview();
      assert.match(html, /布萊切利宣言/);
      assert.doesNotMatch(html, /pa-ref|pa-placeholder|pa-source/);
    } finally {
      await configuration.update('preview.enabled', undefined, vscode.ConfigurationTarget.Workspace);
    }
    const { html } = await renderedPreview();
    assert.match(html, /pa-ref/);
  });
});
