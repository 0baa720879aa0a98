import * as vscode from 'vscode';
import type { Settings } from './settings';

/**
 * A card built from Markdown whose untrusted parts the core has escaped: beyond that, only the listed
 * commands may run, and no HTML or theme icons render.
 */
export function cardHover(markdownText: string, range: vscode.Range, enabledCommands: readonly string[] = []): vscode.Hover {
  const markdown = new vscode.MarkdownString(markdownText);
  markdown.isTrusted = enabledCommands.length > 0 ? { enabledCommands: [...enabledCommands] } : false;
  markdown.supportHtml = false;
  markdown.supportThemeIcons = false;
  return new vscode.Hover(markdown, range);
}

/** Registers a hover provider that answers only while policyAnnotator.hover.enabled is on for the document. */
export function registerHoverWhenEnabled(selector: vscode.DocumentSelector, settings: Pick<Settings, 'isHoverEnabled'>, provider: vscode.HoverProvider): vscode.Disposable {
  return vscode.languages.registerHoverProvider(selector, {
    provideHover: (document, position, token) => (settings.isHoverEnabled(document.uri) ? provider.provideHover(document, position, token) : undefined),
  });
}
