// A `check`/`annotate --jobs N` worker thread (dist/cliWorker.js): opens its own session once, with the same
// options as the main process, then checks the batches of files the main thread sends, in the order sent.
import { parentPort, workerData } from 'node:worker_threads';
import { DecisionRecords } from './core/decision/decisionRecords';
import { filesOutput, type FileCheckContext } from './cli/fileOutput';
import { openSession } from './cli/session';
import { RealFolders } from './cli/repositoryFiles';
import { openLaws } from './cli/statutes';
import type { BatchRequest, WorkerReply, WorkerSetup } from './cli/workerProtocol';
import type { FileJson } from './cli/output';

const setup = workerData as WorkerSetup;
const port = parentPort!;

async function openContext(): Promise<FileCheckContext> {
  const session = await openSession(setup.args, setup.cwd);
  // The main process has printed the law library's warnings once already: here they are not repeated.
  const laws = await openLaws(setup.args.laws, setup.cwd, () => undefined);
  const command = setup.args.command === 'annotate' ? 'annotate' : 'check';
  return { cwd: setup.cwd, session, laws, decisionRecords: new DecisionRecords(session.corpus.index), command, cards: setup.args.cards, today: new Date(setup.today), realFolders: new RealFolders() };
}

const context = openContext();
context.catch((error: unknown) => port.postMessage({ setupFailed: error instanceof Error ? error.message : String(error) } satisfies WorkerReply));

// One batch at a time, in arrival order: at most one batch's results are held here.
let queue = Promise.resolve();
port.on('message', (request: BatchRequest) => {
  queue = queue.then(() => checkBatch(request));
});

async function checkBatch(request: BatchRequest): Promise<void> {
  let ready: FileCheckContext;
  try {
    ready = await context;
  } catch {
    return;
  }
  const results: FileJson[] = [];
  const outputs = filesOutput(request.files, ready);
  for (let offset = 0; offset < request.files.length; offset++) {
    try {
      results.push((await outputs.next()).value as FileJson);
    } catch (error) {
      // What the main thread does with it is what it does when checking in-process: the same error, in file order.
      const thrown = { index: request.start + offset, message: error instanceof Error ? error.message : String(error), stack: error instanceof Error ? (error.stack ?? error.message) : String(error) };
      port.postMessage({ start: request.start, results, thrown } satisfies WorkerReply);
      return;
    }
  }
  port.postMessage({ start: request.start, results } satisfies WorkerReply);
}
