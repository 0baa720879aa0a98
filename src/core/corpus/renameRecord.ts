import { parseArticle } from '../article/article';
import type { CorpusIndex } from '../search/corpusIndex';
import type { CorpusRecord } from './record';

/** A valid record id (the corpus validator's rule); a key's parser also drops a final `.` or `:`. */
const NEW_ID = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,199}$/;
/** Ids written as a plain YAML scalar; anything else is written double-quoted. */
const PLAIN_YAML = /^[A-Za-z0-9][A-Za-z0-9_./-]*$/;

export type RenameRefusal = 'invalid-id' | 'id-in-use' | 'embedded' | 'not-our-format' | 'id-not-found';

/** Why a record's id cannot become `newId`, or undefined when it can. */
export function newIdRefusal(record: CorpusRecord, newId: string, index: CorpusIndex): RenameRefusal | undefined {
  if (record.origin.embedded) return 'embedded';
  if (!NEW_ID.test(newId) || newId.endsWith('.') || newId.endsWith(':')) return 'invalid-id';
  if (newId !== record.id && index.get(newId)) return 'id-in-use';
  return undefined;
}

/** The formats whose `id` the rename rewrites in place: our own (Markdown front matter, JSON, JSON Lines). */
export function corpusFormat(uri: string): 'markdown' | 'json' | undefined {
  const path = uri.split(/[?#]/)[0]!.toLowerCase();
  if (path.endsWith('.md') || path.endsWith('.markdown')) return 'markdown';
  if (path.endsWith('.json') || path.endsWith('.jsonl')) return 'json';
  return undefined;
}

/** A replacement within one line: [start, end) in UTF-16 code units of the line. */
export interface LineEdit {
  readonly start: number;
  readonly end: number;
  readonly newText: string;
}

/**
 * Where the id's value stands on the record's `id` line: `id: old` / `id: "old"` in YAML front matter,
 * `"id": "old"` in JSON. Undefined when the line does not hold it.
 */
export function idValueOnLine(lineText: string, id: string, format: 'markdown' | 'json'): { start: number; end: number } | undefined {
  if (format === 'json') {
    const match = /"id"\s*:\s*"((?:[^"\\]|\\.)*)"/.exec(lineText);
    if (!match) return undefined;
    let value: unknown;
    try {
      value = JSON.parse(`"${match[1]}"`);
    } catch {
      return undefined;
    }
    if (value !== id) return undefined;
    const start = match.index + match[0].length - match[1]!.length - 1;
    return { start, end: start + match[1]!.length };
  }
  const match = /^(\s*id\s*:\s*)(.*?)\s*(?:#.*)?$/.exec(lineText);
  if (!match) return undefined;
  const raw = match[2]!;
  const unquoted = /^(["'])(.*)\1$/.exec(raw)?.[2] ?? raw;
  if (unquoted !== id) return undefined;
  return { start: match[1]!.length, end: match[1]!.length + raw.length };
}

/** The id as written in its file's format (quoted where a plain scalar would not read back). */
export function writtenId(newId: string, format: 'markdown' | 'json'): string {
  if (format === 'json') return JSON.stringify(newId).slice(1, -1);
  return PLAIN_YAML.test(newId) ? newId : JSON.stringify(newId);
}

/** The id part (after `@`) of every citation key `[@id]` of the article naming `id`. */
export function citationKeyRanges(articleText: string, id: string): Array<{ start: number; end: number }> {
  return parseArticle(articleText)
    .keys.filter((key) => key.id === id)
    .map((key) => ({ start: key.start + 1, end: key.end }));
}
