import { constants as fsConstants, promises as fs, type Stats } from 'node:fs';
import path from 'node:path';

/**
 * The one rule for every file the CLI opens from a repository or from a folder it was pointed at (the
 * configuration, the taxonomy, articles found by a glob, law files): it must be a regular file (not a device
 * such as /dev/zero, a FIFO or a folder), inside one of the allowed folders both by its path (no `..`, no
 * absolute path elsewhere) and after following symbolic links, and no bigger than the cap. It is read with
 * the cap too, so a file that grows while it is read cannot make the read endless.
 * Refusals say why in words and never quote the file's content.
 */
export type RepositoryRead = { readonly bytes: Uint8Array } | { readonly refused: string; readonly missing?: true };

export const DEFAULT_MAX_FILE_BYTES = 5 * 1024 * 1024;

/** Whether `file` is `folder` or below it (both absolute, normalised). */
export function isInside(file: string, folder: string): boolean {
  // POSIX paths, both normalised: a prefix ending at a separator says it. path.relative resolves and splits both
  // (two or three calls per article were a twentieth of a `check` worker's time), and it took a folder named
  // `..notes` below the folder for a way out. Windows paths compare without case: path.relative there.
  if (path.sep === '/') return file.startsWith(folder) && (file.length === folder.length || folder.endsWith('/') || file.charCodeAt(folder.length) === 0x2f);
  const relative = path.relative(folder, file);
  return relative === '' || (!relative.startsWith(`..${path.sep}`) && relative !== '..' && !path.isAbsolute(relative));
}

/**
 * Real paths of folders, asked once per run: `check` over 100,000 articles in a few folders asked the same
 * two or three folders' real paths (two file-system calls per article, each a trip through libuv's thread
 * pool) for every article. A run makes one and passes it along; without one every call asks afresh.
 */
export class RealFolders {
  readonly #known = new Map<string, Promise<string>>();

  /** The real path of a folder (the folder itself when it cannot be resolved: the check then decides by its path). */
  of(folder: string): Promise<string> {
    const absolute = path.resolve(folder);
    let real = this.#known.get(absolute);
    if (!real) {
      real = fs.realpath(absolute).catch(() => absolute);
      // Bounded: an archive in a deep tree of folders must not grow this without end.
      if (this.#known.size >= MAX_KNOWN_FOLDERS) this.#known.clear();
      this.#known.set(absolute, real);
    }
    return real;
  }
}

const MAX_KNOWN_FOLDERS = 4_096;

async function realFolders(folders: readonly string[], known: RealFolders): Promise<string[]> {
  return Promise.all(folders.map((folder) => known.of(folder)));
}

/**
 * Checks a file against the rule without reading it: its size, or why it is refused. `known`: real paths of
 * folders already asked in this run.
 */
export async function checkRepositoryFile(file: string, folders: readonly string[], maxBytes: number, known = new RealFolders()): Promise<{ readonly size: number; readonly real: string } | { readonly refused: string; readonly missing?: true }> {
  const absolute = path.resolve(file);
  if (!folders.some((folder) => isInside(absolute, path.resolve(folder)))) return { refused: 'it is outside the repository (a path climbing out with .. or an absolute path elsewhere); it is not read' };
  const own = await fs.lstat(absolute).catch(() => undefined);
  if (!own) return { refused: 'not found', missing: true };
  const roots = await realFolders(folders, known);
  if (own.isSymbolicLink()) {
    const real = await fs.realpath(absolute).catch(() => undefined);
    if (!real) return { refused: 'it is a broken symbolic link' };
    if (!roots.some((root) => isInside(real, root))) return { refused: 'it is a symbolic link leading outside the repository; it is not read' };
    const stat = await fs.stat(real).catch(() => undefined);
    if (!stat) return { refused: 'not found', missing: true };
    return regularFile(stat, real, maxBytes);
  }
  // Not a link itself, but a folder on the way may be one (docs → /home/…): the real path of the folder holding
  // it decides. `own` describes the file itself, so no second stat is needed.
  const realPath = path.join(await known.of(path.dirname(absolute)), path.basename(absolute));
  if (!roots.some((root) => isInside(realPath, root))) return { refused: 'it is reached through a symbolic link leading outside the repository; it is not read' };
  return regularFile(own, absolute, maxBytes);
}

function regularFile(stat: Stats, real: string, maxBytes: number): { readonly size: number; readonly real: string } | { readonly refused: string } {
  if (!stat.isFile()) return { refused: stat.isDirectory() ? 'it is a folder, not a file' : 'it is not a regular file (a device, a pipe or a socket); it is not read' };
  if (stat.size > maxBytes) return { refused: `it is ${formatSize(stat.size)}, over the ${formatSize(maxBytes)} limit; it is not read` };
  return { size: stat.size, real };
}

/** Reads a file under the rule; at most `maxBytes` are ever read. */
export async function readRepositoryFile(file: string, folders: readonly string[], maxBytes: number = DEFAULT_MAX_FILE_BYTES, known?: RealFolders): Promise<RepositoryRead> {
  const checked = await checkRepositoryFile(file, folders, maxBytes, known);
  if ('refused' in checked) return checked;
  return readCapped(checked.real, maxBytes, checked.size);
}

/**
 * Reads at most `maxBytes` (+1 to notice a file that grew past the cap after it was checked). `expectedSize`
 * (from the check's stat) sizes the first read: a 1 MB zeroed buffer for each 5 KB article was about 6 % of a
 * `check` worker's profile, plus the garbage collection it caused.
 */
export async function readCapped(file: string, maxBytes: number, expectedSize?: number): Promise<RepositoryRead> {
  let handle: fs.FileHandle | undefined;
  try {
    // The file was checked as a regular file at a real path: a link put in its place since is not followed.
    handle = await fs.open(file, fsConstants.O_RDONLY | (fsConstants.O_NOFOLLOW ?? 0));
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      // One byte more than expected first; then chunks growing with what was read (the last read finds the end).
      const wanted = total === 0 && expectedSize !== undefined ? expectedSize + 1 : Math.max(64 * 1024, total);
      const chunk = Buffer.allocUnsafe(Math.max(1, Math.min(wanted, 1024 * 1024, maxBytes + 1 - total)));
      const { bytesRead } = await handle.read(chunk, 0, chunk.length, null);
      if (bytesRead === 0) break;
      chunks.push(chunk.subarray(0, bytesRead));
      total += bytesRead;
      if (total > maxBytes) return { refused: `it is over the ${formatSize(maxBytes)} limit; it is not read` };
      // A regular file reads short only at its end: no further read to be told so.
      if (bytesRead < chunk.length) break;
    }
    return { bytes: Buffer.concat(chunks, total) };
  } catch (error) {
    const code = (error as { code?: string }).code;
    return code === 'ENOENT' ? { refused: 'not found', missing: true } : { refused: `it cannot be read (${code ?? 'error'})` };
  } finally {
    await handle?.close();
  }
}

function formatSize(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.ceil(bytes / 1024)} KB`;
}
