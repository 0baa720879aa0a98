import { FuzzySearch } from '../search/fuzzySearch';
import { normalizeKey } from '../search/normalize';
import type { TagDefinition } from './builtinTaxonomy';

export interface TagUsage {
  readonly count: number;
  /** Where it is used: article URIs and corpus record ids. */
  readonly sources: readonly string[];
}

export interface TagCandidate {
  readonly definition: TagDefinition;
  /** How it matched the typed text. */
  readonly match: 'prefix' | 'synonym' | 'fuzzy';
  readonly usage: number;
}

/**
 * The tags an article may use: the taxonomy (built-in, extended or replaced by the workspace's), with
 * synonyms that map to canonical tags, and how often each tag is used in the corpus and the articles.
 * Exact lookups are hash lookups; prefixes are a binary search over sorted names; typos go through the
 * gram-indexed fuzzy search, never a scan of every tag.
 */
export class TagVocabulary {
  readonly #byName = new Map<string, { definition: TagDefinition; synonym: boolean }>();
  /** Sorted normalised names (tags, synonyms and labels) for prefix search. */
  readonly #sortedNames: Array<{ key: string; definition: TagDefinition; synonym: boolean }> = [];
  /** Tags are short and a typo leaves few near ones: 12 candidates keep completion within a couple of ms. */
  readonly #fuzzy = new FuzzySearch(12, 'edits');
  readonly #definitions: readonly TagDefinition[];
  #usage = new Map<string, { count: number; sources: Set<string> }>();
  readonly #nearest = new Map<string, TagDefinition[]>();

  /** The build's remaining steps when it runs in slices (`sliced`); none once built. */
  #steps: Generator<void> | undefined;

  /** `sliced`: built step by step by `buildStep()` (or at once by `finishBuild()`), not in the constructor. */
  constructor(definitions: readonly TagDefinition[], sliced = false) {
    this.#definitions = definitions;
    this.#steps = this.#build(definitions);
    if (!sliced) this.finishBuild();
  }

  /**
   * Runs one step of a sliced build (about a millisecond's work); false once the vocabulary is complete. The
   * built-in taxonomy's vocabulary was a stall of 20–40 ms inside activate() (issue 19): now built after it.
   */
  buildStep(): boolean {
    if (this.#steps && !this.#steps.next().done) return true;
    this.#steps = undefined;
    return false;
  }

  /** Runs whatever steps are left; the vocabulary is complete afterwards. */
  finishBuild(): this {
    while (this.buildStep());
    return this;
  }

  *#build(definitions: readonly TagDefinition[]): Generator<void> {
    let count = 0;
    for (const definition of definitions) {
      if (++count % STEP_DEFINITIONS === 0) yield;
      const names: Array<[string, boolean]> = [[definition.tag, false], ...definition.synonyms.map((synonym): [string, boolean] => [synonym, true])];
      for (const [name, synonym] of names) {
        const key = normalizeKey(name);
        if (!this.#byName.has(key)) this.#byName.set(key, { definition, synonym });
        this.#sortedNames.push({ key, definition, synonym });
      }
      this.#sortedNames.push({ key: normalizeKey(definition.label), definition, synonym: true });
      this.#fuzzy.add(definition.tag, definition.tag, [...definition.synonyms, definition.label]);
    }
    yield;
    this.#sortedNames.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
    // Completion runs on keystrokes: the first typo must not pay for listing every tag's grams.
    while (!this.#fuzzy.prepare(STEP_DEFINITIONS)) yield;
  }

  get size(): number {
    return this.#definitions.length;
  }

  definitions(): readonly TagDefinition[] {
    return this.#definitions;
  }

  /** The definition a written tag names (itself or through a synonym), or undefined for an unknown tag. */
  resolve(name: string): { definition: TagDefinition; synonym: boolean } | undefined {
    return this.#byName.get(normalizeKey(name));
  }

  /**
   * Known tags nearest to an unknown one: a synonym first, then typo-tolerant matches. Remembered per name:
   * a checker run over a thousand articles meets the same unknown tags again and again.
   */
  nearest(name: string, limit = 3): TagDefinition[] {
    const exact = this.resolve(name);
    if (exact) return [exact.definition];
    // Tags are short: a "tag" of a whole sentence has no near tag worth a fuzzy search.
    if (name.length > MAX_FUZZY_TAG) return [];
    const cacheKey = `${limit}:${name}`;
    const cached = this.#nearest.get(cacheKey);
    if (cached) return cached;
    const found: TagDefinition[] = [];
    for (const hit of this.#fuzzy.search(name, limit)) {
      const definition = this.#byName.get(normalizeKey(hit.id))?.definition;
      if (definition && hit.score >= 0.6 && !found.includes(definition)) found.push(definition);
    }
    if (this.#nearest.size >= 10_000) this.#nearest.clear();
    this.#nearest.set(cacheKey, found);
    return found;
  }

  /** Completion candidates for what was typed, ranked: prefix matches, then fuzzy, each by usage. */
  complete(typed: string, exclude: ReadonlySet<string>, limit = 50): TagCandidate[] {
    const key = normalizeKey(typed);
    const seen = new Set<string>(exclude);
    const prefix: TagCandidate[] = [];
    for (let index = lowerBound(this.#sortedNames, key); index < this.#sortedNames.length && prefix.length < limit * 4; index++) {
      const entry = this.#sortedNames[index]!;
      if (!entry.key.startsWith(key)) break;
      if (seen.has(entry.definition.tag)) continue;
      seen.add(entry.definition.tag);
      prefix.push({ definition: entry.definition, match: entry.synonym ? 'synonym' : 'prefix', usage: this.#usageCount(entry.definition.tag) });
    }
    prefix.sort((a, b) => b.usage - a.usage || (a.match === b.match ? 0 : a.match === 'prefix' ? -1 : 1) || a.definition.tag.length - b.definition.tag.length);
    const results = prefix.slice(0, limit);
    if (results.length < limit && key.length > 0) {
      const fuzzy: TagCandidate[] = [];
      for (const hit of this.#fuzzy.search(typed, limit - results.length + exclude.size)) {
        const definition = this.#byName.get(normalizeKey(hit.id))?.definition;
        if (!definition || seen.has(definition.tag)) continue;
        seen.add(definition.tag);
        fuzzy.push({ definition, match: 'fuzzy', usage: this.#usageCount(definition.tag) });
      }
      for (const result of fuzzy.slice(0, limit - results.length)) results.push(result);
    }
    return results;
  }

  /** usage(tag).count without copying the sources (completion ranks hundreds of candidates per keystroke). */
  #usageCount(tag: string): number {
    return this.#usage.get(tag)?.count ?? 0;
  }

  usage(tag: string): TagUsage {
    const entry = this.#usage.get(tag);
    return entry ? { count: entry.count, sources: [...entry.sources] } : { count: 0, sources: [] };
  }

  /** Replaces the usage counts: tags as written (synonyms count for their canonical tag) by source. */
  setUsage(bySource: ReadonlyMap<string, readonly string[]>): void {
    const usage = new Map<string, { count: number; sources: Set<string> }>();
    for (const [source, tags] of bySource) {
      for (const written of tags) {
        const tag = this.resolve(written)?.definition.tag ?? written;
        const entry = usage.get(tag) ?? { count: 0, sources: new Set<string>() };
        entry.count++;
        entry.sources.add(source);
        usage.set(tag, entry);
      }
    }
    this.#usage = usage;
  }
}

const MAX_FUZZY_TAG = 40;
/** Definitions per step of a sliced build. */
const STEP_DEFINITIONS = 16;

function lowerBound(sorted: ReadonlyArray<{ key: string }>, key: string): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (sorted[middle]!.key < key) low = middle + 1;
    else high = middle;
  }
  return low;
}
