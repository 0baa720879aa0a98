import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseCorpusFile, type ParsedCorpusFile } from '../../src/core/corpus/parseFile';
import type { CorpusRecord } from '../../src/core/corpus/record';
import { libraryReaders } from '../../src/libraryReaders/bundled';
import { bytes } from './helpers';

/** Shared by the CSL-JSON and BibTeX tests: fixtures of test/fixtures/libraries/, parsed with the readers. */
export const libraryFixture = (name: string): string => readFileSync(path.join(__dirname, '..', '..', 'test', 'fixtures', 'libraries', name), 'utf8');

export const parseLibrary = (name: string, text: string): ParsedCorpusFile =>
  parseCorpusFile(`file:///ws/corpus/${name}`, bytes(text), { maxBytes: 5 * 1024 * 1024, readers: libraryReaders });

export const problemCodes = (file: ParsedCorpusFile): string[] => file.problems.map((problem) => `${problem.code}@${problem.line}`);

export function recordById(file: ParsedCorpusFile, id: string): CorpusRecord {
  const record = file.records.find((candidate) => candidate.id === id);
  assert.ok(record, `no record ${id} among ${file.records.map((r) => r.id).join(', ')}`);
  return record;
}
