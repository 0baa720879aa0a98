import * as vscode from 'vscode';
import { toVsRange } from '../vscode/convert';
import type { Settings } from '../vscode/settings';
import type { StatuteAnalyses } from '../vscode/workspaceLaws';
import { registerDocumentDiagnostics } from '../vscode/documentDiagnostics';
import { toVsDiagnostics } from './articleDiagnostics';

export interface StatuteDiagnosticsDeps {
  readonly statutes: StatuteAnalyses;
  readonly settings: Settings;
  readonly debounceMs?: number;
  /** More events that recompute every open document (the law library reloaded: an imported database is ready). */
  readonly recomputeOn?: ReadonlyArray<(listener: () => void) => { dispose(): void }>;
}

/**
 * Statute checks of open Markdown articles (unknown-statute-article, unknown-law, invalid-statute-number,
 * law-file-problem), in their own collection: they need the cited laws' texts, read asynchronously.
 */
export function registerStatuteDiagnostics(selector: vscode.DocumentSelector, deps: StatuteDiagnosticsDeps): vscode.Disposable {
  return registerDocumentDiagnostics({
    name: 'policy-annotator-statutes',
    selector,
    debounceMs: deps.debounceMs ?? 300,
    isEnabled: (document) => deps.settings.areDiagnosticsEnabled(document.uri),
    compute: async (document) => toVsDiagnostics(document, (await deps.statutes.get(document)).diagnostics, deps.settings),
    onClose: (document) => deps.statutes.forget(document),
    ...(deps.recomputeOn ? { recomputeOn: deps.recomputeOn } : {}),
  });
}

/** Quick fixes of the statute checks: the nearest known law names for an unknown one. */
export class StatuteQuickFixProvider implements vscode.CodeActionProvider {
  static readonly kinds = [vscode.CodeActionKind.QuickFix];

  constructor(private readonly deps: StatuteDiagnosticsDeps) {}

  async provideCodeActions(document: vscode.TextDocument, range: vscode.Range | vscode.Selection, _context: vscode.CodeActionContext, token: vscode.CancellationToken): Promise<vscode.CodeAction[]> {
    const analysis = await this.deps.statutes.get(document);
    if (token.isCancellationRequested) return [];
    const actions: vscode.CodeAction[] = [];
    for (const diagnostic of analysis.diagnostics) {
      if (!diagnostic.fix || !toVsRange(document, diagnostic.start, diagnostic.end).intersection(range)) continue;
      [diagnostic.fix, ...(diagnostic.alternatives ?? [])].forEach((fix, rank) => {
        const action = new vscode.CodeAction(fix.title, vscode.CodeActionKind.QuickFix);
        action.edit = new vscode.WorkspaceEdit();
        action.edit.replace(document.uri, toVsRange(document, fix.start, fix.end), fix.newText);
        action.diagnostics = toVsDiagnostics(document, [diagnostic], this.deps.settings);
        action.isPreferred = rank === 0;
        actions.push(action);
      });
    }
    return actions;
  }
}

export function registerStatuteQuickFixes(selector: vscode.DocumentSelector, deps: StatuteDiagnosticsDeps): vscode.Disposable {
  return vscode.languages.registerCodeActionsProvider(selector, new StatuteQuickFixProvider(deps), { providedCodeActionKinds: StatuteQuickFixProvider.kinds });
}
