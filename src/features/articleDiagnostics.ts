import * as vscode from 'vscode';
import type { ArticleDiagnostic } from '../core/article/checks';
import type { CorpusService } from '../core/corpus/corpusService';
import type { ArticleAnalyses } from '../vscode/articleAnalyses';
import { toVsRange } from '../vscode/convert';
import type { Settings } from '../vscode/settings';
import { localized } from '../vscode/l10n';
import { registerDocumentDiagnostics } from '../vscode/documentDiagnostics';

export interface ArticleDiagnosticsDeps {
  readonly corpus: CorpusService;
  readonly analyses: ArticleAnalyses;
  readonly settings: Settings;
  readonly debounceMs?: number;
}

export const DIAGNOSTIC_SOURCE = 'Policy Annotator';
const SEVERITIES = {
  error: vscode.DiagnosticSeverity.Error,
  warning: vscode.DiagnosticSeverity.Warning,
  info: vscode.DiagnosticSeverity.Information,
  hint: vscode.DiagnosticSeverity.Hint,
} as const;

/** Converts core diagnostics for the Problems panel, honouring the per-code severity settings. */
export function toVsDiagnostics(document: vscode.TextDocument, diagnostics: readonly ArticleDiagnostic[], settings: Settings): vscode.Diagnostic[] {
  const converted: vscode.Diagnostic[] = [];
  for (const diagnostic of diagnostics) {
    const severity = settings.severity(document.uri, diagnostic.code, diagnostic.severity);
    if (severity === 'off') continue;
    const vsDiagnostic = new vscode.Diagnostic(toVsRange(document, diagnostic.start, diagnostic.end), localized(diagnostic.localizable, diagnostic.message), SEVERITIES[severity]);
    vsDiagnostic.code = diagnostic.code;
    vsDiagnostic.source = DIAGNOSTIC_SOURCE;
    converted.push(vsDiagnostic);
  }
  return converted;
}

/**
 * Citation checks of open Markdown articles: recomputed after typing stops (debounced), when the corpus
 * changes and when settings change; a run whose document changed meanwhile is dropped (stale).
 */
export function registerArticleDiagnostics(selector: vscode.DocumentSelector, deps: ArticleDiagnosticsDeps): vscode.Disposable {
  return registerDocumentDiagnostics({
    name: 'policy-annotator',
    selector,
    debounceMs: deps.debounceMs ?? 300,
    isEnabled: (document) => deps.settings.areDiagnosticsEnabled(document.uri),
    compute: async (document) => {
      await deps.corpus.whenReady();
      return toVsDiagnostics(document, deps.analyses.get(document).diagnostics, deps.settings);
    },
    recomputeOn: [(listener) => deps.corpus.onDidUpdate(listener)],
  });
}
