import type { JsonObjectPosition } from '../jsonPositions';
import type { CorpusProblem } from '../problems';
import type { CorpusRecord } from '../record';
import { importLibraryRecord, lineMap, type LibraryRecordFields } from './importRecord';
import {
  dateFromParts, dateFromText, doiUrl, formatName, joinNames, libraryId, normalizeDoi, parseNoteFields, recordTypeOfCsl, splitKeywords,
  type DateResult, type LibraryName,
} from './libraryFields';

/**
 * CSL-JSON, as Zotero ("CSL JSON"), Better BibTeX ("Better CSL JSON"), Pandoc and citeproc write it: an array
 * of items whose fields are CSL variables (`URL`, `issued`, `container-title` …). Each item becomes a record;
 * the item itself is kept so export gives it back unchanged.
 */

export interface CslReadContext {
  readonly uri: string;
  readonly embedded: boolean;
  /** The file's text, to find the line of an item that is not an object. */
  readonly text: string;
  /** The 0-based line of a character offset in the file. */
  lineOf(offset: number): number;
  add(record: CorpusRecord | undefined, problems: readonly CorpusProblem[]): void;
}

/** Items read between two yields, so a 20,000-item library never stalls the host. */
const ITEMS_PER_STEP = 64;

export function* readCslItems(items: readonly unknown[], positions: readonly JsonObjectPosition[], context: CslReadContext): Generator<void, void> {
  let searchFrom = 0;
  let nextPosition = 0;
  for (let index = 0; index < items.length; index++) {
    if (index % ITEMS_PER_STEP === ITEMS_PER_STEP - 1) yield;
    const item = items[index];
    // A cursor, not shift(): shifting a 20,000-element array each time is quadratic.
    const position = isObject(item) ? positions[nextPosition++] : undefined;
    if (position) searchFrom = position.start + 1;
    const line = position ? context.lineOf(position.start) : lineOfValue(context, item, searchFrom);
    if (!isObject(item)) {
      context.add(undefined, [{ uri: context.uri, line, severity: 'error', code: 'corpus-not-a-record', message: `CSL-JSON item ${index + 1} is not an object; it is skipped.` }]);
      continue;
    }
    const keyLines = lineMap();
    for (const key of position?.keys ?? []) if (!Object.hasOwn(keyLines, key.name)) keyLines[key.name] = context.lineOf(key.offset);
    const problems: CorpusProblem[] = [];
    for (const duplicate of position?.duplicateKeys ?? []) {
      problems.push({ uri: context.uri, line: context.lineOf(duplicate.offset), severity: 'warning', code: 'corpus-duplicate-key', message: `"${duplicate.name}" is written twice in CSL-JSON item ${index + 1}; the last one is used.` });
    }
    const read = readCslItem(item, index, { uri: context.uri, embedded: context.embedded, line, keyLines }, problems);
    context.add(read, problems);
  }
}

interface ItemPlace {
  readonly uri: string;
  readonly embedded: boolean;
  readonly line: number;
  /** CSL variable → line. */
  readonly keyLines: Record<string, number>;
}

/** One CSL item → a record (or undefined), its problems pushed onto `problems`. */
export function readCslItem(item: Record<string, unknown>, index: number, place: ItemPlace, problems: CorpusProblem[]): CorpusRecord | undefined {
  const lineOfKey = (key: string) => (Object.hasOwn(place.keyLines, key) ? place.keyLines[key]! : place.line);
  const report = (key: string | undefined, severity: CorpusProblem['severity'], code: string, message: string) =>
    problems.push({ uri: place.uri, line: key === undefined ? place.line : lineOfKey(key), severity, code, message });
  const fieldLines = lineMap();
  const from = (ours: string, csl: string) => {
    if (Object.hasOwn(place.keyLines, csl)) fieldLines[ours] = place.keyLines[csl]!;
  };
  const text = (key: string): string | undefined => {
    const value = item[key];
    if (typeof value === 'string') return value.trim() || undefined;
    if (typeof value === 'number' && Number.isFinite(value)) return String(value);
    if (value !== undefined && value !== null) report(key, 'warning', 'corpus-wrong-type', `CSL "${key}" must be text; it is ignored.`);
    return undefined;
  };

  const note = parseNoteFields(text('note') ?? '');
  // Zotero writes CSL variables it has no field for into Extra ("original-title: …"); they count as the variable.
  const extra = (key: string): string | undefined => note.fields.find(([name]) => name.replace(/[\s_]+/g, '-') === key.toLowerCase())?.[1];

  const fields: LibraryRecordFields = { aliases: [], tags: [] };
  const rawId = text('id');
  if (rawId !== undefined) {
    const { id, changed } = libraryId(rawId);
    if (id) fields.id = id;
    from('id', 'id');
    if (changed && id) report('id', 'info', 'corpus-id-changed', `The CSL id is not one of ours (letters, digits, . _ : -); the record's id is "${id}".`);
    else if (!id) report('id', 'error', 'corpus-invalid-id', `CSL-JSON item ${index + 1} has an id with no letter or digit; it is not indexed.`);
    if (!id) return undefined;
  } else if (item.id !== undefined) {
    from('id', 'id');
  }

  const cslType = text('type');
  from('type', 'type');
  if (cslType === undefined) {
    report(undefined, 'info', 'corpus-missing-type', `CSL-JSON item ${index + 1} has no "type"; it is read as a report.`);
    fields.type = 'report';
  } else {
    const type = recordTypeOfCsl(cslType);
    if (!type) report('type', 'info', 'corpus-unknown-type', `CSL-JSON item ${index + 1} has a type CSL does not define; it is read as a report.`);
    fields.type = type ?? 'report';
  }

  fields.title = text('title');
  from('title', 'title');
  const shortTitle = text('title-short') ?? text('shortTitle') ?? extra('title-short');
  if (!fields.title && shortTitle) fields.title = shortTitle;
  if (shortTitle && shortTitle !== fields.title) fields.aliases.push(shortTitle);
  fields.aliases.push(...note.aliases);
  from('aliases', item['title-short'] !== undefined ? 'title-short' : 'note');
  fields.originalTitle = text('original-title') ?? extra('original-title');
  from('originalTitle', 'original-title');

  fields.author = names(item, 'author', report) ?? editors(item, report);
  from('author', item.author !== undefined ? 'author' : 'editor');
  fields.publisher = text('container-title') ?? text('publisher') ?? text('authority') ?? extra('container-title') ?? extra('publisher');
  from('publisher', item['container-title'] !== undefined ? 'container-title' : item.publisher !== undefined ? 'publisher' : 'authority');

  fields.date = cslDate(item, 'issued', report) ?? optionalDate(extra('issued'), 'note', report);
  from('date', 'issued');
  fields.accessed = cslDate(item, 'accessed', report) ?? optionalDate(extra('accessed'), 'note', report);
  from('accessed', 'accessed');

  const doiText = text('DOI') ?? extra('doi');
  const doi = doiText === undefined ? undefined : normalizeDoi(doiText);
  if (doiText !== undefined && !doi) report('DOI', 'warning', 'corpus-invalid-doi', `CSL "DOI" is not a DOI (10.<digits>/…); it is ignored.`);
  fields.url = text('URL') ?? extra('url') ?? (doi ? doiUrl(doi) : undefined);
  from('url', item.URL !== undefined ? 'URL' : 'DOI');

  fields.summary = text('abstract');
  from('summary', 'abstract');
  if (item.keywords !== undefined && typeof item.keywords !== 'string' && !Array.isArray(item.keywords)) report('keywords', 'warning', 'corpus-wrong-type', 'CSL "keywords" must be text or a list of text; it is ignored.');
  fields.tags = splitKeywords(item.keywords);
  from('tags', 'keywords');
  fields.lang = text('language') ?? extra('language');
  from('lang', 'language');

  const { record, problems: validation } = importLibraryRecord(fields, doi, { format: 'csl-json', type: cslType ?? '', fields: item }, { uri: place.uri, line: place.line, fieldLines, embedded: place.embedded });
  problems.push(...validation);
  return record;
}

type Report = (key: string | undefined, severity: CorpusProblem['severity'], code: string, message: string) => void;

function names(item: Record<string, unknown>, key: string, report: Report): string | undefined {
  const value = item[key];
  if (value === undefined || value === null) return undefined;
  if (!Array.isArray(value)) {
    report(key, 'warning', 'corpus-wrong-type', `CSL "${key}" must be a list of names ({ family, given } or { literal }); it is ignored.`);
    return undefined;
  }
  const formatted: string[] = [];
  for (const name of value) {
    const text = isObject(name) ? formatName(nameParts(name)) : typeof name === 'string' ? name.trim() || undefined : undefined;
    if (text) formatted.push(text);
    else report(key, 'warning', 'corpus-wrong-type', `A name in CSL "${key}" has no family, given or literal part; it is ignored.`);
  }
  return joinNames(formatted);
}

function editors(item: Record<string, unknown>, report: Report): string | undefined {
  const joined = names(item, 'editor', report);
  if (!joined) return undefined;
  return /[\u3400-\u9fff]/.test(joined) ? `${joined}（編）` : `${joined} (ed.)`;
}

function nameParts(name: Record<string, unknown>): LibraryName {
  const part = (key: string) => (typeof name[key] === 'string' ? (name[key] as string) : undefined);
  const family = [part('non-dropping-particle'), part('family')].filter(Boolean).join(' ') || undefined;
  return { literal: part('literal'), family, given: part('given') };
}

/** A CSL date: { "date-parts": [[y, m, d]] }, { raw }, { literal }, { season } or an EDTF string. */
function cslDate(item: Record<string, unknown>, key: string, report: Report): string | undefined {
  const value = item[key];
  if (value === undefined || value === null) return undefined;
  let result: DateResult;
  if (typeof value === 'string' || typeof value === 'number') result = dateFromText(String(value).split('/')[0]!);
  else if (isObject(value)) {
    const parts = value['date-parts'];
    if (Array.isArray(parts) && Array.isArray(parts[0]) && parts[0].length > 0) result = dateFromParts(parts[0]);
    else if (typeof value.raw === 'string') result = dateFromText(value.raw);
    else if (typeof value.literal === 'string') result = dateFromText(value.literal);
    // A season alone ({ season: 2, "date-parts": [[2024]] } is handled above) says no year: nothing to keep.
    else result = { problem: 'it has neither "date-parts", "raw" nor "literal"' };
  } else result = { problem: 'it must be { "date-parts": [[year, month, day]] } or text' };
  if (result.problem) report(key, 'warning', 'corpus-invalid-date', `CSL "${key}": ${result.problem}.`);
  return result.iso;
}

function optionalDate(value: string | undefined, key: string, report: Report): string | undefined {
  if (value === undefined) return undefined;
  const result = dateFromText(value);
  if (result.problem) report(key, 'warning', 'corpus-invalid-date', `A date in the note: ${result.problem}.`);
  return result.iso;
}

/** Where a non-object item (a string, a number, a list) is written: its text after the item before it. */
function lineOfValue(context: CslReadContext, item: unknown, searchFrom: number): number {
  const written = Array.isArray(item) ? '[' : JSON.stringify(item);
  const offset = written === undefined ? -1 : context.text.indexOf(written, searchFrom);
  return offset === -1 ? context.lineOf(searchFrom) : context.lineOf(offset);
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
