import type * as vscode from 'vscode';
import type { CorpusService } from '../core/corpus/corpusService';
import { CitationCompleter } from '../core/search/citationCompletion';
import { registerCitationCompletionSupport } from '../features/citationCompletion';
import { registerCitationRename } from '../features/citationRename';
import { registerCreateRecordFix } from '../features/createRecordFix';
import { registerInlayHints } from '../features/inlayHints';
import type { ArticleAnalyses } from '../vscode/articleAnalyses';
import type { Settings } from '../vscode/settings';
import type { StatuteAnalyses } from '../vscode/workspaceLaws';

export interface WritingFlowDeps {
  readonly corpus: CorpusService;
  readonly analyses: ArticleAnalyses;
  readonly settings: Settings;
  readonly statutes: StatuteAnalyses;
}

/**
 * The writing-flow features — citation completion, rename of record ids, "Create corpus record…", inlay hints —
 * bundled apart (dist/writingFlow.js) and registered once the corpus has loaded: each of them waits for the
 * corpus anyway, and the startup bundle stays within its size limit.
 */
export function registerWritingFlow(selector: vscode.DocumentSelector, deps: WritingFlowDeps): vscode.Disposable[] {
  return [
    registerCitationCompletionSupport(selector, { ...deps, completer: new CitationCompleter(deps.corpus.index) }),
    registerCitationRename(selector, deps),
    registerCreateRecordFix(selector, deps),
    registerInlayHints(selector, deps),
  ];
}
