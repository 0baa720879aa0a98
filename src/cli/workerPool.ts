import { Worker } from 'node:worker_threads';
import type { FileJson } from './output';
import type { BatchRequest, WorkerReply, WorkerSetup } from './workerProtocol';

/** Files per message: few enough that the threads share the work evenly, enough that messages cost little. */
export const BATCH_SIZE = 8;
/**
 * Batches each worker holds at once: one it checks and several waiting, so it never idles between messages,
 * not even while the main thread is not scheduled (on a busy machine, where two workers were measured slower
 * than one thread, the main thread often waits for a core).
 */
const BATCHES_PER_WORKER = 8;
/**
 * How far ahead of the next file to print work is handed out, in batches per worker. Results wait in the
 * reorder buffer until the files before them are printed: a window of only the batches in flight leaves a
 * worker idle whenever the other holds the head batch (a preempted thread on a busy machine). A few hundred
 * small results per worker cost little memory.
 */
const WINDOW_BATCHES_PER_WORKER = 32;

/** A worker thread that stopped or could not start: reported, exit 3, never a silent partial result. */
export class WorkerFailure extends Error {}

type Slot = { readonly json: FileJson } | { readonly thrown: { readonly message: string; readonly stack: string } } | { readonly error: unknown };

/** Checks files in the calling thread, in order (fileOutput.ts's filesOutput with the caller's session). */
export type LocalCheck = (files: readonly string[]) => AsyncGenerator<FileJson>;

/** A pool of worker threads started ahead: its results in input order, and a stop for a run that ends before reading them. */
export interface WorkerRun {
  /**
   * Every file's result in input order. With `local`, the calling thread checks batches too whenever the next
   * result to give is still in a worker: `--jobs N` is then N - 1 worker threads and this one, and the session
   * this thread opens anyway does work instead of waiting (one fewer session to open, and its results are not
   * copied between threads).
   */
  results(local?: LocalCheck): AsyncGenerator<FileJson>;
  stop(): Promise<void>;
}

/**
 * The files' results in input order, checked by `jobs` worker threads (dist/cliWorker.js). Each file's result
 * waits in a reorder buffer keyed by its index until every earlier one has been yielded; batches are handed
 * out only within a window ahead of the next file to yield, so the buffer, and the memory, stay bounded
 * however many files there are and however slow one batch is.
 */
export function filesInWorkers(files: readonly string[], jobs: number, script: string, setup: WorkerSetup, local?: LocalCheck): AsyncGenerator<FileJson> {
  return startWorkers(files, jobs, script, setup).results(local);
}

/**
 * filesInWorkers with the threads started now: each opens its session (about a second of work) while the
 * caller opens its own, instead of after it. The caller must read `results` to the end or call `stop`.
 */
export function startWorkers(files: readonly string[], jobs: number, script: string, setup: WorkerSetup): WorkerRun {
  const count = Math.min(jobs, Math.ceil(files.length / BATCH_SIZE));
  const window = count * WINDOW_BATCHES_PER_WORKER * BATCH_SIZE;
  const ready = new Map<number, Slot>();
  const inFlight = new Map<Worker, Set<number>>();
  let next = 0;
  let dispatched = 0;
  let failure: WorkerFailure | undefined;
  let closing = false;
  let wake = () => {};
  const fail = (message: string) => {
    failure ??= new WorkerFailure(message);
    wake();
  };
  const dispatch = () => {
    for (const [worker, batches] of inFlight) {
      while (batches.size < BATCHES_PER_WORKER && dispatched < files.length && dispatched - next < window) {
        const start = dispatched;
        dispatched = Math.min(files.length, start + BATCH_SIZE);
        batches.add(start);
        worker.postMessage({ start, files: files.slice(start, dispatched) } satisfies BatchRequest);
      }
    }
  };
  for (let number = 1; number <= count; number++) {
    const worker = new Worker(script, { workerData: setup });
    inFlight.set(worker, new Set());
    worker.on('message', (reply: WorkerReply) => {
      if ('setupFailed' in reply) return fail(`worker thread ${number} could not start: ${reply.setupFailed}`);
      reply.results.forEach((json, offset) => ready.set(reply.start + offset, { json }));
      if ('thrown' in reply) ready.set(reply.thrown.index, { thrown: reply.thrown });
      inFlight.get(worker)!.delete(reply.start);
      wake();
    });
    worker.on('error', (error) => fail(`worker thread ${number} failed: ${error.message}`));
    worker.on('exit', (code) => {
      if (!closing) fail(`worker thread ${number} stopped (exit code ${code}) before checking its files`);
    });
  }
  // The first batches wait in the workers' queues while their sessions open.
  dispatch();
  let stopped: Promise<void> | undefined;
  const stop = () => {
    closing = true;
    stopped ??= Promise.all([...inFlight.keys()].map((worker) => worker.terminate())).then(() => undefined);
    return stopped;
  };
  /** The next batch not handed out, checked here; false when there is none (all handed out, or the window is full). */
  async function checkHere(local: LocalCheck): Promise<boolean> {
    // The workers first: a worker whose queue ran dry would idle while this thread checks.
    dispatch();
    if (dispatched >= files.length || dispatched - next >= window) return false;
    const start = dispatched;
    dispatched = Math.min(files.length, start + BATCH_SIZE);
    let index = start;
    try {
      for await (const json of local(files.slice(start, dispatched))) ready.set(index++, { json });
    } catch (error) {
      // Thrown in its turn, after the files before it, as the in-process check throws it.
      ready.set(index, { error });
    }
    return true;
  }
  async function* results(local?: LocalCheck): AsyncGenerator<FileJson> {
    try {
      while (next < files.length) {
        const slot = ready.get(next);
        if (!slot) {
          if (failure) throw failure;
          if (local && (await checkHere(local))) continue;
          await new Promise<void>((resolve) => (wake = resolve));
          continue;
        }
        ready.delete(next);
        if ('error' in slot) throw slot.error;
        if ('thrown' in slot) {
          // The same error the in-process check would have thrown for this file, with the worker's stack.
          const error = new Error(slot.thrown.message);
          error.stack = slot.thrown.stack;
          throw error;
        }
        next++;
        yield slot.json;
        dispatch();
      }
    } finally {
      await stop();
    }
  }
  return { results, stop };
}
