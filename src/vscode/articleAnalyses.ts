import type * as vscode from 'vscode';
import { analyzeArticle, type ArticleAnalysis } from '../core/article/analysis';
import { VersionedCache } from '../core/documentReferences';
import type { CorpusIndex } from '../core/search/corpusIndex';
import type { Settings } from './settings';
import type { TagService } from '../core/tags/tagService';

/**
 * Analyses of open articles, computed once per document version, index generation and settings, so a hover
 * or a link request on a warm document does no parsing and no search.
 */
export class ArticleAnalyses {
  readonly #cache = new VersionedCache<ArticleAnalysis>();

  constructor(
    private readonly index: CorpusIndex,
    private readonly tags: TagService,
    private readonly settings: Settings,
  ) {}

  get(document: vscode.TextDocument): ArticleAnalysis {
    const options = this.settings.resolveOptions(document.uri);
    const hashtags = this.settings.hashtagsEnabled(document.uri);
    const stamp = `${document.version}:${this.index.generation}:${this.tags.generation}:${hashtags}:${options.threshold}:${[...options.kinds].join(',')}`;
    return this.#cache.get(document.uri.toString(), stamp, () => analyzeArticle(document.getText(), this.index, options, { vocabulary: this.tags.vocabulary, hashtags }));
  }

  /** For files that are not open (the reference provider's workspace scan). */
  analyzeText(text: string, resource: vscode.Uri): ArticleAnalysis {
    return analyzeArticle(text, this.index, this.settings.resolveOptions(resource), { vocabulary: this.tags.vocabulary, hashtags: this.settings.hashtagsEnabled(resource) });
  }
}
