import { CitationCompleter, type CitationCandidate } from '../search/citationCompletion';
import type { CorpusIndex } from '../search/corpusIndex';

/**
 * Citation completion over an article's front-matter bibliography and the corpus, as the article resolves
 * keys: a record of the bibliography replaces the corpus's record of that id (LayeredIndex). Each
 * bibliography's completer is made once and kept while its index lives (articles naming one library share it).
 */
export class BibliographyCompleter {
  readonly #own = new WeakMap<CorpusIndex, CitationCompleter>();

  constructor(private readonly corpus: CitationCompleter) {}

  /** The best `limit` candidates of both, by score; on a tie the bibliography's record comes first. */
  complete(query: string, limit: number, bibliography: CorpusIndex | undefined): CitationCandidate[] {
    if (!bibliography || bibliography.size === 0) return this.corpus.complete(query, limit);
    let own = this.#own.get(bibliography);
    if (!own) this.#own.set(bibliography, (own = new CitationCompleter(bibliography)));
    const mine = own.complete(query, limit);
    const corpus = this.corpus.complete(query, limit).filter((candidate) => !bibliography.get(candidate.record.id));
    // A stable sort keeps the bibliography's candidates before the corpus's of equal score.
    return [...mine, ...corpus].sort((a, b) => b.score - a.score).slice(0, limit);
  }
}
