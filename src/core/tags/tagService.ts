import type { CorpusIndex } from '../search/corpusIndex';
import type { CorpusProblem } from '../corpus/problems';
import { BUILTIN_TAXONOMY } from './builtinTaxonomy';
import { combineTaxonomies, parseTaxonomyFile, type TaxonomyFile } from './taxonomyFile';
import { TagVocabulary } from './vocabulary';
import { yieldToEventLoop } from '../util/slicer';

/**
 * The tag vocabulary in force and how tags are used: the built-in taxonomy, the workspace's taxonomy file,
 * and usage counts from corpus records and the workspace's articles, kept current as they change.
 */
export class TagService {
  /** Made on first use, or in slices by `prepare()`: activate() builds nothing (issue 19). */
  #vocabulary: TagVocabulary | undefined;
  /** The built-in vocabulary `prepare()` is building, finished at once if it is needed meanwhile. */
  #building: TagVocabulary | undefined;
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

  /** `onVocabularyBuilt`: told once, when the first vocabulary is complete (the extension's startup timeline). */
  constructor(
    private readonly index: CorpusIndex,
    private readonly options: { readonly onVocabularyBuilt?: () => void } = {},
  ) {}

  get vocabulary(): TagVocabulary {
    if (!this.#vocabulary) this.#replaceVocabulary((this.#building ?? new TagVocabulary(BUILTIN_TAXONOMY, true)).finishBuild());
    return this.#vocabulary!;
  }

  /**
   * Builds the vocabulary in slices, `pause()` between steps, unless it is built already: the extension calls
   * this after activation so that neither activate() nor the first analysis pays for it in one block.
   */
  async prepare(pause: () => Promise<void>): Promise<void> {
    // Starts on a later turn of the event loop: a caller in activate() returns at once.
    await yieldToEventLoop();
    if (this.#vocabulary || this.#building) return;
    const building = new TagVocabulary(BUILTIN_TAXONOMY, true);
    this.#building = building;
    while (this.#building === building && building.buildStep()) await pause();
    // Unless it was needed (and finished) meanwhile, or a taxonomy file replaced it.
    if (this.#building === building) this.#replaceVocabulary(building);
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
      // No file, as before (the first scan of a workspace without one): the built-in vocabulary stays, built or not.
      const unchanged = this.#taxonomy === undefined;
      this.#taxonomy = undefined;
      this.#problems = [];
      if (!unchanged) this.#replaceVocabulary(new TagVocabulary(BUILTIN_TAXONOMY));
    } else {
      const parsed = parseTaxonomyFile(uri, text);
      this.#taxonomy = parsed.taxonomy;
      this.#problems = parsed.problems;
      this.#replaceVocabulary(new TagVocabulary(combineTaxonomies(BUILTIN_TAXONOMY, this.#taxonomy)));
    }
    this.refreshUsage();
  }

  #replaceVocabulary(vocabulary: TagVocabulary): void {
    const first = !this.#vocabulary;
    this.#vocabulary = vocabulary;
    this.#building = undefined;
    if (first) this.options.onVocabularyBuilt?.();
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
    this.vocabulary.setUsage(bySource);
    this.#generation++;
    for (const listener of [...this.#listeners]) listener();
  }
}
