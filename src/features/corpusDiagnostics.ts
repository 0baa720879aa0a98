import * as vscode from 'vscode';
import type { CorpusService } from '../core/corpus/corpusService';
import type { CorpusProblem } from '../core/corpus/problems';

const SEVERITY: Record<CorpusProblem['severity'], vscode.DiagnosticSeverity> = {
  error: vscode.DiagnosticSeverity.Error,
  warning: vscode.DiagnosticSeverity.Warning,
  info: vscode.DiagnosticSeverity.Information,
};

/** Shows the problems of workspace corpus files (bad YAML, missing ids, duplicate ids …) in the Problems panel. */
export function registerCorpusDiagnostics(corpus: CorpusService): vscode.Disposable {
  const collection = vscode.languages.createDiagnosticCollection('policy-annotator-corpus');
  const publish = () => {
    const problems = corpus.store.problems();
    collection.clear();
    for (const [uri, list] of problems) {
      if (list.length === 0) continue;
      collection.set(
        vscode.Uri.parse(uri),
        list.map((problem) => {
          const diagnostic = new vscode.Diagnostic(new vscode.Range(problem.line, 0, problem.line, 1_000), problem.message, SEVERITY[problem.severity]);
          diagnostic.code = problem.code;
          diagnostic.source = 'Policy Annotator';
          return diagnostic;
        }),
      );
    }
  };
  void corpus.whenReady().then(publish);
  return vscode.Disposable.from(collection, corpus.onDidUpdate(publish));
}
