import { promises as fs, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { parseAliasesJson, type LawFileSystem } from '../core/law/lawFiles';
import { LawLibrary } from '../core/law/lawLibrary';
import { MAX_OFFICIAL_JSON_BYTES, officialToSplitFiles, readOfficialFiles, type ImportSummary, type SplitFile } from '../core/law/officialImport';
import { UsageError } from './args';
import { embeddedLawFolder, NodeLawFileSystem } from './laws';
import { toUri } from './nodeFiles';

/** A zip is read whole: more than this is not an official download (ChLaw.json.zip is a few MB). */
const MAX_INPUT_BYTES = MAX_OFFICIAL_JSON_BYTES;

export function embeddedAliases(): Map<string, string[]> {
  const file = path.join(embeddedLawFolder(), 'aliases.json');
  return parseAliasesJson(toUri(file), readFileSync(file)).aliases;
}

/** Reads and converts official files (ChLaw.json, ChOrder.json, zipped or not); every failure is a UsageError with the reason. */
export function convertOfficialFiles(files: readonly string[], cwd: string, warn: (text: string) => void): { files: SplitFile[]; summary: ImportSummary } {
  const inputs = files.map((file) => {
    const absolute = path.resolve(cwd, file);
    let size: number;
    try {
      const stat = statSync(absolute);
      if (!stat.isFile()) throw new UsageError(`${file} is not a file`);
      size = stat.size;
    } catch (error) {
      if (error instanceof UsageError) throw error;
      throw new UsageError(`law database file not found: ${file}`);
    }
    if (size > MAX_INPUT_BYTES) throw new UsageError(`${file} is ${Math.ceil(size / 1024 / 1024)} MB, more than the ${MAX_INPUT_BYTES / 1024 / 1024} MB read: it is not the law database's open data`);
    return { uri: toUri(absolute), bytes: readFileSync(absolute) as Uint8Array, size, mtime: statSync(absolute).mtimeMs };
  });
  const database = readOfficialFiles(inputs);
  if ('problem' in database) throw new UsageError(`cannot import the law database: ${database.problem.message}`);
  for (const problem of database.problems) warn(`policy-annotator: laws: ${problem.message}`);
  return officialToSplitFiles(database, embeddedAliases(), { from: inputs.map((input) => path.basename(input.uri)).join(', '), bytes: inputs.reduce((sum, input) => sum + input.size, 0) });
}

/** The --out folder, absolute: empty, missing or an imported law folder (one with source.json), never another folder. */
export async function importTarget(out: string, cwd: string): Promise<string> {
  const target = path.resolve(cwd, out);
  const existing = await fs.readdir(target).catch(() => undefined);
  if (existing && existing.length > 0 && !existing.includes('source.json')) throw new UsageError(`${out} is not empty and is not an imported law folder; choose another --out`);
  return target;
}

/** Writes the split folder next to the target and then moves it into place; returns the bytes written. */
export async function writeSplitFolder(target: string, files: readonly SplitFile[]): Promise<number> {
  const staging = `${target}.importing-${process.pid}`;
  await fs.rm(staging, { recursive: true, force: true });
  await fs.mkdir(path.join(staging, 'FalVMingLing'), { recursive: true });
  let bytes = 0;
  for (const file of files) {
    await fs.writeFile(path.join(staging, file.path), file.bytes);
    bytes += file.bytes.length;
  }
  await fs.rm(target, { recursive: true, force: true });
  await fs.rename(staging, target);
  return bytes;
}

/** `laws import <ChLaw.json|.zip>... --out <dir>`: the split folder, written next to the target and then moved into place. */
export async function importLaws(files: readonly string[], out: string | undefined, cwd: string, io: { out(text: string): void; err(text: string): void }): Promise<number> {
  if (files.length === 0) throw new UsageError('laws import needs the official file (ChLaw.json, ChOrder.json or their .zip)');
  if (!out) throw new UsageError('laws import needs --out <dir>');
  const target = await importTarget(out, cwd);
  const started = performance.now();
  const converted = convertOfficialFiles(files, cwd, io.err);
  const bytes = await writeSplitFolder(target, converted.files);
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  const { summary } = converted;
  io.out(`Imported ${summary.laws} laws (${summary.articles} articles${summary.updateDate ? `, edition of ${summary.updateDate}` : ''}) into ${out} in ${seconds} s: ${converted.files.length} files, ${(bytes / 1024 / 1024).toFixed(1)} MB.`);
  return 0;
}

/** Converted files held in memory under a folder URI, the embedded subset read from disk: `--laws ChLaw.json` needs no folder. */
class MemoryLawFileSystem implements LawFileSystem {
  readonly #disk = new NodeLawFileSystem();

  constructor(private readonly files: ReadonlyMap<string, Uint8Array>) {}

  async stat(uri: string): Promise<{ size: number } | undefined> {
    const held = this.files.get(uri);
    return held ? { size: held.length } : this.#disk.stat(uri);
  }

  async readFile(uri: string): Promise<Uint8Array> {
    return this.files.get(uri) ?? this.#disk.readFile(uri);
  }
}

/** The CLI's law library for `--laws <ChLaw.json|.zip>`: the official file converted in memory, then the embedded subset. */
export function openOfficialLawLibrary(file: string, cwd: string, log: string[]): LawLibrary {
  const converted = convertOfficialFiles([file], cwd, (text) => log.push(`error: ${text}`));
  const folder = `${toUri(path.resolve(cwd, file))}.imported`;
  const files = new Map(converted.files.map((entry) => [`${folder}/${entry.path}`, entry.bytes]));
  const embedded = toUri(embeddedLawFolder()).replace(/\/$/, '');
  return new LawLibrary({
    fileSystem: new MemoryLawFileSystem(files),
    sources: () => [{ folder }, { folder: embedded, embedded: true }],
    log: { info: (message) => log.push(message), error: (message) => log.push(`error: ${message}`) },
  });
}
