import type * as vscode from 'vscode';
import { analyzeArticle, type ArticleAnalysis, type LoadedBibliography } from '../core/article/analysis';
import type { ArticleBibliographies } from '../core/corpus/articleBibliography';
import { parseArticle, type Article } from '../core/article/article';
import { VersionedCache } from '../core/documentReferences';
import { resolveArticle, type ArticleReference } from '../core/article/resolve';
import type { CorpusIndex } from '../core/search/corpusIndex';
import type { CorpusRecord } from '../core/corpus/record';
import type { Settings } from './settings';
import type { TagService } from '../core/tags/tagService';

/**
 * Analyses of open articles, computed once per document version, index generation and settings, so a hover
 * or a link request on a warm document does no parsing and no search.
 */
export class ArticleAnalyses {
  readonly #cache = new VersionedCache<ArticleAnalysis>();
  readonly #parsed = new VersionedCache<Article>();
  /**
   * A number per document object: a URI and a version do not name one text (a new untitled document is
   * "Untitled-1" at version 1 again, and a file reopened after a change on disk is back at version 1).
   */
  readonly #instances = new WeakMap<vscode.TextDocument, number>();
  #nextInstance = 0;

  /** A cache key for one document object (other per-document caches use it too). */
  documentKey(document: vscode.TextDocument): string {
    let instance = this.#instances.get(document);
    if (instance === undefined) {
      instance = this.#nextInstance++;
      this.#instances.set(document, instance);
    }
    return `${document.uri.toString()}#${instance}`;
  }

  constructor(
    private readonly index: CorpusIndex,
    private readonly tags: TagService,
    private readonly settings: Settings,
    private readonly bibliographies?: ArticleBibliographies,
  ) {}

  /** Per document object: its front matter's bibliography as last loaded, for which version, at which library generation. */
  readonly #bibliographies = new Map<string, { readonly version: number; readonly generation: number; readonly loaded: LoadedBibliography | undefined }>();
  readonly #bibliographyListeners = new Set<() => void>();

  /**
   * Loads the libraries the document's front matter names (`bibliography:`), unless already loaded for this
   * version: providers that show records await it before get(). Files are read once and kept until they change.
   */
  async prepare(document: vscode.TextDocument): Promise<void> {
    const bibliographies = this.bibliographies;
    if (!bibliographies) return;
    const key = this.documentKey(document);
    const version = document.version;
    const generation = bibliographies.generation;
    const known = this.#bibliographies.get(key);
    if (known && known.version === version && known.generation === generation) return;
    const loaded = await bibliographies.load(document.uri.toString(), this.article(document));
    if (document.version !== version) return;
    this.#bibliographies.delete(key);
    this.#bibliographies.set(key, { version, generation, loaded });
    // The least recently loaded go first; a document met again is simply loaded again.
    if (this.#bibliographies.size > MAX_BIBLIOGRAPHY_DOCUMENTS) this.#bibliographies.delete(this.#bibliographies.keys().next().value!);
  }

  /** Changes when a library file an article names changed on disk. */
  get bibliographyGeneration(): number {
    return this.bibliographies?.generation ?? 0;
  }

  /** Whether prepare() has run for the document's current version and library generation (the preview, which cannot await, asks). */
  isPrepared(document: vscode.TextDocument): boolean {
    const known = this.#bibliographies.get(this.documentKey(document));
    return !this.bibliographies || (known?.version === document.version && known.generation === this.bibliographies.generation);
  }

  /**
   * The records of the document's front-matter bibliography as last prepared (undefined without one): what
   * completion, inlay hints and rename read besides the corpus, without the full analysis.
   */
  bibliographyIndex(document: vscode.TextDocument): CorpusIndex | undefined {
    const index = this.#bibliographies.get(this.documentKey(document))?.loaded?.index;
    return index && index.size > 0 ? index : undefined;
  }

  /** A record by id as the document sees it: its bibliography's first, then the corpus's (as the analysis resolves). */
  recordOf(document: vscode.TextDocument, id: string): CorpusRecord | undefined {
    return this.bibliographyIndex(document)?.get(id) ?? this.index.get(id);
  }

  /** A library file changed on disk (the watcher): the articles naming it are re-checked. */
  bibliographyFileChanged(uri: string): void {
    if (!this.bibliographies?.fileChanged(uri)) return;
    for (const listener of [...this.#bibliographyListeners]) listener();
  }

  onDidChangeBibliographies(listener: () => void): { dispose(): void } {
    this.#bibliographyListeners.add(listener);
    return { dispose: () => this.#bibliographyListeners.delete(listener) };
  }

  get(document: vscode.TextDocument): ArticleAnalysis {
    const options = this.settings.resolveOptions(document.uri);
    const hashtags = this.settings.hashtagsEnabled(document.uri);
    const key = this.documentKey(document);
    const bibliography = this.#bibliographies.get(key);
    // Until prepare() has run for this version, the last bibliography's records still count, but its
    // diagnostics (offsets into an older text) wait.
    const current = bibliography?.version === document.version;
    const loaded = bibliography?.loaded && (current ? bibliography.loaded : { ...(bibliography.loaded.index ? { index: bibliography.loaded.index } : {}), diagnostics: [] });
    const stamp = `${document.version}:${this.index.generation}:${this.tags.generation}:${hashtags}:${options.threshold}:${[...options.kinds].join(',')}:${bibliography ? `${bibliography.version}/${bibliography.generation}` : '-'}`;
    return this.#cache.get(key, stamp, () => {
      const article = this.article(document);
      return analyzeArticle(article.text, this.index, options, { vocabulary: this.tags.vocabulary, hashtags }, article, loaded);
    });
  }

  /**
   * Only the parse (sections, tags, links), without resolution or checks: what tag completion needs on
   * every keystroke, so typing does not pay for the full analysis that diagnostics run after a pause.
   */
  article(document: vscode.TextDocument): Article {
    return this.#parsed.get(this.documentKey(document), String(document.version), () => parseArticle(document.getText()));
  }

  /** For files that are not open (the reference provider's workspace scan). */
  analyzeText(text: string, resource: vscode.Uri): ArticleAnalysis {
    return analyzeArticle(text, this.index, this.settings.resolveOptions(resource), { vocabulary: this.tags.vocabulary, hashtags: this.settings.hashtagsEnabled(resource) });
  }

  /** Only the parse and the resolved references of a file that is not open (the workspace reference index). */
  referencesOfText(text: string, resource: vscode.Uri): { readonly article: Article; readonly references: readonly ArticleReference[] } {
    const article = parseArticle(text);
    return { article, references: resolveArticle(article, this.index, this.settings.resolveOptions(resource)) };
  }
}

const MAX_BIBLIOGRAPHY_DOCUMENTS = 64;
