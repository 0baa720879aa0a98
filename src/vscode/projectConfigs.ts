import * as vscode from 'vscode';
import { CONFIG_FILE_NAME, parseProjectConfig, type ProjectConfig } from '../core/config';
import { problemsToVsDiagnostics } from './diagnostics';

/**
 * `.policy-annotator.json` at each workspace folder's root, the file the CLI reads too, so the editor and CI
 * agree. Read through workspace.fs, kept current by a watcher; problems go to the Problems panel.
 */
export class ProjectConfigs implements vscode.Disposable {
  readonly #configs = new Map<string, ProjectConfig>();
  readonly #diagnostics = vscode.languages.createDiagnosticCollection('policy-annotator-config');
  readonly #changed = new vscode.EventEmitter<void>();
  readonly onDidChange = this.#changed.event;
  readonly #watcher = vscode.workspace.createFileSystemWatcher(`**/${CONFIG_FILE_NAME}`);
  readonly #subscriptions: vscode.Disposable[];
  #ready: Promise<void> = Promise.resolve();

  constructor() {
    const reload = () => {
      this.#ready = this.#load();
    };
    this.#subscriptions = [this.#watcher.onDidCreate(reload), this.#watcher.onDidChange(reload), this.#watcher.onDidDelete(reload), vscode.workspace.onDidChangeWorkspaceFolders(reload)];
    reload();
  }

  whenReady(): Promise<void> {
    return this.#ready;
  }

  /** The configuration of the folder holding `resource` (or of the first folder). */
  get(resource?: vscode.Uri): ProjectConfig {
    const folder = (resource && vscode.workspace.getWorkspaceFolder(resource)) ?? vscode.workspace.workspaceFolders?.[0];
    return (folder && this.#configs.get(folder.uri.toString())) ?? {};
  }

  async #load(): Promise<void> {
    const before = JSON.stringify([...this.#configs]);
    // Built aside and swapped in whole: readers never see a half-loaded set.
    const configs = new Map<string, ProjectConfig>();
    const diagnostics: Array<[vscode.Uri, vscode.Diagnostic[]]> = [];
    for (const folder of vscode.workspace.workspaceFolders ?? []) {
      const uri = vscode.Uri.joinPath(folder.uri, CONFIG_FILE_NAME);
      let text: string;
      try {
        text = new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
      } catch {
        continue;
      }
      const { config, problems } = parseProjectConfig(uri.toString(), text);
      configs.set(folder.uri.toString(), config);
      diagnostics.push([uri, problemsToVsDiagnostics(problems)]);
    }
    this.#configs.clear();
    for (const [key, config] of configs) this.#configs.set(key, config);
    this.#diagnostics.clear();
    for (const [uri, list] of diagnostics) this.#diagnostics.set(uri, list);
    // Only a real change is announced: a workspace without the file costs no rescan.
    if (JSON.stringify([...this.#configs]) !== before) this.#changed.fire();
  }

  dispose(): void {
    vscode.Disposable.from(this.#diagnostics, this.#changed, this.#watcher, ...this.#subscriptions).dispose();
  }
}
