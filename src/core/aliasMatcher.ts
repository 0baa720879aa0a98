import { normalizeWithOffsets, toOriginalRange, type NormalizedText } from './normalize';

export interface AliasMatch {
  /** Range in the original text, UTF-16 offsets, end exclusive. */
  readonly start: number;
  readonly end: number;
  /** The normalised alias that matched. */
  readonly alias: string;
  /** Ids of the records that have this alias (more than one: the mention is ambiguous). */
  readonly ids: readonly string[];
}

interface Terminal {
  readonly alias: string;
  readonly ids: Set<string>;
}

/** Aliases longer than this are never matched in text (keeps the scan linear: n × MAX_ALIAS_LENGTH at worst). */
export const MAX_ALIAS_LENGTH = 120;

/**
 * Finds every alias occurrence in a text in one left-to-right pass, leftmost-longest.
 * A trie over normalised aliases walked from each start position: unlike Aho–Corasick it needs no
 * failure links, so single records are added and removed without a rebuild. Each walk stops at the
 * first missing edge (one or two steps on ordinary text) and never goes deeper than MAX_ALIAS_LENGTH.
 * Latin aliases match only on word boundaries (`AISI` never inside another word); CJK aliases anywhere.
 */
export class AliasMatcher {
  /** Edges of every node in one map, keyed `node * 65536 + UTF-16 unit`: far less memory than a map per node. */
  readonly #edges = new Map<number, number>();
  readonly #terminals = new Map<number, Terminal>();
  #nodeCount = 1;

  get aliasCount(): number {
    return this.#terminals.size;
  }

  add(alias: string, id: string): void {
    const key = normalizeWithOffsets(alias).text.trim();
    if (key.length === 0 || key.length > MAX_ALIAS_LENGTH) return;
    let node = 0;
    for (let index = 0; index < key.length; index++) {
      const edge = node * 65536 + key.charCodeAt(index);
      let next = this.#edges.get(edge);
      if (next === undefined) {
        next = this.#nodeCount++;
        this.#edges.set(edge, next);
      }
      node = next;
    }
    const terminal = this.#terminals.get(node);
    if (terminal) terminal.ids.add(id);
    else this.#terminals.set(node, { alias: key, ids: new Set([id]) });
  }

  /** Removes `id` from `alias`. Trie nodes stay (a later add reuses them); only the terminal goes. */
  remove(alias: string, id: string): void {
    const node = this.#find(normalizeWithOffsets(alias).text.trim());
    if (node === undefined) return;
    const terminal = this.#terminals.get(node);
    if (!terminal) return;
    terminal.ids.delete(id);
    if (terminal.ids.size === 0) this.#terminals.delete(node);
  }

  /** Ids with exactly this (normalised) alias. */
  lookup(alias: string): readonly string[] {
    const node = this.#find(normalizeWithOffsets(alias).text.trim());
    const terminal = node === undefined ? undefined : this.#terminals.get(node);
    return terminal ? [...terminal.ids] : [];
  }

  findAll(text: string): AliasMatch[] {
    return this.findAllNormalized(normalizeWithOffsets(text));
  }

  findAllNormalized(normalized: NormalizedText): AliasMatch[] {
    const matches: AliasMatch[] = [];
    const source = normalized.text;
    let start = 0;
    while (start < source.length) {
      const found = this.#longestAt(source, start);
      if (!found) {
        start++;
        continue;
      }
      const range = toOriginalRange(normalized, start, found.end);
      matches.push({ start: range.start, end: range.end, alias: found.terminal.alias, ids: [...found.terminal.ids] });
      start = found.end;
    }
    return matches;
  }

  #longestAt(source: string, start: number): { end: number; terminal: Terminal } | undefined {
    // A Latin alias may not start inside a word.
    const startsInsideWord = start > 0 && isLatinWordUnit(source.charCodeAt(start - 1)) && isLatinWordUnit(source.charCodeAt(start));
    let node = 0;
    let best: { end: number; terminal: Terminal } | undefined;
    const limit = Math.min(source.length, start + MAX_ALIAS_LENGTH);
    for (let index = start; index < limit; index++) {
      const next = this.#edges.get(node * 65536 + source.charCodeAt(index));
      if (next === undefined) break;
      node = next;
      const terminal = this.#terminals.get(node);
      if (terminal && !startsInsideWord && !endsInsideWord(source, index + 1)) best = { end: index + 1, terminal };
    }
    return best;
  }

  #find(key: string): number | undefined {
    let node = 0;
    for (let index = 0; index < key.length; index++) {
      const next = this.#edges.get(node * 65536 + key.charCodeAt(index));
      if (next === undefined) return undefined;
      node = next;
    }
    return node;
  }
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
