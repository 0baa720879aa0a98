import * as vscode from 'vscode';
import type { CorpusService } from '../core/corpus/corpusService';
import type { ArticleAnalyses } from '../vscode/articleAnalyses';
import type { Settings } from '../vscode/settings';
import { registerDocumentDiagnostics } from '../vscode/documentDiagnostics';

export interface ArticleDiagnosticsDeps {
  readonly corpus: CorpusService;
  readonly analyses: ArticleAnalyses;
  readonly settings: Settings;
  readonly debounceMs?: number;
}

/**
 * Citation checks of open Markdown articles: recomputed after typing stops (debounced), when the corpus
 * changes and when settings change; a run whose document changed meanwhile is dropped (stale).
 */
export function registerArticleDiagnostics(selector: vscode.DocumentSelector, deps: ArticleDiagnosticsDeps): vscode.Disposable {
  return registerDocumentDiagnostics({
    name: 'policy-annotator',
    selector,
    checks: async (document) => {
      await deps.corpus.whenReady();
      await deps.analyses.prepare(document);
      // In slices: a large article never blocks the host. Undefined: the document changed, this run is stale.
      return (await deps.analyses.getInSlices(document))?.diagnostics ?? [];
    },
    recomputeOn: [(listener) => deps.corpus.onDidUpdate(listener), (listener) => deps.analyses.onDidChangeBibliographies(listener)],
  }, deps);
}
