import * as vscode from 'vscode';

/** Core ranges are UTF-16 offsets into the document text; VS Code's are line/character positions. */
export function toVsRange(document: vscode.TextDocument, start: number, end: number): vscode.Range {
  return new vscode.Range(document.positionAt(start), document.positionAt(end));
}
