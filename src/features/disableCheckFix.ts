import * as vscode from 'vscode';
import { disableNextLineComment } from '../core/article/disableComments';

const SOURCE = 'Policy Annotator';

/**
 * "Disable this check on this line": inserts <!-- policy-annotator-disable-next-line code --> above the
 * diagnostic's line, indented like it. Offered for every Policy Annotator diagnostic in the request.
 */
export class DisableCheckFixProvider implements vscode.CodeActionProvider {
  static readonly kinds = [vscode.CodeActionKind.QuickFix];

  provideCodeActions(document: vscode.TextDocument, _range: vscode.Range | vscode.Selection, context: vscode.CodeActionContext): vscode.CodeAction[] {
    const actions: vscode.CodeAction[] = [];
    const seen = new Set<string>();
    for (const diagnostic of context.diagnostics) {
      if (diagnostic.source !== SOURCE) continue;
      const code = typeof diagnostic.code === 'object' ? String(diagnostic.code.value) : String(diagnostic.code ?? '');
      const line = diagnostic.range.start.line;
      if (!/^[a-z][a-z-]*$/.test(code) || seen.has(`${line}:${code}`)) continue;
      seen.add(`${line}:${code}`);
      const action = new vscode.CodeAction(vscode.l10n.t('Disable {0} on this line', code), vscode.CodeActionKind.QuickFix);
      const indent = /^\s*/.exec(document.lineAt(line).text)![0];
      action.edit = new vscode.WorkspaceEdit();
      action.edit.insert(document.uri, new vscode.Position(line, 0), `${indent}${disableNextLineComment([code])}\n`);
      action.diagnostics = [diagnostic];
      actions.push(action);
    }
    return actions;
  }
}

export function registerDisableCheckFix(selector: vscode.DocumentSelector): vscode.Disposable {
  return vscode.languages.registerCodeActionsProvider(selector, new DisableCheckFixProvider(), { providedCodeActionKinds: DisableCheckFixProvider.kinds });
}
