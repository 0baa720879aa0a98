import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { LawFileSystem } from '../core/law/lawFiles';
import { LawLibrary, type LawSource } from '../core/law/lawLibrary';
import { toPath, toUri } from './nodeFiles';

/** Law files through Node's fs (file: URIs), for the CLI and the bench. */
export class NodeLawFileSystem implements LawFileSystem {
  async stat(uri: string): Promise<{ size: number } | undefined> {
    const stat = await fs.stat(toPath(uri)).catch(() => undefined);
    return stat?.isFile() ? { size: stat.size } : undefined;
  }

  async readFile(uri: string): Promise<Uint8Array> {
    return fs.readFile(toPath(uri));
  }
}

/** laws/embedded of the package: dist/cli.js sits in dist/, the data beside it in laws/. */
export function embeddedLawFolder(): string {
  return path.join(__dirname, '..', 'laws', 'embedded');
}

/** The CLI's law library: `--laws <dir>` first (when given), then the embedded subset. */
export function openLawLibrary(lawsDir: string | undefined, cwd: string, log: string[]): LawLibrary {
  const sources: LawSource[] = [];
  if (lawsDir) sources.push({ folder: toUri(path.resolve(cwd, lawsDir)).replace(/\/$/, '') });
  sources.push({ folder: toUri(embeddedLawFolder()).replace(/\/$/, ''), embedded: true });
  return new LawLibrary({
    fileSystem: new NodeLawFileSystem(),
    sources: () => sources,
    log: { info: (message) => log.push(message), error: (message) => log.push(`error: ${message}`) },
  });
}
