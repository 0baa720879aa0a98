/**
 * A least-recently-used cache bounded by entry count and by total size (each entry's size is given when it
 * is stored), so a session that hovers over many laws never holds more than the bound.
 */
export class LruCache<K, V> {
  readonly #entries = new Map<K, { value: V; size: number }>();
  #size = 0;

  constructor(
    private readonly maxEntries: number,
    private readonly maxSize: number,
    /** Told of each entry the bound pushes out or clear() drops (to release what it holds). */
    private readonly onDrop?: (key: K, value: V) => void,
  ) {}

  get(key: K): V | undefined {
    const entry = this.#entries.get(key);
    if (!entry) return undefined;
    // Map keeps insertion order: re-inserting makes this the most recently used.
    this.#entries.delete(key);
    this.#entries.set(key, entry);
    return entry.value;
  }

  set(key: K, value: V, size: number): void {
    this.delete(key);
    this.#entries.set(key, { value, size });
    this.#size += size;
    // Evict the oldest, but always keep the entry just stored (one law larger than the bound still works).
    for (const [oldest, entry] of this.#entries) {
      if (this.#entries.size <= 1 || (this.#entries.size <= this.maxEntries && this.#size <= this.maxSize)) break;
      this.#entries.delete(oldest);
      this.#size -= entry.size;
      this.onDrop?.(oldest, entry.value);
    }
  }

  delete(key: K): void {
    const entry = this.#entries.get(key);
    if (!entry) return;
    this.#entries.delete(key);
    this.#size -= entry.size;
  }

  clear(): void {
    const dropped = [...this.#entries];
    this.#entries.clear();
    this.#size = 0;
    for (const [key, entry] of dropped) this.onDrop?.(key, entry.value);
  }

  get count(): number {
    return this.#entries.size;
  }

  /** Sum of the sizes of the entries held. */
  get size(): number {
    return this.#size;
  }
}
