import * as vscode from 'vscode';
import { WorkspaceReferenceIndex } from '../core/article/workspaceReferences';
import type { CorpusService } from '../core/corpus/corpusService';
import { Slicer } from '../core/util/slicer';
import type { ArticleAnalyses } from './articleAnalyses';
import { runDetached } from './detached';
import { startup } from './startup';

/** The workspace's articles: the file set Find All References scanned before the index. */
const ARTICLE_GLOB = '**/*.{md,markdown}';
const NOT_ARTICLES = '{**/node_modules/**,**/.git/**}';
const MAX_ARTICLES = 5_000;
const MAX_ARTICLE_BYTES = 5 * 1024 * 1024;
/** Files read at once: workspace.fs is a round trip (to the server in code-server), so a few overlap. */
const READ_BATCH = 16;
/** Typing is indexed after this pause (a request flushes it at once); the diagnostics loop has usually cached the analysis by then. */
const EDIT_DELAY_MS = 300;

export interface WorkspaceReferencesDeps {
  readonly corpus: CorpusService;
  readonly analyses: ArticleAnalyses;
  readonly onDidChangeProjectConfig: vscode.Event<void>;
}

/**
 * The workspace reference index (`src/core/article/workspaceReferences.ts`) kept current for the editor:
 * built in the background once the corpus is ready (files read through workspace.fs, analysed one at a time
 * in slices that yield), then fed by a file watcher and by edits of open articles (their cached analyses).
 *
 * A corpus change can change what any mention resolves to, so when the corpus index's generation moves every
 * article is queued again and re-resolved in the background (re-read, since texts are not kept); meanwhile
 * the index answers with the previous resolution. The same on a settings change.
 */
export class WorkspaceReferences implements vscode.Disposable {
  readonly index = new WorkspaceReferenceIndex();
  /** The workspace's article files (listed, or created since). */
  readonly #articles = new Set<string>();
  /** Files whose entries must be recomputed. */
  readonly #dirty = new Set<string>();
  /** Open articles edited since they were last indexed. */
  readonly #edited = new Map<string, vscode.TextDocument>();
  #editTimer: ReturnType<typeof setTimeout> | undefined;
  #relist = false;
  /** Whether the workspace has been listed: before that an empty round is not a build (a corpus update can start one). */
  #listed = false;
  #resolvedGeneration = -1;
  #running: Promise<void> | undefined;
  #disposed = false;
  #markBuilt!: () => void;
  readonly #built = new Promise<void>((resolve) => (this.#markBuilt = resolve));
  readonly #updated = new vscode.EventEmitter<void>();
  /** Fires when a round of changes is in the index. */
  readonly onDidUpdate = this.#updated.event;
  readonly #subscriptions: vscode.Disposable;

  constructor(private readonly deps: WorkspaceReferencesDeps) {
    const watcher = vscode.workspace.createFileSystemWatcher(ARTICLE_GLOB);
    const changed = (uri: vscode.Uri) => {
      if (!isWorkspaceArticle(uri)) return;
      this.#articles.add(uri.toString());
      this.#queue(uri.toString());
    };
    const reresolve = () => {
      for (const uri of this.#articles) this.#dirty.add(uri);
      this.#kick();
    };
    this.#subscriptions = vscode.Disposable.from(
      this.#updated,
      watcher,
      watcher.onDidCreate(changed),
      watcher.onDidChange(changed),
      watcher.onDidDelete((uri) => {
        this.#articles.delete(uri.toString());
        this.#queue(uri.toString());
      }),
      vscode.workspace.onDidChangeTextDocument((event) => {
        const uri = event.document.uri.toString();
        if (!this.#articles.has(uri) || event.contentChanges.length === 0) return;
        this.#edited.set(uri, event.document);
        this.#editTimer ??= setTimeout(() => {
          this.#editTimer = undefined;
          this.flushEdits();
        }, EDIT_DELAY_MS);
      }),
      // Unsaved edits are dropped with the document: back to the file's text.
      vscode.workspace.onDidCloseTextDocument((document) => {
        this.#edited.delete(document.uri.toString());
        if (this.#articles.has(document.uri.toString())) this.#queue(document.uri.toString());
      }),
      new vscode.Disposable(
        deps.corpus.onDidUpdate(() => {
          if (deps.corpus.index.generation === this.#resolvedGeneration) return;
          this.#resolvedGeneration = deps.corpus.index.generation;
          reresolve();
        }).dispose,
      ),
      vscode.workspace.onDidChangeConfiguration((event) => {
        if (event.affectsConfiguration('policyAnnotator')) reresolve();
      }),
      deps.onDidChangeProjectConfig(reresolve),
      vscode.workspace.onDidChangeWorkspaceFolders(() => {
        this.#relist = true;
        this.#kick();
      }),
    );
  }

  /** Starts the cold build once the corpus is ready (references resolve against it). */
  start(): void {
    runDetached(
      'workspace reference index',
      this.deps.corpus.whenReady().then(() => {
        this.#relist = true;
        this.#kick();
      }),
    );
  }

  /** Whether the first build is done; false when `token` is cancelled first. */
  async whenBuilt(token?: vscode.CancellationToken): Promise<boolean> {
    if (!token) {
      await this.#built;
      return true;
    }
    let subscription: vscode.Disposable | undefined;
    const cancelled = new Promise<false>((resolve) => (subscription = token.onCancellationRequested(() => resolve(false))));
    try {
      return !token.isCancellationRequested && (await Promise.race([this.#built.then(() => true), cancelled])) && !token.isCancellationRequested;
    } finally {
      subscription?.dispose();
    }
  }

  /** Resolves once every change made so far (files, edits, corpus) is in the index. */
  async whenIdle(): Promise<void> {
    await this.#built;
    this.flushEdits();
    while (this.#running) await this.#running.catch(() => undefined);
  }

  /** Indexes the open articles edited since their last indexing now (their analyses are usually cached). */
  flushEdits(): void {
    if (this.#editTimer !== undefined) clearTimeout(this.#editTimer);
    this.#editTimer = undefined;
    if (this.#edited.size === 0) return;
    for (const [uri, document] of this.#edited) this.#indexDocument(uri, document);
    this.#edited.clear();
    this.#updated.fire();
  }

  dispose(): void {
    this.#disposed = true;
    if (this.#editTimer !== undefined) clearTimeout(this.#editTimer);
    this.#subscriptions.dispose();
  }

  #queue(uri: string): void {
    this.#edited.delete(uri);
    this.#dirty.add(uri);
    this.#kick();
  }

  #kick(): void {
    if (this.#running || this.#disposed) return;
    this.#running = this.#drain().finally(() => {
      this.#running = undefined;
      // Queued while the last round was firing its event.
      if (this.#dirty.size > 0 || this.#relist) this.#kick();
    });
    runDetached('workspace reference index', this.#running);
  }

  async #drain(): Promise<void> {
    const slicer = new Slicer();
    while (!this.#disposed) {
      if (this.#relist) {
        this.#relist = false;
        await this.#list();
        continue;
      }
      if (this.#dirty.size === 0) break;
      const batch = [...this.#dirty].slice(0, READ_BATCH);
      for (const uri of batch) this.#dirty.delete(uri);
      const texts = await Promise.all(batch.map((uri) => this.#read(uri)));
      for (const [at, uri] of batch.entries()) {
        this.#apply(uri, texts[at]);
        await slicer.maybeYield();
      }
    }
    if (this.#disposed) return;
    if (this.#listed) {
      this.#markBuilt();
      startup.mark('reference index built');
    }
    this.#updated.fire();
  }

  async #list(): Promise<void> {
    this.#resolvedGeneration = this.deps.corpus.index.generation;
    const files = await vscode.workspace.findFiles(ARTICLE_GLOB, NOT_ARTICLES, MAX_ARTICLES);
    const listed = new Set(files.map((uri) => uri.toString()));
    for (const uri of this.#articles) if (!listed.has(uri)) this.#articles.delete(uri);
    for (const uri of this.index.files()) if (!listed.has(uri)) this.#dirty.add(uri);
    for (const uri of listed) {
      this.#articles.add(uri);
      this.#dirty.add(uri);
    }
    this.#listed = true;
  }

  /** The file's text, or undefined when it is open (the document is used), gone, refused or unreadable. */
  async #read(uri: string): Promise<string | undefined> {
    if (!this.#articles.has(uri) || this.deps.corpus.store.hasFile(uri) || openDocument(uri)) return undefined;
    try {
      const bytes = await vscode.workspace.fs.readFile(vscode.Uri.parse(uri));
      // Same limits as the scan this replaces: no huge or binary files.
      if (bytes.byteLength > MAX_ARTICLE_BYTES || bytes.includes(0)) return undefined;
      return new TextDecoder().decode(bytes);
    } catch {
      return undefined;
    }
  }

  #apply(uri: string, text: string | undefined): void {
    // Corpus files are records, not articles (a Markdown record matches the article glob too).
    if (!this.#articles.has(uri) || this.deps.corpus.store.hasFile(uri)) {
      this.index.deleteFile(uri);
      return;
    }
    // Decided now, not when the read started: a document opened meanwhile has the newer text.
    const document = openDocument(uri);
    if (document) this.#indexDocument(uri, document);
    else if (text === undefined) this.index.deleteFile(uri);
    else {
      const { article, references } = this.deps.analyses.referencesOfText(text, vscode.Uri.parse(uri));
      this.index.setFile(uri, references, article.lines);
    }
  }

  #indexDocument(uri: string, document: vscode.TextDocument): void {
    if (document.isClosed || this.deps.corpus.store.hasFile(uri)) return;
    const analysis = this.deps.analyses.get(document);
    this.index.setFile(uri, analysis.references, analysis.article.lines);
  }
}

function openDocument(uri: string): vscode.TextDocument | undefined {
  return vscode.workspace.textDocuments.find((document) => document.uri.toString() === uri);
}

/** Inside a workspace folder and not in node_modules or .git (what findFiles leaves out). */
function isWorkspaceArticle(uri: vscode.Uri): boolean {
  return vscode.workspace.getWorkspaceFolder(uri) !== undefined && !/\/(?:node_modules|\.git)\//.test(uri.path);
}
