import * as vscode from 'vscode';
import type { LawFileSystem } from '../core/law/lawFiles';
import type { LawLibrary, LawSource } from '../core/law/lawLibrary';
import type { StatuteAnalysis } from '../core/law/statuteChecks';
import { loadLaws, type Laws } from './lawsLoader';
import type { ArticleAnalyses } from './articleAnalyses';
import type { Settings } from './settings';
import { VersionedCache } from '../core/documentReferences';
import type { OfficialLawImports } from './officialLaws';
import { loadOfficialLaws } from './officialLawsLoader';
import { LAW_DOWNLOAD } from './commandIds';
import { startup } from './startup';
import { localFiles } from './localFiles';

/** ChLaw.json, ChOrder.json, their .zip: the official open data rather than a split folder. */
const isOfficialFileName = (path: string) => /\.(?:json|zip)$/i.test(path);

export const LAWS_PATH_SETTING = 'policyAnnotator.laws.path';

/**
 * Law files through vscode.workspace.fs, or Node's file system for `file:` URIs in the desktop host (the
 * extension's own laws/embedded, a downloaded database: `localFiles.ts` says why). As in the CLI, a law file
 * must be a regular file, not a symbolic link (it could lead anywhere, or to a device): a link reads as an
 * error that says so, never as its target's content.
 */
export class WorkspaceLawFileSystem implements LawFileSystem {
  async stat(uri: string): Promise<{ size: number } | undefined> {
    const local = localFiles ? await localFiles.stat(uri) : 'not local';
    if (local !== 'not local') return local && { size: local.link ? 0 : local.size };
    try {
      const stat = await vscode.workspace.fs.stat(vscode.Uri.parse(uri));
      if (stat.type & vscode.FileType.SymbolicLink) return { size: 0 };
      return (stat.type & vscode.FileType.File) !== 0 ? { size: stat.size } : undefined;
    } catch (error) {
      if (error instanceof vscode.FileSystemError && error.code === 'FileNotFound') return undefined;
      throw error;
    }
  }

  async readFile(uri: string): Promise<Uint8Array> {
    const local = localFiles ? await localFiles.readRegularFile(uri) : 'not local';
    if (local !== 'not local') return local;
    const parsed = vscode.Uri.parse(uri);
    if ((await vscode.workspace.fs.stat(parsed)).type & vscode.FileType.SymbolicLink) throw new Error('it is a symbolic link; law files are not read through links');
    return vscode.workspace.fs.readFile(parsed);
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

const exists = (uri: vscode.Uri) =>
  new WorkspaceLawFileSystem().stat(uri.toString()).then(
    (stat) => stat !== undefined,
    () => false,
  );

/** The law library of the extension: the configured folder first, then laws/embedded of the extension. Reloaded when the setting changes. */
export function createLawLibrary(extensionUri: vscode.Uri, settings: Pick<Settings, 'lawsPath'>, log: { info(message: string): void; error(message: string): void }, globalStorageUri?: vscode.Uri): { library: LazyLawLibrary; disposable: vscode.Disposable; ready: () => Promise<void>; onDidReload: vscode.Event<void>; reload: () => Promise<void> } {
  const reloaded = new vscode.EventEmitter<void>();
  const embedded = folderString(vscode.Uri.joinPath(extensionUri, 'laws', 'embedded'));
  // When the setting names the official open data (ChLaw.json or its .zip), the folder converted from it.
  let official: { file: string; folder: string | undefined } | undefined;
  // The database downloaded by "Download the National Law Database" (global storage), after the configured one.
  const downloadedFolder = globalStorageUri ? vscode.Uri.joinPath(globalStorageUri, LAW_DOWNLOAD.folder) : undefined;
  let downloaded: string | undefined;
  const currentSources = (): LawSource[] => {
    const configured = configuredLawFolder(settings);
    const folder = configured && official?.file === configured.toString() ? official.folder : configured ? folderString(configured) : undefined;
    const sources: LawSource[] = folder ? [{ folder }] : [];
    if (downloaded) sources.push({ folder: downloaded });
    return [...sources, { folder: embedded, embedded: true }];
  };
  // The sources the library last loaded its index from (undefined before its first load).
  let loadedSources: string | undefined;
  const library = new LazyLawLibrary(extensionUri.fsPath, (api) => new api.LawLibrary({
    fileSystem: new WorkspaceLawFileSystem(),
    sources: () => {
      const sources = currentSources();
      loadedSources = JSON.stringify(sources);
      return sources;
    },
    log,
    onIndexLoaded: () => startup.mark('law index ready'),
  }));
  let imports: OfficialLawImports | undefined;
  const importer = () => {
    if (!imports && globalStorageUri) {
      const module = loadOfficialLaws(extensionUri.fsPath);
      imports = module ? new module.OfficialLawImports(extensionUri, globalStorageUri, log) : undefined;
    }
    return imports;
  };
  let settled: Promise<void> = Promise.resolve();
  /** `always`: reload even when the folders are the same (a setting changed, a download replaced a database). */
  const refresh = (always = true) => {
    const configured = configuredLawFolder(settings);
    settled = (async () => {
      official = undefined;
      downloaded = downloadedFolder && (await exists(vscode.Uri.joinPath(downloadedFolder, 'source.json'))) ? folderString(downloadedFolder) : undefined;
      const importing = configured && isOfficialFileName(configured.path) ? importer() : undefined;
      if (configured && importing) {
        official = { file: configured.toString(), folder: undefined };
        const folder = await importing.folderFor(configured);
        if (official?.file === configured.toString()) official = { file: configured.toString(), folder: folder ? folderString(folder) : undefined };
      }
      // At startup the first statute analysis may have loaded the index meanwhile: from the same folders (no
      // downloaded database, no setting) it is kept rather than thrown away and loaded again.
      if (!always && (loadedSources === undefined || loadedSources === JSON.stringify(currentSources()))) return;
      library.reload();
      reloaded.fire();
    })();
    return settled;
  };
  void refresh(false);
  const disposable = vscode.workspace.onDidChangeConfiguration((event) => {
    if (event.affectsConfiguration(LAWS_PATH_SETTING)) void refresh();
  });
  return { library, disposable: vscode.Disposable.from(disposable, reloaded), ready: () => settled, onDidReload: reloaded.event, reload: () => refresh() };
}

/**
 * The law library, created with the law layer's code on first use: activation loads neither (dist/laws.js is
 * required when the first article is analysed for statutes).
 */
export class LazyLawLibrary {
  #library: LawLibrary | undefined;

  constructor(
    private readonly extensionPath: string,
    private readonly create: (api: Laws) => LawLibrary,
  ) {}

  get api(): Laws {
    return loadLaws(this.extensionPath);
  }

  get library(): LawLibrary {
    this.#library ??= this.create(this.api);
    return this.#library;
  }

  /** 0 until first use; the library's own generation after. */
  get generation(): number {
    return this.#library?.generation ?? 0;
  }

  /** A library not created yet reads the current sources when it is. */
  reload(): void {
    this.#library?.reload();
  }
}

/** Statute analyses of open articles, one per document version and law-library generation. */
export class StatuteAnalyses {
  /** Per document object and version, like the article analyses (a URI and a version do not name one text). */
  readonly #cache = new VersionedCache<Promise<StatuteAnalysis>>();
  /** The last finished analysis per document object, with its stamp (at most 32 documents, oldest dropped). */
  readonly #settled = new Map<string, { readonly stamp: string; readonly result: StatuteAnalysis }>();

  constructor(
    private readonly laws: LazyLawLibrary,
    private readonly analyses: ArticleAnalyses,
  ) {}

  get api(): Laws {
    return this.laws.api;
  }

  get library(): LawLibrary {
    return this.laws.library;
  }

  get(document: vscode.TextDocument): Promise<StatuteAnalysis> {
    const library = this.laws.library;
    const key = this.analyses.documentKey(document);
    const stamp = `${document.version}:${library.generation}`;
    return this.#cache.get(key, stamp, () => {
      const article = this.analyses.article(document);
      const analysis = this.api.analyzeStatutes(article.text, library, article.skipped, this.api.articleDate(article));
      // Kept once done, for readers that cannot wait (the Markdown preview renders synchronously).
      analysis.then(
        (result) => {
          this.#settled.delete(key);
          this.#settled.set(key, { stamp, result });
          if (this.#settled.size > 32) this.#settled.delete(this.#settled.keys().next().value!);
        },
        () => undefined,
      );
      return analysis;
    });
  }

  /** The document's statute analysis if it is done for this version, without waiting. */
  settled(document: vscode.TextDocument): StatuteAnalysis | undefined {
    const entry = this.#settled.get(this.analyses.documentKey(document));
    return entry && entry.stamp === `${document.version}:${this.laws.generation}` ? entry.result : undefined;
  }

  forget(document: vscode.TextDocument): void {
    this.#cache.delete(this.analyses.documentKey(document));
  }
}
