import path from 'node:path';
import { NodeLawFileSystem } from '../../src/cli/laws';
import { toUri } from '../../src/cli/nodeFiles';
import { LawLibrary } from '../../src/core/law/lawLibrary';
import type { LawIndex } from '../../src/core/law/lawIndex';

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
