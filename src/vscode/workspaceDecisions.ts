import type * as vscode from 'vscode';
import type { DecisionAnalysis } from '../core/decision/decisionAnalysis';
import type { DecisionRecords } from '../core/decision/decisionRecords';
import { VersionedCache } from '../core/documentReferences';
import type { CorpusIndex } from '../core/search/corpusIndex';
import type { ArticleAnalyses } from './articleAnalyses';
import { loadDecisions, type Decisions } from './decisionsLoader';

/**
 * Decision references of open articles, one analysis per document version and corpus generation (the
 * decisions corpus resolves them), so a hover on a warm document does no scanning. The date of the checks is
 * the day of the analysis. The decisions code is loaded on first use.
 */
export class DecisionAnalyses {
  readonly #cache = new VersionedCache<DecisionAnalysis>();
  #records: DecisionRecords | undefined;

  constructor(
    readonly index: CorpusIndex,
    private readonly analyses: ArticleAnalyses,
    private readonly extensionPath: string,
    private readonly today: () => Date = () => new Date(),
  ) {}

  get api(): Decisions {
    return loadDecisions(this.extensionPath);
  }

  get(document: vscode.TextDocument): DecisionAnalysis {
    const today = this.today();
    return this.#cache.get(this.analyses.documentKey(document), `${document.version}:${this.index.generation}:${today.toDateString()}`, () => {
      const article = this.analyses.article(document);
      this.#records ??= new this.api.DecisionRecords(this.index);
      return this.api.analyzeDecisions(article.text, article.skipped, this.#records, today);
    });
  }

  forget(document: vscode.TextDocument): void {
    this.#cache.delete(this.analyses.documentKey(document));
  }
}
