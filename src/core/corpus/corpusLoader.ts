import type { CorpusFileSystem } from './fileSystem';
import type { CorpusStore } from './corpusStore';
import { fileTooLarge, needsLibraryReaders, parseCorpusFileSteps, type LibraryReaders, type ParsedCorpusFile } from './parseFile';
import { Slicer } from '../util/slicer';
import { isAliasOverrideFile, type AliasFileReader } from './aliasOverrides';

export interface LoaderOptions {
  maxBytes(): number;
  /** Failures of the loader itself (not problems of files, which are diagnostics). */
  error(message: string): void;
  /** Quiet time after the last change event before a batch is processed. */
  readonly debounceMs?: number;
  log(message: string): void;
  /** Loads the parsers of library formats (BibTeX) on first use; they live in a separate file of the bundle. */
  readers?(): Promise<LibraryReaders>;
  /** Loads the alias file's reader (with the fuzzy mention pass); without it an alias file is reported unread. */
  aliasFileReader?(): Promise<AliasFileReader>;
}

/**
 * Reads workspace corpus files into the store: a full scan, and debounced, batched updates from file
 * events. Events for one file coalesce, so a storm of thousands of events (a branch switch) ends in one
 * read of each file's final state. Work yields to the event loop between files so it never stalls the host.
 */
export class CorpusLoader {
  readonly #pending = new Set<string>();
  #timer: ReturnType<typeof setTimeout> | undefined;
  #running: Promise<void> = Promise.resolve();
  #busy = 0;
  #disposed = false;
  readonly #slicer = new Slicer();
  #scanGeneration = 0;
  readonly #listeners = new Set<() => void>();

  constructor(
    private readonly fileSystem: CorpusFileSystem,
    private readonly store: CorpusStore,
    private readonly options: LoaderOptions,
  ) {}

  /** Called after every scan or batch, once the store is up to date. */
  onDidUpdate(listener: () => void): { dispose(): void } {
    this.#listeners.add(listener);
    return { dispose: () => this.#listeners.delete(listener) };
  }

  /** Re-reads every corpus file and drops the files that are gone. */
  scan(): Promise<void> {
    const generation = ++this.#scanGeneration;
    return this.#enqueue(async () => {
      const started = Date.now();
      // The alias override files are read like corpus files (a missing one is "gone"), and first, so the
      // records come into the index with their added aliases at once.
      const overrides = this.fileSystem.aliasOverrideFiles?.() ?? [];
      const corpusFiles = await this.fileSystem.findCorpusFiles();
      const uris = [...overrides, ...corpusFiles.filter((uri) => !overrides.includes(uri))];
      if (generation !== this.#scanGeneration) return;
      const found = new Set(uris);
      for (const uri of this.store.fileUris()) {
        if (found.has(uri)) continue;
        this.#readerCaches.delete(uri);
        this.store.deleteFile(uri);
        await this.#slicer.maybeYield();
      }
      this.store.setListingProblems(this.fileSystem.listingProblems?.() ?? []);
      // Pending events are kept: a file created while the listing ran is re-read by its own event.
      let records = 0;
      // Reads run a few files ahead (file I/O is the slow part); parsing and indexing stay in order, one at a time.
      const reads = new Map<number, Promise<FileRead>>();
      for (let index = 0; index < uris.length; index++) {
        for (let ahead = index; ahead < Math.min(uris.length, index + READ_AHEAD); ahead++) if (!reads.has(ahead)) reads.set(ahead, this.#read(uris[ahead]!));
        const read = await reads.get(index)!;
        reads.delete(index);
        records += (await this.#apply(uris[index]!, read)) ?? 0;
        await this.#slicer.maybeYield();
      }
      this.options.log(`workspace corpus: ${uris.length} files, ${records} records read in ${Date.now() - started} ms`);
    });
  }

  /** A file was created, changed or deleted: re-read it after the debounce. */
  schedule(uri: string): void {
    this.#pending.add(uri);
    if (this.#timer !== undefined) clearTimeout(this.#timer);
    this.#timer = setTimeout(() => {
      this.#timer = undefined;
      void this.#enqueue(() => this.#processPending());
    }, this.options.debounceMs ?? 200);
  }

  /** Resolves once no event is waiting and no work is running. */
  async whenIdle(): Promise<void> {
    while (!this.#disposed && (this.#busy > 0 || this.#timer !== undefined || this.#pending.size > 0)) {
      await new Promise<void>((resolve) => {
        const subscription = this.onDidUpdate(() => {
          subscription.dispose();
          resolve();
        });
      });
    }
  }

  dispose(): void {
    this.#disposed = true;
    if (this.#timer !== undefined) clearTimeout(this.#timer);
    this.#timer = undefined;
    this.#pending.clear();
    // Wake whoever waits in whenIdle() before the listeners go.
    for (const listener of [...this.#listeners]) listener();
    this.#listeners.clear();
  }

  async #processPending(): Promise<void> {
    // Events that arrive while this batch runs form the next batch.
    const batch = [...this.#pending];
    this.#pending.clear();
    for (const uri of batch) {
      await this.#update(uri);
      await this.#slicer.maybeYield();
    }
    if (batch.length > 0) this.options.log(`workspace corpus: ${batch.length} changed files re-read`);
  }

  /** Reads and parses one file; returns how many records it holds, or undefined when it is gone. */
  async #update(uri: string): Promise<number | undefined> {
    return this.#apply(uri, await this.#read(uri));
  }

  /** The file's bytes, or why there are none. Never throws. */
  async #read(uri: string): Promise<FileRead> {
    try {
      const stat = await this.fileSystem.stat(uri);
      if (!stat) return { kind: 'gone' };
      const maxBytes = this.options.maxBytes();
      // A refused file (a link out of the workspace) and a file over the limit are reported without reading them.
      if (stat.refused) return { kind: 'parsed', parsed: refusedFile(uri, stat.refused) };
      if (stat.size > maxBytes) return { kind: 'parsed', parsed: fileTooLarge(uri, stat.size, maxBytes) };
      return { kind: 'bytes', bytes: await this.fileSystem.readFile(uri), maxBytes };
    } catch (error) {
      // Deleted between the event and the read.
      if (isNotFound(error)) return { kind: 'gone' };
      const message = `The file could not be read: ${error instanceof Error ? error.message : String(error)}`;
      return { kind: 'parsed', parsed: { uri, records: [], problems: [{ uri, line: 0, severity: 'error', code: 'corpus-read-error', message }] } };
    }
  }

  /** Parses (in steps) and stores (in chunks) what #read got, yielding between steps. */
  async #apply(uri: string, read: FileRead): Promise<number | undefined> {
    if (read.kind === 'gone') {
      this.#readerCaches.delete(uri);
      this.store.deleteFile(uri);
      return undefined;
    }
    if (isAliasOverrideFile(uri)) {
      if (read.kind === 'parsed') this.store.setAliasOverrides(read.parsed, new Map());
      else {
        const reader = await this.#aliasFileReader();
        const { file, overrides } = reader ? reader(uri, read.bytes) : { file: unreadAliasFile(uri), overrides: new Map() };
        this.store.setAliasOverrides(file, overrides);
      }
      return 0;
    }
    let parsed: ParsedCorpusFile;
    if (read.kind === 'parsed') parsed = read.parsed;
    else {
      // A .bib file needs the readers; a .json file is known to be CSL-JSON only once parsed, so it is parsed
      // again with them (once: the readers stay loaded).
      let readers = needsLibraryReaders(uri) ? await this.#libraryReaders() : this.#loadedReaders;
      parsed = await this.#parse(uri, read.bytes, read.maxBytes, readers);
      if (parsed.needsReaders && !readers && (readers = await this.#libraryReaders())) parsed = await this.#parse(uri, read.bytes, read.maxBytes, readers);
    }
    await this.store.setFileSliced(parsed, () => this.#slicer.maybeYield());
    return parsed.records.length;
  }

  #readers: Promise<LibraryReaders | undefined> | undefined;
  #loadedReaders: LibraryReaders | undefined;

  /** Per file: the readers' memo between two parses of it (ParseOptions.readerCache). */
  readonly #readerCaches = new Map<string, Map<string, unknown>>();

  async #parse(uri: string, bytes: Uint8Array, maxBytes: number, readers: LibraryReaders | undefined): Promise<ParsedCorpusFile> {
    let readerCache = this.#readerCaches.get(uri);
    if (!readerCache && readers && needsLibraryReaders(uri)) this.#readerCaches.set(uri, (readerCache = new Map()));
    const steps = parseCorpusFileSteps(uri, bytes, { maxBytes, ...(readers ? { readers } : {}), ...(readerCache ? { readerCache } : {}) });
    let next = steps.next();
    while (!next.done) {
      await this.#slicer.maybeYield();
      next = steps.next();
    }
    return next.value;
  }

  /** Loaded once; a failure is logged and the files are then reported as unreadable (never thrown). */
  #libraryReaders(): Promise<LibraryReaders | undefined> {
    this.#readers ??= (this.options.readers?.() ?? Promise.resolve(undefined)).then((readers) => (this.#loadedReaders = readers)).catch((error: unknown) => {
      this.options.error(`workspace corpus: the library readers could not be loaded: ${error instanceof Error ? error.message : String(error)}`);
      return undefined;
    });
    return this.#readers;
  }

  #aliasReader: Promise<AliasFileReader | undefined> | undefined;

  #aliasFileReader(): Promise<AliasFileReader | undefined> {
    this.#aliasReader ??= (this.options.aliasFileReader?.() ?? Promise.resolve(undefined)).catch((error: unknown) => {
      this.options.error(`workspace corpus: the alias file reader could not be loaded: ${error instanceof Error ? error.message : String(error)}`);
      return undefined;
    });
    return this.#aliasReader;
  }

  #enqueue(work: () => Promise<void>): Promise<void> {
    this.#busy++;
    const next = this.#running.then(work).catch((error: unknown) => this.options.error(`workspace corpus: ${error instanceof Error ? error.stack : String(error)}`));
    // The queue never rejects: a failing listener is logged and the next work still runs.
    this.#running = next.then(() => {
      this.#busy--;
      for (const listener of [...this.#listeners]) {
        try {
          listener();
        } catch (error) {
          this.options.error(`workspace corpus: a listener failed: ${error instanceof Error ? error.stack : String(error)}`);
        }
      }
    });
    return this.#running;
  }
}

/** How many files are read ahead of the one being parsed during a scan. */
const READ_AHEAD = 8;

type FileRead = { readonly kind: 'gone' } | { readonly kind: 'parsed'; readonly parsed: ParsedCorpusFile } | { readonly kind: 'bytes'; readonly bytes: Uint8Array; readonly maxBytes: number };

function refusedFile(uri: string, reason: string): ParsedCorpusFile {
  return { uri, records: [], problems: [{ uri, line: 0, severity: 'error', code: 'corpus-outside-workspace', message: `${reason}; it is not read.` }] };
}

function unreadAliasFile(uri: string): ParsedCorpusFile {
  return { uri, records: [], problems: [{ uri, line: 0, severity: 'error', code: 'aliases-reader-unavailable', message: 'The reader of the alias file could not be loaded here; the file is not read.' }] };
}

function isNotFound(error: unknown): boolean {
  const code = (error as { code?: unknown } | undefined)?.code;
  return code === 'ENOENT' || code === 'FileNotFound' || code === 'EntryNotFound';
}
