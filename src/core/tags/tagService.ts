import type { CorpusIndex } from '../search/corpusIndex';
import type { CorpusProblem } from '../corpus/problems';
import { BUILTIN_TAXONOMY } from './builtinTaxonomy';
import { combineTaxonomies, parseTaxonomyFile, type TaxonomyFile } from './taxonomyFile';
import { TagVocabulary } from './vocabulary';

/**
 * The tag vocabulary in force and how tags are used: the built-in taxonomy, the workspace's taxonomy file,
 * and usage counts from corpus records and the workspace's articles, kept current as they change.
 */
export class TagService {
  #vocabulary = new TagVocabulary(BUILTIN_TAXONOMY);
  #taxonomy: TaxonomyFile | undefined;
  #problems: CorpusProblem[] = [];
  readonly #articleTags = new Map<string, readonly string[]>();
  #generation = 0;
  readonly #listeners = new Set<() => void>();

  /** Called after the taxonomy or the usage counts changed. */
  onDidUpdate(listener: () => void): { dispose(): void } {
    this.#listeners.add(listener);
    return { dispose: () => this.#listeners.delete(listener) };
  }

  constructor(private readonly index: CorpusIndex) {}

  get vocabulary(): TagVocabulary {
    return this.#vocabulary;
  }

  /** Changes whenever the taxonomy or the usage counts change (analyses made at another generation are stale). */
  get generation(): number {
    return this.#generation;
  }

  get taxonomyUri(): string | undefined {
    return this.#taxonomy?.uri;
  }

  problems(): readonly CorpusProblem[] {
    return this.#problems;
  }

  /** Sets (or, with undefined, removes) the workspace taxonomy file. */
  setTaxonomyFile(uri: string | undefined, text?: string): void {
    if (uri === undefined || text === undefined) {
      this.#taxonomy = undefined;
      this.#problems = [];
    } else {
      const parsed = parseTaxonomyFile(uri, text);
      this.#taxonomy = parsed.taxonomy;
      this.#problems = parsed.problems;
    }
    this.#vocabulary = new TagVocabulary(combineTaxonomies(BUILTIN_TAXONOMY, this.#taxonomy));
    this.refreshUsage();
  }

  /** The tags one article uses (as written); an empty list or deleteArticle when it has none. */
  setArticleTags(uri: string, tags: readonly string[]): void {
    this.#articleTags.set(uri, tags);
  }

  deleteArticle(uri: string): void {
    this.#articleTags.delete(uri);
  }

  /** Recounts usage from the corpus records' tags and the articles' tags. */
  refreshUsage(): void {
    const bySource = new Map<string, readonly string[]>(this.#articleTags);
    for (const record of this.index.records()) if (record.tags.length > 0) bySource.set(`record:${record.id}`, record.tags);
    this.#vocabulary.setUsage(bySource);
    this.#generation++;
    for (const listener of [...this.#listeners]) listener();
  }
}
