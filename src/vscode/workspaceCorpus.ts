import * as vscode from 'vscode';
import type { CorpusService } from '../core/corpus/corpusService';
import type { CorpusFileSystem } from '../core/corpus/fileSystem';
import { GlobSet } from '../core/glob';
import type { Settings } from './settings';

/** Workspace corpus files through vscode.workspace.fs only (no Node fs), so virtual workspaces work too. */
export class WorkspaceCorpusFileSystem implements CorpusFileSystem {
  constructor(private readonly settings: Settings) {}

  async findCorpusFiles(): Promise<string[]> {
    const found = new Set<string>();
    for (const folder of vscode.workspace.workspaceFolders ?? []) {
      const exclude = this.settings.corpusExclude(folder);
      const excludePattern = exclude.length > 0 ? new vscode.RelativePattern(folder, `{${exclude.join(',')}}`) : null;
      for (const include of this.settings.corpusInclude(folder)) {
        for (const uri of await vscode.workspace.findFiles(new vscode.RelativePattern(folder, include), excludePattern)) found.add(uri.toString());
      }
    }
    // Sorted, so a scan reads files in the same order every time.
    return [...found].sort();
  }

  async stat(uri: string): Promise<{ size: number } | undefined> {
    try {
      const stat = await vscode.workspace.fs.stat(vscode.Uri.parse(uri));
      return (stat.type & vscode.FileType.File) !== 0 ? { size: stat.size } : undefined;
    } catch (error) {
      if (error instanceof vscode.FileSystemError && error.code === 'FileNotFound') return undefined;
      throw error;
    }
  }

  async readFile(uri: string): Promise<Uint8Array> {
    return vscode.workspace.fs.readFile(vscode.Uri.parse(uri));
  }
}

/**
 * Keeps the corpus current: a FileSystemWatcher per workspace folder and include glob feeds create, change
 * and delete events to the core's debounced loader; settings and folder changes trigger a rescan.
 */
export function registerCorpusWatcher(corpus: CorpusService, settings: Settings, onDidChangeProjectConfig: vscode.Event<void>): vscode.Disposable {
  let watchers: vscode.Disposable[] = [];
  const watch = () => {
    vscode.Disposable.from(...watchers).dispose();
    watchers = [];
    for (const folder of vscode.workspace.workspaceFolders ?? []) {
      const excluded = new GlobSet(settings.corpusExclude(folder));
      const onEvent = (uri: vscode.Uri) => {
        const relative = vscode.workspace.asRelativePath(uri, false);
        if (!excluded.matches(relative)) corpus.fileChanged(uri.toString());
      };
      for (const include of settings.corpusInclude(folder)) {
        const watcher = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(folder, include));
        watchers.push(watcher, watcher.onDidCreate(onEvent), watcher.onDidChange(onEvent), watcher.onDidDelete(onEvent));
      }
    }
  };
  watch();
  const rescan = () => {
    watch();
    void corpus.rescan();
  };
  return vscode.Disposable.from(
    vscode.workspace.onDidChangeWorkspaceFolders(rescan),
    // .policy-annotator.json can change the globs: new watchers, then a rescan.
    onDidChangeProjectConfig(rescan),
    vscode.workspace.onDidChangeConfiguration((event) => {
      if (event.affectsConfiguration('policyAnnotator.corpus')) rescan();
    }),
    { dispose: () => vscode.Disposable.from(...watchers).dispose() },
  );
}
