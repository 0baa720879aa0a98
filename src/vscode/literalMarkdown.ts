import * as vscode from 'vscode';
import { escapeMarkdownText } from '../core/util/markdownEscape';

/**
 * A MarkdownString whose appendText shows untrusted text literally. VS Code's own appendText leaves `<`, `:`,
 * `/`, `.` and `@` alone, so a bare `https://…` or `www.…` in a taxonomy description would still become a
 * link; escapeMarkdownText escapes every ASCII punctuation character. No HTML, no icons, no commands.
 */
export function literalMarkdown(): vscode.MarkdownString {
  const markdown = new vscode.MarkdownString();
  markdown.appendText = (value: string) => markdown.appendMarkdown(escapeMarkdownText(value));
  markdown.isTrusted = false;
  markdown.supportHtml = false;
  markdown.supportThemeIcons = false;
  return markdown;
}
