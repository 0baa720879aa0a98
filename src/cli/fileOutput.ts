import { disabledChecks } from '../core/article/disableComments';
import type { DecisionRecords } from '../core/decision/decisionRecords';
import type { LawLibrary } from '../core/law/lawLibrary';
import { analyzeFile } from './articles';
import { withDecisions } from './decisions';
import { fileJson, type FileJson } from './output';
import type { Session } from './session';
import { withStatutes } from './statutes';

/** What checking one file needs: built once per process (the main one, or each worker thread). */
export interface FileCheckContext {
  readonly cwd: string;
  readonly session: Session;
  readonly laws: LawLibrary;
  readonly decisionRecords: DecisionRecords;
  readonly command: 'annotate' | 'check';
  readonly cards: boolean;
  readonly today: Date;
}

/**
 * One file's annotate/check JSON, the same in the main thread and in a worker. `check` prints only the
 * diagnostics, so its references and tags are dropped here: 100,000 files' worth of them is most of the memory.
 */
export async function fileOutput(file: string, context: FileCheckContext): Promise<FileJson> {
  const { session, cwd, laws, cards, today } = context;
  const result = await analyzeFile(file, cwd, session);
  const withLaws = await withStatutes(fileJson(result, session.config, cards), result, laws, session.config, cards);
  const json = withDecisions(withLaws, result, session.corpus.index, context.decisionRecords, session.config, cards, today);
  // <!-- policy-annotator-disable … --> comments, honoured for every check (lines are 1-based here).
  const isDisabled = 'analysis' in result ? disabledChecks(result.analysis.article.text) : undefined;
  const diagnostics = isDisabled ? json.diagnostics.filter((diagnostic) => !isDisabled(diagnostic.line - 1, diagnostic.code)) : json.diagnostics;
  return context.command === 'check' ? { file: json.file, references: [], tags: [], diagnostics } : { ...json, diagnostics };
}
