import { Worker } from 'node:worker_threads';
import type { ImportSummary } from '../core/law/officialImport';

export type LawImportResult = { readonly summary: ImportSummary; readonly problems: readonly string[] } | { readonly error: string };

/** Runs dist/lawImportWorker.js on a worker thread: the conversion never blocks the extension host. */
export function runLawImport(workerFile: string, job: { files: string[]; out: string; aliasesFile: string; source: Record<string, string | number> }): Promise<LawImportResult> {
  return new Promise((resolve) => {
    const worker = new Worker(workerFile, { workerData: job });
    let settled = false;
    const finish = (result: LawImportResult) => {
      if (settled) return;
      settled = true;
      void worker.terminate();
      resolve(result);
    };
    worker.on('message', (message: LawImportResult) => finish(message));
    worker.on('error', (error) => finish({ error: error.message }));
    worker.on('exit', (code) => finish({ error: `the import stopped (exit code ${code})` }));
  });
}
