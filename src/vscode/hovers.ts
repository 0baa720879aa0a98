import * as vscode from 'vscode';
import type { Settings } from './settings';
import { startup } from './startup';

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

/**
 * Registers a hover provider that answers only while policyAnnotator.hover.enabled is on for the document.
 * `name` goes into the startup timeline: when the provider was first asked and when it first answered
 * (VS Code shows the cards of one hover once every provider has answered, so the slowest one sets the pace).
 */
export function registerHoverWhenEnabled(selector: vscode.DocumentSelector, settings: Pick<Settings, 'isHoverEnabled'>, provider: vscode.HoverProvider, name: string): vscode.Disposable {
  return vscode.languages.registerHoverProvider(selector, {
    provideHover: async (document, position, token) => {
      if (!settings.isHoverEnabled(document.uri)) return undefined;
      startup.mark('first hover asked');
      const hover = await provider.provideHover(document, position, token);
      startup.mark(`${name} hover: first answer`);
      if (hover) startup.mark('first card');
      return hover;
    },
  });
}
