/**
 * Fuse.js's score for our options (ignoreLocation, threshold 0.4, one key, field norm on), computed without
 * building a Fuse instance per query (issue 19: constructing Fuse over each query's candidates, which indexes
 * them, and its Bitap over arrays were half of a one-typo search at 100k records). The numbers are Fuse's own:
 * - the query is cut into chunks of at most 32 units (a longer query: 32-unit chunks, the last one ending at
 *   the query's end), each scored errors / chunk length, at least 0.001, where errors are the fewest edits
 *   turning the chunk into some substring of the name (Bitap with ignoreLocation finds exactly that), and 1
 *   when that is above the threshold; the name matches when one chunk does; its score is the chunks' mean;
 * - a name equal to the query scores Number.EPSILON;
 * - the score is raised to the name's field norm, 1 / √(whitespace-separated tokens), rounded to 3 decimals;
 * - names are ordered by score, then by their index (Fuse's default sort).
 * The edits are counted with Myers' bit-parallel algorithm (one 32-bit word per chunk): a few operations per
 * unit of each name. A unit test pins the result to fuse.js on generated names and queries.
 */

/** FUSE_OPTIONS.threshold: a chunk matches with at most this share of its units edited. */
const THRESHOLD = 0.4;
/** Fuse's Bitap works on 32-bit masks: longer patterns are scored in chunks of this length. */
const CHUNK = 32;
const MIN_CHUNK_SCORE = 1e-3;

/** One matching name: its index in the names ranked and Fuse's score (0 best, 1 worst). */
export interface RankedName {
  readonly index: number;
  readonly score: number;
}

export class BitapRanking {
  /** Pattern masks by UTF-16 unit (bit i: the chunk's unit i is this one); all zero between chunks. */
  readonly #masks = new Int32Array(0x10000);
  #totals = new Float64Array(0);
  #matched = new Uint8Array(0);

  /** The names matching `query`, best first, with Fuse's scores. */
  rank(query: string, names: readonly string[]): RankedName[] {
    const pattern = query.toLowerCase();
    if (pattern.length === 0 || names.length === 0) return [];
    const texts = names.map((name) => name.toLowerCase());
    if (this.#totals.length < names.length) {
      this.#totals = new Float64Array(names.length * 2);
      this.#matched = new Uint8Array(names.length * 2);
    }
    const totals = this.#totals;
    const matched = this.#matched;
    totals.fill(0, 0, names.length);
    matched.fill(0, 0, names.length);
    const starts = chunkStarts(pattern.length);
    for (const start of starts) {
      const length = Math.min(CHUNK, pattern.length - start);
      const maxErrors = maxErrorsFor(length);
      this.#setMasks(pattern, start, length, true);
      for (let index = 0; index < texts.length; index++) {
        const text = texts[index]!;
        if (text === pattern) continue;
        const errors = this.#fewestEdits(text, length);
        if (errors <= maxErrors) {
          matched[index] = 1;
          totals[index] = totals[index]! + Math.max(MIN_CHUNK_SCORE, errors / length);
        } else totals[index] = totals[index]! + 1;
      }
      this.#setMasks(pattern, start, length, false);
    }
    const ranked: RankedName[] = [];
    for (let index = 0; index < texts.length; index++) {
      const norm = fieldNorm(names[index]!);
      if (texts[index] === pattern) ranked.push({ index, score: Math.pow(Number.EPSILON, norm) });
      else if (matched[index]) ranked.push({ index, score: Math.pow(totals[index]! / starts.length, norm) });
    }
    return ranked.sort((a, b) => a.score - b.score || a.index - b.index);
  }

  #setMasks(pattern: string, start: number, length: number, on: boolean): void {
    for (let offset = 0; offset < length; offset++) {
      const unit = pattern.charCodeAt(start + offset);
      this.#masks[unit] = on ? this.#masks[unit]! | (1 << offset) : 0;
    }
  }

  /**
   * The fewest edits turning the chunk whose masks are set (`length` units) into a substring of `text`:
   * Myers' bit-vector form of Sellers' dynamic programme, the column's vertical deltas in two words.
   */
  #fewestEdits(text: string, length: number): number {
    const masks = this.#masks;
    const last = 1 << (length - 1);
    let positive = -1;
    let negative = 0;
    let score = length;
    let best = length;
    for (let j = 0; j < text.length; j++) {
      const equal = masks[text.charCodeAt(j)]!;
      const vertical = equal | negative;
      const horizontal = (((equal & positive) + positive) ^ positive) | equal;
      // The match may start anywhere: the row above the pattern stays 0, so nothing enters at bit 0.
      let horizontalPositive = negative | ~(horizontal | positive);
      let horizontalNegative = positive & horizontal;
      if (horizontalPositive & last) score++;
      else if (horizontalNegative & last) score--;
      horizontalPositive <<= 1;
      horizontalNegative <<= 1;
      positive = horizontalNegative | ~(vertical | horizontalPositive);
      negative = horizontalPositive & vertical;
      if (score < best) best = score;
    }
    return best;
  }
}

/** Where Fuse's chunks start: every 32 units, and a last one ending at the pattern's end. */
function chunkStarts(length: number): number[] {
  if (length <= CHUNK) return [0];
  const starts: number[] = [];
  const remainder = length % CHUNK;
  for (let start = 0; start < length - remainder; start += CHUNK) starts.push(start);
  if (remainder) starts.push(length - CHUNK);
  return starts;
}

/** The most errors a chunk may have: Bitap tries error counts while errors / length stays within the threshold. */
function maxErrorsFor(length: number): number {
  let errors = 0;
  while (errors + 1 < length && (errors + 1) / length <= THRESHOLD) errors++;
  return errors;
}

/** Fuse's field norm: 1 / √(tokens), tokens split at whitespace (tab to carriage return, space, no-break space). */
function fieldNorm(text: string): number {
  let tokens = 0;
  let inWord = false;
  for (let index = 0; index < text.length; index++) {
    const unit = text.charCodeAt(index);
    if ((unit >= 9 && unit <= 13) || unit === 32 || unit === 160) inWord = false;
    else if (!inWord) {
      tokens++;
      inWord = true;
    }
  }
  return Math.round(1000 / Math.pow(Math.max(1, tokens), 0.5)) / 1000;
}
