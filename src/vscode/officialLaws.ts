import * as vscode from 'vscode';
import { runLawImport } from './lawImportRunner';

/** FNV-1a: a short, stable folder name for one edition of one file. */
function hash(text: string): string {
  let value = 0x811c9dc5;
  for (let index = 0; index < text.length; index++) value = Math.imul(value ^ text.charCodeAt(index), 0x01000193) >>> 0;
  return value.toString(16).padStart(8, '0');
}

/**
 * The official open data converted once into the extension's global storage (laws-<hash of the file, its size
 * and its modification time>), on a worker thread, with a progress notification; reused until the file
 * changes. A file that cannot be imported is reported once, and the built-in subset stays in use.
 */
export class OfficialLawImports {
  readonly #running = new Map<string, Promise<vscode.Uri | undefined>>();

  constructor(
    private readonly extensionUri: vscode.Uri,
    private readonly storage: vscode.Uri,
    private readonly log: { info(message: string): void; error(message: string): void },
  ) {}

  async folderFor(file: vscode.Uri): Promise<vscode.Uri | undefined> {
    let stat: vscode.FileStat;
    try {
      stat = await vscode.workspace.fs.stat(file);
    } catch {
      void vscode.window.showWarningMessage(vscode.l10n.t('Policy Annotator: the law database file {0} does not exist.', file.fsPath));
      return undefined;
    }
    const folder = vscode.Uri.joinPath(this.storage, `laws-${hash(`${file.toString()}:${stat.size}:${stat.mtime}`)}`);
    const done = await vscode.workspace.fs.stat(vscode.Uri.joinPath(folder, 'source.json')).then(
      () => true,
      () => false,
    );
    if (done) return folder;
    let running = this.#running.get(folder.toString());
    if (!running) {
      running = this.#import(file, folder);
      this.#running.set(folder.toString(), running);
      void running.finally(() => this.#running.delete(folder.toString()));
    }
    return running;
  }

  async #import(file: vscode.Uri, folder: vscode.Uri): Promise<vscode.Uri | undefined> {
    await vscode.workspace.fs.createDirectory(this.storage);
    const started = Date.now();
    const result = await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Policy Annotator: importing the national law database…') }, () =>
      runLawImport(vscode.Uri.joinPath(this.extensionUri, 'dist', 'lawImportWorker.js').fsPath, {
        files: [file.fsPath],
        out: folder.fsPath,
        aliasesFile: vscode.Uri.joinPath(this.extensionUri, 'laws', 'embedded', 'aliases.json').fsPath,
        source: { from: file.fsPath },
      }),
    );
    if ('error' in result) {
      this.log.error(`Law database import of ${file.fsPath} failed: ${result.error}`);
      void vscode.window.showErrorMessage(vscode.l10n.t('Policy Annotator: the law database {0} cannot be imported: {1}', file.fsPath, result.error));
      return undefined;
    }
    for (const problem of result.problems) this.log.error(problem);
    this.log.info(`Imported ${result.summary.laws} laws (${result.summary.articles} articles${result.summary.updateDate ? `, edition of ${result.summary.updateDate}` : ''}) from ${file.fsPath} in ${Date.now() - started} ms.`);
    return folder;
  }
}

// The law database download shares this desktop-only bundle (dist/officialLaws.js): it runs the same import worker.
export { LawDatabaseDownloads } from './lawDatabaseDownload';
