import * as vscode from 'vscode';
import type { CorpusService } from '../core/corpus/corpusService';
import { runDetached } from '../vscode/detached';
import { problemsToVsDiagnostics } from '../vscode/diagnostics';

/** Shows the problems of workspace corpus files (bad YAML, missing ids, duplicate ids …) in the Problems panel. */
export function registerCorpusDiagnostics(corpus: CorpusService): vscode.Disposable {
  const collection = vscode.languages.createDiagnosticCollection('policy-annotator-corpus');
  const publish = () => {
    const problems = corpus.store.problems();
    collection.clear();
    for (const [uri, list] of problems) {
      if (list.length === 0) continue;
      collection.set(vscode.Uri.parse(uri), problemsToVsDiagnostics(list));
    }
  };
  runDetached('corpus diagnostics', corpus.whenReady().then(publish));
  return vscode.Disposable.from(collection, corpus.onDidUpdate(publish));
}
