import type { Article } from '../article/article';
import { findBibliographyField, type BibliographyPath } from '../article/bibliographyField';
import type { LoadedBibliography } from '../article/analysis';
import { DIAGNOSTIC_CODES, type ArticleDiagnostic } from '../article/checks';
import { CorpusIndex } from '../search/corpusIndex';
import { formatMessage, msg, type Localizable } from '../util/messages';
import { isCorpusFileName, needsLibraryReaders, parseCorpusFileSteps, type LibraryReaders, type ParsedCorpusFile } from './parseFile';
import type { CorpusRecord } from './record';

/**
 * How the core reaches the files an article's `bibliography:` names. The host decides what "inside the
 * workspace" means (the article's workspace folder in the editor, the repository in the CLI).
 */
export interface BibliographyFileSystem {
  /** The file `path` (relative to the article) names, or why it must not be read (absolute, outside the workspace). */
  locate(articleUri: string, path: string): { readonly uri: string } | { readonly refused: string };
  /**
   * Undefined when the file does not exist. `version` changes whenever the file does (its mtime); `refused`
   * says why it must not be read (a symbolic link, not a regular file).
   */
  stat(uri: string): Promise<{ readonly size: number; readonly version: string; readonly refused?: string } | undefined>;
  readFile(uri: string): Promise<Uint8Array>;
}

export interface ArticleBibliographyOptions {
  maxBytes(): number;
  /** The readers of library formats, loaded on first use. */
  readers?(): Promise<LibraryReaders>;
  /** Called with each file an article's front matter led to (read, missing or refused): the host watches it. */
  onFile?(uri: string): void;
}

/** A file read, refused, or missing (kept too: a watcher's create event brings it in). `transient` states are not kept. */
type FileState = { readonly version: string; readonly parsed: ParsedCorpusFile } | { readonly version: string; readonly refused: Localizable; readonly transient?: true };

/** Combined indexes kept for this many distinct bibliographies (articles mostly share one library). */
const MAX_COMBINED = 16;

/**
 * The libraries articles name in their front matter, like Pandoc's `bibliography:`. Each file is read once and
 * kept by URI and version until the host says it changed (`fileChanged`, from a file watcher); articles naming
 * the same files share one index of their records.
 */
export class ArticleBibliographies {
  readonly #files = new Map<string, FileState>();
  readonly #combined = new Map<string, CorpusIndex>();
  #generation = 0;
  #readers: Promise<LibraryReaders | undefined> | undefined;
  /** Per library file: the readers' memo of its last read, so a changed .bib is read again in part (bibtexChunks.ts). */
  readonly #readerCaches = new Map<string, Map<string, unknown>>();
  /** Files being read now (URI → reads in flight): a change to one of them makes what is being read stale. */
  readonly #reading = new Map<string, number>();

  constructor(
    private readonly fileSystem: BibliographyFileSystem,
    private readonly options: ArticleBibliographyOptions,
  ) {}

  /** Changes when a file read before changed: analyses made with it are stale. */
  get generation(): number {
    return this.#generation;
  }

  /** A watched file changed or went away: it is read again on next use, even when the change came during its read. Returns whether it was known or being read. */
  fileChanged(uri: string): boolean {
    if (!this.#files.delete(uri) && !this.#reading.has(uri)) return false;
    for (const key of [...this.#combined.keys()]) if (key.includes(`\n${uri}@`)) this.#combined.delete(key);
    this.#generation++;
    return true;
  }

  /** The article's bibliography, or undefined when its front matter names none. Never throws. */
  async load(articleUri: string, article: Article): Promise<LoadedBibliography | undefined> {
    const field = findBibliographyField(article);
    if (!field) return undefined;
    const diagnostics: ArticleDiagnostic[] = [];
    const report = (start: number, end: number, message: Localizable) =>
      diagnostics.push({ start, end, severity: DIAGNOSTIC_CODES['bibliography-problem'], code: 'bibliography-problem', message: formatMessage(message), localizable: message });
    if (field.malformed) report(field.start, field.end, msg('"bibliography" must be a path or a list of paths; other values are ignored.'));
    const loaded: Array<{ uri: string; version: string; records: readonly CorpusRecord[] }> = [];
    for (const entry of field.paths) {
      const file = await this.#loadFile(articleUri, entry);
      if ('refused' in file) {
        report(entry.start, entry.end, file.refused);
        continue;
      }
      const problems = file.parsed.problems.filter((problem) => problem.severity !== 'info');
      if (problems.length > 0) {
        const first = problems[0]!;
        report(entry.start, entry.end, msg('{0}: {1} problems in the library (the first on its line {2}); its good records are used.', entry.path, problems.length, first.line + 1));
      }
      loaded.push({ uri: file.uri, version: file.version, records: file.parsed.records });
    }
    if (loaded.length === 0) return { diagnostics };
    return { index: this.#combine(loaded), diagnostics };
  }

  async #loadFile(articleUri: string, entry: BibliographyPath): Promise<{ uri: string; version: string; parsed: ParsedCorpusFile } | { refused: Localizable }> {
    if (!isCorpusFileName(entry.path)) return { refused: msg('{0}: not a known library format (.bib, .json, .csl.json, .ris, .jsonl or .md); it is not read.', entry.path) };
    const located = this.fileSystem.locate(articleUri, entry.path);
    if ('refused' in located) return { refused: msg('{0}: {1}; it is not read.', entry.path, located.refused) };
    const uri = located.uri;
    this.options.onFile?.(uri);
    const known = this.#files.get(uri);
    if (known) return 'parsed' in known ? { uri, ...known } : { refused: known.refused };
    const generation = this.#generation;
    this.#reading.set(uri, (this.#reading.get(uri) ?? 0) + 1);
    let read: FileState | undefined;
    try {
      read = await this.#read(uri, entry.path);
    } finally {
      const left = this.#reading.get(uri)! - 1;
      if (left === 0) this.#reading.delete(uri);
      else this.#reading.set(uri, left);
    }
    const state = read ?? { version: 'missing', refused: msg('{0}: file not found.', entry.path) };
    // A file that changed while it was read (the watcher's event came during the await) may have been read as
    // it was: used for this analysis, which is then stale by its generation, but not kept, or it would stay.
    if (!('transient' in state) && generation === this.#generation) this.#files.set(uri, state);
    return 'parsed' in state ? { uri, ...state } : { refused: state.refused };
  }

  /** Undefined when the file does not exist; a refusal when it must not or cannot be read. */
  async #read(uri: string, path: string): Promise<FileState | undefined> {
    try {
      const stat = await this.fileSystem.stat(uri);
      if (!stat) {
        this.#readerCaches.delete(uri);
        return undefined;
      }
      if (stat.refused) return { version: stat.version, refused: msg('{0}: {1}; it is not read.', path, stat.refused) };
      const maxBytes = this.options.maxBytes();
      if (stat.size > maxBytes) return { version: stat.version, refused: msg('{0}: the file is {1} KB, over the {2} KB limit (setting policyAnnotator.corpus.maxFileSize); it is not read.', path, Math.ceil(stat.size / 1024), Math.ceil(maxBytes / 1024)) };
      const bytes = await this.fileSystem.readFile(uri);
      let readers = needsLibraryReaders(uri) ? await this.#libraryReaders() : undefined;
      let readerCache = this.#readerCaches.get(uri);
      if (!readerCache && needsLibraryReaders(uri)) this.#readerCaches.set(uri, (readerCache = new Map()));
      let parsed = parse(uri, bytes, maxBytes, readers, readerCache);
      if (parsed.needsReaders && !readers && (readers = await this.#libraryReaders())) parsed = parse(uri, bytes, maxBytes, readers, readerCache);
      return { version: stat.version, parsed };
    } catch (error) {
      const code = (error as { code?: unknown } | undefined)?.code;
      if (code === 'ENOENT' || code === 'FileNotFound' || code === 'EntryNotFound') return undefined;
      // Not cached: the next analysis tries again.
      return { version: '', refused: msg('{0}: the file could not be read.', path), transient: true };
    }
  }

  #combine(files: ReadonlyArray<{ uri: string; version: string; records: readonly CorpusRecord[] }>): CorpusIndex {
    const key = files.map((file) => `\n${file.uri}@${file.version}`).join('');
    let index = this.#combined.get(key);
    if (index) return index;
    // The first file naming an id wins, as the first record of an id does in a corpus.
    const byId = new Map<string, CorpusRecord>();
    for (const file of files) for (const record of file.records) if (!byId.has(record.id)) byId.set(record.id, record);
    index = new CorpusIndex();
    index.setMany([...byId.values()]);
    if (this.#combined.size >= MAX_COMBINED) this.#combined.delete(this.#combined.keys().next().value!);
    this.#combined.set(key, index);
    return index;
  }

  #libraryReaders(): Promise<LibraryReaders | undefined> {
    this.#readers ??= (this.options.readers?.() ?? Promise.resolve(undefined)).catch(() => undefined);
    return this.#readers;
  }
}

function parse(uri: string, bytes: Uint8Array, maxBytes: number, readers: LibraryReaders | undefined, readerCache: Map<string, unknown> | undefined): ParsedCorpusFile {
  const steps = parseCorpusFileSteps(uri, bytes, { maxBytes, ...(readers ? { readers } : {}), ...(readerCache ? { readerCache } : {}) });
  let next = steps.next();
  while (!next.done) next = steps.next();
  return next.value;
}
