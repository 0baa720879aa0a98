import type * as vscode from 'vscode';
import { analyzeDecisions, type DecisionAnalysis } from '../core/decision/decisionAnalysis';
import { DecisionRecords } from '../core/decision/decisionRecords';
import { VersionedCache } from '../core/documentReferences';
import type { CorpusIndex } from '../core/search/corpusIndex';
import type { ArticleAnalyses } from './articleAnalyses';

/**
 * Decision references of open articles, one analysis per document version and corpus generation (the
 * decisions corpus resolves them), so a hover on a warm document does no scanning. The date of the checks is
 * the day of the analysis.
 */
export class DecisionAnalyses {
  readonly #cache = new VersionedCache<DecisionAnalysis>();
  readonly records: DecisionRecords;

  constructor(
    readonly index: CorpusIndex,
    private readonly analyses: ArticleAnalyses,
    private readonly today: () => Date = () => new Date(),
  ) {
    this.records = new DecisionRecords(index);
  }

  get(document: vscode.TextDocument): DecisionAnalysis {
    const today = this.today();
    return this.#cache.get(this.analyses.documentKey(document), `${document.version}:${this.index.generation}:${today.toDateString()}`, () => {
      const article = this.analyses.article(document);
      return analyzeDecisions(article.text, article.skipped, this.records, today);
    });
  }

  forget(document: vscode.TextDocument): void {
    this.#cache.delete(this.analyses.documentKey(document));
  }
}
