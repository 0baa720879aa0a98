import type { Article } from './article';
import { checkResolvedSteps, completeAnalysis, indexWithBibliography, withTags, type ArticleAnalysis, type LoadedBibliography, type TagOptions } from './analysis';
import { assembleArticle, blocksOf, blockSteps, candidateBlocks, cutsAfterEdit, cutsOf, parseBlock, type BlockParser, type Cut, type ParsedBlock, type PlacedBlock, type ShiftedBlocks } from './articleBlocks';
import { findMentionCandidates, prewarmResolutions, ResolutionMemo, resolveWithCandidates, type MentionCandidates, type ResolveOptions } from './resolve';
import type { AliasMatch } from '../search/aliasMatcher';
import type { FuzzyMention } from '../search/fuzzyMentions';
import type { ReferenceIndex } from '../search/layeredIndex';
import { detached, editBetween, hashOfRange } from '../util/text';

/**
 * The analysis of one document, kept from version to version: an edit re-parses and re-matches only the blocks
 * whose text changed (see articleBlocks.ts), link and citation resolutions are kept by their text, and what must
 * see the whole article (the weak-alias policy, the checks across sources, tags) runs over the kept results.
 * The invariant: `analyze(text)` equals analyzeArticle(text) for any text, whatever was analysed before
 * (test/unit/incrementalAnalysis.test.ts checks it over random edit sequences).
 */
export class IncrementalAnalysis {
  /** Parsed blocks by a hash of their text (a bucket holds the rare collisions). */
  readonly #blocks = new Map<number, BlockEntry[]>();
  /** Names matched in each block, against the corpus of #corpusStamp. */
  #candidates = new WeakMap<ParsedBlock, MentionCandidates>();
  readonly #memo = new ResolutionMemo();
  /** Each block's parts where it sat last (see assembleArticle). */
  readonly #shifted: ShiftedBlocks = new WeakMap();
  /** What the kept matches and resolutions were computed against (corpus generation, bibliography…). */
  #corpusStamp: string | undefined;
  /** The text last analysed, its candidate cuts and the ranges parsed in it (see #version). */
  #last: { readonly text: string; readonly cuts: readonly Cut[]; readonly ranges: ParsedRanges } | undefined;
  #round = 0;

  /**
   * The analysis of `text`. `corpusStamp` names the index's content (its generation): kept matches and
   * resolutions are dropped when it changes.
   */
  analyze(text: string, input: AnalysisInput): ArticleAnalysis {
    const index = this.#begin(input);
    const { cuts, parse } = this.#version(text);
    return this.#finish(text, blocksOf(text, parse, cuts), index, input);
  }

  /** Only the parse (what tag completion needs on every keystroke), from the kept blocks: parseArticle(text). */
  parse(text: string): Article {
    this.#round++;
    const { cuts, parse } = this.#version(text);
    return assembleArticle(text, blocksOf(text, parse, cuts), this.#shifted);
  }

  /**
   * The same analysis in slices that yield to the event loop (`yieldNow` is awaited between blocks; it
   * decides when to really yield): a megabyte article never blocks the host for long. Undefined when
   * `cancelled()` turned true on the way, or another call changed the corpus or bibliography meanwhile. What
   * it parsed and matched stays cached for the next call.
   */
  async analyzeInSlices(text: string, input: AnalysisInput, yieldNow: () => Promise<void>, cancelled: () => boolean = () => false): Promise<ArticleAnalysis | undefined> {
    const index = this.#begin(input);
    // Another call with another corpus or bibliography (a hover after a library changed) may start while this
    // one waits: it replaces the candidates and clears the memo, which this run must then not fill with matches
    // against its own, older index.
    const stale = () => cancelled() || this.#corpusStamp !== input.corpusStamp;
    const { cuts, parse } = this.#version(text);
    for (const [start, end] of candidateBlocks(text, cuts)) {
      const block = parse(text, start, end);
      this.#candidatesOf(block, index, input.options);
      prewarmResolutions(block.article.links, block.article.citationLines, index, this.#memo);
      await yieldNow();
      if (stale()) return undefined;
    }
    // The blocks, with the merges where a cut did not hold parsed a few at a time.
    const steps = blockSteps(text, parse, cuts);
    let step = steps.next();
    for (let count = 1; !step.done; step = steps.next(), count++) {
      if (count % 16 === 0) {
        await yieldNow();
        if (stale()) return undefined;
      }
    }
    const placed = step.value;
    // Blocks merged where a cut did not hold are matched here, still in slices.
    for (const { block } of placed) {
      if (this.#candidates.has(block)) continue;
      this.#candidatesOf(block, index, input.options);
      prewarmResolutions(block.article.links, block.article.citationLines, index, this.#memo);
      await yieldNow();
      if (stale()) return undefined;
    }
    // The whole-article steps, with a yield between them.
    await yieldNow();
    if (stale()) return undefined;
    const article = assembleArticle(text, placed, this.#shifted);
    await yieldNow();
    if (stale()) return undefined;
    const candidates = this.#allCandidates(placed, index, input.options);
    await yieldNow();
    if (stale()) return undefined;
    const resolved = resolveWithCandidates(article, index, input.options, candidates ?? NO_MENTIONS, this.#memo);
    await yieldNow();
    const checks = checkResolvedSteps(article, index, resolved);
    let checked = checks.next();
    for (; !checked.done; checked = checks.next()) {
      await yieldNow();
      if (stale()) return undefined;
    }
    await yieldNow();
    if (stale()) return undefined;
    this.#evict();
    return withTags(checked.value, input.tagOptions, input.bibliography);
  }

  #begin(input: AnalysisInput): ReferenceIndex {
    this.#round++;
    if (input.corpusStamp !== this.#corpusStamp) {
      this.#corpusStamp = input.corpusStamp;
      this.#memo.clear();
      this.#candidates = new WeakMap();
    }
    if (this.#memo.size > MAX_MEMO || this.#memo.names.size > MAX_MEMO) this.#memo.clear();
    return indexWithBibliography(input.corpus, input.bibliography);
  }

  /**
   * The candidate cuts of `text` and a parser of its blocks, from what was kept of the last text: its cuts move
   * with the edit, and a range wholly before the edit (the common prefix) or wholly after it (the common suffix)
   * holds the same text as the range parsed there then, so its block is found without hashing the text.
   */
  #version(text: string): { readonly cuts: readonly Cut[]; readonly parse: BlockParser } {
    const last = this.#last;
    const edit = last ? editBetween(last.text, text) : undefined;
    const cuts = last && edit ? cutsAfterEdit(text, last.cuts, edit) : cutsOf(text);
    const ranges = new ParsedRanges();
    this.#last = { text, cuts, ranges };
    const parse: BlockParser = (text, start, end) => {
      let entry: BlockEntry | undefined;
      if (last && edit) {
        const shift = start >= text.length - edit.suffix ? edit.delta : end <= edit.prefix ? 0 : undefined;
        if (shift !== undefined) entry = last.ranges.find(start - shift, end - start);
      }
      if (!entry) {
        const hash = hashOfRange(text, start, end);
        const bucket = this.#blocks.get(hash);
        // Compared in place: no slice of the text unless the block is new.
        entry = bucket?.find((candidate) => candidate.block.text.length === end - start && text.startsWith(candidate.block.text, start));
        if (!entry) {
          // A copy of the block's text: a slice would keep this whole version of the document alive as long as
          // the block is kept (see detached), and its links' and citations' texts are slices of it.
          entry = { block: parseBlock(detached(text.slice(start, end))), used: this.#round };
          if (bucket) bucket.push(entry);
          else this.#blocks.set(hash, [entry]);
        }
      }
      entry.used = this.#round;
      ranges.add(start, entry);
      return entry.block;
    };
    return { cuts, parse };
  }

  #candidatesOf(block: ParsedBlock, index: ReferenceIndex, options: ResolveOptions): MentionCandidates | undefined {
    if (!options.kinds.has('mention')) return undefined;
    let candidates = this.#candidates.get(block);
    if (!candidates) this.#candidates.set(block, (candidates = findMentionCandidates(block.text, block.article.lines, block.article.notProse, index)));
    return candidates;
  }

  #finish(text: string, placed: readonly PlacedBlock[], index: ReferenceIndex, input: AnalysisInput): ArticleAnalysis {
    const article = assembleArticle(text, placed, this.#shifted);
    const analysis = completeAnalysis(article, index, input.options, input.tagOptions, input.bibliography, this.#allCandidates(placed, index, input.options) ?? NO_MENTIONS, this.#memo);
    this.#evict();
    return analysis;
  }

  /** The names matched in every block, at their offsets in the whole text. */
  #allCandidates(placed: readonly PlacedBlock[], index: ReferenceIndex, options: ResolveOptions): MentionCandidates | undefined {
    if (!options.kinds.has('mention')) return undefined;
    const mentions: AliasMatch[] = [];
    const fuzzy: FuzzyMention[] = [];
    for (const { block, start } of placed) {
      const candidates = this.#candidatesOf(block, index, options)!;
      for (const match of candidates.mentions) mentions.push(start === 0 ? match : { ...match, start: match.start + start, end: match.end + start });
      for (const mention of candidates.fuzzy) fuzzy.push(start === 0 ? mention : { ...mention, start: mention.start + start, end: mention.end + start });
    }
    return { mentions, fuzzy };
  }

  /** Blocks of this version and the one before stay (an undo finds them); older ones go. */
  #evict(): void {
    const oldest = this.#round - 1;
    // forEach, not for…of: no [hash, bucket] pair per block and keystroke. Most buckets hold one block in use.
    this.#blocks.forEach((bucket, hash) => {
      let stale = false;
      for (let at = 0; at < bucket.length && !stale; at++) stale = bucket[at]!.used < oldest;
      if (!stale) return;
      const kept = bucket.filter((entry) => entry.used >= oldest);
      if (kept.length === 0) this.#blocks.delete(hash);
      else this.#blocks.set(hash, kept);
    });
  }
}

const NO_MENTIONS: MentionCandidates = { mentions: [], fuzzy: [] };

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
}

/**
 * The ranges parsed in one text and their blocks, by start (a binary search). A keystroke's walk over the cuts
 * asks them in order; a merge asks again for an earlier start, and the sliced analysis asks for each range twice.
 */
class ParsedRanges {
  readonly #starts: number[] = [];
  readonly #entries: BlockEntry[] = [];

  add(start: number, entry: BlockEntry): void {
    const starts = this.#starts;
    const count = starts.length;
    if (count === 0 || start > starts[count - 1]!) {
      starts.push(start);
      this.#entries.push(entry);
      return;
    }
    // After the ranges with this start, unless one of them is this one.
    let at = this.#first(start);
    for (; at < count && starts[at] === start; at++) if (this.#entries[at] === entry) return;
    // Moved up by hand: a splice makes an array of what it removes.
    starts.push(start);
    this.#entries.push(entry);
    for (let from = count; from > at; from--) {
      starts[from] = starts[from - 1]!;
      this.#entries[from] = this.#entries[from - 1]!;
    }
    starts[at] = start;
    this.#entries[at] = entry;
  }

  /** The entry of the range [start, start + length), if it was parsed. */
  find(start: number, length: number): BlockEntry | undefined {
    for (let at = this.#first(start); at < this.#starts.length && this.#starts[at] === start; at++) {
      const entry = this.#entries[at]!;
      if (entry.block.text.length === length) return entry;
    }
    return undefined;
  }

  /** The index of the first range starting at or after `start`. */
  #first(start: number): number {
    let low = 0;
    for (let high = this.#starts.length; low < high; ) {
      const middle = (low + high) >> 1;
      if (this.#starts[middle]! < start) low = middle + 1;
      else high = middle;
    }
    return low;
  }
}

/** Resolutions kept at most; past it the memo starts again. */
const MAX_MEMO = 50_000;
