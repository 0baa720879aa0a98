import path from 'node:path';
import { NodeLawFileSystem } from '../../src/cli/laws';
import { toUri } from '../../src/cli/nodeFiles';
import { LawLibrary } from '../../src/core/law/lawLibrary';
import type { LawIndex } from '../../src/core/law/lawIndex';
import type { LawFileSystem } from '../../src/core/law/lawFiles';

/** laws/embedded of the repository: real data of the national law database (names of all laws, texts of a few). */
export const EMBEDDED_LAWS = toUri(path.join(__dirname, '..', '..', 'laws', 'embedded'));

export function embeddedLibrary(options: { maxCachedLaws?: number; maxCachedBytes?: number } = {}): LawLibrary {
  return new LawLibrary({ fileSystem: new NodeLawFileSystem(), sources: () => [{ folder: EMBEDDED_LAWS, embedded: true }], ...options });
}

let shared: Promise<LawIndex> | undefined;
/** One index for the detector tests (loading it takes a moment). */
export function embeddedIndex(): Promise<LawIndex> {
  shared ??= embeddedLibrary().index();
  return shared;
}

export const PDPA = 'I0050021'; // 個人資料保護法

/** Law files held in memory, by URI: a law folder for tests that build one. */
export class MemoryLaws implements LawFileSystem {
  constructor(private readonly files: Map<string, Uint8Array>) {}
  async stat(uri: string) {
    const file = this.files.get(uri);
    return file ? { size: file.length } : undefined;
  }
  async readFile(uri: string) {
    return this.files.get(uri)!;
  }
}
