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

/**
 * Ranges collected in any order, kept as two growable typed arrays. Not JavaScript arrays of pairs: a 1 MB
 * article has hundreds of thousands of ranges, and pair objects plus arrays grown in the large-object space cost
 * per element more the larger the article (measured: 14× per element at 100,000 ranges), which the linear-time
 * check sees as superlinear.
 */
export class RangeList {
  #starts: Int32Array<ArrayBuffer>;
  #ends: Int32Array<ArrayBuffer>;
  #length = 0;

  /** `capacity`: the ranges expected (it grows past them). */
  constructor(capacity = 16) {
    this.#starts = new Int32Array(Math.max(1, capacity));
    this.#ends = new Int32Array(Math.max(1, capacity));
  }

  get length(): number {
    return this.#length;
  }

  push(start: number, end: number): void {
    if (this.#length === this.#starts.length) {
      this.#starts = grown(this.#starts);
      this.#ends = grown(this.#ends);
    }
    this.#starts[this.#length] = start;
    this.#ends[this.#length++] = end;
  }

  pushAll(other: RangeList): void {
    for (let index = 0; index < other.#length; index++) this.push(other.#starts[index]!, other.#ends[index]!);
  }

  start(index: number): number {
    return this.#starts[index]!;
  }

  end(index: number): number {
    return this.#ends[index]!;
  }

  /** Widens the last range (RangeSet merges touching ranges this way). */
  setLastEnd(end: number): void {
    this.#ends[this.#length - 1] = end;
  }

  /** Whether the ranges are in order of start (then end): most lists are built in text order and need no sort. */
  isSorted(): boolean {
    for (let index = 1; index < this.#length; index++) {
      const previous = this.#starts[index - 1]!;
      const start = this.#starts[index]!;
      if (start < previous || (start === previous && this.#ends[index]! < this.#ends[index - 1]!)) return false;
    }
    return true;
  }
}

function grown(array: Int32Array<ArrayBuffer>): Int32Array<ArrayBuffer> {
  const larger = new Int32Array(array.length * 2);
  larger.set(array);
  return larger;
}

/** Sorted, disjoint [start, end) ranges; `contains` is a binary search. */
export class RangeSet {
  readonly #list: RangeList;

  /** `capacity`: the ranges expected (it grows past them). */
  constructor(capacity?: number) {
    this.#list = new RangeList(capacity);
  }

  /** How many ranges, touching ones merged. */
  get size(): number {
    return this.#list.length;
  }

  /** Ranges must be added in increasing order; a range overlapping or touching the last one extends it. */
  add(start: number, end: number): void {
    if (end <= start) return;
    const list = this.#list;
    const last = list.length - 1;
    if (last >= 0 && start <= list.end(last)) {
      if (end > list.end(last)) list.setLastEnd(end);
      return;
    }
    list.push(start, end);
  }

  /** Whether [start, end) overlaps any range. */
  overlaps(start: number, end: number): boolean {
    const list = this.#list;
    let low = 0;
    let high = list.length - 1;
    while (low <= high) {
      const middle = (low + high) >> 1;
      if (list.end(middle) <= start) low = middle + 1;
      else if (list.start(middle) >= end) high = middle - 1;
      else return true;
    }
    return false;
  }

  contains(offset: number): boolean {
    return this.overlaps(offset, offset + 1);
  }

  /** Adds the ranges of `other` moved by `by` (they must come after this set's, as for add): no pairs built. */
  addShifted(other: RangeSet, by: number): void {
    const list = other.#list;
    for (let index = 0; index < list.length; index++) this.add(list.start(index) + by, list.end(index) + by);
  }

  ranges(): Array<[number, number]> {
    const ranges: Array<[number, number]> = [];
    for (let index = 0; index < this.#list.length; index++) ranges.push([this.#list.start(index), this.#list.end(index)]);
    return ranges;
  }
}

/** Merges ranges in any order into a RangeSet (sorted only when they are not already in order). */
export function rangeSetOf(ranges: RangeList | Iterable<readonly [number, number]>): RangeSet {
  let list: RangeList;
  if (ranges instanceof RangeList) list = ranges;
  else {
    list = new RangeList();
    for (const [start, end] of ranges) list.push(start, end);
  }
  const set = new RangeSet();
  if (list.isSorted()) {
    for (let index = 0; index < list.length; index++) set.add(list.start(index), list.end(index));
    return set;
  }
  const order = new Uint32Array(list.length);
  for (let index = 0; index < order.length; index++) order[index] = index;
  order.sort((a, b) => list.start(a) - list.start(b) || list.end(a) - list.end(b));
  for (const index of order) set.add(list.start(index), list.end(index));
  return set;
}
