/**
 * Approximate substring matching (Sellers' dynamic programme): the fewest edits (insertions, deletions,
 * substitutions of one UTF-16 unit) that turn `pattern` into some substring of `text`. It scores what Fuse's
 * Bitap scores with `ignoreLocation` (errors over the pattern's length) for the short names of a tag
 * vocabulary, in a few microseconds instead of building a Fuse instance per keystroke (issue 19: Fuse was
 * half of a one-typo tag completion).
 */
export class ApproximateMatcher {
  #row = new Uint16Array(0);

  /** The fewest edits turning `pattern` into a substring of `text`. */
  distance(pattern: string, text: string): number {
    const m = pattern.length;
    if (m === 0) return 0;
    if (this.#row.length < m + 1) this.#row = new Uint16Array(m + 1);
    const row = this.#row;
    // Column for the empty text prefix: matching the pattern's first i units costs i insertions.
    for (let i = 0; i <= m; i++) row[i] = i;
    let best = m;
    for (let j = 1; j <= text.length && best > 0; j++) {
      const unit = text.charCodeAt(j - 1);
      // The match may start anywhere in the text: the empty pattern prefix costs nothing (row[0] stays 0).
      let diagonal = 0;
      for (let i = 1; i <= m; i++) {
        const left = row[i]!;
        const cost = pattern.charCodeAt(i - 1) === unit ? diagonal : Math.min(diagonal, left, row[i - 1]!) + 1;
        row[i] = cost;
        diagonal = left;
      }
      if (row[m]! < best) best = row[m]!;
    }
    return best;
  }
}
