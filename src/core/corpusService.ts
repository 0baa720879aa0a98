import { CorpusIndex } from './corpusIndex';
import type { CorpusRecord } from './record';

/** Where records come from: the embedded corpus, workspace folders, the CLI's file system. */
export interface CorpusSource {
  readonly name: string;
  load(): Promise<readonly CorpusRecord[]>;
}

export interface CorpusLog {
  info(message: string): void;
  error(message: string): void;
}

/**
 * Owns the index and loads it in the background: callers never wait for loading to start,
 * and providers await `whenReady()` before they answer.
 */
export class CorpusService {
  readonly index = new CorpusIndex();
  #ready: Promise<void> | undefined;

  constructor(
    private readonly sources: readonly CorpusSource[],
    private readonly log: CorpusLog,
  ) {}

  /** Starts loading (once) and returns the promise that settles when the index is built. */
  whenReady(): Promise<void> {
    this.#ready ??= this.#load();
    return this.#ready;
  }

  async #load(): Promise<void> {
    const started = Date.now();
    for (const source of this.sources) {
      try {
        const records = await source.load();
        for (const record of records) this.index.set(record);
        this.log.info(`${source.name}: ${records.length} records`);
      } catch (error) {
        // One broken source must not take the others down.
        this.log.error(`${source.name}: failed to load: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
    this.log.info(`corpus index ready: ${this.index.size} records in ${Date.now() - started} ms`);
  }
}
