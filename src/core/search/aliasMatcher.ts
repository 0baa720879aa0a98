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
    const lengths = start + PREFIX <= source.length ? this.#lengths.get(prefixHash(source, start)) : undefined;
    if (typeof lengths === 'number') {
      const end = start + lengths;
      if (end <= source.length && !endsInsideWord(source, end) && this.#ids.has(source.slice(start, end))) return end;
    } else if (lengths) {
      for (const length of lengths) {
        const end = start + length;
        if (end > source.length || endsInsideWord(source, end)) continue;
        if (this.#ids.has(source.slice(start, end))) return end;
      }
    }
    if (this.#shortAliases > 0) {
      for (let length = PREFIX - 1; length >= 1; length--) {
        const end = start + length;
        if (end > source.length || endsInsideWord(source, end)) continue;
        if (this.#ids.has(source.slice(start, end))) return end;
      }
    }
    return undefined;
  }

  #countLength(key: string, delta: 1 | -1): void {
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
    for (const key of this.#ids.keys()) if (key.length >= PREFIX) this.#countLength(key, +1);
  }
}

function prefixHash(text: string, start: number): number {
  // Stays a small integer (below 2^30), which V8 hashes and compares fastest.
  return ((text.charCodeAt(start) * 65_599 + text.charCodeAt(start + 1)) * 31 + text.charCodeAt(start + 2)) % 1_073_741_789;
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
