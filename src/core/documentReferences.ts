import type { CorpusIndex } from './search/corpusIndex';
import { normalizeWithOffsets } from './search/normalize';

export interface MentionReference {
  readonly kind: 'mention';
  /** UTF-16 offsets in the document text, end exclusive. */
  readonly start: number;
  readonly end: number;
  readonly text: string;
  readonly ids: readonly string[];
}

/** Mentions of corpus aliases in an article's text. */
export function findMentionReferences(index: CorpusIndex, text: string): MentionReference[] {
  return index.findMentions(normalizeWithOffsets(text)).map((match) => ({
    kind: 'mention',
    start: match.start,
    end: match.end,
    text: text.slice(match.start, match.end),
    ids: match.ids,
  }));
}

/** Keeps the references of the last few document versions, so hovers on a warm document do no work. */
export class VersionedCache<T> {
  readonly #entries = new Map<string, { version: string; value: T }>();

  constructor(private readonly capacity = 32) {}

  /** `version` identifies the input: a document version plus the index generation, say. */
  get(key: string, version: string, compute: () => T): T {
    const entry = this.#entries.get(key);
    if (entry && entry.version === version) {
      // Refresh recency: Map iteration order is insertion order.
      this.#entries.delete(key);
      this.#entries.set(key, entry);
      return entry.value;
    }
    const value = compute();
    this.#entries.delete(key);
    this.#entries.set(key, { version, value });
    if (this.#entries.size > this.capacity) this.#entries.delete(this.#entries.keys().next().value!);
    return value;
  }

  /** The value kept for this key and version, if any (no computing, no change of recency). */
  peek(key: string, version: string): T | undefined {
    const entry = this.#entries.get(key);
    return entry && entry.version === version ? entry.value : undefined;
  }

  delete(key: string): void {
    this.#entries.delete(key);
  }

  clear(): void {
    this.#entries.clear();
  }
}
