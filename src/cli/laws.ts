import path from 'node:path';
import type { LawFileSystem } from '../core/law/lawFiles';
import { LawLibrary, type LawSource } from '../core/law/lawLibrary';
import { toPath, toUri } from './nodeFiles';
import { checkRepositoryFile, readRepositoryFile } from './repositoryFiles';

const MAX_LAW_FILE_BYTES = 64 * 1024 * 1024;

/**
 * Law files through Node's fs (file: URIs), for the CLI and the bench. Every file must be a regular file
 * inside one of the law folders (no symbolic link leading out, no device): a refused file reads as an error
 * that says why, never as its content. The library checks the size caps per kind of file; reads stop at 64 MB.
 */
export class NodeLawFileSystem implements LawFileSystem {
  constructor(private readonly folders: readonly string[] = []) {}

  async stat(uri: string): Promise<{ size: number } | undefined> {
    const checked = await checkRepositoryFile(toPath(uri), this.#folders(uri), MAX_LAW_FILE_BYTES);
    if ('refused' in checked) return checked.missing ? undefined : { size: 0 };
    return { size: checked.size };
  }

  async readFile(uri: string): Promise<Uint8Array> {
    const read = await readRepositoryFile(toPath(uri), this.#folders(uri), MAX_LAW_FILE_BYTES);
    if ('refused' in read) throw new Error(read.refused);
    return read.bytes;
  }

  /** The configured folders, or (tests, the bench) the file's own law folder. */
  #folders(uri: string): readonly string[] {
    if (this.folders.length > 0) return this.folders;
    const file = toPath(uri);
    const folder = path.dirname(file);
    return [path.basename(folder) === 'FalVMingLing' ? path.dirname(folder) : folder];
  }
}

/** laws/embedded of the package: dist/cli.js sits in dist/, the data beside it in laws/. */
export function embeddedLawFolder(): string {
  return path.join(__dirname, '..', 'laws', 'embedded');
}

/** The CLI's law library: `--laws <dir>` first (when given), then the embedded subset. */
export function openLawLibrary(lawsDir: string | undefined, cwd: string, log: string[]): LawLibrary {
  const sources: LawSource[] = [];
  const folders = [embeddedLawFolder()];
  if (lawsDir) {
    sources.push({ folder: toUri(path.resolve(cwd, lawsDir)).replace(/\/$/, '') });
    folders.unshift(path.resolve(cwd, lawsDir));
  }
  sources.push({ folder: toUri(embeddedLawFolder()).replace(/\/$/, ''), embedded: true });
  return new LawLibrary({
    fileSystem: new NodeLawFileSystem(folders),
    sources: () => sources,
    log: { info: (message) => log.push(message), error: (message) => log.push(`error: ${message}`) },
  });
}
