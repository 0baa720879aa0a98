import path from 'node:path';
import { resolveFileArguments } from './articles';
import { HELP, parseArgs, UsageError, type CliArgs } from './args';
import { writeAnnotations, writeCheck } from './resultWriter';
import { openSession } from './session';
import { RealFolders } from './repositoryFiles';
import { openLaws } from './statutes';
import { checkedFiles, startWorkerThreads } from './checkedFiles';
import type { FileCheckContext } from './fileOutput';
import { WorkerFailure } from './workerPool';
import { importLaws } from './lawsImport';
import { downloadLaws } from './lawsDownload';
import { DecisionRecords } from '../core/decision/decisionRecords';
import { safeJsonStringify, terminalSafe } from '../core/util/controlText';
import { usageMessage } from './usageMessage';
import { renderCommand } from './render';
import { exportCommand, harvestCommand, sourcesCommand } from './sourceCommands';

declare const POLICY_ANNOTATOR_VERSION: string;

export interface Io {
  readonly cwd: string;
  out(text: string): void;
  err(text: string): void;
  readonly isTty: boolean;
  /** The check worker thread's script (default: cliWorker.js beside this bundle). */
  readonly workerScript?: string;
}

/** Runs one command line; returns the exit code (0 fine, 1 errors, 2 usage or unreadable files). */
export async function run(argv: readonly string[], io: Io): Promise<number> {
  let args: CliArgs;
  try {
    args = parseArgs(argv);
  } catch (error) {
    if (error instanceof UsageError) {
      io.err(`policy-annotator: ${usageMessage(error.message)}\n\n${HELP}`);
      return 2;
    }
    throw error;
  }
  if (args.command === 'help') {
    io.out(HELP);
    return 0;
  }
  if (args.command === 'version') {
    io.out(version());
    return 0;
  }
  if (args.command === 'laws') {
    try {
      if (args.positional[0] === 'download') {
        if (args.positional.length > 1) throw new UsageError('laws download takes no file; it writes to --out <dir>');
        return await downloadLaws({ ...(args.out ? { out: args.out } : {}), ...(args.url ? { url: args.url } : {}), ...(args.minLaws !== undefined ? { minLaws: args.minLaws } : {}), ...(args.timeoutSeconds !== undefined ? { timeoutSeconds: args.timeoutSeconds } : {}), check: args.check }, io.cwd, io);
      }
      if (args.positional[0] !== 'import') throw new UsageError('laws needs a subcommand: laws import <ChLaw.json|.zip> --out <dir>, or laws download --out <dir>');
      return await importLaws(args.positional.slice(1), args.out, io.cwd, io);
    } catch (error) {
      if (!(error instanceof UsageError)) throw error;
      io.err(`policy-annotator: ${error.message}`);
      return 2;
    }
  }
  if (args.positional.length === 0) {
    io.err(`policy-annotator: ${args.command} needs ${args.command === 'search' ? 'a query' : 'at least one file'}\n\n${HELP}`);
    return 2;
  }
  try {
    if (args.command === 'render') return await renderCommand(args, io, today());
    if (args.command === 'harvest') return await harvestCommand(args, io);
    if (args.command === 'export') return await exportCommand(args, io);
    if (args.command === 'sources') return await sourcesCommand(args, io);
    if (args.command === 'search') return search(args, (await openSession(args, io.cwd)).corpus.index, io);
    const files = await resolveFileArguments(args.positional, io.cwd);
    const startedOn = today();
    const workers = startWorkerThreads(files, args, io.cwd, startedOn, io.workerScript ?? path.join(__dirname, 'cliWorker.js'));
    try {
      const session = await openSession(args, io.cwd);
      const laws = await openLaws(args.laws, io.cwd, io.err);
      const context: FileCheckContext = { cwd: io.cwd, session, laws, decisionRecords: new DecisionRecords(session.corpus.index), command: args.command, cards: args.cards, today: startedOn, realFolders: new RealFolders() };
      const results = checkedFiles(files, context, workers);
      return args.command === 'annotate' ? await writeAnnotations(results, files, session.problems, args, io) : await writeCheck(results, files.length, session.problems, args, io, version());
    } finally {
      // A session or law folder that fails here (a usage error) ends the run before its results are read.
      await workers?.stop();
    }
  } catch (error) {
    if (error instanceof UsageError) {
      io.err(`policy-annotator: ${usageMessage(error.message)}`);
      return 2;
    }
    if (error instanceof WorkerFailure) {
      io.err(`policy-annotator: ${terminalSafe(error.message)}; the output is incomplete (--jobs 1 checks without worker threads)`);
      return 3;
    }
    throw error;
  }
}

function search(args: CliArgs, index: import('../core/search/corpusIndex').CorpusIndex, io: Io): number {
  const query = args.positional.join(' ');
  const hits = index.search(query, args.limit);
  if (args.json) {
    io.out(safeJsonStringify(hits.map((hit) => ({ ...hit, ...pick(index.get(hit.id)) })), 2));
    return 0;
  }
  const rows = hits.map((hit) => {
    const record = index.get(hit.id)!;
    return [record.id, record.type, record.date ?? '', record.title, hit.score.toFixed(2)].map(terminalSafe);
  });
  io.out(table([['id', 'type', 'date', 'title', 'score'], ...rows]));
  if (hits.length === 0) io.err(`no record matches "${terminalSafe(query)}"`);
  return 0;
}

function pick(record: import('../core/corpus/record').CorpusRecord | undefined) {
  return record ? { type: record.type, date: record.date ?? null, title: record.title } : {};
}

/** Columns padded by display width: CJK characters take two cells in a terminal. */
function table(rows: string[][]): string {
  const width = (text: string) => [...text].reduce((sum, char) => sum + (/[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(char) ? 2 : 1), 0);
  const widths = rows[0]!.map((_, column) => Math.min(60, rows.reduce((widest, row) => Math.max(widest, width(row[column] ?? '')), 0)));
  return rows.map((row) => row.map((cell, column) => (column === row.length - 1 ? cell : cell + ' '.repeat(Math.max(0, widths[column]! - width(cell))))).join('  ')).join('\n');
}


/** Today, or POLICY_ANNOTATOR_TODAY (YYYY-MM-DD) so checks that depend on the date can be reproduced. */
function today(): Date {
  const fixed = process.env.POLICY_ANNOTATOR_TODAY;
  const date = fixed ? new Date(`${fixed}T00:00:00`) : new Date();
  return Number.isNaN(date.getTime()) ? new Date() : date;
}

function version(): string {
  return typeof POLICY_ANNOTATOR_VERSION === 'string' ? POLICY_ANNOTATOR_VERSION : 'development';
}
