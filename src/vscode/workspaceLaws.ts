import * as vscode from 'vscode';
import type { LawFileSystem } from '../core/law/lawFiles';
import { LawLibrary, type LawSource } from '../core/law/lawLibrary';
import { analyzeStatutes, type StatuteAnalysis } from '../core/law/statuteChecks';
import { articleDate } from '../core/law/pointInTime';
import type { ArticleAnalyses } from './articleAnalyses';
import type { Settings } from './settings';
import { VersionedCache } from '../core/documentReferences';
import type { OfficialLawImports } from './officialLaws';
import { loadOfficialLaws } from './officialLawsLoader';

/** ChLaw.json, ChOrder.json, their .zip: the official open data rather than a split folder. */
const isOfficialFileName = (path: string) => /\.(?:json|zip)$/i.test(path);

export const LAWS_PATH_SETTING = 'policyAnnotator.laws.path';

/** Law files through vscode.workspace.fs (the extension's own folder and the configured one alike). */
export class WorkspaceLawFileSystem implements LawFileSystem {
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

/** The configured law folder: an absolute path, or one relative to the first workspace folder. */
export function configuredLawFolder(settings: Pick<Settings, 'lawsPath'>): vscode.Uri | undefined {
  const value = settings.lawsPath();
  if (!value) return undefined;
  if (/^([a-zA-Z]:[\\/]|\/|\\\\)/.test(value)) return vscode.Uri.file(value);
  const folder = vscode.workspace.workspaceFolders?.[0];
  return folder ? vscode.Uri.joinPath(folder.uri, value) : vscode.Uri.file(value);
}

const folderString = (uri: vscode.Uri) => uri.toString().replace(/\/$/, '');

/** The law library of the extension: the configured folder first, then laws/embedded of the extension. Reloaded when the setting changes. */
export function createLawLibrary(extensionUri: vscode.Uri, settings: Pick<Settings, 'lawsPath'>, log: { info(message: string): void; error(message: string): void }, globalStorageUri?: vscode.Uri): { library: LawLibrary; disposable: vscode.Disposable; ready: () => Promise<void>; onDidReload: vscode.Event<void> } {
  const reloaded = new vscode.EventEmitter<void>();
  const embedded = folderString(vscode.Uri.joinPath(extensionUri, 'laws', 'embedded'));
  // When the setting names the official open data (ChLaw.json or its .zip), the folder converted from it.
  let official: { file: string; folder: string | undefined } | undefined;
  const library = new LawLibrary({
    fileSystem: new WorkspaceLawFileSystem(),
    sources: () => {
      const configured = configuredLawFolder(settings);
      const folder = configured && official?.file === configured.toString() ? official.folder : configured ? folderString(configured) : undefined;
      const sources: LawSource[] = folder ? [{ folder }] : [];
      return [...sources, { folder: embedded, embedded: true }];
    },
    log,
  });
  let imports: OfficialLawImports | undefined;
  const importer = () => {
    if (!imports && globalStorageUri) {
      const module = loadOfficialLaws(extensionUri.fsPath);
      imports = module ? new module.OfficialLawImports(extensionUri, globalStorageUri, log) : undefined;
    }
    return imports;
  };
  let settled: Promise<void> = Promise.resolve();
  const refresh = () => {
    const configured = configuredLawFolder(settings);
    settled = (async () => {
      official = undefined;
      const importing = configured && isOfficialFileName(configured.path) ? importer() : undefined;
      if (configured && importing) {
        official = { file: configured.toString(), folder: undefined };
        const folder = await importing.folderFor(configured);
        if (official?.file === configured.toString()) official = { file: configured.toString(), folder: folder ? folderString(folder) : undefined };
      }
      library.reload();
      reloaded.fire();
    })();
    return settled;
  };
  void refresh();
  const disposable = vscode.workspace.onDidChangeConfiguration((event) => {
    if (event.affectsConfiguration(LAWS_PATH_SETTING)) void refresh();
  });
  return { library, disposable: vscode.Disposable.from(disposable, reloaded), ready: () => settled, onDidReload: reloaded.event };
}

/** Statute analyses of open articles, one per document version and law-library generation. */
export class StatuteAnalyses {
  /** Per document object and version, like the article analyses (a URI and a version do not name one text). */
  readonly #cache = new VersionedCache<Promise<StatuteAnalysis>>();

  constructor(
    readonly library: LawLibrary,
    private readonly analyses: ArticleAnalyses,
  ) {}

  get(document: vscode.TextDocument): Promise<StatuteAnalysis> {
    return this.#cache.get(this.analyses.documentKey(document), `${document.version}:${this.library.generation}`, () => {
      const article = this.analyses.article(document);
      return analyzeStatutes(article.text, this.library, article.skipped, articleDate(article));
    });
  }

  forget(document: vscode.TextDocument): void {
    this.#cache.delete(this.analyses.documentKey(document));
  }
}
