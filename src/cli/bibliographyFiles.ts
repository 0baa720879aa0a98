import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { BibliographyFileSystem } from '../core/corpus/articleBibliography';
import { toPath, toUri } from './nodeFiles';
import { checkRepositoryFile, isInside, readCapped } from './repositoryFiles';

/**
 * The files an article's `bibliography:` names, under the CLI's one rule for repository files
 * (src/cli/repositoryFiles.ts): relative to the article, inside the repository (the current folder; for an
 * article named outside it, that article's folder), a regular file, no symbolic link leading out.
 */
export class NodeBibliographyFileSystem implements BibliographyFileSystem {
  /** Located URI → the folders it must stay in. */
  readonly #folders = new Map<string, readonly string[]>();

  constructor(private readonly root: string) {}

  locate(articleUri: string, relative: string): { uri: string } | { refused: string } {
    if (path.isAbsolute(relative) || path.win32.isAbsolute(relative) || /^[a-z][a-z0-9+.-]+:/i.test(relative)) return { refused: 'an absolute path is not allowed (write it relative to the article)' };
    const article = toPath(articleUri);
    const folders = isInsideFolder(article, this.root) ? [this.root] : [path.dirname(article)];
    const file = path.resolve(path.dirname(article), relative);
    if (!folders.some((folder) => isInsideFolder(file, folder))) return { refused: 'it leads outside the repository' };
    const uri = toUri(file);
    this.#folders.set(uri, folders);
    return { uri };
  }

  async stat(uri: string): Promise<{ size: number; version: string; refused?: string } | undefined> {
    const file = toPath(uri);
    const checked = await checkRepositoryFile(file, this.#folders.get(uri) ?? [this.root], Number.POSITIVE_INFINITY);
    if ('refused' in checked) return checked.missing ? undefined : { size: 0, version: 'refused', refused: checked.refused.replace(/; it is not read$/, '') };
    const stat = await fs.stat(checked.real);
    return { size: checked.size, version: `${stat.mtimeMs}:${stat.size}` };
  }

  async readFile(uri: string): Promise<Uint8Array> {
    const file = toPath(uri);
    const checked = await checkRepositoryFile(file, this.#folders.get(uri) ?? [this.root], Number.POSITIVE_INFINITY);
    if ('refused' in checked) throw Object.assign(new Error(checked.refused), checked.missing ? { code: 'ENOENT' } : {});
    const read = await readCapped(checked.real, checked.size + 1024 * 1024);
    if (!('bytes' in read)) throw new Error(read.refused);
    return read.bytes;
  }
}

function isInsideFolder(file: string, folder: string): boolean {
  return isInside(path.resolve(file), path.resolve(folder));
}
