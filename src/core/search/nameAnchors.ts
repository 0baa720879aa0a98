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
  /**
   * First token → second token → names. Two lookups of the tokens themselves rather than one of a joined key:
   * the fuzzy pass looks up a pair at every token of an article, and a joined key is a new string to hash each
   * time, while a token's hash is computed once.
   */
  readonly #byPair = new Map<string, Map<string, AnchoredName[]>>();
  readonly #pairsById = new Map<string, Array<readonly [string, string]>>();

  add(id: string, keys: readonly string[]): void {
    this.remove(id);
    const pairs: Array<readonly [string, string]> = [];
    for (const key of keys) {
      const tokens = nameTokens(key);
      if (tokens.length < 2) continue;
      const first = tokens[0]!.value;
      const second = tokens[1]!.value;
      const entry: AnchoredName = { id, key, count: tokens.length, last: tokens[tokens.length - 1]!.value, cjk: isIdeograph(first.charCodeAt(0)) || first === 'ai' };
      let seconds = this.#byPair.get(first);
      if (!seconds) this.#byPair.set(first, (seconds = new Map()));
      const list = seconds.get(second);
      if (list) list.push(entry);
      else seconds.set(second, [entry]);
      pairs.push([first, second]);
    }
    if (pairs.length > 0) this.#pairsById.set(id, pairs);
  }

  remove(id: string): void {
    const pairs = this.#pairsById.get(id);
    if (!pairs) return;
    this.#pairsById.delete(id);
    for (const [first, second] of pairs) {
      const seconds = this.#byPair.get(first);
      const list = seconds?.get(second);
      if (!seconds || !list) continue;
      const remaining = list.filter((entry) => entry.id !== id);
      if (remaining.length > 0) seconds.set(second, remaining);
      else if (seconds.delete(second) && seconds.size === 0) this.#byPair.delete(first);
    }
  }

  /** Names starting with these two tokens; none when the pair starts too many names to be a sign of any. */
  lookup(first: string, second: string): readonly AnchoredName[] | undefined {
    const list = this.#byPair.get(first)?.get(second);
    return list && list.length <= MAX_NAMES_PER_ANCHOR ? list : undefined;
  }
}
