import * as vscode from 'vscode';
import { toVsRange } from '../vscode/convert';
import type { Settings } from '../vscode/settings';
import type { StatuteAnalyses } from '../vscode/workspaceLaws';
import { registerDocumentDiagnostics } from '../vscode/documentDiagnostics';
import { fixActions } from '../vscode/diagnostics';

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
    checks: async (document) => (await deps.statutes.get(document)).diagnostics,
    onClose: (document) => deps.statutes.forget(document),
    ...(deps.recomputeOn ? { recomputeOn: deps.recomputeOn } : {}),
  }, deps);
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
      if (toVsRange(document, diagnostic.start, diagnostic.end).intersection(range)) actions.push(...fixActions(document, diagnostic, this.deps.settings));
    }
    return actions;
  }
}

export function registerStatuteQuickFixes(selector: vscode.DocumentSelector, deps: StatuteDiagnosticsDeps): vscode.Disposable {
  return vscode.languages.registerCodeActionsProvider(selector, new StatuteQuickFixProvider(deps), { providedCodeActionKinds: StatuteQuickFixProvider.kinds });
}
