import { normalizeKey, normalizeWithOffsets, toOriginalRange, type NormalizedText } from './normalize';

export interface AliasMatch {
  /** Range in the original text, UTF-16 offsets, end exclusive. */
  readonly start: number;
  readonly end: number;
  /** The normalised alias that matched. */
  readonly alias: string;
  /** Ids of the records that have this alias (more than one: the mention is ambiguous). */
  readonly ids: readonly string[];
}

/** Aliases longer than this are never matched in text (keeps the scan linear: n × distinct lengths). */
export const MAX_ALIAS_LENGTH = 120;
/** Aliases are bucketed by their first PREFIX units; shorter aliases are looked up directly. */
const PREFIX = 3;

/**
 * Finds every alias occurrence in a text in one left-to-right pass, leftmost-longest.
 * Aliases live in a hash map (normalised alias → ids); for each position, the text's next three units pick
 * the bucket of alias lengths that start that way, and each length is one substring lookup, longest first.
 * Compared with a trie or Aho–Corasick this needs no per-character nodes (100k records' aliases fit in a
 * few tens of MB) and single aliases are added and removed without a rebuild.
 * Latin aliases match only on word boundaries (`AISI` never inside another word); CJK aliases anywhere.
 */
export class AliasMatcher {
  /** Normalised alias → ids (a plain string for the common single-id case, to save memory). */
  readonly #ids = new Map<string, string | string[]>();
  /** For names shared by many records: the same ids as a Set. */
  readonly #idSets = new Map<string, Set<string>>();
  /**
   * Hash of the first PREFIX units → the lengths of the aliases that start that way, longest first (one length,
   * the common case, as a bare number: no array per prefix). A number key spares the scan a substring per
   * position; prefixes that share a hash only share their lengths, and every candidate is still checked
   * against the alias map. So a length left behind by a removed alias costs one failed lookup and nothing
   * else: removals do not update this map, which is rebuilt once stale lengths could be many (issue 19: no
   * per-prefix counter objects, which cost a third of the build's time and heap at 100k records).
   */
  readonly #lengths = new Map<number, number | number[]>();
  #shortAliases = 0;
  /** Aliases removed since #lengths was last rebuilt. */
  #removedSinceRebuild = 0;
  /**
   * A one-hash Bloom filter over (first three units, last unit, length) of every alias (the whole alias for
   * the short ones), and over the first three units alone: a position is looked up in #lengths, and a candidate length at a position is sliced and looked up in #ids only when its bit is set.
   * Slicing and hashing the substring of every candidate length was most of a scan (issue 21: exact matching
   * alone took 10 ms per 5 KB article at 100k records); a bit test is a shift and one load from a small array.
   * A clear bit proves the alias absent; a set bit is checked as before, so the result is the same. Bits
   * are never cleared on removal (a stale bit costs one lookup) and are rewritten with #lengths.
   */
  #filter = new Int32Array(1 << (MIN_FILTER_BITS - 5));
  #filterShift = 32 - MIN_FILTER_BITS;

  get aliasCount(): number {
    return this.#ids.size;
  }

  add(alias: string, id: string): void {
    this.addKey(normalizeKey(alias), id);
  }

  /** Adds an alias already normalised with normalizeKey (the index normalises each name once). */
  addKey(key: string, id: string): void {
    if (key.length === 0 || key.length > MAX_ALIAS_LENGTH) return;
    const existing = this.#ids.get(key);
    if (existing === undefined) {
      this.#ids.set(key, id);
      this.#countLength(key, +1);
    } else if (typeof existing === 'string') {
      if (existing !== id) this.#ids.set(key, [existing, id]);
    } else {
      // Many records sharing one name (80,000 with the same title): a Set keeps each add O(1), not O(ids).
      let set = this.#idSets.get(key);
      if (!set && existing.length >= 16) this.#idSets.set(key, (set = new Set(existing)));
      if (set ? set.has(id) : existing.includes(id)) return;
      existing.push(id);
      set?.add(id);
    }
  }

  remove(alias: string, id: string): void {
    const key = normalizeKey(alias);
    const existing = this.#ids.get(key);
    if (existing === undefined) return;
    if (typeof existing === 'string') {
      if (existing !== id) return;
      this.#ids.delete(key);
      this.#countLength(key, -1);
      return;
    }
    const remaining = existing.filter((candidate) => candidate !== id);
    this.#idSets.delete(key);
    this.#ids.set(key, remaining.length === 1 ? remaining[0]! : remaining);
  }

  /** Ids with exactly this alias (after normalisation). */
  lookup(alias: string): readonly string[] {
    return this.lookupNormalized(normalizeKey(alias));
  }

  lookupNormalized(key: string): readonly string[] {
    const ids = this.#ids.get(key);
    // Sorted, so the result never depends on the order records were added in.
    return ids === undefined ? [] : typeof ids === 'string' ? [ids] : [...ids].sort();
  }

  findAll(text: string): AliasMatch[] {
    return this.findAllNormalized(normalizeWithOffsets(text));
  }

  findAllNormalized(normalized: NormalizedText): AliasMatch[] {
    const matches: AliasMatch[] = [];
    const source = normalized.text;
    let start = 0;
    while (start < source.length) {
      const end = this.#longestAt(source, start);
      if (end === undefined) {
        start++;
        continue;
      }
      const alias = source.slice(start, end);
      const range = toOriginalRange(normalized, start, end);
      matches.push({ start: range.start, end: range.end, alias, ids: this.lookupNormalized(alias) });
      start = end;
    }
    return matches;
  }

  #longestAt(source: string, start: number): number | undefined {
    // A Latin alias may not start inside a word; spaces never start an alias (keys are trimmed).
    if (source.charCodeAt(start) === 0x20) return undefined;
    if (start > 0 && isLatinWordUnit(source.charCodeAt(start - 1)) && isLatinWordUnit(source.charCodeAt(start))) return undefined;
    if (start + PREFIX > source.length && this.#shortAliases === 0) return undefined;
    const filter = this.#filter;
    const shift = this.#filterShift;
    const prefix = start + PREFIX <= source.length ? prefixHash(source, start) : 0;
    // Most positions start no alias: the filter's bit for the prefix alone spares them the lookup in #lengths.
    const lengths = start + PREFIX <= source.length && mayHave(filter, shift, prefix, 0, 0) ? this.#lengths.get(prefix) : undefined;
    if (typeof lengths === 'number') {
      const end = start + lengths;
      if (end <= source.length && !endsInsideWord(source, end) && mayHave(filter, shift, prefix, source.charCodeAt(end - 1), lengths) && this.#ids.has(source.slice(start, end))) return end;
    } else if (lengths) {
      for (const length of lengths) {
        const end = start + length;
        if (end > source.length || endsInsideWord(source, end)) continue;
        if (mayHave(filter, shift, prefix, source.charCodeAt(end - 1), length) && this.#ids.has(source.slice(start, end))) return end;
      }
    }
    if (this.#shortAliases > 0) {
      for (let length = PREFIX - 1; length >= 1; length--) {
        const end = start + length;
        if (end > source.length || endsInsideWord(source, end)) continue;
        if (mayHave(filter, shift, shortHash(source, start, length), source.charCodeAt(end - 1), length) && this.#ids.has(source.slice(start, end))) return end;
      }
    }
    return undefined;
  }

  #countLength(key: string, delta: 1 | -1): void {
    if (delta === 1) this.#addToFilter(key);
    if (key.length < PREFIX) {
      this.#shortAliases += delta;
      return;
    }
    if (delta === -1) {
      if (++this.#removedSinceRebuild > 1_024 && this.#removedSinceRebuild > this.#ids.size / 4) this.#rebuildLengths();
      return;
    }
    const prefix = prefixHash(key, 0);
    const lengths = this.#lengths.get(prefix);
    const length = key.length;
    if (lengths === undefined) this.#lengths.set(prefix, length);
    else if (typeof lengths === 'number') {
      if (lengths !== length) this.#lengths.set(prefix, lengths > length ? [lengths, length] : [length, lengths]);
    } else if (!lengths.includes(length)) {
      lengths.push(length);
      lengths.sort((a, b) => b - a);
    }
  }

  #rebuildLengths(): void {
    this.#lengths.clear();
    this.#removedSinceRebuild = 0;
    this.#filter.fill(0);
    for (const key of this.#ids.keys()) {
      if (key.length >= PREFIX) this.#countLength(key, +1);
      else this.#addToFilter(key);
    }
  }

  #addToFilter(key: string): void {
    // 16 to 32 bits per alias (it sets two) keeps false positives near one in ten: grown (and rewritten) as aliases come.
    if (this.#ids.size * 16 > this.#filter.length * 32) {
      const bits = Math.min(MAX_FILTER_BITS, Math.ceil(Math.log2(this.#ids.size * 32)));
      if (bits > 32 - this.#filterShift) {
        this.#filter = new Int32Array(1 << (bits - 5));
        this.#filterShift = 32 - bits;
        for (const existing of this.#ids.keys()) if (existing !== key) this.#setFilterBit(existing);
      }
    }
    this.#setFilterBit(key);
  }

  #setFilterBit(key: string): void {
    const first = key.length >= PREFIX ? prefixHash(key, 0) : shortHash(key, 0, key.length);
    const bit = filterBit(first, key.charCodeAt(key.length - 1), key.length, this.#filterShift);
    this.#filter[bit >>> 5]! |= 1 << (bit & 31);
    if (key.length < PREFIX) return;
    // The prefix alone (last unit and length 0: no alias has length 0), tested before #lengths is read.
    const prefixBit = filterBit(first, 0, 0, this.#filterShift);
    this.#filter[prefixBit >>> 5]! |= 1 << (prefixBit & 31);
  }
}

function prefixHash(text: string, start: number): number {
  // Stays a small integer (below 2^30), which V8 hashes and compares fastest.
  return ((text.charCodeAt(start) * 65_599 + text.charCodeAt(start + 1)) * 31 + text.charCodeAt(start + 2)) % 1_073_741_789;
}

const MIN_FILTER_BITS = 12;
const MAX_FILTER_BITS = 26;

/** The short aliases' (one or two units) stand-in for prefixHash: the units themselves. */
function shortHash(text: string, start: number, length: number): number {
  return length === 1 ? text.charCodeAt(start) : text.charCodeAt(start) * 65_599 + text.charCodeAt(start + 1);
}

function filterBit(first: number, last: number, length: number, shift: number): number {
  return Math.imul(Math.imul(first, 0x9e3779b1) ^ Math.imul(last, 0x85ebca6b) ^ Math.imul(length, 0xc2b2ae35), 0x27d4eb2f) >>> shift;
}

function mayHave(filter: Int32Array, shift: number, first: number, last: number, length: number): boolean {
  const bit = filterBit(first, last, length, shift);
  return (filter[bit >>> 5]! & (1 << (bit & 31))) !== 0;
}

function endsInsideWord(source: string, end: number): boolean {
  return end < source.length && isLatinWordUnit(source.charCodeAt(end - 1)) && isLatinWordUnit(source.charCodeAt(end));
}

/** ASCII letters and digits and Latin letters with diacritics: the characters a Latin word is made of. */
export function isLatinWordUnit(unit: number): boolean {
  return (
    (unit >= 0x61 && unit <= 0x7a) || (unit >= 0x41 && unit <= 0x5a) || (unit >= 0x30 && unit <= 0x39) || (unit >= 0xc0 && unit <= 0x24f && unit !== 0xd7 && unit !== 0xf7)
  );
}
