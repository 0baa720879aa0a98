import { disabledChecks } from '../core/article/disableComments';
import type { DecisionRecords } from '../core/decision/decisionRecords';
import type { LawLibrary } from '../core/law/lawLibrary';
import { analyzeFile, readArticleText } from './articles';
import { withDecisions } from './decisions';
import { fileJson, type FileJson } from './output';
import type { RealFolders } from './repositoryFiles';
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
  /** The real paths of the folders articles are read from, asked once per run. */
  readonly realFolders: RealFolders;
}

/**
 * One file's annotate/check JSON, the same in the main thread and in a worker. `check` prints only the
 * diagnostics, so its references and tags are not even made: 100,000 files' worth of them was most of the
 * memory, and making them about 5 % of a thread's profile.
 */
export async function fileOutput(file: string, context: FileCheckContext, reading?: ReturnType<typeof readArticleText>): Promise<FileJson> {
  const { session, cwd, laws, cards, today } = context;
  const result = await analyzeFile(file, cwd, session, reading);
  const keepReferences = context.command !== 'check';
  const withLaws = await withStatutes(fileJson(result, session.config, cards, keepReferences), result, laws, session.config, cards, keepReferences);
  const json = withDecisions(withLaws, result, session.corpus.index, context.decisionRecords, session.config, cards, today, keepReferences);
  // <!-- policy-annotator-disable … --> comments, honoured for every check (lines are 1-based here).
  const isDisabled = 'analysis' in result ? disabledChecks(result.analysis.article.text) : undefined;
  const diagnostics = isDisabled ? json.diagnostics.filter((diagnostic) => !isDisabled(diagnostic.line - 1, diagnostic.code)) : json.diagnostics;
  return { ...json, diagnostics };
}

/**
 * Each file's output in order, the next file's read started while this one is analysed: reading is waiting
 * (six file-system calls, each a trip through libuv's thread pool), and a thread's profile on a busy machine
 * was about a fifth idle. A file whose check throws ends it (the error is thrown in its turn).
 */
export async function* filesOutput(files: readonly string[], context: FileCheckContext): AsyncGenerator<FileJson> {
  let reading = files.length > 0 ? readArticleText(files[0]!, context.cwd, context.realFolders) : undefined;
  for (let index = 0; index < files.length; index++) {
    const current = reading!;
    reading = index + 1 < files.length ? readArticleText(files[index + 1]!, context.cwd, context.realFolders) : undefined;
    // A read that fails before its turn must not become an unhandled rejection; its turn reports it.
    reading?.catch(() => undefined);
    yield await fileOutput(files[index]!, context, current);
  }
}
