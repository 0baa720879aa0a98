import * as vscode from 'vscode';
import { tagContextAt } from '../core/tags/articleTags';
import type { ArticleAnalyses } from '../vscode/articleAnalyses';
import type { Settings } from '../vscode/settings';

/**
 * Opens the suggestion list when the user types in a tag position. VS Code turns quick suggestions off in
 * Markdown, and Chinese input methods commit text without trigger characters, so the provider alone would
 * only answer Ctrl+Space. This asks for suggestions after each typed insertion in a tag position, without
 * changing editor.quickSuggestions for the rest of the user's Markdown.
 */
export function registerTagAutoSuggest(selector: vscode.DocumentSelector, analyses: ArticleAnalyses, settings: Settings): vscode.Disposable {
  return vscode.workspace.onDidChangeTextDocument((event) => {
    const editor = vscode.window.activeTextEditor;
    if (!editor || editor.document !== event.document || vscode.languages.match(selector, event.document) === 0) return;
    if (!settings.autoSuggestTags(event.document.uri)) return;
    const [change] = event.contentChanges;
    // Only a typed insertion (not a paste of lines, an undo of a block, or a deletion).
    if (event.contentChanges.length !== 1 || !change || change.text.length === 0 || change.text.length > 20 || change.text.includes('\n')) return;
    const offset = event.document.offsetAt(editor.selection.active);
    if (!tagContextAt(analyses.article(event.document), offset, settings.hashtagsEnabled(event.document.uri))) return;
    void vscode.commands.executeCommand('editor.action.triggerSuggest');
  });
}
