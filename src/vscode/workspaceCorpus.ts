import * as vscode from 'vscode';
import { runDetached } from './detached';
import type { CorpusService } from '../core/corpus/corpusService';
import type { CorpusFileSystem } from '../core/corpus/fileSystem';
import { CONFIG_FILE_NAME } from '../core/config';
import { ALIAS_OVERRIDE_FOLDER, ALIAS_OVERRIDE_NAME, ALIAS_OVERRIDE_PATH } from '../core/corpus/aliasOverrides';
import type { CorpusProblem } from '../core/corpus/problems';
import { climbsOutOfFolder, GlobSet } from '../core/util/glob';
import type { Settings } from './settings';
import { startup } from './startup';

/**
 * Workspace corpus files through vscode.workspace.fs only (no Node fs), so virtual workspaces work too.
 * Corpus files come with cloned repositories: globs that climb out of the folder are refused, and symbolic
 * links (a file, or a folder on its path) are never read, since workspace.fs cannot tell where they lead.
 */
export class WorkspaceCorpusFileSystem implements CorpusFileSystem {
  #problems: CorpusProblem[] = [];
  /** Folder URI → whether it is a symbolic link; cleared at each listing. */
  readonly #linkedFolders = new Map<string, Promise<boolean>>();

  constructor(private readonly settings: Settings) {}

  async findCorpusFiles(): Promise<string[]> {
    const found = new Set<string>();
    this.#problems = [];
    this.#linkedFolders.clear();
    for (const folder of vscode.workspace.workspaceFolders ?? []) {
      const exclude = this.settings.corpusExclude(folder);
      const excludePattern = exclude.length > 0 ? new vscode.RelativePattern(folder, `{${exclude.join(',')}}`) : null;
      // A folder at the root of its file system (vscode-test-web://mount/) already ends in a slash.
      const base = folder.uri.toString();
      const inside = base.endsWith('/') ? base : `${base}/`;
      for (const include of this.settings.corpusInclude(folder)) {
        if (climbsOutOfFolder(include)) {
          this.#problems.push(globOutside(folder, include, this.settings));
          continue;
        }
        for (const uri of await vscode.workspace.findFiles(new vscode.RelativePattern(folder, include), excludePattern)) {
          if (uri.toString().startsWith(inside)) found.add(uri.toString());
        }
      }
    }
    startup.mark('workspace corpus listed');
    // Sorted, so a scan reads files in the same order every time.
    return [...found].sort();
  }

  /** `.policy-annotator/aliases.yaml` of each workspace folder (read in Restricted Mode too: it only adds names). */
  aliasOverrideFiles(): string[] {
    return (vscode.workspace.workspaceFolders ?? []).map((folder) => aliasOverrideUri(folder).toString());
  }

  listingProblems(): readonly CorpusProblem[] {
    return this.#problems;
  }

  async stat(uri: string): Promise<{ size: number; refused?: string } | undefined> {
    const parsed = vscode.Uri.parse(uri);
    try {
      const stat = await vscode.workspace.fs.stat(parsed);
      if ((stat.type & vscode.FileType.File) === 0) return undefined;
      if ((stat.type & vscode.FileType.SymbolicLink) !== 0) return { size: stat.size, refused: 'This file is a symbolic link; links are not followed (they may lead out of the workspace)' };
      if (await this.#underLinkedFolder(parsed)) return { size: stat.size, refused: 'This file is in a symbolically linked folder; linked folders are not followed (they may lead out of the workspace)' };
      return { size: stat.size };
    } catch (error) {
      if (error instanceof vscode.FileSystemError && error.code === 'FileNotFound') return undefined;
      throw error;
    }
  }

  async readFile(uri: string): Promise<Uint8Array> {
    return vscode.workspace.fs.readFile(vscode.Uri.parse(uri));
  }

  /** Whether a folder between the workspace folder and the file is a symbolic link. */
  async #underLinkedFolder(uri: vscode.Uri): Promise<boolean> {
    const folder = vscode.workspace.getWorkspaceFolder(uri);
    if (!folder) return true;
    let current = vscode.Uri.joinPath(uri, '..');
    while (current.toString().length > folder.uri.toString().length && current.toString().startsWith(folder.uri.toString())) {
      const key = current.toString();
      let linked = this.#linkedFolders.get(key);
      if (!linked) {
        linked = Promise.resolve(vscode.workspace.fs.stat(current)).then((stat) => (stat.type & vscode.FileType.SymbolicLink) !== 0, () => false);
        this.#linkedFolders.set(key, linked);
      }
      if (await linked) return true;
      current = vscode.Uri.joinPath(current, '..');
    }
    return false;
  }
}

/** The alias override file of a workspace folder (src/core/corpus/aliasOverrides.ts). */
export function aliasOverrideUri(folder: vscode.WorkspaceFolder): vscode.Uri {
  return vscode.Uri.joinPath(folder.uri, ALIAS_OVERRIDE_FOLDER, ALIAS_OVERRIDE_NAME);
}

function globOutside(folder: vscode.WorkspaceFolder, glob: string, settings: Settings): CorpusProblem {
  const file = settings.isIncludeGlobFromSettings(folder, glob) ? vscode.Uri.joinPath(folder.uri, '.vscode', 'settings.json') : vscode.Uri.joinPath(folder.uri, CONFIG_FILE_NAME);
  return { uri: file.toString(), line: 0, severity: 'error', code: 'config-glob-outside', message: `The corpus glob ${JSON.stringify(glob)} leads outside the workspace folder; it is ignored.` };
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
      const overrides = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(folder, ALIAS_OVERRIDE_PATH));
      const onOverride = (uri: vscode.Uri) => corpus.fileChanged(uri.toString());
      watchers.push(overrides, overrides.onDidCreate(onOverride), overrides.onDidChange(onOverride), overrides.onDidDelete(onOverride));
      for (const include of settings.corpusInclude(folder)) {
        if (climbsOutOfFolder(include)) continue;
        const watcher = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(folder, include));
        watchers.push(watcher, watcher.onDidCreate(onEvent), watcher.onDidChange(onEvent), watcher.onDidDelete(onEvent));
      }
    }
  };
  watch();
  const rescan = () => {
    watch();
    runDetached('corpus rescan', corpus.rescan());
  };
  return vscode.Disposable.from(
    vscode.workspace.onDidChangeWorkspaceFolders(rescan),
    // Trusting the workspace brings its restricted settings (corpus globs) into force.
    vscode.workspace.onDidGrantWorkspaceTrust(rescan),
    // .policy-annotator.json can change the globs: new watchers, then a rescan.
    onDidChangeProjectConfig(rescan),
    vscode.workspace.onDidChangeConfiguration((event) => {
      if (event.affectsConfiguration('policyAnnotator.corpus')) rescan();
    }),
    { dispose: () => vscode.Disposable.from(...watchers).dispose() },
  );
}
