/**
 * A record's names as the corpus index reads them: title, original title, aliases, in that order (the
 * weak-alias rule and the index's build rely on it), and what decides whether a changed record needs
 * re-indexing at all.
 */
import type { CorpusRecord } from '../corpus/record';
import { normalizeKey } from './normalize';

/** Whether two records give the index the same keys: names, weak names, URL and origin kind. */
export function sameLookupKeys(a: CorpusRecord, b: CorpusRecord): boolean {
  return (
    a.title === b.title &&
    a.originalTitle === b.originalTitle &&
    a.url === b.url &&
    a.origin.embedded === b.origin.embedded &&
    sameList(a.aliases, b.aliases) &&
    (a.weakAliases === b.weakAliases || (a.weakAliases !== undefined && b.weakAliases !== undefined && sameList(a.weakAliases, b.weakAliases)))
  );
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((item, index) => item === b[index]);
}

/** namesOf(record).map(normalizeKey), without the names' array. */
export function keysOf(record: CorpusRecord): string[] {
  // Of its exact length: an array grown by push keeps room for 16 more.
  const keys = new Array<string>((record.originalTitle ? 2 : 1) + record.aliases.length);
  keysInto(record, keys);
  return keys;
}

/** keysOf(record) written into `keys` from its start, without a new array; answers how many. */
export function keysInto(record: CorpusRecord, keys: string[]): number {
  const titles = record.originalTitle ? 2 : 1;
  keys[0] = normalizeKey(record.title);
  if (titles === 2) keys[1] = normalizeKey(record.originalTitle!);
  for (let position = 0; position < record.aliases.length; position++) keys[titles + position] = normalizeKey(record.aliases[position]!);
  return titles + record.aliases.length;
}

/** namesOf(record)[position], without the array. */
export function nameAt(record: CorpusRecord, position: number): string {
  if (position === 0) return record.title;
  const titles = record.originalTitle ? 2 : 1;
  return position < titles ? record.originalTitle! : record.aliases[position - titles]!;
}

export function namesOf(record: CorpusRecord): string[] {
  return [record.title, ...(record.originalTitle ? [record.originalTitle] : []), ...record.aliases];
}
