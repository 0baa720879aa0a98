import type * as vscode from 'vscode';
import type { CorpusService } from '../core/corpus/corpusService';
import { registerDocumentDiagnostics } from '../vscode/documentDiagnostics';
import type { Settings } from '../vscode/settings';
import type { DecisionAnalyses } from '../vscode/workspaceDecisions';
import { toVsDiagnostics } from './articleDiagnostics';

export interface DecisionDiagnosticsDeps {
  readonly decisions: DecisionAnalyses;
  readonly corpus: CorpusService;
  readonly settings: Settings;
  readonly debounceMs?: number;
}

/** Decision checks of open articles (invalid-decision-number), in their own collection. */
export function registerDecisionDiagnostics(selector: vscode.DocumentSelector, deps: DecisionDiagnosticsDeps): vscode.Disposable {
  return registerDocumentDiagnostics({
    name: 'policy-annotator-decisions',
    selector,
    debounceMs: deps.debounceMs ?? 300,
    isEnabled: (document) => deps.settings.areDiagnosticsEnabled(document.uri),
    compute: async (document) => toVsDiagnostics(document, deps.decisions.get(document).diagnostics, deps.settings),
    onClose: (document) => deps.decisions.forget(document),
  });
}
