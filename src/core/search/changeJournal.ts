export type RecordChangeKind = 'added' | 'swapped' | 'deleted';

export interface RecordChange {
  readonly id: string;
  readonly kind: RecordChangeKind;
}

const KIND_ORDER: readonly RecordChangeKind[] = ['added', 'swapped', 'deleted'];
const MAX_JOURNAL = 4_096;

/**
 * The corpus index's last record changes, for structures kept beside it (citation completion's sorted lists)
 * that follow it change by change instead of rebuilding: `added` moves the record to the end of records()'s
 * order (new, or replaced with other names), `swapped` keeps its place, `deleted` removes it. Bounded: once
 * full it is emptied, and a reader further behind rebuilds (changesSince answers undefined).
 * Entry n is in three arrays (its generation, record id, and kind as its place in KIND_ORDER): an object per
 * change was garbage the 100k build made for every record (issue 19).
 */
export class ChangeJournal {
  readonly #generations: number[] = [];
  readonly #ids: string[] = [];
  readonly #kinds: number[] = [];
  /** Every change after this generation is here. */
  #from = 0;

  /** Records a change made at `generation` (each change has a generation of its own, increasing). */
  log(generation: number, id: string, kind: RecordChangeKind): void {
    if (this.#ids.length >= MAX_JOURNAL) {
      this.#generations.length = this.#ids.length = this.#kinds.length = 0;
      this.#from = generation - 1;
    }
    this.#generations.push(generation);
    this.#ids.push(id);
    this.#kinds.push(KIND_ORDER.indexOf(kind));
  }

  /** The changes after `generation` (at most `current`, the index's), oldest first; undefined when they are no longer all known. */
  since(generation: number, current: number): RecordChange[] | undefined {
    if (generation < this.#from || generation > current) return undefined;
    let first = this.#ids.length;
    while (first > 0 && this.#generations[first - 1]! > generation) first--;
    const changes: RecordChange[] = [];
    for (let at = first; at < this.#ids.length; at++) changes.push({ id: this.#ids[at]!, kind: KIND_ORDER[this.#kinds[at]!]! });
    return changes;
  }
}
