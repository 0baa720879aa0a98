/** One line of a document: its text without the line break, and the UTF-16 offset where it starts. */
export interface Line {
  readonly text: string;
  readonly start: number;
  readonly number: number;
}

/** Splits on LF and CRLF (CR is left out of each line's text, so ranges never include it). */
export function splitLines(text: string): Line[] {
  const lines: Line[] = [];
  let start = 0;
  for (let number = 0; ; number++) {
    const newline = text.indexOf('\n', start);
    const end = newline === -1 ? text.length : newline;
    const lineText = text.charCodeAt(end - 1) === 0x0d && end > start ? text.slice(start, end - 1) : text.slice(start, end);
    lines.push({ text: lineText, start, number });
    if (newline === -1) return lines;
    start = newline + 1;
  }
}

/** Index of the line holding `offset` (lines sorted by start): a binary search. */
export function lineIndexAt(lines: ReadonlyArray<{ readonly start: number }>, offset: number): number {
  let low = 0;
  let high = lines.length - 1;
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if (lines[middle]!.start <= offset) low = middle;
    else high = middle - 1;
  }
  return low;
}

/** 0-based line and UTF-16 character of an offset. */
export function positionAt(lines: readonly Line[], offset: number): { line: number; character: number } {
  const index = lineIndexAt(lines, offset);
  return { line: index, character: offset - lines[index]!.start };
}

/** Sorted, disjoint [start, end) ranges; `contains` is a binary search. */
export class RangeSet {
  readonly #starts: number[] = [];
  readonly #ends: number[] = [];

  /** Ranges must be added in increasing, non-overlapping order. */
  add(start: number, end: number): void {
    if (end <= start) return;
    const last = this.#ends.length - 1;
    if (last >= 0 && start <= this.#ends[last]!) {
      this.#ends[last] = Math.max(this.#ends[last]!, end);
      return;
    }
    this.#starts.push(start);
    this.#ends.push(end);
  }

  /** Whether [start, end) overlaps any range. */
  overlaps(start: number, end: number): boolean {
    let low = 0;
    let high = this.#starts.length - 1;
    while (low <= high) {
      const middle = (low + high) >> 1;
      if (this.#ends[middle]! <= start) low = middle + 1;
      else if (this.#starts[middle]! >= end) high = middle - 1;
      else return true;
    }
    return false;
  }

  contains(offset: number): boolean {
    return this.overlaps(offset, offset + 1);
  }

  ranges(): Array<[number, number]> {
    return this.#starts.map((start, index) => [start, this.#ends[index]!]);
  }
}

/** Merges unsorted ranges into a RangeSet. */
export function rangeSetOf(ranges: Iterable<readonly [number, number]>): RangeSet {
  const set = new RangeSet();
  for (const [start, end] of [...ranges].sort((a, b) => a[0] - b[0] || a[1] - b[1])) set.add(start, end);
  return set;
}
