import * as vscode from 'vscode';
import type { BibliographyFileSystem } from '../core/corpus/articleBibliography';
import type { WorkspaceCorpusFileSystem } from './workspaceCorpus';
import { LruCache } from '../core/util/lru';

/**
 * The files articles name in their front matter's `bibliography:`, through vscode.workspace.fs (virtual
 * workspaces and the web too): a path relative to the article, inside the article's workspace folder, a
 * regular file that is no symbolic link and in no linked folder (the corpus's own rule, WorkspaceCorpusFileSystem).
 */
export class WorkspaceBibliographyFileSystem implements BibliographyFileSystem {
  constructor(private readonly corpusFiles: WorkspaceCorpusFileSystem) {}

  locate(articleUri: string, path: string): { uri: string } | { refused: string } {
    if (/^[\\/]/.test(path) || /^[a-z]:[\\/]/i.test(path) || /^[a-z][a-z0-9+.-]+:/i.test(path)) return { refused: 'an absolute path is not allowed (write it relative to the article)' };
    const article = vscode.Uri.parse(articleUri);
    const folder = vscode.workspace.getWorkspaceFolder(article);
    if (!folder) return { refused: 'the article is in no workspace folder' };
    // joinPath normalises "..": the result is compared with the folder as written.
    const target = vscode.Uri.joinPath(article, '..', ...path.split(/[\\/]/));
    const base = folder.uri.toString();
    if (!target.toString().startsWith(base.endsWith('/') ? base : `${base}/`)) return { refused: 'it leads outside the workspace folder' };
    return { uri: target.toString() };
  }

  async stat(uri: string): Promise<{ size: number; version: string; refused?: string } | undefined> {
    let stat: vscode.FileStat;
    try {
      stat = await vscode.workspace.fs.stat(vscode.Uri.parse(uri));
    } catch (error) {
      if (error instanceof vscode.FileSystemError && error.code === 'FileNotFound') return undefined;
      throw error;
    }
    const version = `${stat.mtime}:${stat.size}`;
    if ((stat.type & vscode.FileType.Directory) !== 0) return { size: stat.size, version, refused: 'it is a folder, not a file' };
    if ((stat.type & vscode.FileType.File) === 0) return { size: stat.size, version, refused: 'it is not a regular file' };
    const checked = await this.corpusFiles.stat(uri);
    if (!checked) return undefined;
    return { size: stat.size, version, ...(checked.refused ? { refused: checked.refused } : {}) };
  }

  readFile(uri: string): Promise<Uint8Array> {
    return this.corpusFiles.readFile(uri);
  }
}

/** Watchers kept for single library files at most: the least recently named goes first. */
const MAX_FILE_WATCHERS = 128;

/**
 * A watcher per library file an article names, set up when the file is first met, beside the workspace-wide
 * watcher below. The recursive watcher may miss edits of a file in a folder created together with its parents
 * (a new folder seen before its watch is in place; suspected from an integration run that never saw a .bib
 * edit, not reproduced); a watcher on the file's own folder, made once the file is known, does not depend on it.
 */
export class BibliographyFileWatchers implements vscode.Disposable {
  readonly #watchers = new LruCache<string, vscode.Disposable>(MAX_FILE_WATCHERS, MAX_FILE_WATCHERS, (_uri, watcher) => watcher.dispose());

  constructor(private readonly fileChanged: (uri: string) => void) {}

  watch(uri: string): void {
    if (this.#watchers.get(uri)) return;
    const file = vscode.Uri.parse(uri);
    const name = file.path.slice(file.path.lastIndexOf('/') + 1);
    // A name with glob characters would be a pattern for other files too: the workspace watcher covers it.
    if (/[*?[\]{},\\]/.test(name)) return;
    const watcher = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(vscode.Uri.joinPath(file, '..'), name));
    const onEvent = () => this.fileChanged(uri);
    this.#watchers.set(uri, vscode.Disposable.from(watcher, watcher.onDidCreate(onEvent), watcher.onDidChange(onEvent), watcher.onDidDelete(onEvent)), 1);
  }

  dispose(): void {
    this.#watchers.clear();
  }
}

/** Library files change: the bibliographies that hold them are read again, and open articles re-checked. */
export function registerBibliographyWatcher(fileChanged: (uri: string) => void): vscode.Disposable {
  const watcher = vscode.workspace.createFileSystemWatcher('**/*.{bib,ris,json,jsonl,ndjson,md,markdown}');
  const onEvent = (uri: vscode.Uri) => fileChanged(uri.toString());
  return vscode.Disposable.from(watcher, watcher.onDidCreate(onEvent), watcher.onDidChange(onEvent), watcher.onDidDelete(onEvent));
}
