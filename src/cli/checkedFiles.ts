import os from 'node:os';
import type { CliArgs } from './args';
import { filesOutput, type FileCheckContext } from './fileOutput';
import type { FileJson } from './output';
import { BATCH_SIZE, startWorkers, type WorkerRun } from './workerPool';

/**
 * The worker threads that will check these files with this thread (`--jobs`, one thread per core by default:
 * this one and N - 1 workers), started now so that their sessions open while the caller opens its own;
 * undefined when the files are checked in this thread alone (--jobs 1, or too few files to share).
 */
export function startWorkerThreads(files: readonly string[], args: CliArgs, cwd: string, today: Date, workerScript: string): WorkerRun | undefined {
  const jobs = Math.min(args.jobs ?? os.availableParallelism(), Math.ceil(files.length / BATCH_SIZE));
  if (jobs <= 1) return undefined;
  return startWorkers(files, jobs - 1, workerScript, { args, cwd, today: today.getTime() });
}

/**
 * Every file's result, in the order given: from the worker threads and this one when started, else from this
 * thread alone. Both give the same results; the caller cannot tell them apart.
 */
export function checkedFiles(files: readonly string[], context: FileCheckContext, workers: WorkerRun | undefined): AsyncGenerator<FileJson> {
  return workers ? workers.results((batch) => filesOutput(batch, context)) : filesOutput(files, context);
}
