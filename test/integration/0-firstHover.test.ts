import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { PolicyAnnotatorApi } from '../../src/extension';
import { EXTENSION_ID, hoverAt, openFixture, positionOf } from './helpers';

// Runs first (file name), in a window where no Markdown file was open yet: the extension is not active, so
// this measures what a writer sees — open an article, hover a name, wait for the card. It prints the
// timeline; timing is not asserted here (that belongs to the bench), the card's content is.
suite('first hover', () => {
  test('opening an article and hovering a name shows its card; the timeline is printed', async function () {
    this.timeout(60_000);
    const extension = vscode.extensions.getExtension<PolicyAnnotatorApi>(EXTENSION_ID);
    assert.ok(extension);
    const wasActive = extension.isActive;
    const started = performance.now();
    const document = await openFixture('mou-article.md');
    const opened = performance.now();
    // Opening a Markdown file activates the extension (onLanguage:markdown); a hover asked before its
    // providers are registered gets nothing from us, so the timeline waits for the activation itself.
    const api = await extension.activate();
    const activated = performance.now();
    // The hover provider waits for the corpus index itself: one request is what a writer's first hover is.
    const card = await hoverAt(document, positionOf(document, '布萊切利宣言', 2));
    const hovered = performance.now();
    assert.match(card, /The Bletchley Declaration/);
    console.log(
      `      first hover: article open ${(opened - started).toFixed(0)} ms, extension active ${(activated - started).toFixed(0)} ms, first card ${(hovered - started).toFixed(0)} ms after opening it` +
        ` (extension ${wasActive ? 'already active' : 'activated by the article'}; activate() itself ${api.activationMs.toFixed(1)} ms; corpus ${api.corpusSize()} records)`,
    );
  });
});
