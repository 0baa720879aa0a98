import type * as vscode from 'vscode';
import { analyzeArticle, type ArticleAnalysis, type LoadedBibliography } from '../core/article/analysis';
import type { AnalysisInput, IncrementalAnalysis } from '../core/article/incrementalAnalysis';
import { loadIncrementalAnalysis } from '../incrementalAnalysis/lazy';
import { Slicer } from '../core/util/slicer';
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
 * or a link request on a warm document does no parsing and no search. Each open document keeps an incremental
 * analysis (src/core/article/incrementalAnalysis.ts): a new version re-analyses only the blocks that changed.
 * Diagnostics ask for it in slices (getInSlices), so a large article never blocks the host; a request that
 * needs the analysis at once (a hover) gets it from get(), which reuses whatever the slices have done so far.
 */
export class ArticleAnalyses {
  readonly #cache = new VersionedCache<ArticleAnalysis>();
  readonly #parsed = new VersionedCache<Article>();
  /** Per document object: its incremental analysis (a version's blocks are found again in the next). */
  readonly #incremental = new VersionedCache<IncrementalAnalysis>(16);
  /** The class, once its bundle is loaded (asked for on the first analysis; until then analyses are whole). */
  #Incremental: typeof IncrementalAnalysis | undefined;
  #loading = false;
  /** A number per loaded bibliography index, for the corpus stamp (a reloaded bibliography is a new index). */
  readonly #indexIds = new WeakMap<object, number>();
  #nextIndexId = 0;
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
    // Loads of one document overlap (diagnostics, hover, a library's change event): one that began before a
    // library changed may end after one that began after it, and must not put the older records back.
    const stored = this.#bibliographies.get(key);
    if (stored && stored.version === version && stored.generation > generation) return;
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
    const { key, stamp, input } = this.#inputOf(document);
    return this.#cache.get(key, stamp, () => this.#incrementalOf(key)?.analyze(document.getText(), input) ?? analyzeArticle(document.getText(), input.corpus, input.options, input.tagOptions, undefined, input.bibliography));
  }

  /**
   * The analysis in slices that yield to the event loop every 8 ms; undefined when the document changed (or
   * `cancelled()` turned true) before it was done. Kept like get()'s.
   */
  async getInSlices(document: vscode.TextDocument, cancelled: () => boolean = () => false): Promise<ArticleAnalysis | undefined> {
    const { key, stamp, input } = this.#inputOf(document);
    const known = this.#cache.peek(key, stamp);
    if (known) return known;
    const incremental = this.#incrementalOf(key);
    if (!incremental) return this.get(document);
    const version = document.version;
    const slicer = new Slicer(8);
    const analysis = await incremental.analyzeInSlices(document.getText(), input, () => slicer.maybeYield(), () => document.version !== version || cancelled());
    // Given up: the text changed (stale), or another analysis changed the corpus or bibliography meanwhile
    // (then the analysis of now, as below).
    if (!analysis) return document.version === version && !cancelled() ? this.get(document) : undefined;
    // The corpus or the settings changed meanwhile: the analysis of now, from the blocks just parsed.
    if (this.#inputOf(document).stamp !== stamp) return this.get(document);
    return this.#cache.get(key, stamp, () => analysis);
  }

  #incrementalOf(key: string): IncrementalAnalysis | undefined {
    const Incremental = this.#Incremental;
    if (Incremental) return this.#incremental.get(key, '', () => new Incremental());
    if (!this.#loading) {
      this.#loading = true;
      // A bundle that fails to load leaves the whole analysis in place: slower, the same results.
      loadIncrementalAnalysis().then((loaded) => (this.#Incremental = loaded), () => undefined);
    }
    return undefined;
  }

  #inputOf(document: vscode.TextDocument): { readonly key: string; readonly stamp: string; readonly input: AnalysisInput } {
    const options = this.settings.resolveOptions(document.uri);
    const hashtags = this.settings.hashtagsEnabled(document.uri);
    const key = this.documentKey(document);
    const bibliography = this.#bibliographies.get(key);
    // Until prepare() has run for this version, the last bibliography's records still count, but its
    // diagnostics (offsets into an older text) wait.
    const current = bibliography?.version === document.version;
    const loaded = bibliography?.loaded && (current ? bibliography.loaded : { ...(bibliography.loaded.index ? { index: bibliography.loaded.index } : {}), diagnostics: [] });
    const stamp = `${document.version}:${this.index.generation}:${this.tags.generation}:${hashtags}:${options.threshold}:${[...options.kinds].join(',')}:${bibliography ? `${bibliography.version}/${bibliography.generation}` : '-'}`;
    // What the kept name matches and resolutions depend on: the corpus and the bibliography's records.
    const corpusStamp = `${this.index.generation}:${loaded?.index ? this.#indexId(loaded.index) : '-'}`;
    const input: AnalysisInput = { corpus: this.index, corpusStamp, options, tagOptions: { vocabulary: this.tags.vocabulary, hashtags }, ...(loaded ? { bibliography: loaded } : {}) };
    return { key, stamp, input };
  }

  #indexId(index: object): number {
    let id = this.#indexIds.get(index);
    if (id === undefined) this.#indexIds.set(index, (id = this.#nextIndexId++));
    return id;
  }

  /**
   * Only the parse (sections, tags, links), without resolution or checks: what tag completion needs on
   * every keystroke, so typing does not pay for the full analysis that diagnostics run after a pause.
   */
  article(document: vscode.TextDocument): Article {
    const key = this.documentKey(document);
    return this.#parsed.get(key, String(document.version), () => this.#incrementalOf(key)?.parse(document.getText()) ?? parseArticle(document.getText()));
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
