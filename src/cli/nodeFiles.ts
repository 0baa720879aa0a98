import { promises as fs } from 'node:fs';
import path from 'node:path';
import { pathToFileURL, fileURLToPath } from 'node:url';
import type { CorpusFileSystem } from '../core/corpus/fileSystem';
import { isCorpusFileName } from '../core/corpus/parseFile';
import { GlobSet } from '../core/glob';

/** Folders never walked into. */
const SKIPPED_FOLDERS = new Set(['node_modules', '.git']);
const MAX_DEPTH = 40;

export function toUri(file: string): string {
  return pathToFileURL(path.resolve(file)).href;
}

export function toPath(uri: string): string {
  return uri.startsWith('file:') ? fileURLToPath(uri) : uri;
}

/** Every file below `root` (symlinked folders are not followed: no loops), as paths relative to root with `/`. */
export async function walk(root: string, depth = 0): Promise<string[]> {
  if (depth > MAX_DEPTH) return [];
  let entries;
  try {
    entries = await fs.readdir(root, { withFileTypes: true });
  } catch {
    return [];
  }
  const files: string[] = [];
  for (const entry of entries.sort((a, b) => (a.name < b.name ? -1 : 1))) {
    if (entry.isDirectory()) {
      if (SKIPPED_FOLDERS.has(entry.name)) continue;
      for (const inner of await walk(path.join(root, entry.name), depth + 1)) files.push(`${entry.name}/${inner}`);
    } else if (entry.isFile()) files.push(entry.name);
  }
  return files;
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
  constructor(
    private readonly corpusPaths: readonly string[],
    private readonly root: string,
    private readonly include: readonly string[],
    private readonly exclude: readonly string[],
  ) {}

  async findCorpusFiles(): Promise<string[]> {
    const found = new Set<string>();
    const excluded = new GlobSet(this.exclude);
    for (const corpusPath of this.corpusPaths) {
      const absolute = path.resolve(this.root, corpusPath);
      const stat = await fs.stat(absolute).catch(() => undefined);
      if (stat?.isDirectory()) {
        for (const file of await walk(absolute)) if (isCorpusFileName(file) && !excluded.matches(file)) found.add(toUri(path.join(absolute, file)));
      } else found.add(toUri(absolute));
    }
    if (this.include.length > 0) {
      const included = new GlobSet(this.include);
      for (const file of await walk(this.root)) if (included.matches(file) && !excluded.matches(file)) found.add(toUri(path.join(this.root, file)));
    }
    return [...found].sort();
  }

  async stat(uri: string): Promise<{ size: number } | undefined> {
    const stat = await fs.stat(toPath(uri)).catch(() => undefined);
    return stat?.isFile() ? { size: stat.size } : undefined;
  }

  async readFile(uri: string): Promise<Uint8Array> {
    return fs.readFile(toPath(uri));
  }
}
