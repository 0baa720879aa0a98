/**
 * How the core reaches corpus files: the extension implements it with vscode.workspace.fs, the CLI with
 * Node's fs, tests in memory. URIs are strings; the core never parses them beyond their file extension.
 */
export interface CorpusFileSystem {
  /** Every corpus file the include/exclude settings select, across all workspace folders. */
  findCorpusFiles(): Promise<string[]>;
  /** Size in bytes, or undefined when the file does not exist (any more). */
  stat(uri: string): Promise<{ readonly size: number } | undefined>;
  readFile(uri: string): Promise<Uint8Array>;
}
