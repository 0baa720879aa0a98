import type { LocalFiles } from './localFiles';

/** The web worker extension host has no Node file system: every file goes through vscode.workspace.fs. */
export const localFiles: LocalFiles | undefined = undefined;
