import { AliasMatcher, type AliasMatch } from './aliasMatcher';
import type { NormalizedText } from './normalize';
import type { CorpusRecord } from './record';

/** The searchable corpus: records by id and an alias matcher that finds mentions in text. */
export class CorpusIndex {
  readonly #records = new Map<string, CorpusRecord>();
  readonly #matcher = new AliasMatcher();
  #generation = 0;

  /** Changes whenever a record is added, replaced or removed: results computed at another generation are stale. */
  get generation(): number {
    return this.#generation;
  }

  get size(): number {
    return this.#records.size;
  }

  get(id: string): CorpusRecord | undefined {
    return this.#records.get(id);
  }

  records(): IterableIterator<CorpusRecord> {
    return this.#records.values();
  }

  /** Adds a record, replacing one with the same id. */
  set(record: CorpusRecord): void {
    this.delete(record.id);
    this.#generation++;
    this.#records.set(record.id, record);
    for (const alias of namesOf(record)) this.#matcher.add(alias, record.id);
  }

  delete(id: string): void {
    const existing = this.#records.get(id);
    if (!existing) return;
    this.#generation++;
    for (const alias of namesOf(existing)) this.#matcher.remove(alias, id);
    this.#records.delete(id);
  }

  /** Every alias occurrence in the text, leftmost-longest. */
  findMentions(text: NormalizedText): AliasMatch[] {
    return this.#matcher.findAllNormalized(text);
  }

  lookupAlias(alias: string): readonly string[] {
    return this.#matcher.lookup(alias);
  }
}

function namesOf(record: CorpusRecord): string[] {
  return [record.title, ...record.aliases];
}
