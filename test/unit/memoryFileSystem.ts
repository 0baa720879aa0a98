import type { CorpusFileSystem } from '../../src/core/corpus/fileSystem';
import { GlobSet } from '../../src/core/util/glob';

/** An in-memory workspace for the corpus loader: paths relative to the root, `file:///ws/` URIs. */
export class MemoryFileSystem implements CorpusFileSystem {
  readonly files = new Map<string, Uint8Array>();
  reads = 0;
  /** Where alias override files may be (none unless a test sets it). */
  aliasOverrideFiles?: () => readonly string[];

  constructor(
    private readonly include = ['**/corpus/**/*.{md,json,jsonl}'],
    private readonly exclude: string[] = [],
  ) {}

  static uri(path: string): string {
    return `file:///ws/${path}`;
  }

  write(path: string, text: string): string {
    this.files.set(MemoryFileSystem.uri(path), new TextEncoder().encode(text));
    return MemoryFileSystem.uri(path);
  }

  delete(path: string): string {
    this.files.delete(MemoryFileSystem.uri(path));
    return MemoryFileSystem.uri(path);
  }

  async findCorpusFiles(): Promise<string[]> {
    const include = new GlobSet(this.include);
    const exclude = new GlobSet(this.exclude);
    return [...this.files.keys()]
      .filter((uri) => {
        const path = uri.slice('file:///ws/'.length);
        return include.matches(path) && !exclude.matches(path);
      })
      .sort();
  }

  async stat(uri: string): Promise<{ size: number } | undefined> {
    const file = this.files.get(uri);
    return file ? { size: file.byteLength } : undefined;
  }

  async readFile(uri: string): Promise<Uint8Array> {
    this.reads++;
    const file = this.files.get(uri);
    if (!file) throw Object.assign(new Error(`ENOENT: ${uri}`), { code: 'ENOENT' });
    return file;
  }
}
