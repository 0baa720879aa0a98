import { LawIndex, type LawEntry } from './lawIndex';
import { fileName, lawFileUri, parseAliasesJson, parseIndexJsonInSlices, parseLawJson, parseManifestJson, type LawFileSystem, type LawProblem, type LoadedLaw } from './lawFiles';
import { LruCache } from '../util/lru';
import { Slicer } from '../util/slicer';
import { parseRenamesJson, type LawRenames } from './lawRenames';

/** A folder in the national law database's format: index.json, aliases.json, FalVMingLing/<PCode>.json. */
export interface LawSource {
  /** The folder's URI, without a trailing slash. */
  readonly folder: string;
  /** The embedded subset has a manifest.json naming the laws whose text it ships. */
  readonly embedded?: boolean;
}

/** A law's text, or why there is none. */
export type LawText =
  | { readonly law: LoadedLaw }
  | { readonly problem: LawProblem }
  /** The law is known by name, but its text is not in any configured folder (the embedded subset is small). */
  | { readonly unavailable: true };

export interface LawLibraryOptions {
  readonly fileSystem: LawFileSystem;
  /** Read at each (re)load: the configured folder first, then the embedded subset. */
  readonly sources: () => readonly LawSource[];
  readonly log?: { info(message: string): void; error(message: string): void };
  /** The law-text cache's bounds. */
  readonly maxCachedLaws?: number;
  readonly maxCachedBytes?: number;
  /** Told when the index of names has loaded (the extension's startup timeline). */
  readonly onIndexLoaded?: () => void;
}

const MAX_INDEX_BYTES = 64 * 1024 * 1024;
const MAX_LAW_BYTES = 16 * 1024 * 1024;

/**
 * The law corpus: the index of names is loaded once (index.json and aliases.json of every source); a law's
 * articles are read on its first use and kept in a bounded LRU cache, so an article that cites five laws
 * never holds the whole database in memory.
 */
export class LawLibrary {
  readonly #cache: LruCache<string, LawText>;
  readonly #loading = new Map<string, Promise<LawText>>();
  #index: LawIndex | undefined;
  #indexing: Promise<LawIndex> | undefined;
  /** Where each law's text is: its source's folder, or undefined when no source ships it. */
  #textFolder = new Map<string, string | undefined>();
  #problems: LawProblem[] = [];
  #generation = 0;

  constructor(private readonly options: LawLibraryOptions) {
    this.#cache = new LruCache(options.maxCachedLaws ?? 64, options.maxCachedBytes ?? 16 * 1024 * 1024);
  }

  /** Bumped on every reload: caches keyed on it (per-document analyses) are dropped. */
  get generation(): number {
    return this.#generation;
  }

  /** Problems of index.json, aliases.json and manifest.json in the sources. */
  get problems(): readonly LawProblem[] {
    return this.#problems;
  }

  /** The index if loaded already (no waiting). */
  get loadedIndex(): LawIndex | undefined {
    return this.#index;
  }

  index(): Promise<LawIndex> {
    this.#indexing ??= this.#loadIndex().then((index) => (this.#index = index));
    return this.#indexing;
  }

  /** Forgets everything (the configured folder changed); the next use loads again. */
  reload(): void {
    this.#index = undefined;
    this.#indexing = undefined;
    this.#cache.clear();
    this.#loading.clear();
    this.#generation++;
  }

  /** The law's text if already in the cache (no reading). */
  cached(pcode: string): LawText | undefined {
    return this.#cache.get(pcode);
  }

  get cachedLaws(): { readonly count: number; readonly bytes: number } {
    return { count: this.#cache.count, bytes: this.#cache.size };
  }

  async law(pcode: string): Promise<LawText> {
    const cached = this.#cache.get(pcode);
    if (cached) return cached;
    let loading = this.#loading.get(pcode);
    if (!loading) {
      const generation = this.#generation;
      loading = this.#readLaw(pcode).then((text) => {
        if (generation === this.#generation) {
          this.#cache.set(pcode, text, 'law' in text ? text.law.bytes : 256);
          this.#loading.delete(pcode);
        }
        return text;
      });
      this.#loading.set(pcode, loading);
    }
    return loading;
  }

  async #readLaw(pcode: string): Promise<LawText> {
    const index = await this.index();
    const folder = this.#textFolder.get(pcode);
    if (!index.get(pcode) || folder === undefined) return { unavailable: true };
    const uri = lawFileUri(folder, pcode);
    try {
      const stat = await this.options.fileSystem.stat(uri);
      if (!stat) return this.#failed({ uri, line: 0, message: `The law file ${fileName(uri)} is missing (index.json lists ${pcode}).` });
      if (stat.size > MAX_LAW_BYTES) return this.#failed({ uri, line: 0, message: `The law file ${fileName(uri)} is ${Math.ceil(stat.size / 1024 / 1024)} MB, more than the ${MAX_LAW_BYTES / 1024 / 1024} MB read.` });
      const parsed = parseLawJson(uri, pcode, await this.options.fileSystem.readFile(uri));
      return 'problem' in parsed ? this.#failed(parsed.problem) : { law: parsed };
    } catch (error) {
      return this.#failed({ uri, line: 0, message: `The law file ${fileName(uri)} cannot be read: ${error instanceof Error ? error.message : String(error)}` });
    }
  }

  #failed(problem: LawProblem): LawText {
    this.options.log?.error(`${problem.uri}:${problem.line + 1}: ${problem.message}`);
    return { problem };
  }

  async #loadIndex(): Promise<LawIndex> {
    const started = Date.now();
    const problems: LawProblem[] = [];
    const entries = new Map<string, Omit<LawEntry, 'shortNames'>>();
    const textFolder = new Map<string, string | undefined>();
    const renames: { renamed: Array<LawRenames['renamed'][number]>; replaced: Array<LawRenames['replaced'][number]> } = { renamed: [], replaced: [] };
    // In slices that yield, from the parsing of index.json to the index's build: together they were the largest
    // piece of synchronous work of a window's first seconds.
    const slicer = new Slicer();
    const pause = () => slicer.maybeYield();
    for (const source of this.options.sources()) {
      const read = async (name: string, required: boolean): Promise<Uint8Array | undefined> => {
        const uri = `${source.folder}/${name}`;
        try {
          const stat = await this.options.fileSystem.stat(uri);
          if (!stat) {
            if (required) problems.push({ uri, line: 0, message: `${name} is missing in the law folder ${source.folder}: its laws are not used.` });
            return undefined;
          }
          if (stat.size > MAX_INDEX_BYTES) {
            problems.push({ uri, line: 0, message: `${name} is larger than ${MAX_INDEX_BYTES / 1024 / 1024} MB and is not read.` });
            return undefined;
          }
          return await this.options.fileSystem.readFile(uri);
        } catch (error) {
          problems.push({ uri, line: 0, message: `${name} cannot be read: ${error instanceof Error ? error.message : String(error)}` });
          return undefined;
        }
      };
      const indexBytes = await read('index.json', true);
      if (!indexBytes) continue;
      const parsedIndex = await parseIndexJsonInSlices(`${source.folder}/index.json`, indexBytes, pause);
      for (const problem of parsedIndex.problems) problems.push(problem);
      const aliasBytes = await read('aliases.json', false);
      const parsedAliases = aliasBytes ? parseAliasesJson(`${source.folder}/aliases.json`, aliasBytes) : { aliases: new Map<string, string[]>(), problems: [] };
      for (const problem of parsedAliases.problems) problems.push(problem);
      // Old names of laws (optional): the embedded subset ships them for the whole database.
      const renameBytes = await read('renames.json', false);
      if (renameBytes) {
        const parsedRenames = parseRenamesJson(`${source.folder}/renames.json`, renameBytes);
        // Loops, not push(...list): a hostile file with 100,000 entries must not overflow the stack.
        for (const problem of parsedRenames.problems) problems.push(problem);
        for (const entry of parsedRenames.renames.renamed) renames.renamed.push(entry);
        for (const entry of parsedRenames.renames.replaced) renames.replaced.push(entry);
      }
      let texts: Set<string> | undefined;
      // The embedded subset must have a manifest; an imported official database has one too (its laws without articles have no text).
      const manifestBytes = await read('manifest.json', source.embedded === true);
      if (source.embedded || manifestBytes) {
        const manifest = manifestBytes ? parseManifestJson(`${source.folder}/manifest.json`, manifestBytes) : { texts: new Set<string>(), problems: [] };
        for (const problem of manifest.problems) problems.push(problem);
        texts = manifest.texts;
      }
      // An earlier source (the configured folder) wins over a later one (the embedded subset).
      let count = 0;
      for (const entry of parsedIndex.entries) {
        if (++count % 500 === 0) await pause();
        if (entries.has(entry.pcode)) continue;
        // Not `{ ...entry, aliases }` (V8's slow path when the entry has no `aliases`; see lawIndex.ts).
        entries.set(entry.pcode, Object.assign({}, entry, { aliases: parsedAliases.aliases.get(entry.pcode) ?? [] }));
        textFolder.set(entry.pcode, !texts || texts.has(entry.pcode) ? source.folder : undefined);
      }
    }
    for (const problem of problems) this.options.log?.error(`${problem.uri}:${problem.line + 1}: ${problem.message}`);
    this.#problems = problems;
    this.#textFolder = textFolder;
    const index = await LawIndex.buildSliced(entries.values(), renames, pause);
    this.options.onIndexLoaded?.();
    this.options.log?.info(`Law index: ${index.size} laws in ${Date.now() - started} ms (old and derived short names: ${index.derivedMs} ms).`);
    return index;
  }
}
