import type { CorpusProblem } from '../problems';
import type { CorpusRecord, ImportedSource } from '../record';
import { validateRecord } from '../validate';

/** An item of a reference library, already in our field names: the readers fill it, validateRecord checks it. */
export interface LibraryRecordFields {
  id?: string;
  type?: string;
  title?: string;
  originalTitle?: string;
  aliases: string[];
  lang?: string;
  date?: string;
  publisher?: string;
  author?: string;
  url?: string;
  accessed?: string;
  summary?: string;
  tags: string[];
}

export interface LibraryItemLocation {
  readonly uri: string;
  readonly line: number;
  /** Our field name → the line of the library field it came from. */
  readonly fieldLines: Record<string, number>;
  readonly embedded: boolean;
}

/**
 * Turns a library item into a record through the same validation as our own formats (ids, lengths, http(s)
 * only links, dates), then keeps the DOI and the item itself so export can give it back unchanged.
 */
export function importLibraryRecord(
  fields: LibraryRecordFields,
  doi: string | undefined,
  imported: ImportedSource,
  location: LibraryItemLocation,
): { record?: CorpusRecord; problems: CorpusProblem[] } {
  const raw: Record<string, unknown> = {};
  for (const key in fields) {
    const value = fields[key as keyof LibraryRecordFields];
    if (value === undefined || (Array.isArray(value) && value.length === 0)) continue;
    raw[key] = value;
  }
  const { record, problems } = validateRecord(raw, { uri: location.uri, line: location.line, fieldLines: location.fieldLines, embedded: location.embedded });
  if (!record) return { problems };
  // The record is validateRecord's own new object: extended in place rather than copied (20,000 items a library).
  const extended = record as { -readonly [K in keyof CorpusRecord]: CorpusRecord[K] };
  if (doi) extended.doi = doi;
  extended.imported = imported;
  return { record: extended, problems };
}

/** A field map without a prototype, like the one parseFile builds. */
export function lineMap(): Record<string, number> {
  return Object.create(null) as Record<string, number>;
}
