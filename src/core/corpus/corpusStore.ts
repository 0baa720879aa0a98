import type { CorpusIndex } from '../search/corpusIndex';
import { mergeOverrides, withOverride, type AliasOverride, type AliasOverrides } from './aliasOverrides';
import type { ParsedCorpusFile } from './parseFile';
import type { CorpusProblem } from './problems';
import type { CorpusRecord } from './record';

/**
 * The corpus as a set of files, layered into the index: a workspace record overrides an embedded one with
 * the same id; two workspace records with one id are both reported, and the first by file and line wins.
 * The winner depends only on which files exist, never on the order events arrived in, so any sequence of
 * updates ends in the index a fresh scan gives.
 */
export class CorpusStore {
  readonly #files = new Map<string, ParsedCorpusFile>();
  readonly #embedded = new Map<string, CorpusRecord>();
  /** id → workspace records with that id, kept sorted by (uri, line). */
  readonly #workspaceById = new Map<string, CorpusRecord[]>();
  #embeddedEnabled = true;
  #listingProblems: readonly CorpusProblem[] = [];
  /** The alias override files (aliasOverrides.ts) by URI, and what they say merged. */
  readonly #overrideFiles = new Map<string, AliasOverrides>();
  #overrides: ReadonlyMap<string, AliasOverride> = new Map();
  /** A record with its override applied, kept per record object so an unchanged record is not re-indexed. */
  readonly #derived = new WeakMap<CorpusRecord, { readonly override: AliasOverride; readonly record: CorpusRecord }>();

  constructor(private readonly index: CorpusIndex) {}

  setEmbedded(files: readonly ParsedCorpusFile[]): void {
    const affected = new Set(this.#embedded.keys());
    this.#embedded.clear();
    for (const file of files) for (const record of file.records) this.#embedded.set(record.id, record);
    for (const id of this.#embedded.keys()) affected.add(id);
    this.#refresh(affected);
  }

  setEmbeddedEnabled(enabled: boolean): void {
    if (enabled === this.#embeddedEnabled) return;
    this.#embeddedEnabled = enabled;
    this.#refresh(new Set(this.#embedded.keys()));
  }

  /** Adds or replaces one workspace file's records. */
  setFile(file: ParsedCorpusFile): void {
    const affected = this.#removeFileRecords(file.uri);
    this.#files.set(file.uri, file);
    for (const record of file.records) this.#addRecord(record, affected);
    this.#refresh(affected);
  }

  /**
   * setFile for a file with thousands of records, a chunk at a time with `pause()` (a turn of the event loop)
   * between chunks, so indexing never stalls the host. The new version replaces the old one id by id: an id
   * in both is never missing from the index in between, and a record whose names and URL did not change is
   * swapped in place by the index (CorpusIndex.setMany) — so when one entry of a big library changes, only
   * that entry is indexed again. The caller (the loader's queue) makes no other change to the store meanwhile.
   */
  async setFileSliced(file: ParsedCorpusFile, pause: () => Promise<void>, chunk = 256): Promise<void> {
    const previous = this.#files.get(file.uri)?.records ?? [];
    if (previous.length <= chunk && file.records.length <= chunk) return this.setFile(file);
    const previousById = new Map<string, CorpusRecord[]>();
    for (const record of previous) {
      const list = previousById.get(record.id);
      if (list) list.push(record);
      else previousById.set(record.id, [record]);
    }
    this.#files.set(file.uri, file);
    for (let start = 0; start < file.records.length; start += chunk) {
      const affected = new Set<string>();
      for (const record of file.records.slice(start, start + chunk)) {
        const olds = previousById.get(record.id);
        // The very record of the last version (a library read again keeps its unchanged entries' records): nothing to do.
        if (olds?.length === 1 && olds[0] === record) {
          previousById.delete(record.id);
          continue;
        }
        for (const old of olds ?? []) this.#removeRecord(old, affected);
        previousById.delete(record.id);
        this.#addRecord(record, affected);
      }
      this.#refresh(affected);
      await pause();
    }
    const gone = [...previousById.values()].flat();
    for (let start = 0; start < gone.length; start += chunk) {
      const affected = new Set<string>();
      for (const record of gone.slice(start, start + chunk)) this.#removeRecord(record, affected);
      this.#refresh(affected);
      await pause();
    }
  }

  deleteFile(uri: string): void {
    this.#refresh(this.#removeFileRecords(uri));
    this.#files.delete(uri);
    if (this.#overrideFiles.delete(uri)) this.#applyOverrides();
  }

  /**
   * Adds or replaces an alias override file: `file` holds its problems (no records), `overrides` what it says.
   * Every record it names, before or now, is indexed again with its added aliases and ignored names.
   */
  setAliasOverrides(file: ParsedCorpusFile, overrides: AliasOverrides): void {
    this.#files.set(file.uri, file);
    this.#overrideFiles.set(file.uri, overrides);
    this.#applyOverrides();
  }

  /** The merged override of a record id, if a file names it. */
  aliasOverride(id: string): AliasOverride | undefined {
    return this.#overrides.get(id);
  }

  #applyOverrides(): void {
    const affected = new Set(this.#overrides.keys());
    this.#overrides = mergeOverrides(this.#overrideFiles.values());
    for (const id of this.#overrides.keys()) affected.add(id);
    this.#refresh(affected);
  }

  #overridden(record: CorpusRecord): CorpusRecord {
    const override = this.#overrides.get(record.id);
    if (!override) return record;
    const cached = this.#derived.get(record);
    if (cached?.override === override) return cached.record;
    const derived = withOverride(record, override);
    this.#derived.set(record, { override, record: derived });
    return derived;
  }

  hasFile(uri: string): boolean {
    return this.#files.has(uri);
  }

  fileUris(): string[] {
    return [...this.#files.keys()];
  }

  /** Problems of the file listing itself (a glob that climbs out of the workspace), shown on the settings file. */
  setListingProblems(problems: readonly CorpusProblem[]): void {
    this.#listingProblems = problems;
  }

  /** Problems of every workspace file: parse problems plus duplicate ids across files. */
  problems(): Map<string, CorpusProblem[]> {
    const byUri = new Map<string, CorpusProblem[]>();
    for (const [uri, file] of this.#files) byUri.set(uri, [...file.problems]);
    for (const problem of this.#listingProblems) byUri.set(problem.uri, [...(byUri.get(problem.uri) ?? []), problem]);
    for (const [id, records] of this.#workspaceById) {
      if (records.length < 2) continue;
      for (const record of records) {
        const others = records.filter((other) => other !== record).map((other) => `${fileName(other.origin.uri)}:${other.origin.line + 1}`);
        byUri.get(record.origin.uri)?.push({
          uri: record.origin.uri,
          line: record.origin.fieldLines.id ?? record.origin.line,
          severity: 'warning',
          code: 'corpus-duplicate-id',
          message: `The id "${id}" is also used at ${others.join(', ')}; ${record === records[0] ? 'this record is used' : `the record at ${fileName(records[0]!.origin.uri)}:${records[0]!.origin.line + 1} is used`}.`,
        });
      }
    }
    return byUri;
  }

  #removeFileRecords(uri: string): Set<string> {
    const affected = new Set<string>();
    for (const record of this.#files.get(uri)?.records ?? []) this.#removeRecord(record, affected);
    return affected;
  }

  #removeRecord(record: CorpusRecord, affected: Set<string>): void {
    affected.add(record.id);
    const remaining = (this.#workspaceById.get(record.id) ?? []).filter((candidate) => candidate !== record);
    if (remaining.length > 0) this.#workspaceById.set(record.id, remaining);
    else this.#workspaceById.delete(record.id);
  }

  #addRecord(record: CorpusRecord, affected: Set<string>): void {
    const list = this.#workspaceById.get(record.id) ?? [];
    list.push(record);
    if (list.length > 1) list.sort(compareOrigin);
    this.#workspaceById.set(record.id, list);
    affected.add(record.id);
  }

  #refresh(ids: Iterable<string>): void {
    const changed: CorpusRecord[] = [];
    for (const id of ids) {
      const found = this.#workspaceById.get(id)?.[0] ?? (this.#embeddedEnabled ? this.#embedded.get(id) : undefined);
      const winner = found && this.#overridden(found);
      if (!winner) this.index.delete(id);
      else if (this.index.get(id) !== winner) changed.push(winner);
    }
    if (changed.length > 0) this.index.setMany(changed);
  }
}

function compareOrigin(a: CorpusRecord, b: CorpusRecord): number {
  return a.origin.uri < b.origin.uri ? -1 : a.origin.uri > b.origin.uri ? 1 : a.origin.line - b.origin.line;
}

function fileName(uri: string): string {
  return decodeURIComponent(uri.slice(uri.lastIndexOf('/') + 1));
}
