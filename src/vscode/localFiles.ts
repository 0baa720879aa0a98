import { lstat, readFile } from 'node:fs/promises';
import * as vscode from 'vscode';

/**
 * Node's file system for `file:` URIs, in the desktop extension host (the web build has `localFiles.web.ts`,
 * which has none). `vscode.workspace.fs` is right for workspace files on any file system, but in a remote
 * extension host (code-server, SSH, containers) each call is a round trip through the workbench: measured in
 * code-server while the window opened, 0.4–2.5 s per stat or read. Files the extension host can read itself
 * (the extension's own law data, its global storage) are read here instead.
 * Like workspace.fs, a symbolic link is reported as one, never followed.
 */
export const localFiles: LocalFiles | undefined = {
  async stat(uri) {
    const file = localPath(uri);
    if (file === undefined) return 'not local';
    try {
      const stat = await lstat(file);
      return stat.isSymbolicLink() ? { size: stat.size, link: true } : stat.isFile() ? { size: stat.size, link: false } : undefined;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT' || (error as NodeJS.ErrnoException).code === 'ENOTDIR') return undefined;
      throw error;
    }
  },
  async readRegularFile(uri, maxBytes = Infinity) {
    const file = localPath(uri);
    if (file === undefined) return 'not local';
    // lstat first: a link (which could lead anywhere, or to a device) is refused, never read.
    const stat = await lstat(file);
    if (stat.isSymbolicLink()) throw new Error('it is a symbolic link; files are not read through links');
    if (!stat.isFile()) throw new Error('it is not a regular file');
    if (stat.size > maxBytes) throw new Error('it is over the size limit');
    return new Uint8Array(await readFile(file));
  },
};

export interface LocalFiles {
  /** Size and whether it is a symbolic link; undefined when missing or not a file; 'not local' for another scheme. */
  stat(uri: string): Promise<{ readonly size: number; readonly link: boolean } | undefined | 'not local'>;
  /** The bytes of a regular file of at most `maxBytes` (a link, anything else or a larger file is an error); 'not local' for another scheme. */
  readRegularFile(uri: string, maxBytes?: number): Promise<Uint8Array | 'not local'>;
}

function localPath(uri: string): string | undefined {
  const parsed = vscode.Uri.parse(uri);
  return parsed.scheme === 'file' ? parsed.fsPath : undefined;
}
