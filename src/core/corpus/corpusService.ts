import { CorpusIndex } from '../search/corpusIndex';
import { CorpusLoader } from './corpusLoader';
import { CorpusStore } from './corpusStore';
import { loadEmbeddedCorpusInSlices } from './embeddedCorpus';
import type { CorpusFileSystem } from './fileSystem';
import type { LibraryReaders, ParsedCorpusFile } from './parseFile';
import { yieldToEventLoop } from '../util/slicer';
import { mayNeedConversion, type CrossStraitConverter } from '../search/crossStrait';
import type { MentionVariants } from '../search/corpusIndex';
import type { AliasFileReader } from './aliasOverrides';

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
  /** Simplified → traditional conversion tables, loaded on the first text with simplified characters. */
  readonly crossStrait?: () => Promise<CrossStraitConverter>;
  /** The fuzzy mention pass, loaded on the first analysis. */
  readonly mentionVariants?: () => Promise<MentionVariants>;
  /** The alias file's reader (src/core/corpus/aliasOverrideFile.ts), loaded when a workspace has an alias file. */
  readonly aliasFileReader?: () => Promise<AliasFileReader>;
  /** Told each step of the first load as it happens (the extension's startup timeline). */
  readonly mark?: (step: 'embedded corpus ready' | 'corpus ready') => void;
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
          ...(options.aliasFileReader ? { aliasFileReader: options.aliasFileReader } : {}),
        })
      : undefined;
    if (options.crossStrait) this.index.onCrossStraitWanted(() => void this.loadCrossStrait());
    if (options.mentionVariants) this.index.onMentionVariantsWanted(() => void this.loadMentionVariants());
  }

  #crossStrait: Promise<void> | undefined;
  #variants: Promise<void> | undefined;

  /** Loads the fuzzy mention pass once; then open articles are analysed again (as for loadCrossStrait). */
  loadMentionVariants(): Promise<void> {
    const load = this.options.mentionVariants;
    if (!load) return Promise.resolve();
    this.#variants ??= this.#install('fuzzy mention pass', async () => this.index.setMentionVariants(await load()));
    return this.#variants;
  }

  async #install(what: string, install: () => Promise<void>): Promise<void> {
    try {
      const started = Date.now();
      await install();
      this.options.log.info(`${what} loaded in ${Date.now() - started} ms`);
      for (const listener of [...this.#listeners]) listener();
    } catch (error) {
      this.options.log.error(`${what} could not be loaded: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  readonly #listeners = new Set<() => void>();

  /**
   * Loads the cross-strait tables once (an analysis asks for them through the index on the first text that
   * needs them); when they are in, the index's generation changes and update listeners run, so open articles
   * are analysed again with the conversion.
   */
  loadCrossStrait(): Promise<void> {
    const load = this.options.crossStrait;
    if (!load) return Promise.resolve();
    this.#crossStrait ??= this.#install('cross-strait tables', async () => this.index.setCrossStrait(await load()));
    return this.#crossStrait;
  }

  /** Loads the fuzzy pass, and the cross-strait tables when `text` needs them (the CLI, which analyses once). */
  async prepareFor(text: string): Promise<void> {
    await this.loadMentionVariants();
    if (!this.index.crossStraitLoaded && mayNeedConversion(text)) await this.loadCrossStrait();
  }

  #loaded = false;

  /** Whether the first full load is done (commands say "still loading" before that instead of waiting silently). */
  get isReady(): boolean {
    return this.#loaded;
  }

  #embeddedLoaded: (() => void) | undefined;
  readonly #embeddedReady = new Promise<void>((resolve) => (this.#embeddedLoaded = resolve));

  /**
   * Starts loading (once) and resolves as soon as the embedded corpus is in the index, before the workspace's
   * corpus files are listed and read (in a remote window that listing alone took seconds): what a hover needs
   * to answer from the records known so far.
   */
  whenEmbeddedReady(): Promise<void> {
    void this.whenReady();
    return this.#embeddedReady;
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
    await this.#crossStrait;
    await this.#variants;
  }

  /** Called after each load, rescan or batch of file events, and when the cross-strait tables come in. */
  onDidUpdate(listener: () => void): { dispose(): void } {
    this.#listeners.add(listener);
    const fromLoader = this.#loader?.onDidUpdate(listener);
    return {
      dispose: () => {
        this.#listeners.delete(listener);
        fromLoader?.dispose();
      },
    };
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
      const embedded = this.options.embedded ? this.options.embedded() : await loadEmbeddedCorpusInSlices();
      this.store.setEmbedded(embedded);
      this.store.setEmbeddedEnabled(this.options.embeddedEnabled());
      this.options.mark?.('embedded corpus ready');
      this.#embeddedLoaded?.();
      for (const problem of embedded.flatMap((file) => file.problems)) this.options.log.error(`embedded corpus ${problem.uri}:${problem.line + 1}: ${problem.message}`);
      this.options.log.info(`embedded corpus: ${embedded.reduce((sum, file) => sum + file.records.length, 0)} records${this.options.embeddedEnabled() ? '' : ' (turned off)'}`);
      await this.#loader?.scan();
    } catch (error) {
      // Loading must never reject: the features keep working on whatever was loaded.
      this.options.log.error(`corpus loading failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    }
    this.#loaded = true;
    this.#embeddedLoaded?.();
    this.options.mark?.('corpus ready');
    this.options.log.info(`corpus index ready: ${this.index.size} records in ${Date.now() - started} ms`);
  }
}
