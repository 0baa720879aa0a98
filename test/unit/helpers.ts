import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadEmbeddedCorpus } from '../../src/core/corpus/embeddedCorpus';
import type { CorpusRecord } from '../../src/core/corpus/record';
import { CorpusIndex } from '../../src/core/search/corpusIndex';

export function embeddedRecords(): CorpusRecord[] {
  return loadEmbeddedCorpus().flatMap((file) => file.records);
}

export function embeddedRecord(id: string): CorpusRecord {
  const record = embeddedRecords().find((candidate) => candidate.id === id);
  if (!record) throw new Error(`no embedded record ${id}`);
  return record;
}

export function indexOf(records: readonly CorpusRecord[]): CorpusIndex {
  const index = new CorpusIndex();
  for (const record of records) index.set(record);
  return index;
}

/** Joins lines with \n, so a fixture reads top to bottom in the test. */
export function joinLines(...lines: string[]): string {
  return lines.join('\n');
}

export function bytes(text: string): Uint8Array {
  return new TextEncoder().encode(text);
}

/**
 * CPU time (user + system, ms) this process spent running `work`: unlike wall time it does not grow when the
 * machine is busy with other work, so a bound on it fails only when the code itself got slower.
 */
export function cpuTimeMs(work: () => void): number {
  const started = process.cpuUsage();
  work();
  const { user, system } = process.cpuUsage(started);
  return (user + system) / 1000;
}

/** The same for async work (nothing else runs in a unit test process meanwhile). */
export async function cpuTimeMsAsync(work: () => Promise<unknown>): Promise<number> {
  const started = process.cpuUsage();
  await work();
  const { user, system } = process.cpuUsage(started);
  return (user + system) / 1000;
}

const temporaryFolders: string[] = [];
let cleanupRegistered = false;

/** A new temporary folder, removed when the test file's process exits (each test file runs in its own). */
export function temporaryFolder(prefix: string): string {
  const folder = mkdtempSync(path.join(os.tmpdir(), prefix));
  temporaryFolders.push(folder);
  if (!cleanupRegistered) {
    cleanupRegistered = true;
    process.on('exit', () => {
      for (const dir of temporaryFolders) rmSync(dir, { recursive: true, force: true });
    });
  }
  return folder;
}
