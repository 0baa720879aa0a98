import { CorpusIndex } from '../search/corpusIndex';
import { CorpusLoader } from './corpusLoader';
import { CorpusStore } from './corpusStore';
import { loadEmbeddedCorpus } from './embeddedCorpus';
import type { CorpusFileSystem } from './fileSystem';
import type { LibraryReaders, ParsedCorpusFile } from './parseFile';
import { yieldToEventLoop } from '../util/slicer';

export interface CorpusLog {
  info(message: string): void;
  error(message: string): void;
}

export interface CorpusServiceOptions {
  /** Workspace corpus files; none in a setting without a workspace. */
  readonly fileSystem?: CorpusFileSystem;
  embeddedEnabled(): boolean;
  maxBytes(): number;
  readonly log: CorpusLog;
  readonly debounceMs?: number;
  /** The embedded corpus, parsed; a parameter so tests and benchmarks can replace it. */
  readonly embedded?: () => ParsedCorpusFile[];
  /** Parsers of library formats (BibTeX), loaded on first use of such a file. */
  readonly readers?: () => Promise<LibraryReaders>;
}

/**
 * The corpus the features read: the embedded corpus plus the workspace's corpus files, indexed.
 * Loading runs in the background: callers never wait for it to start, and providers await `whenReady()`.
 */
export class CorpusService {
  readonly index = new CorpusIndex();
  readonly store = new CorpusStore(this.index);
  readonly #loader: CorpusLoader | undefined;
  #ready: Promise<void> | undefined;

  constructor(private readonly options: CorpusServiceOptions) {
    this.#loader = options.fileSystem
      ? new CorpusLoader(options.fileSystem, this.store, {
          maxBytes: options.maxBytes,
          log: (message) => options.log.info(message),
          error: (message) => options.log.error(message),
          ...(options.debounceMs !== undefined ? { debounceMs: options.debounceMs } : {}),
          ...(options.readers ? { readers: options.readers } : {}),
        })
      : undefined;
  }

  #loaded = false;

  /** Whether the first full load is done (commands say "still loading" before that instead of waiting silently). */
  get isReady(): boolean {
    return this.#loaded;
  }

  /** Starts loading (once) and returns the promise that settles when the first full load is done. */
  whenReady(): Promise<void> {
    this.#ready ??= this.#load();
    return this.#ready;
  }

  /** Resolves when every pending file event has been applied. */
  async whenIdle(): Promise<void> {
    await this.whenReady();
    await this.#loader?.whenIdle();
  }

  /** Called after each load, rescan or batch of file events. */
  onDidUpdate(listener: () => void): { dispose(): void } {
    return this.#loader?.onDidUpdate(listener) ?? { dispose: () => undefined };
  }

  fileChanged(uri: string): void {
    this.#loader?.schedule(uri);
  }

  async rescan(): Promise<void> {
    await this.whenReady();
    this.store.setEmbeddedEnabled(this.options.embeddedEnabled());
    await this.#loader?.scan();
  }

  dispose(): void {
    this.#loader?.dispose();
  }

  async #load(): Promise<void> {
    // Start on a later turn of the event loop: whoever asked first (activate()) returns at once.
    await yieldToEventLoop();
    const started = Date.now();
    try {
      const embedded = (this.options.embedded ?? loadEmbeddedCorpus)();
      this.store.setEmbedded(embedded);
      this.store.setEmbeddedEnabled(this.options.embeddedEnabled());
      for (const problem of embedded.flatMap((file) => file.problems)) this.options.log.error(`embedded corpus ${problem.uri}:${problem.line + 1}: ${problem.message}`);
      this.options.log.info(`embedded corpus: ${embedded.reduce((sum, file) => sum + file.records.length, 0)} records${this.options.embeddedEnabled() ? '' : ' (turned off)'}`);
      await this.#loader?.scan();
    } catch (error) {
      // Loading must never reject: the features keep working on whatever was loaded.
      this.options.log.error(`corpus loading failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    }
    this.#loaded = true;
    this.options.log.info(`corpus index ready: ${this.index.size} records in ${Date.now() - started} ms`);
  }
}
