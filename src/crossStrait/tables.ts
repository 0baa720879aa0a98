import type { CrossStraitConverter } from '../core/search/crossStrait';

/** An OpenCC dictionary as opencc-js ships it: "source target [more targets]|source target …". */
type Dictionary = string;

/**
 * One conversion stage: the longest source phrase at each position is replaced by its first target.
 * Hash maps instead of opencc-js's trie (a Map per character: tens of MB for STPhrases' phrases): single
 * characters by code unit; phrases by text, with their lengths listed per first two units (longest first), so
 * a position where no phrase starts costs one lookup.
 */
class Stage {
  readonly #single = new Map<number, string>();
  readonly #phrases = new Map<string, string>();
  readonly #lengths = new Map<number, number[]>();

  /** Earlier dictionaries win over later ones for the same source (as in OpenCC's dictionary groups). */
  constructor(dictionaries: readonly Dictionary[]) {
    for (const dictionary of dictionaries) {
      for (const entry of dictionary.split('|')) {
        const space = entry.indexOf(' ');
        if (space <= 0) continue;
        const source = entry.slice(0, space);
        const end = entry.indexOf(' ', space + 1);
        // Phrases converted to themselves (皇后) stay: they keep their characters from the character table (后 → 後).
        const target = entry.slice(space + 1, end === -1 ? undefined : end);
        if (source.length === 1) {
          if (!this.#single.has(source.charCodeAt(0))) this.#single.set(source.charCodeAt(0), target);
          continue;
        }
        if (this.#phrases.has(source)) continue;
        this.#phrases.set(source, target);
        const key = pairKey(source, 0);
        const lengths = this.#lengths.get(key);
        if (!lengths) this.#lengths.set(key, [source.length]);
        else if (!lengths.includes(source.length)) {
          lengths.push(source.length);
          lengths.sort((a, b) => b - a);
        }
      }
    }
  }

  apply(text: string, offsets: Uint32Array): { text: string; offsets: Uint32Array } {
    const parts: string[] = [];
    let outOffsets = new Uint32Array(text.length + 16);
    let length = 0;
    const push = (offset: number) => {
      if (length >= outOffsets.length - 1) {
        const grown = new Uint32Array(outOffsets.length * 2);
        grown.set(outOffsets);
        outOffsets = grown;
      }
      outOffsets[length++] = offset;
    };
    let copiedFrom = 0;
    for (let index = 0; index < text.length; ) {
      let matched = 0;
      let target: string | undefined;
      const lengths = index + 1 < text.length ? this.#lengths.get(pairKey(text, index)) : undefined;
      if (lengths) {
        for (const candidate of lengths) {
          if (index + candidate > text.length) continue;
          target = this.#phrases.get(text.slice(index, index + candidate));
          if (target !== undefined) {
            matched = candidate;
            break;
          }
        }
      }
      if (matched === 0) {
        target = this.#single.get(text.charCodeAt(index));
        if (target !== undefined) matched = 1;
      }
      if (matched === 0 || target === undefined) {
        index++;
        continue;
      }
      if (copiedFrom < index) parts.push(text.slice(copiedFrom, index));
      for (let position = copiedFrom; position < index; position++) push(offsets[position]!);
      parts.push(target);
      for (let position = 0; position < target.length; position++) push(offsets[index + Math.min(position, matched - 1)]!);
      index += matched;
      copiedFrom = index;
    }
    if (copiedFrom < text.length) parts.push(text.slice(copiedFrom));
    for (let position = copiedFrom; position < text.length; position++) push(offsets[position]!);
    push(offsets[text.length]!);
    return { text: parts.join(''), offsets: outOffsets.slice(0, length) };
  }
}

function pairKey(text: string, index: number): number {
  return text.charCodeAt(index) * 65_536 + text.charCodeAt(index + 1);
}

/**
 * A converter from stages of dictionaries, applied in order (OpenCC's conversion chain). `characters` and
 * `traditional` (STCharacters, TSCharacters) give the simplified-only characters: converted to something
 * else, and never themselves traditional (发, 这; not 后 or 系, which traditional text uses too).
 */
export function createConverter(stages: ReadonlyArray<readonly Dictionary[]>, characters: Dictionary, traditional: Dictionary): CrossStraitConverter {
  const built = stages.map((dictionaries) => new Stage(dictionaries));
  const traditionalSources = new Set(traditional.split('|').map((entry) => entry.slice(0, entry.indexOf(' '))));
  const simplifiedOnly = new Set<number>();
  for (const entry of characters.split('|')) {
    const [source, ...targets] = entry.split(' ');
    if (source?.length === 1 && !targets.includes(source) && !traditionalSources.has(source)) simplifiedOnly.add(source.charCodeAt(0));
  }
  return {
    hasSimplified(text) {
      for (let index = 0; index < text.length; index++) if (simplifiedOnly.has(text.charCodeAt(index))) return true;
      return false;
    },
    convert(text) {
      let current = { text, offsets: identity(text.length) };
      for (const stage of built) current = stage.apply(current.text, current.offsets);
      return current;
    },
  };
}

function identity(length: number): Uint32Array {
  const offsets = new Uint32Array(length + 1);
  for (let index = 0; index <= length; index++) offsets[index] = index;
  return offsets;
}
