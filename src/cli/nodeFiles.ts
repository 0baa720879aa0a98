import { promises as fs } from 'node:fs';
import path from 'node:path';
import { pathToFileURL, fileURLToPath } from 'node:url';
import type { CorpusFileSystem } from '../core/corpus/fileSystem';
import { isCorpusFileName } from '../core/corpus/parseFile';
import { ALIAS_OVERRIDE_PATH, isAliasOverrideFile, MAX_OVERRIDE_BYTES } from '../core/corpus/aliasOverrides';
import { GlobSet } from '../core/util/glob';
import { checkRepositoryFile, readCapped } from './repositoryFiles';

/** A hard stop for one corpus read, far above any size setting. */
const MAX_CORPUS_READ_BYTES = 1024 * 1024 * 1024;

/** Folders never walked into. */
const SKIPPED_FOLDERS = new Set(['node_modules', '.git']);
const MAX_DEPTH = 40;

export function toUri(file: string): string {
  return pathToFileURL(path.resolve(file)).href;
}

export function toPath(uri: string): string {
  return uri.startsWith('file:') ? fileURLToPath(uri) : uri;
}

/**
 * Every file below `root`, as paths relative to root with `/`. Symbolic links to files are listed (stat()
 * decides whether they may be read); symbolic links to folders are never walked into (no loops, no escape)
 * and are listed in `linkedFolders` so they can be reported.
 */
export async function walkTree(root: string): Promise<{ files: string[]; linkedFolders: string[] }> {
  const files: string[] = [];
  const linkedFolders: string[] = [];
  const visit = async (folder: string, prefix: string, depth: number): Promise<void> => {
    if (depth > MAX_DEPTH) return;
    let entries;
    try {
      entries = await fs.readdir(folder, { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries.sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const relative = `${prefix}${entry.name}`;
      if (entry.isDirectory()) {
        if (!SKIPPED_FOLDERS.has(entry.name)) await visit(path.join(folder, entry.name), `${relative}/`, depth + 1);
      } else if (entry.isFile()) files.push(relative);
      else if (entry.isSymbolicLink()) {
        const target = await fs.stat(path.join(folder, entry.name)).catch(() => undefined);
        if (target?.isDirectory()) linkedFolders.push(relative);
        // Links to anything else (a file, a device such as /dev/zero) are listed, so reading them is refused
        // with a message rather than skipped in silence.
        else if (target) files.push(relative);
      }
    }
  };
  await visit(root, '', 0);
  return { files, linkedFolders };
}

export async function walk(root: string): Promise<string[]> {
  return (await walkTree(root)).files;
}

/** Splits a glob into the folder to walk from and the pattern below it: `docs/**\/*.md` → `docs`, `**\/*.md`. */
export function globRoot(pattern: string): { root: string; rest: string } {
  const parts = pattern.split('/');
  const firstMagic = parts.findIndex((part) => /[*?[{]/.test(part));
  if (firstMagic === -1) return { root: pattern, rest: '' };
  return { root: parts.slice(0, firstMagic).join('/') || '.', rest: parts.slice(firstMagic).join('/') };
}

export async function expandGlob(pattern: string, cwd: string): Promise<string[]> {
  const { root, rest } = globRoot(pattern.replace(/\\/g, '/'));
  const set = new GlobSet([rest]);
  const base = path.resolve(cwd, root);
  return (await walk(base)).filter((file) => set.matches(file)).map((file) => path.join(root, file));
}

/**
 * The CLI's corpus: `--corpus` folders and files, plus the configuration's include globs (relative to the
 * repository root), read with Node's fs behind the core's interface.
 */
export class NodeCorpusFileSystem implements CorpusFileSystem {
  /** Symbolic links to folders found by the last listing, where corpus files could be: reported, never followed. */
  readonly #linkedFolders = new Set<string>();
  #roots: Promise<string[]> | undefined;

  constructor(
    private readonly corpusPaths: readonly string[],
    private readonly root: string,
    private readonly include: readonly string[],
    private readonly exclude: readonly string[],
  ) {}

  async findCorpusFiles(): Promise<string[]> {
    const found = new Set<string>();
    const excluded = new GlobSet(this.exclude);
    this.#linkedFolders.clear();
    const mayHoldCorpus = (folder: string, matches: (file: string) => boolean) => ['md', 'json', 'jsonl'].some((extension) => matches(`${folder}/x.${extension}`) || matches(`${folder}/x/x.${extension}`));
    for (const corpusPath of this.corpusPaths) {
      const absolute = path.resolve(this.root, corpusPath);
      const stat = await fs.stat(absolute).catch(() => undefined);
      if (stat?.isDirectory()) {
        const tree = await walkTree(absolute);
        for (const [index, file] of tree.files.entries()) {
          if (isCorpusFileName(file) && !excluded.matches(file)) found.add(toUri(path.join(absolute, file)));
          if (index % 512 === 511) await new Promise<void>((resolve) => setImmediate(resolve));
        }
        for (const folder of tree.linkedFolders) if (!excluded.matches(folder)) this.#linkedFolders.add(toUri(path.join(absolute, folder)));
      } else found.add(toUri(absolute));
    }
    if (this.include.length > 0) {
      const included = new GlobSet(this.include);
      const tree = await walkTree(this.root);
      for (const [index, file] of tree.files.entries()) {
        if (included.matches(file) && !excluded.matches(file)) found.add(toUri(path.join(this.root, file)));
        // Matching and pathToFileURL cost ~10 µs a file: a big tree gets turns of the event loop in between.
        if (index % 512 === 511) await new Promise<void>((resolve) => setImmediate(resolve));
      }
      for (const folder of tree.linkedFolders) {
        if (mayHoldCorpus(folder, (file) => included.matches(file) && !excluded.matches(file))) this.#linkedFolders.add(toUri(path.join(this.root, folder)));
      }
    }
    for (const folder of this.#linkedFolders) found.add(folder);
    return [...found].sort();
  }

  /** `.policy-annotator/aliases.yaml` at the repository root (src/core/corpus/aliasOverrides.ts). */
  aliasOverrideFiles(): string[] {
    return [toUri(path.join(this.root, ...ALIAS_OVERRIDE_PATH.split('/')))];
  }

  async stat(uri: string): Promise<{ size: number; refused?: string } | undefined> {
    const file = toPath(uri);
    if (this.#linkedFolders.has(uri)) return { size: 0, refused: 'This is a symbolic link to a folder; linked folders are not followed (they may lead out of the workspace or loop)' };
    if (isAliasOverrideFile(uri)) {
      // Not found by a walk, which reports linked folders: the one rule for a file the CLI opens decides (a link,
      // or a folder on the way that leads outside; its own 1 MB cap before anything is read).
      const checked = await checkRepositoryFile(file, [this.root], MAX_OVERRIDE_BYTES);
      if ('refused' in checked) return checked.missing ? undefined : { size: 0, refused: `This alias file is not read: ${checked.refused}` };
      return { size: checked.size };
    }
    const own = await fs.lstat(file).catch(() => undefined);
    if (!own) return undefined;
    if (!own.isSymbolicLink()) return own.isFile() ? { size: own.size } : undefined;
    const real = await fs.realpath(file).catch(() => undefined);
    const target = real ? await fs.stat(real).catch(() => undefined) : undefined;
    if (!real || !target) return undefined;
    if (!target.isFile()) return { size: 0, refused: 'This is a symbolic link to something that is not a regular file (a device, a pipe); it is not read' };
    const inside = (await this.#realRoots()).some((root) => real === root || real.startsWith(root.endsWith(path.sep) ? root : root + path.sep));
    return inside ? { size: target.size } : { size: target.size, refused: 'This file is a symbolic link leading outside the workspace' };
  }

  async readFile(uri: string): Promise<Uint8Array> {
    // stat() has checked the file and its size; the read is capped too, so a file swapped for a device or
    // growing meanwhile cannot make it endless.
    const read = await readCapped(toPath(uri), MAX_CORPUS_READ_BYTES);
    if ('refused' in read) throw new Error(read.refused);
    return read.bytes;
  }

  /** The folders links may point into: the repository root and the --corpus folders, resolved. */
  #realRoots(): Promise<string[]> {
    this.#roots ??= Promise.all(
      [this.root, ...this.corpusPaths.map((corpusPath) => path.resolve(this.root, corpusPath))].map((folder) => fs.realpath(folder).catch(() => path.resolve(folder))),
    );
    return this.#roots;
  }
}
