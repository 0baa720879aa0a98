import type * as vscode from 'vscode';
import { analyzeArticle, type ArticleAnalysis } from '../core/article/analysis';
import { parseArticle, type Article } from '../core/article/article';
import { VersionedCache } from '../core/documentReferences';
import { resolveArticle, type ArticleReference } from '../core/article/resolve';
import type { CorpusIndex } from '../core/search/corpusIndex';
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
  ) {}

  get(document: vscode.TextDocument): ArticleAnalysis {
    const options = this.settings.resolveOptions(document.uri);
    const hashtags = this.settings.hashtagsEnabled(document.uri);
    const stamp = `${document.version}:${this.index.generation}:${this.tags.generation}:${hashtags}:${options.threshold}:${[...options.kinds].join(',')}`;
    return this.#cache.get(this.documentKey(document), stamp, () => {
      const article = this.article(document);
      return analyzeArticle(article.text, this.index, options, { vocabulary: this.tags.vocabulary, hashtags }, article);
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
