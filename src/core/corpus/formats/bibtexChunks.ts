import type { Entry } from '@retorquere/bibtex-parser' with { 'resolution-mode': 'import' };
import type { CorpusProblem } from '../problems';
import type { CorpusRecord } from '../record';
import { scanBibtex, type ScannedEntry, type ScannedItem, type ScannedString } from './bibtexScan';

/**
 * A .bib file read again after a change re-reads only the entries that changed. The text is cut into chunks
 * at each line that starts with `@` (a fast pass), and what each chunk gave last time — its records and
 * problems, its @string macros, its parsed entries — is kept under a hash of the chunk's text. A chunk seen
 * before is taken as it was (moved to its new line when lines above it changed); the others are scanned
 * and read. The result is the one a full read gives:
 * - A chunk is scanned on its own; when that faults (a broken entry, or an `@` at a line start inside a
 *   value), chunks cannot be trusted and the file is read whole, as before (the caller falls back).
 * - Entries see the @string macros defined before them: when the file's macros changed, every chunk is read again.
 * - An entry with `crossref` takes fields from another entry: its chunk is read again when the chunk that
 *   defines the parent's key is not the one it was (one level: a parent's own crossref is not followed).
 */

/** One call of the reader's `add`: a record (or none) and its problems. */
export interface ChunkOutput {
  readonly record: CorpusRecord | undefined;
  readonly problems: readonly CorpusProblem[];
}

interface CachedChunk {
  /** The chunk's first line when its outputs were made. */
  readonly line: number;
  readonly strings: readonly ScannedString[];
  /** Parsed entries with their offset in the chunk (a crossref child elsewhere may need them). */
  readonly entries: ReadonlyArray<{ readonly entry: Entry; readonly offset: number }>;
  /** The keys of every entry scanned in the chunk (parsed or not). */
  readonly keys: readonly string[];
  /** The crossref parents its entries took fields from, with the hash of the chunk that defined each ('' when none did). */
  readonly parents: ReadonlyArray<{ readonly key: string; readonly hash: string }>;
  readonly outputs: readonly ChunkOutput[];
}

interface ChunkCache {
  /** The file's @string macros when the chunks were read (their names and values, in order). */
  macros: string;
  chunks: Map<string, CachedChunk>;
}

/** Where the cache lives in the reader's per-file memo (a key no LaTeX value can be). */
const CACHE_KEY = '\u0000bibtex-chunks';

interface Chunk {
  readonly start: number;
  readonly end: number;
  readonly hash: string;
  readonly line: number;
  cached?: CachedChunk;
  /** Scanned items (offsets in the file), when the chunk is read this time. */
  items?: ScannedItem[];
}

/** The plan of one read: which chunks are taken as they were and which are read. */
export class ChunkedRead {
  readonly #chunks: Chunk[];
  readonly #cache: ChunkCache;
  /** Entry key → the hash of the (last) chunk that defines it, in this text. */
  readonly #keyChunks: Map<string, string>;

  private constructor(chunks: Chunk[], cache: ChunkCache, keyChunks: Map<string, string>) {
    this.#chunks = chunks;
    this.#cache = cache;
    this.#keyChunks = keyChunks;
  }

  /**
   * Cuts the text into chunks and scans those not seen before; undefined when the file is read whole, as
   * without a memo: on its first read (keeping the chunks costs a first load about a fifth more, and most
   * files are never changed; the first change pays it instead), and when a chunk faults on its own.
   * `lineOf` gives the file line of an offset.
   */
  static plan(text: string, memo: Map<string, unknown>, lineOf: (offset: number) => number): ChunkedRead | undefined {
    const previous = memo.get(CACHE_KEY) as ChunkCache | undefined;
    if (!previous) {
      memo.set(CACHE_KEY, { macros: '', chunks: new Map() } satisfies ChunkCache);
      return undefined;
    }
    const planned = ChunkedRead.#plan(text, memo, previous, lineOf);
    // Next time the chunks are made again from a whole read.
    if (!planned) memo.set(CACHE_KEY, { macros: '', chunks: new Map() } satisfies ChunkCache);
    return planned;
  }

  static #plan(text: string, memo: Map<string, unknown>, previous: ChunkCache, lineOf: (offset: number) => number): ChunkedRead | undefined {
    const incremental = previous.chunks.size > 0;
    const chunks: Chunk[] = [];
    const starts = chunkStarts(text);
    for (let index = 0; index < starts.length; index++) {
      const start = starts[index]!;
      const end = starts[index + 1] ?? text.length;
      const hash = hashOf(text, start, end);
      const cached = previous.chunks.get(hash);
      chunks.push({ start, end, hash, line: lineOf(start), ...(cached ? { cached } : {}) });
    }
    // A first read scans the whole text once (as a read without memo does) and hands each chunk its items;
    // a re-read scans only the chunks not seen before, each on its own.
    if (!incremental && !scanWhole(text, chunks)) return undefined;
    const macros: string[] = [];
    for (const chunk of chunks) {
      if (!chunk.cached && !chunk.items && !scanChunk(text, chunk, incremental)) return undefined;
      for (const string of chunk.cached?.strings ?? stringsOf(chunk.items!)) macros.push(`${string.name}=${string.pieces.map((piece) => `${piece.kind}:${piece.text}`).join('#')}`);
    }
    const macroKey = macros.join('\n');
    if (previous.macros !== macroKey) {
      // The macros changed: what the kept chunks gave may have changed too.
      for (const chunk of chunks) {
        if (!chunk.cached) continue;
        delete chunk.cached;
        if (!scanChunk(text, chunk, incremental)) return undefined;
      }
    }
    // A key written in several chunks depends on all of them (which one the reader's lookup takes depends on what parses).
    const keyChunks = new Map<string, string>();
    for (const chunk of chunks) {
      for (const key of chunk.cached?.keys ?? keysOf(chunk.items!)) {
        const known = keyChunks.get(key);
        keyChunks.set(key, known === undefined ? chunk.hash : `${known}|${chunk.hash}`);
      }
    }
    for (const chunk of chunks) {
      // A kept child whose parent's chunk changed (or appeared, or went) is read again.
      if (!chunk.cached?.parents.some((parent) => (keyChunks.get(parent.key) ?? '') !== parent.hash)) continue;
      delete chunk.cached;
      if (!scanChunk(text, chunk, incremental)) return undefined;
    }
    const cache: ChunkCache = { macros: macroKey, chunks: new Map() };
    memo.set(CACHE_KEY, cache);
    return new ChunkedRead(chunks, cache, keyChunks);
  }

  /** The items the reader must process, in file order: those of the chunks read, and the macros of the kept ones. */
  *items(): Generator<ScannedItem, void> {
    for (const chunk of this.#chunks) {
      if (chunk.cached) yield* chunk.cached.strings;
      else yield* chunk.items!;
    }
  }

  /** Parsed entries of the kept chunks, with their offset in the file (for crossref). */
  keptEntries(): Array<{ entry: Entry; offset: number }> {
    return this.#chunks.flatMap((chunk) => (chunk.cached ? chunk.cached.entries.map(({ entry, offset }) => ({ entry, offset: chunk.start + offset })) : []));
  }

  /** How many chunks were taken as they were (for tests and the bench). */
  get keptCount(): number {
    return this.#chunks.filter((chunk) => chunk.cached).length;
  }

  /**
   * Hands every output to `add` in file order — the kept chunks' (moved to their new lines) and `fresh`
   * (the outputs of the chunks read, by offset, sorted) — and keeps the read chunks' outputs for next time.
   */
  emit(fresh: ReadonlyArray<{ readonly offset: number; readonly output: ChunkOutput }>, entries: ReadonlyArray<{ entry: Entry; offset: number }>, add: (output: ChunkOutput) => void): void {
    let cursor = 0;
    let entryCursor = 0;
    for (const chunk of this.#chunks) {
      if (chunk.cached) {
        const moved = moveChunk(chunk.cached, chunk.line);
        for (const output of moved.outputs) add(output);
        this.#cache.chunks.set(chunk.hash, moved);
        continue;
      }
      const outputs: ChunkOutput[] = [];
      while (cursor < fresh.length && fresh[cursor]!.offset < chunk.end) {
        const { output } = fresh[cursor++]!;
        outputs.push(output);
        add(output);
      }
      const chunkEntries: Array<{ entry: Entry; offset: number }> = [];
      while (entryCursor < entries.length && entries[entryCursor]!.offset < chunk.end) {
        const { entry, offset } = entries[entryCursor++]!;
        chunkEntries.push({ entry, offset: offset - chunk.start });
      }
      const parents = chunkEntries.flatMap(({ entry }) => (typeof entry.fields.crossref === 'string' ? [{ key: entry.fields.crossref, hash: this.#keyChunks.get(entry.fields.crossref) ?? '' }] : []));
      this.#cache.chunks.set(chunk.hash, { line: chunk.line, strings: stringsOf(chunk.items!), entries: chunkEntries, keys: keysOf(chunk.items!), parents, outputs });
    }
  }
}

/**
 * The whole text scanned once, its items shared out to the chunks; false when anything faults or a directive
 * crosses into the next chunk (a line starting with @ inside a value), since chunks scanned alone would then differ.
 */
function scanWhole(text: string, chunks: Chunk[]): boolean {
  for (const chunk of chunks) chunk.items = [];
  let current = 0;
  let crossed = false;
  const span = (start: number, end: number) => {
    while (chunks[current]!.end <= start) current++;
    if (end > chunks[current]!.end) crossed = true;
  };
  for (const item of scanBibtex(text, span)) {
    if (item.kind === 'fault' || crossed) return false;
    chunks[current]!.items!.push(item);
  }
  return !crossed;
}

/** The chunk's items scanned on its own (offsets moved into the file); false when it faults. */
function scanChunk(text: string, chunk: Chunk, incremental: boolean): boolean {
  // On a re-read the few changed chunks are copied out of the text: their records then hold no slice of this
  // whole version of the file, which would otherwise stay in memory as long as any of them lives.
  const source = incremental ? copyOf(text.slice(chunk.start, chunk.end)) : text.slice(chunk.start, chunk.end);
  const items: ScannedItem[] = [];
  for (const item of scanBibtex(source)) {
    if (item.kind === 'fault') return false;
    items.push({ ...item, offset: item.offset + chunk.start } as ScannedEntry | ScannedString);
  }
  chunk.items = items;
  return true;
}

function keysOf(items: readonly ScannedItem[]): string[] {
  return items.flatMap((item) => (item.kind === 'entry' ? [item.key] : []));
}

function stringsOf(items: readonly ScannedItem[]): ScannedString[] {
  return items.filter((item): item is ScannedString => item.kind === 'string');
}

/** A kept chunk's outputs on its new first line (the same objects when it did not move). */
function moveChunk(chunk: CachedChunk, line: number): CachedChunk {
  const delta = line - chunk.line;
  if (delta === 0) return chunk;
  const outputs = chunk.outputs.map((output) => ({
    record: output.record && movedRecord(output.record, delta),
    problems: output.problems.map((problem) => ({ ...problem, line: problem.line + delta })),
  }));
  return { ...chunk, line, outputs };
}

function movedRecord(record: CorpusRecord, delta: number): CorpusRecord {
  const fieldLines = Object.create(null) as Record<string, number>;
  for (const [name, line] of Object.entries(record.origin.fieldLines)) fieldLines[name] = line + delta;
  return { ...record, origin: { ...record.origin, line: record.origin.line + delta, fieldLines } };
}

/** Offsets where chunks start: 0, and every `@` that is the first non-blank character of its line. */
function chunkStarts(text: string): number[] {
  const starts = [0];
  const pattern = /^[ \t]*@/gm;
  for (let match = pattern.exec(text); match; match = pattern.exec(text)) {
    const at = match.index + match[0].length - 1;
    if (at > 0) starts.push(at);
  }
  return starts;
}

/** Two 32-bit FNV-style hashes and the length: a key for a chunk's text that does not keep the text alive. */
function hashOf(text: string, start: number, end: number): string {
  let first = 0x811c9dc5;
  let second = 0x01000193;
  for (let index = start; index < end; index++) {
    const code = text.charCodeAt(index);
    first = Math.imul(first ^ code, 0x01000193);
    second = Math.imul(second + code, 0x5bd1e995) ^ (second >>> 15);
  }
  return `${end - start}:${(first >>> 0).toString(36)}:${(second >>> 0).toString(36)}`;
}

/** A string with the same characters that shares no memory with the text it was sliced from. */
function copyOf(text: string): string {
  return new TextDecoder().decode(new TextEncoder().encode(text));
}
