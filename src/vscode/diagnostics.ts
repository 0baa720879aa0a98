import * as vscode from 'vscode';
import type { ArticleDiagnostic, TextFix } from '../core/article/checks';
import type { CorpusProblem } from '../core/corpus/problems';
import type { SeverityChoice } from '../core/config';
import { toVsRange } from './convert';
import { localized } from './l10n';
import type { Settings } from './settings';

/** The `source` of every diagnostic the extension publishes. */
export const DIAGNOSTIC_SOURCE = 'Policy Annotator';

/** The one map from the core's severities to VS Code's ('off' is dropped before it gets here). */
const VS_SEVERITY: Record<Exclude<SeverityChoice, 'off'>, vscode.DiagnosticSeverity> = {
  error: vscode.DiagnosticSeverity.Error,
  warning: vscode.DiagnosticSeverity.Warning,
  info: vscode.DiagnosticSeverity.Information,
  hint: vscode.DiagnosticSeverity.Hint,
};

/** Article and statute checks for the Problems panel, in the UI language, with the per-code severity settings. */
export function toVsDiagnostics(document: vscode.TextDocument, diagnostics: readonly ArticleDiagnostic[], settings: Settings): vscode.Diagnostic[] {
  const converted: vscode.Diagnostic[] = [];
  for (const diagnostic of diagnostics) {
    const severity = settings.severity(document.uri, diagnostic.code, diagnostic.severity);
    if (severity === 'off') continue;
    const vsDiagnostic = new vscode.Diagnostic(toVsRange(document, diagnostic.start, diagnostic.end), localized(diagnostic.localizable, diagnostic.message), VS_SEVERITY[severity]);
    vsDiagnostic.code = diagnostic.code;
    vsDiagnostic.source = DIAGNOSTIC_SOURCE;
    converted.push(vsDiagnostic);
  }
  return converted;
}

/** Problems of a file the extension reads (corpus, taxonomy, configuration): each marks its whole line. */
export function problemsToVsDiagnostics(problems: readonly CorpusProblem[]): vscode.Diagnostic[] {
  return problems.map((problem) => {
    const diagnostic = new vscode.Diagnostic(new vscode.Range(problem.line, 0, problem.line, 1_000), problem.message, VS_SEVERITY[problem.severity]);
    diagnostic.code = problem.code;
    diagnostic.source = DIAGNOSTIC_SOURCE;
    return diagnostic;
  });
}

/** One quick fix: a text edit, titled in the UI language. */
export function fixAction(document: vscode.TextDocument, fix: TextFix, diagnostics: vscode.Diagnostic[], preferred: boolean): vscode.CodeAction {
  const action = new vscode.CodeAction(localized(fix.localizedTitle, fix.title), vscode.CodeActionKind.QuickFix);
  action.edit = new vscode.WorkspaceEdit();
  action.edit.replace(document.uri, toVsRange(document, fix.start, fix.end), fix.newText);
  action.diagnostics = diagnostics;
  action.isPreferred = preferred;
  return action;
}

/** The quick fixes a core diagnostic carries (its fix first, preferred; then the alternatives). */
export function fixActions(document: vscode.TextDocument, diagnostic: ArticleDiagnostic, settings: Settings): vscode.CodeAction[] {
  if (!diagnostic.fix) return [];
  const diagnostics = toVsDiagnostics(document, [diagnostic], settings);
  return [diagnostic.fix, ...(diagnostic.alternatives ?? [])].map((fix, rank) => fixAction(document, fix, diagnostics, rank === 0));
}
