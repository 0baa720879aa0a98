import { isIdeograph, nameTokens } from './nameTokens';

/** A name under its first two tokens, with what the inserted-word pass checks before tokenising it again. */
export interface AnchoredName {
  readonly id: string;
  readonly key: string;
  /** How many tokens the name has, its last token, and whether it starts with a CJK token. */
  readonly count: number;
  readonly last: string;
  readonly cjk: boolean;
}

const MAX_NAMES_PER_ANCHOR = 32;

/**
 * Strong names of two tokens or more by their first two tokens, for fuzzyMentions.ts: the inserted-word pass
 * looks up the pair at each position of the text, the bracketed pass each pair inside a bracket. Built on
 * first use from the records the index holds, then kept in step with each change.
 */
export class NameAnchors {
  readonly #byPair = new Map<string, AnchoredName[]>();
  readonly #pairsById = new Map<string, string[]>();

  add(id: string, keys: readonly string[]): void {
    this.remove(id);
    const pairs: string[] = [];
    for (const key of keys) {
      const tokens = nameTokens(key);
      if (tokens.length < 2) continue;
      const pair = `${tokens[0]!.value}\u0000${tokens[1]!.value}`;
      const entry: AnchoredName = { id, key, count: tokens.length, last: tokens[tokens.length - 1]!.value, cjk: isIdeograph(tokens[0]!.value.charCodeAt(0)) || tokens[0]!.value === 'ai' };
      const list = this.#byPair.get(pair);
      if (list) list.push(entry);
      else this.#byPair.set(pair, [entry]);
      pairs.push(pair);
    }
    if (pairs.length > 0) this.#pairsById.set(id, pairs);
  }

  remove(id: string): void {
    const pairs = this.#pairsById.get(id);
    if (!pairs) return;
    this.#pairsById.delete(id);
    for (const pair of new Set(pairs)) {
      const remaining = (this.#byPair.get(pair) ?? []).filter((entry) => entry.id !== id);
      if (remaining.length > 0) this.#byPair.set(pair, remaining);
      else this.#byPair.delete(pair);
    }
  }

  /** Names starting with these two tokens; none when the pair starts too many names to be a sign of any. */
  lookup(first: string, second: string): readonly AnchoredName[] | undefined {
    const list = this.#byPair.get(`${first}\u0000${second}`);
    return list && list.length <= MAX_NAMES_PER_ANCHOR ? list : undefined;
  }
}
