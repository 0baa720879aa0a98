import type { CorpusRecord } from '../corpus/record';
import { nameRefusal } from './spoofing';
import { AliasMatcher, type AliasMatch } from './aliasMatcher';
import { FuzzySearch, type FuzzyHit } from './fuzzySearch';
import { normalizeKey, type NormalizedText } from './normalize';
import { keysInto, keysOf, nameAt, namesOf, sameLookupKeys } from './recordNames';
import { canonicalUrl } from './urls';
import { isGenericName, weakKeyList } from './weakAliases';
import { convertNormalized, mayNeedConversion, ParagraphConversions, type CrossStraitConverter } from './crossStrait';
import type { FuzzyMention, FuzzyMentionSource } from './fuzzyMentions';
import type { NameAnchors } from './nameAnchors';
import { ChangeJournal, type RecordChange, type RecordChangeKind } from './changeJournal';

/**
 * The fuzzy mention pass (fuzzyMentions.ts, nameAnchors.ts, nameTokens.ts), which the desktop extension loads
 * from a bundle of its own (src/mentionVariants/): the startup bundle is limited to 300 KB.
 */
export interface MentionVariants {
  createAnchors(): NameAnchors;
  findFuzzyMentions(text: NormalizedText, source: FuzzyMentionSource): FuzzyMention[];
}

/** An article's text as the matcher reads it: normalised, and converted when it has simplified characters. */
export interface MatchingText {
  readonly normalized: NormalizedText;
  /** Simplified → traditional with Taiwan phrases; offsets still into the original. */
  readonly converted?: NormalizedText;
}

/**
 * The searchable corpus: records by id; exact lookups of normalised titles and aliases and canonical URLs;
 * an alias matcher that finds every mention in a text; and typo-tolerant fuzzy search. Single records are
 * added, replaced and removed without a rebuild.
 */
export class CorpusIndex {
  readonly #records = new Map<string, CorpusRecord>();
  readonly #matcher = new AliasMatcher();
  readonly #fuzzy = new FuzzySearch();
  readonly #byUrl = new Map<string, string[]>();
  /**
   * Each record's weak names (weakKeyList), made by the first isWeak that needs them rather than by the build
   * (issue 19: the rule over every alias of 100k records was a tenth of the build). Keyed by the record object,
   * so a replaced record's entry goes with it.
   */
  readonly #weakKeys = new WeakMap<CorpusRecord, readonly string[]>();
  /** isGenericName per normalised name asked about (resolution asks for every mention); bounded. */
  readonly #genericKeys = new Map<string, boolean>();
  #generation = 0;
  /** Records not built in (from the workspace or --corpus): with none, an unmatched citation is expected. */
  #ownRecords = 0;
  /** Host of each record URL → how many records have it. */
  readonly #hosts = new Map<string, number>();
  /**
   * Records whose URL is not yet in #byUrl and #hosts: parsing 100k URLs was a tenth of the build, and only
   * a link or a URL lookup needs them, so the first such lookup adds them. #urlIndexed says which records'
   * URLs are in, so a removal takes out only what was put in.
   */
  #urlPending: CorpusRecord[] = [];
  readonly #urlIndexed = new WeakSet<CorpusRecord>();
  #crossStrait: CrossStraitConverter | undefined;
  /** The same conversion, kept per paragraph between analyses. */
  #conversions: ParagraphConversions | undefined;
  #wantCrossStrait: (() => void) | undefined;
  /** Names with simplified characters, converted (a workspace record written in zh-CN): id → converted keys. */
  readonly #convertedKeys = new Map<string, string[]>();
  /** Built on the first fuzzy pass (none before: building costs a tokenisation of every name). */
  #anchors: NameAnchors | undefined;
  #variants: MentionVariants | undefined;
  #wantVariants: (() => void) | undefined;
  /**
   * Strong names of the records the fuzzy pass asked for, kept between analyses (a bracket asks for dozens of
   * records, and normalising their names again on every analysis was two fifths of the pass). An entry goes
   * when its record changes; the map is bounded.
   */
  readonly #strongNames = new Map<string, string[]>();

  readonly #journal = new ChangeJournal();

  /** The record changes after `generation`, oldest first; undefined when they are no longer all known (see ChangeJournal). */
  changesSince(generation: number): readonly RecordChange[] | undefined {
    return this.#journal.since(generation, this.#generation);
  }

  #log(id: string, kind: RecordChangeKind): void {
    this.#journal.log(this.#generation, id, kind);
  }

  /** Changes whenever a record is added, replaced or removed: results computed at another generation are stale. */
  get generation(): number {
    return this.#generation;
  }

  get size(): number {
    return this.#records.size;
  }

  get(id: string): CorpusRecord | undefined {
    return this.#records.get(id);
  }

  records(): IterableIterator<CorpusRecord> {
    return this.#records.values();
  }

  /** Adds a record, replacing one with the same id. */
  set(record: CorpusRecord): void {
    this.#set(record);
  }

  /** Adds records, replacing those with the same ids. */
  setMany(records: readonly CorpusRecord[]): void {
    for (const record of records) this.#set(record);
  }

  #set(record: CorpusRecord): void {
    if (this.#strongNames.size > 0) this.#strongNames.delete(record.id);
    const existing = this.#records.get(record.id);
    if (existing && sameLookupKeys(existing, record)) {
      // Only what the lookups do not read changed (a line after an edit above it, a date, a summary): the
      // record is swapped in place, so re-reading a big library that changed in one entry re-indexes that one.
      this.#generation++;
      this.#records.set(record.id, record);
      this.#log(record.id, 'swapped');
      // The URL index knows records by object: the new object takes the old one's place there (same URL).
      if (this.#urlIndexed.delete(existing)) this.#urlIndexed.add(record);
      else if (record.url) this.#urlPending.push(record);
      return;
    }
    if (existing) this.delete(record.id);
    this.#generation++;
    this.#records.set(record.id, record);
    this.#log(record.id, 'added');
    // Each name is normalised once, for the matcher and the fuzzy search (which copies them), into a scratch
    // array: no array per record.
    const keys = scratchKeys;
    const count = keysInto(record, keys);
    // addKey ignores a second add of the same key and id, so no Set is needed here. A name that would spoof
    // matches (㊀, ①, Kangxi radicals, one character) is never matched in articles; fuzzy search keeps it.
    for (let position = 0; position < count; position++) {
      const refusal = nameRefusal(nameAt(record, position));
      // A one-character title stays the record's name; one-character aliases are refused.
      if (refusal === undefined || (refusal === 'too-short' && position === 0)) this.#matcher.addKey(keys[position]!, record.id);
    }
    this.#fuzzy.addNew(record.id, keys, count);
    if (this.#crossStrait) this.#addConvertedKeys(record.id, keys.slice(0, count));
    if (record.url) this.#urlPending.push(record);
    this.#anchors?.add(record.id, this.strongNames(record.id));
    if (!record.origin.embedded) this.#ownRecords++;
  }

  /**
   * Does part of what the first search, the first mention scan and the first URL lookup would do (the grams,
   * the alias filter's bits and the URLs of at most `maxRecords` records each): for an idle loop after a load.
   * True once nothing is left.
   */
  prepareSearch(maxRecords = Number.POSITIVE_INFINITY): boolean {
    const urlsDone = this.#indexPendingUrls(maxRecords);
    const mentionsDone = this.#matcher.prepare(maxRecords * FILTER_ALIASES_PER_RECORD);
    return this.#fuzzy.prepare(maxRecords) && urlsDone && mentionsDone;
  }

  /**
   * Indexes the URLs of at most `maxRecords` pending records; true once none is left. Sliced too: a URL is parsed
   * with URL, some microseconds each, and 80,000 of them at once stalled the first idle slice for about a second.
   */
  #indexPendingUrls(maxRecords = Number.POSITIVE_INFINITY): boolean {
    if (this.#urlPending.length === 0) return true;
    // In the order added (records sharing a URL are listed in that order).
    const pending = this.#urlPending.length > maxRecords ? this.#urlPending.splice(0, maxRecords) : this.#urlPending;
    if (pending === this.#urlPending) this.#urlPending = [];
    for (const record of pending) {
      // Replaced or removed since it was added (or added twice): nothing to do.
      if (this.#records.get(record.id) !== record || this.#urlIndexed.has(record)) continue;
      this.#urlIndexed.add(record);
      const url = canonicalUrl(record.url!);
      if (url) this.#byUrl.set(url, [...(this.#byUrl.get(url) ?? []), record.id]);
      const host = hostOf(record.url);
      if (host) this.#hosts.set(host, (this.#hosts.get(host) ?? 0) + 1);
    }
    return this.#urlPending.length === 0;
  }

  delete(id: string): void {
    const existing = this.#records.get(id);
    if (!existing) return;
    this.#generation++;
    this.#log(id, 'deleted');
    this.#strongNames.delete(id);
    for (const name of namesOf(existing)) this.#matcher.remove(name, id);
    for (const key of this.#convertedKeys.get(id) ?? []) this.#matcher.remove(key, id);
    this.#convertedKeys.delete(id);
    this.#anchors?.remove(id);
    this.#fuzzy.remove(id);
    if (!existing.origin.embedded) this.#ownRecords--;
    const urlIndexed = this.#urlIndexed.delete(existing);
    const host = urlIndexed ? hostOf(existing.url) : undefined;
    if (host) {
      const count = (this.#hosts.get(host) ?? 1) - 1;
      if (count > 0) this.#hosts.set(host, count);
      else this.#hosts.delete(host);
    }
    const url = urlIndexed && existing.url ? canonicalUrl(existing.url) : undefined;
    if (url) {
      const remaining = (this.#byUrl.get(url) ?? []).filter((candidate) => candidate !== id);
      if (remaining.length > 0) this.#byUrl.set(url, remaining);
      else this.#byUrl.delete(url);
    }
    this.#records.delete(id);
  }

  /** Every alias or title occurrence in the text, leftmost-longest. */
  findMentions(text: NormalizedText | MatchingText): AliasMatch[] {
    const matching = 'normalized' in text ? text : this.matchingText(text);
    const direct = this.#matcher.findAllNormalized(matching.normalized);
    if (!matching.converted) return direct;
    // Names found in the converted text, plus those found as written that no converted match overlaps.
    const converted = this.#matcher.findAllNormalized(matching.converted);
    const merged = [...converted, ...direct.filter((match) => !converted.some((other) => other.start < match.end && match.start < other.end))];
    return merged.sort((a, b) => a.start - b.start);
  }

  /**
   * The text to match: converted from simplified characters and mainland terms when it has some and the
   * conversion tables are loaded; when they are not, the host is asked to load them (see
   * onCrossStraitWanted) and the text is matched as written meanwhile.
   */
  matchingText(normalized: NormalizedText): MatchingText {
    if (!mayNeedConversion(normalized.text, this.#crossStrait)) return { normalized };
    if (!this.#crossStrait) {
      this.#wantCrossStrait?.();
      return { normalized };
    }
    const converted = convertNormalized(normalized, (this.#conversions ??= new ParagraphConversions(this.#crossStrait)));
    return converted.text === normalized.text ? { normalized } : { normalized, converted };
  }

  /** Called (maybe many times) when a text needs the cross-strait tables and they are not loaded. */
  onCrossStraitWanted(listener: () => void): void {
    this.#wantCrossStrait = listener;
  }

  get crossStraitLoaded(): boolean {
    return this.#crossStrait !== undefined;
  }

  /** Installs the conversion; names with simplified characters are matched converted too. Bumps the generation. */
  setCrossStrait(converter: CrossStraitConverter): void {
    this.#crossStrait = converter;
    this.#conversions = new ParagraphConversions(converter);
    this.#generation++;
    for (const record of this.#records.values()) this.#addConvertedKeys(record.id, keysOf(record));
  }

  /** Called when an analysis needs the fuzzy mention pass and it is not loaded. */
  onMentionVariantsWanted(listener: () => void): void {
    this.#wantVariants = listener;
  }

  /** Installs the fuzzy mention pass. Bumps the generation. */
  setMentionVariants(variants: MentionVariants): void {
    this.#variants = variants;
    this.#generation++;
  }

  /**
   * Fuzzy mentions and near misses (bracketed titles, names with inserted words; see fuzzyMentions.ts);
   * none until the pass is loaded (the host is asked to load it).
   */
  findFuzzyMentions(matching: MatchingText): FuzzyMention[] {
    const variants = this.#variants;
    if (!variants) {
      this.#wantVariants?.();
      return [];
    }
    if (!this.#anchors) {
      this.#anchors = variants.createAnchors();
      for (const id of this.#records.keys()) this.#anchors.add(id, this.strongNames(id));
    }
    const anchors = this.#anchors;
    // Per call: a bracket offers many candidates, each asking whether the span is refused.
    const keys = new Map<string, { normalized: string; generic: boolean }>();
    return variants.findFuzzyMentions(matching.converted ?? matching.normalized, {
      anchored: (first, second) => anchors.lookup(first, second),
      strongNames: (id) => {
        let found = this.#strongNames.get(id);
        if (!found) {
          if (this.#strongNames.size >= MAX_CACHED_STRONG_NAMES) this.#strongNames.clear();
          this.#strongNames.set(id, (found = this.strongNames(id)));
        }
        return found;
      },
      refused: (key, id) => {
        let entry = keys.get(key);
        if (!entry) {
          const normalized = normalizeKey(key);
          keys.set(key, (entry = { normalized, generic: isGenericName(normalized) }));
        }
        return entry.generic || this.isWeak(entry.normalized, id) || this.isWeak(entry.normalized.replace(/ /g, ''), id);
      },
    });
  }

  /** A record's normalised names that may be matched fuzzily: neither weak nor generic. */
  strongNames(id: string): string[] {
    const record = this.#records.get(id);
    if (!record) return [];
    return [...new Set(keysOf(record))].filter((key) => key.length > 0 && !this.isWeak(key, id) && !isGenericName(key));
  }

  #addConvertedKeys(id: string, keys: readonly string[]): void {
    if (!this.#crossStrait) return;
    const converter = this.#crossStrait;
    const converted = keys.filter((key) => mayNeedConversion(key, converter)).map((key) => converter.convert(key).text).filter((key) => !keys.includes(key));
    if (converted.length === 0) return;
    for (const key of converted) this.#matcher.addKey(key, id);
    this.#convertedKeys.set(id, [...(this.#convertedKeys.get(id) ?? []), ...converted]);
  }

  /** How many records come from the workspace or --corpus rather than the built-in corpus. */
  get ownRecordCount(): number {
    return this.#ownRecords;
  }

  /** Whether some record's URL is on this host (www. ignored). */
  hasHost(url: string): boolean {
    this.#indexPendingUrls();
    const host = hostOf(url);
    return host !== undefined && this.#hosts.has(host);
  }

  /** Whether `key` (a name normalised with normalizeKey) is a weak alias of record `id`: in weakKeyList(record). */
  isWeak(key: string, id: string): boolean {
    const record = this.#records.get(id);
    if (record === undefined) return false;
    // The built-in rule calls only generic names weak: most names are not, answered without the record's names.
    if (record.weakAliases === undefined && !this.#isGeneric(key)) return false;
    let weak = this.#weakKeys.get(record);
    if (weak === undefined) this.#weakKeys.set(record, (weak = weakKeyList(record)));
    return weak.includes(key);
  }

  #isGeneric(key: string): boolean {
    let generic = this.#genericKeys.get(key);
    if (generic === undefined) {
      if (this.#genericKeys.size >= MAX_CACHED_GENERIC_KEYS) this.#genericKeys.clear();
      this.#genericKeys.set(key, (generic = isGenericName(key)));
    }
    return generic;
  }

  /** Ids whose title or alias is exactly this name (after normalisation). */
  lookupName(name: string): readonly string[] {
    return this.#matcher.lookup(name);
  }

  /** lookupName for a name already normalised with normalizeKey (the caller has the key: no second normalisation). */
  lookupKey(key: string): readonly string[] {
    return this.#matcher.lookupNormalized(key);
  }

  /** Ids whose URL is this one (compared in canonical form). */
  lookupUrl(url: string): readonly string[] {
    this.#indexPendingUrls();
    const key = canonicalUrl(url);
    return key ? (this.#byUrl.get(key) ?? []) : [];
  }

  /** Records sharing the most grams with the query (no Fuse ranking): fast enough for every keystroke. */
  gramMatches(query: string, limit = 10, maxPostings?: number): FuzzyHit[] {
    return this.#fuzzy.gramMatches(query, limit, maxPostings);
  }

  /** Typo-tolerant search over titles and aliases; exact id and name matches come first with score 1. */
  search(query: string, limit = 10): FuzzyHit[] {
    const exact = [...(this.#records.has(query.trim()) ? [query.trim()] : []), ...this.lookupName(query)];
    const hits: FuzzyHit[] = [...new Set(exact)].map((id) => ({ id, score: 1 }));
    for (const hit of this.#fuzzy.search(query, limit)) {
      if (hits.length >= limit) break;
      if (!hits.some((existing) => existing.id === hit.id)) hits.push(hit);
    }
    return hits.slice(0, limit);
  }
}

const MAX_CACHED_STRONG_NAMES = 20_000;
/** #set's normalised names of the record being added (reused: the build makes no array per record). */
const scratchKeys: string[] = [];
const MAX_CACHED_GENERIC_KEYS = 50_000;
/**
 * The alias filter's share of an idle slice, per record of its share: an alias's bits cost a fraction of a record's
 * grams, and the first mention scan needs all of them, so they are done in the first slices after a load (a record
 * has about four names).
 */
const FILTER_ALIASES_PER_RECORD = 16;

export type { RecordChangeKind } from './changeJournal';

function hostOf(url: string | undefined): string | undefined {
  if (!url) return undefined;
  const match = /^https?:\/\/(?:www\.)?([^/?#:\s]+)/i.exec(url.trim());
  return match ? match[1]!.toLowerCase() : undefined;
}
