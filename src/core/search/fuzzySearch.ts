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
const CANDIDATES = 64;
const MAX_QUERY = 500;

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
  /** Scratch counters for candidate selection, one per slot, always left at zero. */
  #counts = new Uint16Array(0);
  #dead = 0;

  get size(): number {
    return this.#slotById.size;
  }

  add(id: string, title: string, aliases: readonly string[]): void {
    this.addKeys(id, normalizeKey(title), aliases.map(normalizeKey));
  }

  /** Adds a record whose names are already normalised with normalizeKey. */
  addKeys(id: string, title: string, aliases: readonly string[]): void {
    this.remove(id);
    const entry: Entry = { id, title, aliases };
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
    // Titles are short; a longer query is cut (this also keeps the per-slot counters from overflowing).
    const normalized = normalizeKey(query.slice(0, MAX_QUERY));
    if (!normalized) return [];
    const candidates = this.#candidates(normalized);
    if (candidates.length === 0) return [];
    // Fuse ranks only the names that share a gram with the query: the rest cannot be the one meant.
    const queryGrams = new Set(gramsOf(normalized));
    const documents = candidates.flatMap((entry) =>
      [entry.title, ...entry.aliases].filter((name) => gramsOf(name).some((gram) => queryGrams.has(gram))).map((name) => ({ id: entry.id, name })),
    );
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
    const lists = [...new Set(gramsOf(query))]
      .map((gram) => this.#postings.get(gram))
      .filter((list): list is number[] => list !== undefined)
      // Rare grams first: they say the most about which record is meant.
      .sort((a, b) => a.length - b.length);
    if (lists.length === 0) return [];
    if (this.#counts.length < this.#entries.length) this.#counts = new Uint16Array(this.#entries.length * 2);
    const counts = this.#counts;
    const touched: number[] = [];
    // A gram shared by a large part of the corpus ("the", "ion", 人工) costs much and tells little: once rarer
    // grams have found candidates, it is skipped.
    const common = Math.max(1_000, this.#entries.length / 50);
    let maxCount = 0;
    for (const list of lists) {
      if (list.length > common && touched.length >= CANDIDATES) continue;
      for (const slot of list) {
        const count = ++counts[slot]!;
        if (count === 1) touched.push(slot);
        if (count > maxCount) maxCount = count;
      }
    }
    // Top candidates by shared grams: a bucket per count, so selecting is linear in what was touched.
    const buckets: number[][] = Array.from({ length: maxCount + 1 }, () => []);
    for (const slot of touched) {
      if (this.#entries[slot] !== undefined) buckets[counts[slot]!]!.push(slot);
      counts[slot] = 0;
    }
    const chosen: Entry[] = [];
    for (let count = maxCount; count > 0 && chosen.length < CANDIDATES; count--) {
      for (const slot of buckets[count]!.sort((a, b) => a - b)) {
        chosen.push(this.#entries[slot]!);
        if (chosen.length >= CANDIDATES) break;
      }
    }
    return chosen;
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
