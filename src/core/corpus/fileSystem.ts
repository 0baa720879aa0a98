import type { CorpusProblem } from './problems';

/**
 * How the core reaches corpus files: the extension implements it with vscode.workspace.fs, the CLI with
 * Node's fs, tests in memory. URIs are strings; the core never parses them beyond their file extension.
 */
export interface CorpusFileSystem {
  /** Every corpus file the include/exclude settings select, across all workspace folders. */
  findCorpusFiles(): Promise<string[]>;
  /**
   * Size in bytes, or undefined when the file does not exist (any more). `refused` says why the file must
   * not be read (a symbolic link, a path leading out of the workspace): the loader reports it and never reads it.
   */
  stat(uri: string): Promise<{ readonly size: number; readonly refused?: string } | undefined>;
  readFile(uri: string): Promise<Uint8Array>;
  /**
   * Where alias override files may be (`.policy-annotator/aliases.yaml` at each workspace folder's root,
   * aliasOverrides.ts), whether they exist or not: the loader stats them like corpus files.
   */
  aliasOverrideFiles?(): readonly string[];
  /** Problems of the last listing that belong to no corpus file (an include glob climbing out of the workspace). */
  listingProblems?(): readonly CorpusProblem[];
}
