import type * as vscode from 'vscode';
import type { CorpusService } from '../core/corpus/corpusService';
import { registerDocumentDiagnostics } from '../vscode/documentDiagnostics';
import type { Settings } from '../vscode/settings';
import type { DecisionAnalyses } from '../vscode/workspaceDecisions';

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
    checks: async (document) => deps.decisions.get(document).diagnostics,
    onClose: (document) => deps.decisions.forget(document),
  }, deps);
}
