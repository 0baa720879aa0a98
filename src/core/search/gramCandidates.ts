/**
 * Candidate selection of the gram index (fuzzySearch.ts): the `limit` slots that appear in the most of the
 * given posting lists (ties to the lowest slot), with how many lists each appears in. Exact, without walking
 * every posting: the lists are walked rarest first, and once the lists left are fewer than the count a slot
 * needs to enter the top `limit`, no slot unseen so far can enter; the few slots that still can are then looked
 * up in the remaining (long, common-gram) lists by binary search instead of walking them (issue 19: a one-typo
 * query over 50k tags walked tens of thousands of postings of "an", "ate", "the" for a dozen candidates).
 */

/** One chosen slot and the number of lists it is in. */
export interface SlotCount {
  readonly slot: number;
  readonly count: number;
}

/**
 * `lists`: posting lists of slots, each strictly ascending, ordered shortest first. A slot whose entry in
 * `entries` is undefined (removed, not yet compacted) is skipped. `counts`: scratch counters at least as
 * long as `entries`, all zero, and left all zero. The result: slots with more lists than the last level taken,
 * ascending, then the lowest slots of that level, ascending (the order candidate ranking breaks ties by).
 */
export function topSlotsByLists(lists: ReadonlyArray<readonly number[]>, entries: ReadonlyArray<unknown>, counts: Uint16Array, limit: number): SlotCount[] {
  const touched: number[] = [];
  // histogram[c]: touched slots seen in exactly c lists so far.
  const histogram = new Uint32Array(lists.length + 2);
  let walked = 0;
  for (; walked < lists.length; walked++) {
    // A slot not touched yet can appear at most in the lists left: if that is below the count of the
    // limit-th best slot so far (a lower bound of the final one), no new slot can enter the top.
    if (lists.length - walked < levelOf(histogram, lists.length, limit)) break;
    const list = lists[walked]!;
    for (let index = 0; index < list.length; index++) {
      const slot = list[index]!;
      if (entries[slot] === undefined) continue;
      const count = ++counts[slot]!;
      if (count === 1) touched.push(slot);
      else histogram[count - 1]!--;
      histogram[count]!++;
    }
  }
  let survivors = touched;
  if (walked < lists.length) {
    // Only slots that can still reach the level take part in the rest; each is looked up in each list left.
    const level = levelOf(histogram, lists.length, limit);
    survivors = touched.filter((slot) => counts[slot]! + (lists.length - walked) >= level);
    for (let rest = walked; rest < lists.length; rest++) {
      const list = lists[rest]!;
      if (survivors.length * Math.log2(list.length + 1) >= list.length) {
        for (let index = 0; index < list.length; index++) if (counts[list[index]!]! > 0) counts[list[index]!]!++;
      } else {
        for (const slot of survivors) if (contains(list, slot)) counts[slot]!++;
      }
    }
  }
  const chosen = choose(survivors, counts, limit, lists.length);
  for (const slot of touched) counts[slot] = 0;
  return chosen;
}

/** The count of the limit-th best slot so far (0 while fewer than `limit` slots are touched). */
function levelOf(histogram: Uint32Array, maxCount: number, limit: number): number {
  let seen = 0;
  for (let count = maxCount; count >= 1; count--) {
    seen += histogram[count]!;
    if (seen >= limit) return count;
  }
  return 0;
}

function contains(list: readonly number[], slot: number): boolean {
  let low = 0;
  let high = list.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    const value = list[middle]!;
    if (value === slot) return true;
    if (value < slot) low = middle + 1;
    else high = middle;
  }
  return false;
}

/** The top `limit` of `slots` by count, then lowest slot, in the order topSlotsByLists documents. */
function choose(slots: readonly number[], counts: Uint16Array, limit: number, maxCount: number): SlotCount[] {
  const withCount = (slot: number): SlotCount => ({ slot, count: counts[slot]! });
  if (slots.length <= limit) return ascending(slots).map(withCount);
  const histogram = new Uint32Array(maxCount + 1);
  for (const slot of slots) histogram[counts[slot]!]!++;
  let level = maxCount;
  for (let seen = histogram[level]!; seen < limit; seen += histogram[level]!) level--;
  const above: number[] = [];
  let atLevel = 0;
  for (const slot of slots) {
    const count = counts[slot]!;
    if (count > level) above.push(slot);
    else if (count === level) atLevel++;
  }
  // The level fits whole: every chosen slot in one ascending run.
  if (above.length + atLevel === limit) return ascending(slots.filter((slot) => counts[slot]! >= level)).map(withCount);
  // Thousands of slots may share the level (one shared gram): only its lowest few are wanted, no sort of them all.
  return [...ascending(above), ...lowestAt(slots, counts, level, limit - above.length)].map(withCount);
}

/** Typed-array sort: numeric and native, no comparator call per pair. */
function ascending(slots: readonly number[]): number[] {
  return Array.from(new Int32Array(slots).sort());
}

/** The `wanted` lowest slots with this count, ascending: one pass keeping a short sorted list. */
function lowestAt(slots: readonly number[], counts: Uint16Array, level: number, wanted: number): number[] {
  const lowest: number[] = [];
  for (const slot of slots) {
    if (counts[slot]! !== level || (lowest.length === wanted && slot >= lowest[wanted - 1]!)) continue;
    if (lowest.length === wanted) lowest.pop();
    let at = lowest.length;
    while (at > 0 && lowest[at - 1]! > slot) at--;
    lowest.splice(at, 0, slot);
  }
  return lowest;
}
