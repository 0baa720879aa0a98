import Fuse, { type IFuseOptions } from 'fuse.js';
import { isLatinWordUnit } from './aliasMatcher';
import { normalizeKey } from './normalize';

export interface FuzzyHit {
  readonly id: string;
  /** 1 is a perfect match, 0 no match at all. */
  readonly score: number;
}

interface Entry {
  readonly id: string;
  readonly title: string;
  readonly aliases: readonly string[];
}

/** What Fuse sees: one document per name, so a record with many similar aliases gains nothing from their number. */
interface NameDocument {
  readonly id: string;
  readonly name: string;
}

/** How many candidates the gram index hands to Fuse: enough for typo-tolerant recall, small enough to stay fast. */
const CANDIDATES = 150;

/**
 * Fuse options, chosen on purpose:
 * - `ignoreLocation: true`: by default Fuse only matches near the start of a string (location 0, distance
 *   100), so a query matching the middle of a long title would be missed.
 * - `threshold: 0.4`: one or two typos in a short CJK title still match; unrelated titles do not.
 * - one key, `name`, over one document per title or alias: Fuse multiplies the scores of every matching
 *   item of an array key, so a record with five similar aliases would outrank the record whose single
 *   alias is the one the query means.
 * - `includeScore` for ranking and the confidence threshold; `shouldSort` for the order.
 */
export const FUSE_OPTIONS: IFuseOptions<NameDocument> = {
  keys: ['name'],
  ignoreLocation: true,
  threshold: 0.4,
  includeScore: true,
  shouldSort: true,
  minMatchCharLength: 1,
};

/**
 * Typo-tolerant search over titles and aliases that never runs Fuse over the whole corpus: an inverted
 * index of grams (CJK bigrams, Latin trigrams) picks the records that share the most grams with the query,
 * and Fuse ranks only those. Records are added and removed one at a time.
 */
export class FuzzySearch {
  readonly #entries: Array<Entry | undefined> = [];
  readonly #slotById = new Map<string, number>();
  readonly #postings = new Map<string, number[]>();
  #dead = 0;

  get size(): number {
    return this.#slotById.size;
  }

  add(id: string, title: string, aliases: readonly string[]): void {
    this.remove(id);
    const entry: Entry = { id, title: normalizeKey(title), aliases: aliases.map(normalizeKey) };
    const slot = this.#entries.length;
    this.#entries.push(entry);
    this.#slotById.set(id, slot);
    for (const gram of gramsOfEntry(entry)) {
      const list = this.#postings.get(gram);
      if (list) list.push(slot);
      else this.#postings.set(gram, [slot]);
    }
  }

  remove(id: string): void {
    const slot = this.#slotById.get(id);
    if (slot === undefined) return;
    // Leave a tombstone; postings are swept once a quarter of the slots are dead.
    this.#entries[slot] = undefined;
    this.#slotById.delete(id);
    if (++this.#dead > 1_000 && this.#dead > this.#entries.length / 4) this.#compact();
  }

  search(query: string, limit = 10): FuzzyHit[] {
    const normalized = normalizeKey(query);
    if (!normalized) return [];
    const candidates = this.#candidates(normalized);
    if (candidates.length === 0) return [];
    const documents = candidates.flatMap((entry) => [entry.title, ...entry.aliases].map((name) => ({ id: entry.id, name })));
    const hits: FuzzyHit[] = [];
    const seen = new Set<string>();
    for (const result of new Fuse(documents, FUSE_OPTIONS).search(normalized)) {
      if (seen.has(result.item.id)) continue;
      seen.add(result.item.id);
      hits.push({ id: result.item.id, score: 1 - (result.score ?? 1) });
      if (hits.length >= limit) break;
    }
    return hits;
  }

  #candidates(query: string): Entry[] {
    const grams = [...new Set(gramsOf(query))];
    const counts = new Map<number, number>();
    // Rare grams first: they say the most; very common ones are skipped once enough candidates are found.
    const lists = grams.map((gram) => this.#postings.get(gram)).filter((list): list is number[] => list !== undefined);
    lists.sort((a, b) => a.length - b.length);
    const common = Math.max(2_000, this.#entries.length / 10);
    for (const list of lists) {
      if (list.length > common && counts.size >= CANDIDATES) continue;
      for (const slot of list) counts.set(slot, (counts.get(slot) ?? 0) + 1);
    }
    const ranked = [...counts.entries()].filter(([slot]) => this.#entries[slot] !== undefined);
    ranked.sort((a, b) => b[1] - a[1] || a[0] - b[0]);
    return ranked.slice(0, CANDIDATES).map(([slot]) => this.#entries[slot]!);
  }

  #compact(): void {
    const live = this.#entries.filter((entry): entry is Entry => entry !== undefined);
    this.#entries.length = 0;
    this.#slotById.clear();
    this.#postings.clear();
    this.#dead = 0;
    for (const entry of live) {
      const slot = this.#entries.length;
      this.#entries.push(entry);
      this.#slotById.set(entry.id, slot);
      for (const gram of gramsOfEntry(entry)) {
        const list = this.#postings.get(gram);
        if (list) list.push(slot);
        else this.#postings.set(gram, [slot]);
      }
    }
  }
}

function gramsOfEntry(entry: Entry): Set<string> {
  const grams = new Set<string>();
  for (const name of [entry.title, ...entry.aliases]) for (const gram of gramsOf(name)) grams.add(gram);
  return grams;
}

/** CJK and other scripts: bigrams (a lone character is its own gram); Latin words: padded trigrams. */
export function gramsOf(text: string): string[] {
  const grams: string[] = [];
  let index = 0;
  while (index < text.length) {
    const unit = text.charCodeAt(index);
    if (unit === 0x20) {
      index++;
      continue;
    }
    let end = index + 1;
    const latin = isLatinWordUnit(unit);
    while (end < text.length && text.charCodeAt(end) !== 0x20 && isLatinWordUnit(text.charCodeAt(end)) === latin) end++;
    const run = text.slice(index, end);
    if (latin) {
      const padded = `\u0001${run}\u0001`;
      for (let start = 0; start + 3 <= padded.length; start++) grams.push(padded.slice(start, start + 3));
    } else if (run.length === 1) grams.push(run);
    else for (let start = 0; start + 2 <= run.length; start++) grams.push(run.slice(start, start + 2));
    index = end;
  }
  return grams;
}
