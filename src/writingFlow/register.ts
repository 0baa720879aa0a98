import type * as vscode from 'vscode';
import type { CorpusService } from '../core/corpus/corpusService';
import { CitationCompleter } from '../core/search/citationCompletion';
import { registerCitationCompletionSupport } from '../features/citationCompletion';
import { registerAliasFixes } from '../features/aliasFixes';
import { registerCitationRename } from '../features/citationRename';
import { registerCreateRecordFix } from '../features/createRecordFix';
import { registerInlayHints } from '../features/inlayHints';
import type { FileCheck } from '../vscode/aliasWriter';
import type { ArticleAnalyses } from '../vscode/articleAnalyses';
import type { Settings } from '../vscode/settings';
import type { StatuteAnalyses } from '../vscode/workspaceLaws';

export interface WritingFlowDeps {
  readonly corpus: CorpusService;
  readonly analyses: ArticleAnalyses;
  readonly settings: Settings;
  readonly statutes: StatuteAnalyses;
  /** The corpus's file check, applied before an alias is written (WorkspaceCorpusFileSystem.stat). */
  readonly checkFile: FileCheck;
}

/**
 * The writing-flow features — citation completion, rename of record ids and mentions, "Create corpus record…",
 * inlay hints, the near-miss fixes (add as alias, ignore) —
 * bundled apart (dist/writingFlow.js) and registered once the corpus has loaded: each of them waits for the
 * corpus anyway, and the startup bundle stays within its size limit.
 */
export function registerWritingFlow(selector: vscode.DocumentSelector, deps: WritingFlowDeps): vscode.Disposable[] {
  return [
    registerCitationCompletionSupport(selector, { ...deps, completer: new CitationCompleter(deps.corpus.index) }),
    registerCitationRename(selector, deps),
    registerCreateRecordFix(selector, deps),
    registerInlayHints(selector, deps),
    registerAliasFixes(selector, deps),
  ];
}
