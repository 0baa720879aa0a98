import os from 'node:os';
import type { CliArgs } from './args';
import { filesOutput, type FileCheckContext } from './fileOutput';
import type { FileJson } from './output';
import { BATCH_SIZE, filesInWorkers } from './workerPool';

/**
 * Every file's result, in the order given: in this thread with --jobs 1 (or too few files to share), else on
 * worker threads (one per core by default). Both give the same results; the caller cannot tell them apart.
 */
export function checkedFiles(files: readonly string[], args: CliArgs, context: FileCheckContext, workerScript: string): AsyncGenerator<FileJson> {
  const jobs = Math.min(args.jobs ?? os.availableParallelism(), Math.ceil(files.length / BATCH_SIZE));
  if (jobs <= 1) return inThisThread(files, context);
  return filesInWorkers(files, jobs, workerScript, { args, cwd: context.cwd, today: context.today.getTime() });
}

function inThisThread(files: readonly string[], context: FileCheckContext): AsyncGenerator<FileJson> {
  return filesOutput(files, context);
}
