import * as vscode from 'vscode';
import { toVsRange } from '../vscode/convert';
import type { Settings } from '../vscode/settings';
import type { StatuteAnalyses } from '../vscode/workspaceLaws';
import { toVsDiagnostics } from './articleDiagnostics';

export interface StatuteDiagnosticsDeps {
  readonly statutes: StatuteAnalyses;
  readonly settings: Settings;
  readonly debounceMs?: number;
}

/**
 * Statute checks of open Markdown articles (unknown-statute-article, unknown-law, invalid-statute-number,
 * law-file-problem), in their own collection: they need the cited laws' texts, read asynchronously.
 */
export function registerStatuteDiagnostics(selector: vscode.DocumentSelector, deps: StatuteDiagnosticsDeps): vscode.Disposable {
  const collection = vscode.languages.createDiagnosticCollection('policy-annotator-statutes');
  const timers = new Map<string, ReturnType<typeof setTimeout>>();
  const update = async (document: vscode.TextDocument) => {
    if (vscode.languages.match(selector, document) === 0 || document.isClosed) return;
    if (!deps.settings.areDiagnosticsEnabled(document.uri)) {
      collection.delete(document.uri);
      return;
    }
    const version = document.version;
    const analysis = await deps.statutes.get(document);
    // Stale: the document changed (or closed, or another run is scheduled) while laws were read.
    if (document.isClosed || document.version !== version || timers.has(document.uri.toString())) return;
    collection.set(document.uri, toVsDiagnostics(document, analysis.diagnostics, deps.settings));
  };
  const schedule = (document: vscode.TextDocument, delay = deps.debounceMs ?? 300) => {
    const key = document.uri.toString();
    const pending = timers.get(key);
    if (pending !== undefined) clearTimeout(pending);
    timers.set(
      key,
      setTimeout(() => {
        timers.delete(key);
        update(document).catch((error: unknown) => console.error('Policy Annotator: statute checks failed', error));
      }, delay),
    );
  };
  const all = () => vscode.workspace.textDocuments.forEach((document) => schedule(document, 0));
  all();
  return vscode.Disposable.from(
    collection,
    vscode.workspace.onDidOpenTextDocument((document) => schedule(document, 0)),
    vscode.workspace.onDidChangeTextDocument((event) => {
      if (event.contentChanges.length > 0) schedule(event.document);
    }),
    vscode.workspace.onDidCloseTextDocument((document) => {
      const pending = timers.get(document.uri.toString());
      if (pending !== undefined) clearTimeout(pending);
      timers.delete(document.uri.toString());
      deps.statutes.forget(document);
      collection.delete(document.uri);
    }),
    vscode.workspace.onDidChangeConfiguration((event) => {
      if (event.affectsConfiguration('policyAnnotator')) all();
    }),
    { dispose: () => timers.forEach((timer) => clearTimeout(timer)) },
  );
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
