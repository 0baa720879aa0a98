import type { IFuseOptions } from 'fuse.js';
import { isLatinWordUnit } from './aliasMatcher';
import { ApproximateMatcher } from './approximateMatch';
import { BitapRanking } from './bitapRanking';
import { topSlotsByLists } from './gramCandidates';
import { normalizeKey } from './normalize';

export interface FuzzyHit {
  readonly id: string;
  /** 1 is a perfect match, 0 no match at all. */
  readonly score: number;
}

/** What Fuse sees: one document per name, so a record with many similar aliases gains nothing from their number. */
interface NameDocument {
  readonly id: string;
  readonly name: string;
}

/** How many candidates the gram index hands to the ranking: enough for typo-tolerant recall, small enough to stay fast. */
const CANDIDATES = 32;
const MAX_QUERY = 500;
const RAREST = 12;

/**
 * Fuse options, chosen on purpose (bitapRanking.ts computes Fuse's scores for exactly these; the bench's
 * fuse.js baseline runs with them):
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
 * One ranking for every index: it holds a 256 KB table of pattern masks, and rank() is synchronous, so the tag
 * vocabulary, the corpus and each article bibliography's index need not hold one each. Made on first use.
 */
let bitap: BitapRanking | undefined;
function sharedBitap(): BitapRanking {
  return (bitap ??= new BitapRanking());
}

/**
 * Typo-tolerant search over titles and aliases that never scores the whole corpus: an inverted index of grams
 * (CJK bigrams, Latin trigrams) picks the records that share the most grams with the query, and only those
 * are ranked, with Fuse's scores (bitapRanking.ts). Records are added and removed one at a time.
 */
export class FuzzySearch {
  /** Each slot's record id; undefined once removed (a tombstone until #compact). */
  #slotIds: Array<string | undefined> = [];
  /**
   * Every slot's names (normalised, title first) in one array, slot after slot: slot s has those from
   * #nameStarts[s] up to the next slot's start (#names.length after the last). One array for the corpus, not an
   * array and an entry object per record (issue 19: 200,000 objects the 100k build made and the collector moved).
   */
  #names: string[] = [];
  #nameStarts: number[] = [];
  /**
   * Id → slot, for removals, of the slots below #mappedSlots: a slot added is mapped by the next removal or
   * prepare(), not at once (issue 19: this map was a twentieth of the 100k index build, and only a removal reads it).
   */
  readonly #slotById = new Map<string, number>();
  #mappedSlots = 0;
  readonly #postings = new Map<GramKey, number[]>();
  /** Scratch counters for candidate selection, one per slot, always left at zero. */
  #counts = new Uint16Array(0);
  #dead = 0;
  /**
   * Slots below this have their grams in #postings; the rest are added by the next search. Loading a corpus
   * thus only lists its names (issue 19: the grams were two thirds of the index's build), and the first
   * search pays for the grams once (the bench measures that first query).
   */
  #indexedSlots = 0;
  /** The slot whose grams are being listed (read by #visitGram, which is made once, not per name). */
  #gramSlot = 0;
  readonly #visitGram = (key: GramKey): void => {
    const list = this.#postings.get(key);
    if (!list) this.#postings.set(key, [this.#gramSlot]);
    // Names of one record share grams: the list's last slot tells whether this one is there already.
    else if (list[list.length - 1] !== this.#gramSlot) list.push(this.#gramSlot);
  };

  readonly #approximate = new ApproximateMatcher();

  /**
   * `candidates`: how many records are ranked per query (fewer for short names such as tags). `ranking`:
   * Fuse's scores (the corpus, whose titles are long; computed by bitapRanking.ts, without fuse.js) or the
   * fewest edits into a substring of the name, which scores like Fuse's Bitap with ignoreLocation and costs a few microseconds per name (tags, on every keystroke).
   */
  constructor(
    private readonly candidates = CANDIDATES,
    private readonly ranking: 'fuse' | 'edits' = 'fuse',
  ) {}

  get size(): number {
    return this.#slotIds.length - this.#dead;
  }

  add(id: string, title: string, aliases: readonly string[]): void {
    this.remove(id);
    this.addNew(id, namesArray(title, aliases, normalizeKey));
  }

  /** Adds a record whose names are already normalised with normalizeKey. */
  addKeys(id: string, title: string, aliases: readonly string[]): void {
    this.remove(id);
    this.addNew(id, namesArray(title, aliases, (name) => name));
  }

  /**
   * Adds a record the caller knows is not here (CorpusIndex has just removed it): the first `count` of `names`,
   * normalised with normalizeKey, title first (copied: the caller may reuse the array). Spares the 100k build a
   * lookup per record.
   */
  addNew(id: string, names: readonly string[], count = names.length): void {
    this.#slotIds.push(id);
    this.#nameStarts.push(this.#names.length);
    for (let position = 0; position < count; position++) this.#names.push(names[position]!);
  }

  /** Where slot `slot`'s names end in #names. */
  #namesEnd(slot: number): number {
    return slot + 1 < this.#nameStarts.length ? this.#nameStarts[slot + 1]! : this.#names.length;
  }

  #namesOf(slot: number): string[] {
    return this.#names.slice(this.#nameStarts[slot]!, this.#namesEnd(slot));
  }

  /**
   * Lists the grams now rather than on the next search: all of them (a small vocabulary built once, searched on
   * every keystroke), or at most `maxSlots` records per call, so an idle loop can spread a large corpus over
   * short slices. True once nothing is left.
   */
  prepare(maxSlots = Number.POSITIVE_INFINITY): boolean {
    this.#mapPending(maxSlots);
    this.#indexPending(maxSlots);
    return this.#indexedSlots === this.#slotIds.length && this.#mappedSlots === this.#slotIds.length;
  }

  /** Puts the ids of the slots added since the last removal or prepare into #slotById. */
  #mapPending(maxSlots = Number.POSITIVE_INFINITY): void {
    const ids = this.#slotIds;
    const last = Math.min(ids.length, this.#mappedSlots + maxSlots);
    for (let slot = this.#mappedSlots; slot < last; slot++) {
      const id = ids[slot];
      if (id !== undefined) this.#slotById.set(id, slot);
    }
    this.#mappedSlots = last;
  }

  /** Lists the grams of the records added since the last search. */
  #indexPending(maxSlots = Number.POSITIVE_INFINITY): void {
    const ids = this.#slotIds;
    const names = this.#names;
    const last = Math.min(ids.length, this.#indexedSlots + maxSlots);
    for (let slot = this.#indexedSlots; slot < last; slot++) {
      if (ids[slot] === undefined) continue;
      this.#gramSlot = slot;
      const end = this.#namesEnd(slot);
      for (let at = this.#nameStarts[slot]!; at < end; at++) forEachGramKey(names[at]!, this.#visitGram);
    }
    this.#indexedSlots = last;
  }

  remove(id: string): void {
    this.#mapPending();
    const slot = this.#slotById.get(id);
    if (slot === undefined) return;
    // Leave a tombstone; postings are swept once a quarter of the slots are dead.
    this.#slotIds[slot] = undefined;
    this.#slotById.delete(id);
    if (++this.#dead > 64 && this.#dead > this.#slotIds.length / 4) this.#compact();
  }

  search(query: string, limit = 10): FuzzyHit[] {
    // Titles are short; a longer query is cut (this also keeps the per-slot counters from overflowing).
    const normalized = normalizeKey(query.slice(0, MAX_QUERY));
    if (!normalized) return [];
    this.#indexPending();
    const candidates = this.#candidates(normalized);
    if (candidates.length === 0) return [];
    // Only the names that share a gram with the query are ranked: the rest cannot be the one meant.
    const queryGrams = new Set<GramKey>();
    forEachGramKey(normalized, (key) => queryGrams.add(key));
    const sharesGram = (name: string) => {
      let shared = false;
      forEachGramKey(name, (key) => (shared ||= queryGrams.has(key)));
      return shared;
    };
    const documents = candidates.flatMap(({ slot }) => this.#namesOf(slot).filter(sharesGram).map((name) => ({ id: this.#slotIds[slot]!, name })));
    if (this.ranking === 'edits') return this.#rankByEdits(normalized, documents, limit);
    // A record's score is its best name's. Equal scores (布萊切利 is the start of 布萊切利宣言 and of 布萊切利峰會
    // alike) go to the record with more names that match, then by id: not to whichever the ranking met first, which
    // follows the index's slots and so would change when a record is updated (an alias added, say).
    const hitsById = new Map<string, { id: string; score: number; names: number }>();
    for (const result of sharedBitap().rank(normalized, documents.map((document) => document.name))) {
      const id = documents[result.index]!.id;
      const hit = hitsById.get(id);
      if (hit) {
        hit.names++;
        continue;
      }
      hitsById.set(id, { id, score: 1 - result.score, names: 1 });
    }
    return [...hitsById.values()]
      .sort((a, b) => b.score - a.score || b.names - a.names || byId(a.id, b.id))
      .slice(0, limit)
      .map(({ id, score }) => ({ id, score }));
  }

  /**
   * The gram index alone, without Fuse: the records sharing the most grams with the query, scored by the
   * share of the query's walked grams they have. Cheap enough for every keystroke (citation completion).
   */
  gramMatches(query: string, limit = 10, maxPostings = Number.POSITIVE_INFINITY): FuzzyHit[] {
    const normalized = normalizeKey(query.slice(0, MAX_QUERY));
    if (!normalized) return [];
    // The grams are listed lazily (after a build, on the first search): list any still pending.
    this.#indexPending();
    return this.#candidates(normalized, maxPostings)
      .map(({ slot, score }) => ({ id: this.#slotIds[slot]!, score }))
      .sort((a, b) => b.score - a.score)
      .slice(0, limit);
  }

  #rankByEdits(query: string, documents: readonly NameDocument[], limit: number): FuzzyHit[] {
    const scored: Array<{ id: string; score: number; lengthGap: number }> = [];
    for (const document of documents) {
      const score = 1 - this.#approximate.distance(query, document.name) / query.length;
      // FUSE_OPTIONS.threshold: at most 40 % of the query's units edited.
      if (score >= 1 - (FUSE_OPTIONS.threshold ?? 0.4)) scored.push({ id: document.id, score, lengthGap: Math.abs(document.name.length - query.length) });
    }
    scored.sort((a, b) => b.score - a.score || a.lengthGap - b.lengthGap || byId(a.id, b.id));
    const hits: FuzzyHit[] = [];
    const seen = new Set<string>();
    for (const { id, score } of scored) {
      if (seen.has(id)) continue;
      seen.add(id);
      hits.push({ id, score });
      if (hits.length >= limit) break;
    }
    return hits;
  }

  /** `maxPostings`: after the rarest list, walk further lists only while the slots walked stay within it. */
  #candidates(query: string, maxPostings = Number.POSITIVE_INFINITY): Array<{ slot: number; score: number }> {
    const keys = new Set<GramKey>();
    forEachGramKey(query, (key) => keys.add(key));
    const lists = [...keys]
      .map((key) => this.#postings.get(key))
      .filter((list): list is number[] => list !== undefined);
    if (lists.length === 0) return [];
    if (this.#counts.length < this.#slotIds.length) this.#counts = new Uint16Array(this.#slotIds.length * 2);
    // The rarest grams decide: one typo changes at most three grams, so the record meant is in most of the
    // RAREST lists, and walking only those bounds a query's cost ("the", "ion" and 人工 are never walked
    // when rarer grams exist).
    lists.sort((a, b) => a.length - b.length);
    const walkedLists: number[][] = [];
    let walkedPostings = 0;
    for (const list of lists.slice(0, Math.max(RAREST, Math.ceil(lists.length / 2)))) {
      if (walkedLists.length > 0 && walkedPostings + list.length > maxPostings) break;
      walkedLists.push(list);
      walkedPostings += list.length;
    }
    // Grams no record has count as missing too: a typo's grams are usually nowhere in the index.
    const walked = walkedLists.length + (keys.size - lists.length);
    // The top slots by shared grams, lowest slot first among equals (the order records were added in); exact,
    // but the common grams' long lists are only searched for the few slots that can still make the cut.
    return topSlotsByLists(walkedLists, this.#slotIds, this.#counts, this.candidates).map(({ slot, count }) => ({ slot, score: count / walked }));
  }

  #compact(): void {
    const live: Array<{ id: string; names: string[] }> = [];
    this.#slotIds.forEach((id, slot) => {
      if (id !== undefined) live.push({ id, names: this.#namesOf(slot) });
    });
    this.#slotIds = [];
    this.#names = [];
    this.#nameStarts = [];
    this.#slotById.clear();
    this.#postings.clear();
    this.#dead = 0;
    this.#indexedSlots = 0;
    this.#mappedSlots = 0;
    for (const entry of live) this.addNew(entry.id, entry.names);
  }

}

/** Title and aliases in one array of exactly their number (a spread leaves spare room, kept per record). */
function namesArray(title: string, aliases: readonly string[], key: (name: string) => string): string[] {
  const names = new Array<string>(aliases.length + 1);
  names[0] = key(title);
  for (let position = 0; position < aliases.length; position++) names[position + 1] = key(aliases[position]!);
  return names;
}

/**
 * A gram as a map key: a small integer for CJK bigrams and ASCII trigrams (no substring is allocated, and
 * V8 hashes small integers fastest), the gram's text for anything else.
 */
type GramKey = number | string;

const CJK_BASE = 0x3400;
const CJK_SPAN = 0xa000 - CJK_BASE;
/** Above every CJK bigram key (CJK_SPAN² < 2^30). */
const ASCII_BASE = 2 ** 30;

function asciiCode(unit: number): number {
  // Padding (\u0001) is 0; printable ASCII 0x20–0x7e maps to 1–95.
  return unit === 1 ? 0 : unit - 0x1f;
}

/** Splits text into runs of Latin word characters and runs of anything else, spaces between them dropped. */
function forEachRun(text: string, visit: (start: number, end: number, latin: boolean) => void): void {
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
    visit(index, end, latin);
    index = end;
  }
}

/**
 * Calls `visit` with the key of each gram of `text`, in the order gramsOf lists them. One loop over the
 * runs (forEachRun's split, inlined): this runs for every name of the corpus, and a closure per name showed.
 */
export function forEachGramKey(text: string, visit: (key: GramKey) => void): void {
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
    if (latin) {
      // Padded trigrams: \u0001 + word + \u0001 (positions outside the word read as the padding, 1).
      for (let start = index - 1; start + 3 <= end + 1; start++) {
        const a = start < index ? 1 : text.charCodeAt(start);
        const b = start + 1 >= end ? 1 : text.charCodeAt(start + 1);
        const c = start + 2 >= end ? 1 : text.charCodeAt(start + 2);
        if (a < 0x80 && b < 0x80 && c < 0x80) visit(ASCII_BASE + asciiCode(a) * 96 * 96 + asciiCode(b) * 96 + asciiCode(c));
        else visit(String.fromCharCode(a, b, c));
      }
    } else if (end - index === 1) visit(text[index]!);
    else {
      for (let start = index; start + 2 <= end; start++) {
        const a = text.charCodeAt(start) - CJK_BASE;
        const b = text.charCodeAt(start + 1) - CJK_BASE;
        if (a >= 0 && a < CJK_SPAN && b >= 0 && b < CJK_SPAN) visit(a * CJK_SPAN + b);
        else visit(text.slice(start, start + 2));
      }
    }
    index = end;
  }
}

/** The grams as text (for tests and debugging): CJK and other scripts bigrams (a lone character is its own gram); Latin words padded trigrams. */
export function gramsOf(text: string): string[] {
  const grams: string[] = [];
  forEachRun(text, (index, end, latin) => {
    const run = text.slice(index, end);
    if (latin) {
      const padded = `\u0001${run}\u0001`;
      for (let start = 0; start + 3 <= padded.length; start++) grams.push(padded.slice(start, start + 3));
    } else if (run.length === 1) grams.push(run);
    else for (let start = 0; start + 2 <= run.length; start++) grams.push(run.slice(start, start + 2));
  });
  return grams;
}

/** Ties in order of id (UTF-16 order, the same on every machine): a ranking that does not depend on the index's history. */
function byId(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
