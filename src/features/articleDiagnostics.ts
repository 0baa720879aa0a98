import * as vscode from 'vscode';
import type { ArticleDiagnostic } from '../core/article/checks';
import type { CorpusService } from '../core/corpus/corpusService';
import type { ArticleAnalyses } from '../vscode/articleAnalyses';
import { toVsRange } from '../vscode/convert';
import type { Settings } from '../vscode/settings';
import { localized } from '../vscode/l10n';

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
  const collection = vscode.languages.createDiagnosticCollection('policy-annotator');
  const timers = new Map<string, ReturnType<typeof setTimeout>>();
  const update = async (document: vscode.TextDocument) => {
    const key = document.uri.toString();
    if (vscode.languages.match(selector, document) === 0 || document.isClosed) return;
    if (!deps.settings.areDiagnosticsEnabled(document.uri)) {
      collection.delete(document.uri);
      return;
    }
    const version = document.version;
    await deps.corpus.whenReady();
    if (document.isClosed || document.version !== version || timers.has(key)) return;
    collection.set(document.uri, toVsDiagnostics(document, deps.analyses.get(document).diagnostics, deps.settings));
  };
  const schedule = (document: vscode.TextDocument, delay = deps.debounceMs ?? 300) => {
    const key = document.uri.toString();
    const pending = timers.get(key);
    if (pending !== undefined) clearTimeout(pending);
    timers.set(
      key,
      setTimeout(() => {
        timers.delete(key);
        void update(document);
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
      collection.delete(document.uri);
    }),
    vscode.workspace.onDidChangeConfiguration((event) => {
      if (event.affectsConfiguration('policyAnnotator')) all();
    }),
    deps.corpus.onDidUpdate(all),
    { dispose: () => timers.forEach((timer) => clearTimeout(timer)) },
  );
}
