import os from 'node:os';
import type { CliArgs } from './args';
import { filesOutput, type FileCheckContext } from './fileOutput';
import type { FileJson } from './output';
import { BATCH_SIZE, startWorkers, type WorkerRun } from './workerPool';

/**
 * The worker threads that will check these files (one per core by default), started now so that their
 * sessions open while the caller opens its own; undefined when the files are checked in this thread (--jobs 1,
 * or too few files to share).
 */
export function startWorkerThreads(files: readonly string[], args: CliArgs, cwd: string, today: Date, workerScript: string): WorkerRun | undefined {
  const jobs = Math.min(args.jobs ?? os.availableParallelism(), Math.ceil(files.length / BATCH_SIZE));
  if (jobs <= 1) return undefined;
  return startWorkers(files, jobs, workerScript, { args, cwd, today: today.getTime() });
}

/**
 * Every file's result, in the order given: from the worker threads when started, else in this thread. Both give
 * the same results; the caller cannot tell them apart.
 */
export function checkedFiles(files: readonly string[], context: FileCheckContext, workers: WorkerRun | undefined): AsyncGenerator<FileJson> {
  return workers ? workers.results : filesOutput(files, context);
}
