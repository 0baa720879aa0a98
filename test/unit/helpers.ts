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
