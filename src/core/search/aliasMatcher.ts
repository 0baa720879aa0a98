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
   * The aliases' lengths by first PREFIX units: for each bucket of prefixes (the top bits of the prefix's mixed
   * hash), a 128-bit mask of the lengths (3 to MAX_ALIAS_LENGTH) of the aliases that start that way, read
   * longest first. Prefixes that share a bucket only share their lengths, and every candidate is still checked
   * against the filter and the alias map, so the result is the same. A typed array, not a map of length lists
   * (issue 19: those lists, kept sorted per prefix, were a tenth of the 100k index build). Removals do not
   * update it: a stale length costs a failed lookup, and it is rewritten once stale lengths could be many.
   */
  #lengthMasks = new Uint32Array(4 << (MIN_FILTER_BITS - BUCKET_SHIFT_OVER_FILTER));
  #shortAliases = 0;
  /** Aliases removed since the filter and the masks were last rewritten from the alias map. */
  #removedSinceRebuild = 0;
  /**
   * A one-hash Bloom filter over (first three units, last unit, length) of every alias (the whole alias for
   * the short ones), and over the first three units alone: a position's length masks are read, and a
   * candidate length at a position is sliced and looked up in #ids, only when its bit is set.
   * Slicing and hashing the substring of every candidate length was most of a scan (issue 21: exact matching
   * alone took 10 ms per 5 KB article at 100k records); a bit test is a shift and one load from a small array.
   * A clear bit proves the alias absent; a set bit is checked as before, so the result is the same. Bits
   * are never cleared on removal (a stale bit costs one lookup) and are rewritten with the masks.
   */
  #filter = new Int32Array(1 << (MIN_FILTER_BITS - 5));
  #filterShift = 32 - MIN_FILTER_BITS;
  /**
   * Each alias added since the last rewrite, as the numbers its bits come from: the mixed hash of its filter
   * bit, of its prefix's (the length masks' bucket too; unused below PREFIX units) and its length, computed
   * while the alias is at hand. Setting the bits rereads these sequential numbers, not the aliases' text
   * scattered over the heap (at 100k records that was a fifth of a second). In chunks of LOG_CHUNK: growing
   * copies nothing.
   */
  readonly #keyMixes: Int32Array[] = [];
  readonly #prefixMixes: Int32Array[] = [];
  readonly #keyLengths: Uint8Array[] = [];
  #logged = 0;
  /**
   * The logged aliases below this have their bits set. An add only logs its numbers; the next scan (or the
   * index's idle slices, through prepare()) sets the bits of the rest, in a filter sized once for all of them
   * (issue 19: setting them at each add, in scattered words of a filter rewritten at every doubling, was a
   * tenth of the 100k index build).
   */
  #bitsSet = 0;

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
    this.prepare();
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
    if (start + PREFIX <= source.length) {
      const prefix = prefixHash(source, start);
      const prefixMix = mix(prefix, 0, 0);
      // Most positions start no alias: the filter's bit for the prefix alone spares them the length masks.
      if (hasBit(filter, prefixMix >>> shift)) {
        const masks = this.#lengthMasks;
        const base = (prefixMix >>> (shift + BUCKET_SHIFT_OVER_FILTER)) << 2;
        // Longest first: the highest word, then its highest bit.
        for (let word = 3; word >= 0; word--) {
          for (let bits = masks[base + word]!; bits !== 0; ) {
            const high = 31 - Math.clz32(bits);
            bits ^= 1 << high;
            const length = (word << 5) | high;
            const end = start + length;
            if (end > source.length || endsInsideWord(source, end)) continue;
            if (hasBit(filter, mix(prefix, source.charCodeAt(end - 1), length) >>> shift) && this.#ids.has(source.slice(start, end))) return end;
          }
        }
      }
    }
    if (this.#shortAliases > 0) {
      for (let length = PREFIX - 1; length >= 1; length--) {
        const end = start + length;
        if (end > source.length || endsInsideWord(source, end)) continue;
        if (hasBit(filter, mix(shortHash(source, start, length), source.charCodeAt(end - 1), length) >>> shift) && this.#ids.has(source.slice(start, end))) return end;
      }
    }
    return undefined;
  }

  #countLength(key: string, delta: 1 | -1): void {
    if (key.length < PREFIX) this.#shortAliases += delta;
    if (delta === 1) {
      this.#log(key);
      return;
    }
    if (++this.#removedSinceRebuild > 1_024 && this.#removedSinceRebuild > this.#ids.size / 4) this.#rebuild();
  }

  /** Rewrites the log from the aliases now in #ids, and the filter and the masks with the next prepare (stale bits and lengths gone). */
  #rebuild(): void {
    this.#removedSinceRebuild = 0;
    this.#logged = 0;
    this.#bitsSet = 0;
    this.#filter.fill(0);
    this.#lengthMasks.fill(0);
    for (const key of this.#ids.keys()) this.#log(key);
  }

  /** Logs an alias's numbers; its bits are set by the next prepare(). */
  #log(key: string): void {
    const at = this.#logged++;
    const chunk = at >>> LOG_CHUNK_BITS;
    if (chunk === this.#keyMixes.length) {
      this.#keyMixes.push(new Int32Array(LOG_CHUNK));
      this.#prefixMixes.push(new Int32Array(LOG_CHUNK));
      this.#keyLengths.push(new Uint8Array(LOG_CHUNK));
    }
    const slot = at & (LOG_CHUNK - 1);
    const length = key.length;
    const first = length >= PREFIX ? prefixHash(key, 0) : shortHash(key, 0, length);
    this.#keyMixes[chunk]![slot] = mix(first, key.charCodeAt(length - 1), length);
    this.#prefixMixes[chunk]![slot] = length >= PREFIX ? mix(first, 0, 0) : 0;
    this.#keyLengths[chunk]![slot] = length;
  }

  /**
   * Sets the bits of the aliases logged since the last call, at most `maxAliases` of them (a scan calls it first
   * for all; the index's idle slices for some), growing the filter and the masks first when the aliases
   * outgrew them. True once every logged alias has its bits.
   */
  prepare(maxAliases = Number.POSITIVE_INFINITY): boolean {
    if (this.#bitsSet === this.#logged) return true;
    if (this.#outgrown()) {
      const bits = Math.min(MAX_FILTER_BITS, Math.ceil(Math.log2(this.#ids.size * 32)));
      this.#filter = new Int32Array(1 << (bits - 5));
      this.#filterShift = 32 - bits;
      this.#lengthMasks = new Uint32Array(4 << (bits - BUCKET_SHIFT_OVER_FILTER));
      this.#bitsSet = 0;
    }
    const last = Math.min(this.#logged, this.#bitsSet + maxAliases);
    for (let logged = this.#bitsSet; logged < last; logged++) this.#setBits(logged);
    this.#bitsSet = last;
    return last === this.#logged;
  }

  /** Fewer than 16 bits of the filter per alias (it sets two): false positives would pass one in ten. */
  #outgrown(): boolean {
    return this.#ids.size * 16 > this.#filter.length * 32 && 32 - this.#filterShift < MAX_FILTER_BITS;
  }

  #setBits(logged: number): void {
    const chunk = logged >>> LOG_CHUNK_BITS;
    const slot = logged & (LOG_CHUNK - 1);
    const shift = this.#filterShift;
    const filter = this.#filter;
    const bit = this.#keyMixes[chunk]![slot]! >>> shift;
    filter[bit >>> 5]! |= 1 << (bit & 31);
    const length = this.#keyLengths[chunk]![slot]!;
    if (length < PREFIX) return;
    // The prefix alone, tested before the masks are read; its top bits pick the masks' bucket.
    const prefixMix = this.#prefixMixes[chunk]![slot]!;
    const prefixBit = prefixMix >>> shift;
    filter[prefixBit >>> 5]! |= 1 << (prefixBit & 31);
    this.#lengthMasks[((prefixMix >>> (shift + BUCKET_SHIFT_OVER_FILTER)) << 2) | (length >>> 5)]! |= 1 << (length & 31);
  }
}

function prefixHash(text: string, start: number): number {
  // Stays a small integer (below 2^30), which V8 hashes and compares fastest.
  return ((text.charCodeAt(start) * 65_599 + text.charCodeAt(start + 1)) * 31 + text.charCodeAt(start + 2)) % 1_073_741_789;
}

const MIN_FILTER_BITS = 12;
/** The alias log's chunks: 1,024 aliases each. */
const LOG_CHUNK_BITS = 10;
const LOG_CHUNK = 1 << LOG_CHUNK_BITS;
const MAX_FILTER_BITS = 26;
/** A bucket of length masks per 256 filter bits: one per 8 to 16 aliases (at 100k records, 1 MB for 360,000 names). */
const BUCKET_SHIFT_OVER_FILTER = 8;

/** The short aliases' (one or two units) stand-in for prefixHash: the units themselves. */
function shortHash(text: string, start: number, length: number): number {
  return length === 1 ? text.charCodeAt(start) : text.charCodeAt(start) * 65_599 + text.charCodeAt(start + 1);
}

/** The 32 bits a filter bit (their top bits) is taken from. */
function mix(first: number, last: number, length: number): number {
  return Math.imul(Math.imul(first, 0x9e3779b1) ^ Math.imul(last, 0x85ebca6b) ^ Math.imul(length, 0xc2b2ae35), 0x27d4eb2f);
}

function hasBit(filter: Int32Array, bit: number): boolean {
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
