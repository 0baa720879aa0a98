import type { CliArgs } from './args';
import type { FileJson } from './output';

/** What a check worker thread is started with: the same options the main process opened its session with. */
export interface WorkerSetup {
  readonly args: CliArgs;
  readonly cwd: string;
  /** The main process's "today" (ms), so a run crossing midnight dates every file alike. */
  readonly today: number;
}

/** Main → worker: files `start`, `start + 1` … to check, in order. */
export interface BatchRequest {
  readonly start: number;
  readonly files: readonly string[];
}

/** Worker → main: a batch's results in order, or the file (by its index) whose check threw, or a failed start. */
export type WorkerReply =
  | { readonly start: number; readonly results: readonly FileJson[] }
  | { readonly start: number; readonly results: readonly FileJson[]; readonly thrown: { readonly index: number; readonly message: string; readonly stack: string } }
  | { readonly setupFailed: string };
