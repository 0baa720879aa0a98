import { nameTokens } from './nameTokens';

const MAX_NAMES_PER_ANCHOR = 32;

/**
 * Strong names of two tokens or more by their first two tokens, for fuzzyMentions.ts: the inserted-word pass
 * looks up the pair at each position of the text, the bracketed pass each pair inside a bracket. Built on
 * first use from the records the index holds, then kept in step with each change.
 */
export class NameAnchors {
  readonly #byPair = new Map<string, Array<{ id: string; key: string }>>();
  readonly #pairsById = new Map<string, string[]>();

  add(id: string, keys: readonly string[]): void {
    this.remove(id);
    const pairs: string[] = [];
    for (const key of keys) {
      const tokens = nameTokens(key);
      if (tokens.length < 2) continue;
      const pair = `${tokens[0]!.value}\u0000${tokens[1]!.value}`;
      const list = this.#byPair.get(pair);
      if (list) list.push({ id, key });
      else this.#byPair.set(pair, [{ id, key }]);
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
  lookup(first: string, second: string): ReadonlyArray<{ id: string; key: string }> | undefined {
    const list = this.#byPair.get(`${first}\u0000${second}`);
    return list && list.length <= MAX_NAMES_PER_ANCHOR ? list : undefined;
  }
}
