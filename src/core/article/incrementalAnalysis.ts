import { completeAnalysis, indexWithBibliography, type ArticleAnalysis, type LoadedBibliography, type TagOptions } from './analysis';
import { assembleArticle, blocksOf, candidateBlockTexts, cutsOf, parseBlock, type ParsedBlock, type PlacedBlock } from './articleBlocks';
import { splitLines } from './lines';
import { findMentionCandidates, prewarmResolutions, type MentionCandidates, type ResolutionMemo, type ResolveOptions } from './resolve';
import type { AliasMatch } from '../search/aliasMatcher';
import type { FuzzyMention } from '../search/fuzzyMentions';
import type { ReferenceIndex } from '../search/layeredIndex';

/**
 * The analysis of one document, kept from version to version: an edit re-parses and re-matches only the blocks
 * whose text changed (see articleBlocks.ts), link and citation resolutions are kept by their text, and what must
 * see the whole article (the weak-alias policy, the checks across sources, tags) runs over the kept results.
 * The invariant: `analyze(text)` equals analyzeArticle(text) for any text, whatever was analysed before
 * (test/unit/incrementalAnalysis.test.ts checks it over random edit sequences).
 */
export class IncrementalAnalysis {
  readonly #blocks = new Map<string, BlockEntry>();
  readonly #memo: ResolutionMemo = new Map();
  /** What the kept matches and resolutions were computed against (corpus generation, bibliography…). */
  #corpusStamp: string | undefined;
  #round = 0;

  /**
   * The analysis of `text`. `corpusStamp` names the index's content (its generation): kept matches and
   * resolutions are dropped when it changes.
   */
  analyze(text: string, input: AnalysisInput): ArticleAnalysis {
    const index = this.#begin(input);
    const lines = splitLines(text);
    return this.#finish(text, blocksOf(text, lines, this.#parser()), index, input);
  }

  /**
   * The same analysis in slices that yield to the event loop (`yieldNow` is awaited between blocks; it
   * decides when to really yield): a megabyte article never blocks the host for long. Undefined when
   * `cancelled()` turned true on the way. What it parsed and matched stays cached for the next call.
   */
  async analyzeInSlices(text: string, input: AnalysisInput, yieldNow: () => Promise<void>, cancelled: () => boolean = () => false): Promise<ArticleAnalysis | undefined> {
    const index = this.#begin(input);
    const lines = splitLines(text);
    const cuts = cutsOf(lines);
    const parse = this.#parser();
    for (const blockText of candidateBlockTexts(text, lines, cuts)) {
      const block = parse(blockText);
      this.#candidatesOf(block, index, input.options);
      prewarmResolutions(block.article.links, block.article.citationLines, index, this.#memo);
      await yieldNow();
      if (cancelled()) return undefined;
    }
    const placed = blocksOf(text, lines, parse, cuts);
    // Blocks merged where a cut did not hold are matched here, still in slices.
    for (const { block } of placed) {
      if (this.#blocks.get(block.text)?.candidates) continue;
      this.#candidatesOf(block, index, input.options);
      prewarmResolutions(block.article.links, block.article.citationLines, index, this.#memo);
      await yieldNow();
      if (cancelled()) return undefined;
    }
    return this.#finish(text, placed, index, input);
  }

  #begin(input: AnalysisInput): ReferenceIndex {
    this.#round++;
    if (input.corpusStamp !== this.#corpusStamp) {
      this.#corpusStamp = input.corpusStamp;
      this.#memo.clear();
      for (const entry of this.#blocks.values()) entry.candidates = undefined;
    }
    if (this.#memo.size > MAX_MEMO) this.#memo.clear();
    return indexWithBibliography(input.corpus, input.bibliography);
  }

  #parser(): (text: string) => ParsedBlock {
    return (text) => {
      let entry = this.#blocks.get(text);
      if (!entry) this.#blocks.set(text, (entry = { block: parseBlock(text), used: this.#round }));
      entry.used = this.#round;
      return entry.block;
    };
  }

  #candidatesOf(block: ParsedBlock, index: ReferenceIndex, options: ResolveOptions): MentionCandidates | undefined {
    if (!options.kinds.has('mention')) return undefined;
    const entry = this.#blocks.get(block.text);
    if (entry?.candidates) return entry.candidates;
    const candidates = findMentionCandidates(block.text, block.article.lines, block.article.notProse, index);
    if (entry) entry.candidates = candidates;
    return candidates;
  }

  #finish(text: string, placed: readonly PlacedBlock[], index: ReferenceIndex, input: AnalysisInput): ArticleAnalysis {
    const article = assembleArticle(text, placed);
    const mentions: AliasMatch[] = [];
    const fuzzy: FuzzyMention[] = [];
    for (const { block, start } of placed) {
      const candidates = this.#candidatesOf(block, index, input.options);
      if (!candidates) continue;
      for (const match of candidates.mentions) mentions.push(start === 0 ? match : { ...match, start: match.start + start, end: match.end + start });
      for (const mention of candidates.fuzzy) fuzzy.push(start === 0 ? mention : { ...mention, start: mention.start + start, end: mention.end + start });
    }
    const analysis = completeAnalysis(article, index, input.options, input.tagOptions, input.bibliography, { mentions, fuzzy }, this.#memo);
    // Blocks of this version and the one before stay (an undo finds them); older ones go.
    for (const [key, entry] of this.#blocks) if (entry.used < this.#round - 1) this.#blocks.delete(key);
    return analysis;
  }
}

export interface AnalysisInput {
  readonly corpus: ReferenceIndex;
  /** Changes whenever the corpus, the bibliography or the tag vocabulary's records change. */
  readonly corpusStamp: string;
  readonly options: ResolveOptions;
  readonly tagOptions?: TagOptions;
  readonly bibliography?: LoadedBibliography;
}

interface BlockEntry {
  readonly block: ParsedBlock;
  /** The analysis round that last used it. */
  used: number;
  candidates?: MentionCandidates | undefined;
}

/** Resolutions kept at most; past it the memo starts again. */
const MAX_MEMO = 50_000;
