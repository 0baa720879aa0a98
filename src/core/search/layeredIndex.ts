import type { CorpusRecord } from '../corpus/record';
import type { AliasMatch } from './aliasMatcher';
import type { CorpusIndex, MatchingText } from './corpusIndex';
import type { FuzzyMention } from './fuzzyMentions';
import type { FuzzyHit } from './fuzzySearch';
import type { NormalizedText } from './normalize';

/** What resolving and checking an article read from an index. */
export type ReferenceIndex = Pick<CorpusIndex, 'get' | 'findMentions' | 'matchingText' | 'findFuzzyMentions' | 'isWeak' | 'lookupName' | 'lookupKey' | 'lookupUrl' | 'search' | 'ownRecordCount' | 'hasHost'>;

/**
 * An article's own records (its front matter's `bibliography:`) over the shared corpus. As in Pandoc, the
 * article's bibliography comes first: a record id found in both is the bibliography's record, and a URL or
 * name the bibliography knows is not looked up in the corpus at all. Nothing is copied: the shared index stays
 * as it is, and the bibliography's index is small.
 */
export class LayeredIndex implements ReferenceIndex {
  constructor(
    private readonly own: CorpusIndex,
    private readonly shared: ReferenceIndex,
  ) {}

  get(id: string): CorpusRecord | undefined {
    return this.own.get(id) ?? this.shared.get(id);
  }

  /** The corpus's reading of the text (it holds the cross-strait tables; the bibliography's names are matched on it too). */
  matchingText(normalized: NormalizedText): MatchingText {
    return this.shared.matchingText(normalized);
  }

  /** The bibliography's fuzzy mentions (none until its index has the pass), then the corpus's of records it does not replace. */
  findFuzzyMentions(matching: MatchingText): FuzzyMention[] {
    return [...this.own.findFuzzyMentions(matching), ...this.shared.findFuzzyMentions(matching).filter((mention) => !this.own.get(mention.id))];
  }

  /** The bibliography's mentions, plus the corpus's that do not overlap one of them. */
  findMentions(text: NormalizedText | MatchingText): AliasMatch[] {
    const own = this.own.findMentions(text);
    const shared = this.shared.findMentions(text);
    if (own.length === 0) return shared;
    const merged = [...own];
    let cursor = 0;
    for (const match of shared) {
      while (cursor < own.length && own[cursor]!.end <= match.start) cursor++;
      const next = own[cursor];
      if (!next || next.start >= match.end) merged.push(match);
    }
    return merged.sort((a, b) => a.start - b.start);
  }

  isWeak(key: string, id: string): boolean {
    return this.own.get(id) ? this.own.isWeak(key, id) : this.shared.isWeak(key, id);
  }

  lookupName(name: string): readonly string[] {
    const own = this.own.lookupName(name);
    return own.length > 0 ? own : this.#notShadowed(this.shared.lookupName(name));
  }

  lookupKey(key: string): readonly string[] {
    const own = this.own.lookupKey(key);
    return own.length > 0 ? own : this.#notShadowed(this.shared.lookupKey(key));
  }

  lookupUrl(url: string): readonly string[] {
    const own = this.own.lookupUrl(url);
    return own.length > 0 ? own : this.#notShadowed(this.shared.lookupUrl(url));
  }

  search(query: string, limit = 10): FuzzyHit[] {
    const hits = this.own.search(query, limit);
    const seen = new Set(hits.map((hit) => hit.id));
    for (const hit of this.#notShadowedHits(this.shared.search(query, limit))) if (!seen.has(hit.id)) hits.push(hit);
    return hits.sort((a, b) => b.score - a.score).slice(0, limit);
  }

  get ownRecordCount(): number {
    return this.own.size + this.shared.ownRecordCount;
  }

  hasHost(url: string): boolean {
    return this.own.hasHost(url) || this.shared.hasHost(url);
  }

  /** Ids the corpus found by a name or URL of its own record, which the bibliography's record of that id replaces. */
  #notShadowed(ids: readonly string[]): readonly string[] {
    return ids.some((id) => this.own.get(id)) ? ids.filter((id) => !this.own.get(id)) : ids;
  }

  #notShadowedHits(hits: FuzzyHit[]): FuzzyHit[] {
    return hits.filter((hit) => !this.own.get(hit.id));
  }
}
