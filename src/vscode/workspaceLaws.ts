import * as vscode from 'vscode';
import type { LawFileSystem } from '../core/law/lawFiles';
import { LawLibrary, type LawSource } from '../core/law/lawLibrary';
import { analyzeStatutes, type StatuteAnalysis } from '../core/law/statuteChecks';
import type { ArticleAnalyses } from './articleAnalyses';
import { VersionedCache } from '../core/documentReferences';

export const LAWS_PATH_SETTING = 'policyAnnotator.laws.path';

/**
 * Law files through vscode.workspace.fs (the extension's own folder and the configured one alike). As in the
 * CLI, a law file must be a regular file, not a symbolic link (it could lead anywhere, or to a device): a link
 * reads as an error that says so, never as its target's content.
 */
export class WorkspaceLawFileSystem implements LawFileSystem {
  async stat(uri: string): Promise<{ size: number } | undefined> {
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
    const parsed = vscode.Uri.parse(uri);
    if ((await vscode.workspace.fs.stat(parsed)).type & vscode.FileType.SymbolicLink) throw new Error('it is a symbolic link; law files are not read through links');
    return vscode.workspace.fs.readFile(parsed);
  }
}

/** The configured law folder: an absolute path, or one relative to the first workspace folder. */
export function configuredLawFolder(): vscode.Uri | undefined {
  const value = vscode.workspace.getConfiguration('policyAnnotator').get<string>('laws.path', '').trim();
  if (!value) return undefined;
  if (/^([a-zA-Z]:[\\/]|\/|\\\\)/.test(value)) return vscode.Uri.file(value);
  const folder = vscode.workspace.workspaceFolders?.[0];
  return folder ? vscode.Uri.joinPath(folder.uri, value) : vscode.Uri.file(value);
}

const folderString = (uri: vscode.Uri) => uri.toString().replace(/\/$/, '');

/** The law library of the extension: the configured folder first, then laws/embedded of the extension. Reloaded when the setting changes. */
export function createLawLibrary(extensionUri: vscode.Uri, log: { info(message: string): void; error(message: string): void }): { library: LawLibrary; disposable: vscode.Disposable } {
  const embedded = folderString(vscode.Uri.joinPath(extensionUri, 'laws', 'embedded'));
  const library = new LawLibrary({
    fileSystem: new WorkspaceLawFileSystem(),
    sources: () => {
      const configured = configuredLawFolder();
      const sources: LawSource[] = configured ? [{ folder: folderString(configured) }] : [];
      return [...sources, { folder: embedded, embedded: true }];
    },
    log,
  });
  const disposable = vscode.workspace.onDidChangeConfiguration((event) => {
    if (event.affectsConfiguration(LAWS_PATH_SETTING)) library.reload();
  });
  return { library, disposable };
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
      return analyzeStatutes(article.text, this.library, article.skipped);
    });
  }

  forget(document: vscode.TextDocument): void {
    this.#cache.delete(this.analyses.documentKey(document));
  }
}
