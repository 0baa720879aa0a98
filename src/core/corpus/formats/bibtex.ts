import type { Creator, Entry } from '@retorquere/bibtex-parser' with { 'resolution-mode': 'import' };
import { LineTable } from '../jsonPositions';
import { defaultStrings, LatexValues, plainEntry, type BibtexParse } from './bibtexLatex';
import { scanBibtex, type ScannedItem } from './bibtexScan';
import { ChunkedRead, type ChunkOutput } from './bibtexChunks';
import type { CorpusProblem } from '../problems';
import type { CorpusRecord } from '../record';
import { importLibraryRecord, lineMap, type LibraryRecordFields } from './importRecord';
import {
  dateFromParts, dateFromText, doiUrl, formatName, joinNames, libraryId, monthNumber, normalizeDoi, parseNoteFields, recordTypeOfCsl, splitKeywords, type DateResult,
} from './libraryFields';

/**
 * BibTeX and BibLaTeX (.bib, Better BibTeX's output included), read with @retorquere/bibtex-parser (Better
 * BibTeX's own parser: LaTeX to Unicode, @string macros, BibLaTeX fields). The parser is heavy, so it is
 * passed in (loaded on first use in a separate file of the bundle); this module only maps its entries.
 */
export type { BibtexParse };

/** Entries scanned between two yields: entries with LaTeX go to the parser (synchronous, ~0.1 ms a value) in batches of at most this many. */
const ENTRIES_PER_SLICE = 64;
/** Entries mapped to records between two yields. */
const READ_PER_SLICE = 256;

const BIBTEX_TO_CSL: Readonly<Record<string, string>> = {
  article: 'article-journal', book: 'book', mvbook: 'book', collection: 'book', mvcollection: 'book', proceedings: 'book', mvproceedings: 'book', reference: 'book',
  inbook: 'chapter', incollection: 'chapter', bookinbook: 'chapter', suppbook: 'chapter', suppcollection: 'chapter', inreference: 'entry-encyclopedia',
  inproceedings: 'paper-conference', conference: 'paper-conference', report: 'report', techreport: 'report', manual: 'report', booklet: 'pamphlet',
  thesis: 'thesis', phdthesis: 'thesis', mastersthesis: 'thesis', online: 'webpage', electronic: 'webpage', www: 'webpage', webpage: 'webpage',
  legislation: 'legislation', jurisdiction: 'legal_case', legal: 'treaty', standard: 'standard', patent: 'patent', periodical: 'periodical',
  dataset: 'dataset', software: 'software', unpublished: 'manuscript', misc: 'document', artwork: 'graphic', audio: 'song', video: 'motion_picture',
  movie: 'motion_picture', music: 'song', letter: 'personal_communication', interview: 'interview', speech: 'speech',
};

/** The CSL type of a BibTeX entry: its entry type, refined by entrysubtype (newspaper, magazine) and a URL. */
export function cslTypeOfBibtex(entry: Pick<Entry, 'type' | 'fields'>): string | undefined {
  const type = entry.type.toLowerCase();
  const subtype = typeof entry.fields.entrysubtype === 'string' ? entry.fields.entrysubtype.toLowerCase() : '';
  if (type === 'article' && (subtype === 'newspaper' || subtype === 'magazine')) return `article-${subtype}`;
  if (type === 'misc' && typeof entry.fields.url === 'string' && !entry.fields.publisher) return 'webpage';
  return Object.hasOwn(BIBTEX_TO_CSL, type) ? BIBTEX_TO_CSL[type] : undefined;
}

const LANGUAGES: Readonly<Record<string, string>> = {
  english: 'en', american: 'en-US', british: 'en-GB', usenglish: 'en-US', ukenglish: 'en-GB', chinese: 'zh', 'chinese-traditional': 'zh-TW', 'chinese-simplified': 'zh-CN',
  japanese: 'ja', korean: 'ko', german: 'de', ngerman: 'de', french: 'fr', spanish: 'es',
};

export interface BibtexReadContext {
  readonly uri: string;
  readonly embedded: boolean;
  add(record: CorpusRecord | undefined, problems: readonly CorpusProblem[]): void;
  /** Kept between parses of the same file: the parser's answers for LaTeX values (see LatexValues). */
  readonly cache?: Map<string, unknown>;
}

/**
 * Reads a .bib text entry by entry (yielding every few entries); never throws. With a memo of the file's last
 * read (`context.cache`), only the entries that changed since are read again (bibtexChunks.ts).
 */
export function* readBibtex(text: string, parse: BibtexParse, context: BibtexReadContext): Generator<void, void> {
  const lines = new LineTable(text);
  const chunked = context.cache ? ChunkedRead.plan(text, context.cache, (offset) => lines.lineOf(offset)) : undefined;
  const outputs: Array<{ offset: number; output: ChunkOutput }> = [];
  const problem = (offset: number, severity: CorpusProblem['severity'], code: string, message: string) =>
    outputs.push({ offset, output: { record: undefined, problems: [{ uri: context.uri, line: lines.lineOf(offset), severity, code, message }] } });
  const entries = yield* entriesOfItems(chunked ? chunked.items() : scanBibtex(text), parse, problem, context.cache);
  const kept = chunked?.keptEntries() ?? [];
  // Later entries of one key win, as in the parser: file order, the kept chunks' entries included.
  const byKey = new Map((kept.length > 0 ? [...kept, ...entries].sort((a, b) => a.offset - b.offset) : entries).map(({ entry }) => [entry.key, entry] as const));
  for (let index = 0; index < entries.length; index++) {
    if (index % READ_PER_SLICE === READ_PER_SLICE - 1) yield;
    const { entry, offset } = entries[index]!;
    const problems: CorpusProblem[] = [];
    const withParent = inheritCrossref(entry, byKey, () =>
      problems.push({ uri: context.uri, line: lines.lineOf(offset), severity: 'warning', code: 'bibtex-missing-crossref', message: `The entry "${safeKey(entry.key)}" names a crossref parent that is not in this file; its own fields are read.` }),
    );
    const record = readBibtexEntry(withParent, { uri: context.uri, embedded: context.embedded, offset, lines }, problems);
    outputs.push({ offset, output: { record, problems } });
  }
  // A stable sort: an entry's own problems stay after a fault reported at its offset.
  outputs.sort((a, b) => a.offset - b.offset);
  if (chunked) chunked.emit(outputs, entries, (output) => context.add(output.record, output.problems));
  else for (const { output } of outputs) context.add(output.record, output.problems);
}

type OffsetProblem = (offset: number, severity: CorpusProblem['severity'], code: string, message: string) => void;

/**
 * The entries of a .bib text as the parser gives them (with crossref left to the reader), each with its
 * offset: fields without LaTeX mapped here, the others by the parser in batches. Faults go to `problem`.
 */
export function bibtexEntries(text: string, parse: BibtexParse, problem: OffsetProblem, cache?: Map<string, unknown>): Generator<void, Array<{ entry: Entry; offset: number }>> {
  return entriesOfItems(scanBibtex(text), parse, problem, cache);
}

/** bibtexEntries of scanned items (a whole file's, or the changed chunks' and the macros before them). */
function* entriesOfItems(items: Iterable<ScannedItem>, parse: BibtexParse, problem: OffsetProblem, cache?: Map<string, unknown>): Generator<void, Array<{ entry: Entry; offset: number }>> {
  const entries: Array<{ entry: Entry; offset: number }> = [];
  const strings = defaultStrings();
  const withLatex = new LatexValues(parse, strings, cache);
  const flush = () => {
    for (const result of withLatex.run()) {
      if (result.warning) problem(result.offset, 'warning', 'bibtex-name', `BibTeX: ${result.warning}.`);
      if (result.entry) entries.push({ entry: result.entry, offset: result.offset });
      // The parser's message quotes the file; ours names only the kind of fault.
      else problem(result.offset, 'error', 'bibtex-syntax', `BibTeX: ${result.fault}; this entry is skipped, the rest of the file is read.`);
    }
  };
  let count = 0;
  for (const item of items) {
    if (++count % ENTRIES_PER_SLICE === 0) {
      flush();
      yield;
    }
    if (item.kind === 'fault') problem(item.offset, 'error', 'bibtex-syntax', `BibTeX: ${item.message}; this entry is skipped, the rest of the file is read.`);
    else if (item.kind === 'string') strings.set(item.name, item.pieces.map((piece) => (piece.kind === 'text' ? piece.text : (strings.get(piece.text.toUpperCase()) ?? piece.text))).join(''));
    else {
      const entry = plainEntry(item, strings);
      if (entry.latex.length === 0) entries.push({ entry: entry.entry, offset: item.offset });
      else withLatex.add(item, entry.entry, entry.latex);
    }
  }
  flush();
  // Batches flush in order, but an entry without LaTeX does not wait for its batch: file order again.
  return entries.sort((a, b) => a.offset - b.offset);
}

/** BibLaTeX crossref: a child takes every field it lacks from its parent; the parent's title is its booktitle. */
function inheritCrossref(entry: Entry, byKey: ReadonlyMap<string, Entry>, missing: () => void): Entry {
  const parentKey = entry.fields.crossref;
  if (typeof parentKey !== 'string') return entry;
  const parent = byKey.get(parentKey);
  if (!parent || parent === entry) {
    missing();
    return entry;
  }
  const fields: Record<string, unknown> = { ...parent.fields, ...entry.fields };
  if (parent.fields.title && !entry.fields.booktitle) fields.booktitle = parent.fields.title;
  // The parent's title is the child's booktitle, never the child's own title.
  if (!entry.fields.title) delete fields.title;
  delete fields.crossref;
  return { ...entry, fields: fields as Entry['fields'] };
}

interface EntryPlace {
  readonly uri: string;
  readonly embedded: boolean;
  readonly offset: number;
  readonly lines: LineTable;
}

/** One parsed entry → a record, its problems pushed onto `problems`. */
export function readBibtexEntry(entry: Entry, place: EntryPlace, problems: CorpusProblem[]): CorpusRecord | undefined {
  const line = place.lines.lineOf(place.offset);
  const fieldLines = lineMap();
  const fieldLine = fieldLineFinder(entry.input, place);
  const report = (field: string | undefined, severity: CorpusProblem['severity'], code: string, message: string) =>
    problems.push({ uri: place.uri, line: field === undefined ? line : (fieldLine(field) ?? line), severity, code, message });
  const f = entry.fields as Record<string, unknown>;
  const text = (name: string): string | undefined => {
    const value = f[name];
    // The parser writes accents as combining marks (e + U+0301); NFC gives the characters people type and search.
    if (typeof value === 'string') return nfc(value.trim()) || undefined;
    if (Array.isArray(value)) return nfc(value.filter((item): item is string => typeof item === 'string').join(', ').trim()) || undefined;
    return undefined;
  };
  const from = (ours: string, ...bibtexNames: string[]) => {
    for (const name of bibtexNames) {
      const found = f[name] !== undefined ? fieldLine(name) : undefined;
      if (found !== undefined) {
        fieldLines[ours] = found;
        return;
      }
    }
  };

  const fields: LibraryRecordFields = { aliases: [], tags: [] };
  const { id, changed } = libraryId(entry.key);
  if (!id) {
    report(undefined, 'error', 'corpus-missing-id', 'The BibTeX entry has no citation key; it is not indexed.');
    return undefined;
  }
  fields.id = id;
  fieldLines.id = line;
  if (changed) report(undefined, 'info', 'corpus-id-changed', `The citation key is not one of our ids (letters, digits, . _ : -); the record's id is "${id}".`);

  const cslType = cslTypeOfBibtex(entry);
  if (!cslType) report(undefined, 'info', 'corpus-unknown-type', `The entry type @${safeKey(entry.type)} is not a BibTeX or BibLaTeX type this reader knows; it is read as a report.`);
  fields.type = (cslType && recordTypeOfCsl(cslType)) ?? 'report';
  fieldLines.type = line;

  // The parser gives a paragraph break (a blank line, \par) as <p> and \\ as <br>: lines of the note all the same.
  const note = parseNoteFields([text('note'), text('annotation'), text('annote')].filter(Boolean).join('\n').replace(/<p>|<br>/g, '\n'));
  fields.title = text('title') ?? text('shorttitle');
  from('title', 'title', 'shorttitle');
  const shortTitle = text('shorttitle');
  if (shortTitle && shortTitle !== fields.title) fields.aliases.push(shortTitle);
  fields.aliases.push(...note.aliases);
  from('aliases', f.shorttitle !== undefined ? 'shorttitle' : f.note !== undefined ? 'note' : 'annotation');
  fields.originalTitle = text('origtitle');
  from('originalTitle', 'origtitle');

  const authors = creators(f.author);
  const editors = creators(f.editor);
  fields.author = authors ?? (editors ? (/[\u3400-\u9fff]/.test(editors) ? `${editors}（編）` : `${editors} (ed.)`) : undefined);
  from('author', 'author', 'editor');
  fields.publisher = text('journaltitle') ?? text('journal') ?? text('booktitle') ?? text('institution') ?? text('organization') ?? text('publisher') ?? text('school');
  from('publisher', 'journaltitle', 'journal', 'booktitle', 'institution', 'organization', 'publisher', 'school');

  fields.date = bibDate(f, report);
  from('date', 'date', 'year');
  const accessed = text('urldate');
  if (accessed) {
    const result = dateFromText(accessed.split('/')[0]!);
    if (result.problem) report('urldate', 'warning', 'corpus-invalid-date', `BibTeX "urldate": ${result.problem}.`);
    fields.accessed = result.iso;
  }
  from('accessed', 'urldate');

  const doiText = text('doi');
  const doi = doiText === undefined ? undefined : normalizeDoi(doiText);
  if (doiText !== undefined && !doi) report('doi', 'warning', 'corpus-invalid-doi', 'BibTeX "doi" is not a DOI (10.<digits>/…); it is ignored.');
  fields.url = text('url') ?? (typeof f.howpublished === 'string' && /^https?:\/\//i.test(f.howpublished.trim()) ? f.howpublished.trim() : undefined) ?? (doi ? doiUrl(doi) : undefined);
  from('url', 'url', 'howpublished', 'doi');

  fields.summary = text('abstract');
  from('summary', 'abstract');
  fields.tags = splitKeywords(f.keywords).map(nfc);
  from('tags', 'keywords');
  const language = text('langid') ?? text('language');
  fields.lang = language === undefined ? undefined : (LANGUAGES[language.toLowerCase()] ?? language);
  from('lang', 'langid', 'language');

  const { record, problems: validation } = importLibraryRecord(fields, doi, { format: 'bibtex', type: entry.type, fields: entry.fields }, { uri: place.uri, line, fieldLines, embedded: place.embedded });
  problems.push(...validation);
  return record;
}

/**
 * The line of each `name =` inside the entry's own text (the first one of a name): a name after the start, a
 * comma, a brace or white space, followed by `=`, as /(^|[,{\s])([A-Za-z][\w:.+-]*)\s*=/g finds them, read
 * character by character (a regular expression's match arrays for every field of 20,000 entries cost more).
 */
export function fieldLineFinder(input: string, place: EntryPlace): (name: string) => number | undefined {
  // Lines counted from the entry's own line as the names come, in order: no search of the file's line table per field.
  const lineOfName = new Map<string, number>();
  let line = place.lines.lineOf(place.offset);
  let counted = 0;
  for (let at = 0; at < input.length; ) {
    // As the expression tries each position: `^` then a name at 0, or a separator here then a name after it.
    const name = (at === 0 ? nameAt(input, 0) : undefined) ?? (isSeparator(input.charCodeAt(at)) ? nameAt(input, at + 1) : undefined);
    if (!name) {
      at++;
      continue;
    }
    const key = input.slice(name.start, name.end).toLowerCase();
    if (!lineOfName.has(key)) {
      for (let newline = input.indexOf('\n', counted); newline !== -1 && newline < name.start; newline = input.indexOf('\n', newline + 1)) {
        line++;
        counted = newline + 1;
      }
      lineOfName.set(key, line);
    }
    at = name.next;
  }
  return (name) => lineOfName.get(name.toLowerCase());
}

/** The field name starting at `start` when `=` follows it (after white space), and where reading goes on. */
function nameAt(input: string, start: number): { start: number; end: number; next: number } | undefined {
  if (!isLetter(input.charCodeAt(start))) return undefined;
  let end = start + 1;
  while (end < input.length && isNameChar(input.charCodeAt(end))) end++;
  let equals = end;
  while (equals < input.length && isSpace(input.charCodeAt(equals))) equals++;
  return input.charCodeAt(equals) === 0x3d /* = */ ? { start, end, next: equals + 1 } : undefined;
}

function isLetter(code: number): boolean {
  return (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a);
}

/** [\w:.+-] */
function isNameChar(code: number): boolean {
  return isLetter(code) || (code >= 0x30 && code <= 0x39) || code === 0x5f || code === 0x3a || code === 0x2e || code === 0x2b || code === 0x2d;
}

/** [,{\s] */
function isSeparator(code: number): boolean {
  return code === 0x2c || code === 0x7b || isSpace(code);
}

/** JavaScript's \s. */
function isSpace(code: number): boolean {
  if (code <= 0x20) return code === 0x20 || (code >= 0x09 && code <= 0x0d);
  if (code < 0xa0) return false;
  return code === 0xa0 || code === 0x1680 || (code >= 0x2000 && code <= 0x200a) || code === 0x2028 || code === 0x2029 || code === 0x202f || code === 0x205f || code === 0x3000 || code === 0xfeff;
}

/** NFC changes nothing in text below U+0300 (no combining marks, no compositions): most fields skip it. */
const MAY_NEED_NFC = /[\u0300-\uffff]/;

function nfc(text: string): string {
  return MAY_NEED_NFC.test(text) ? text.normalize('NFC') : text;
}

function creators(value: unknown): string | undefined {
  if (!Array.isArray(value)) return undefined;
  const names = (value as Creator[]).map((creator) =>
    formatName({ literal: creator.name, family: [creator.prefix, creator.lastName].filter(Boolean).join(' ') || undefined, given: [creator.firstName, creator.suffix].filter(Boolean).join(' ') || undefined }),
  );
  return joinNames(names.filter((name): name is string => Boolean(name)).map(nfc));
}

type Report = (field: string | undefined, severity: CorpusProblem['severity'], code: string, message: string) => void;

/** BibLaTeX `date` (ISO or EDTF, a range keeps its start), else BibTeX `year` and `month`. */
function bibDate(f: Record<string, unknown>, report: Report): string | undefined {
  let result: DateResult;
  let field: string;
  if (typeof f.date === 'string' && f.date.trim()) {
    field = 'date';
    result = dateFromText(f.date.split('/')[0]!);
  } else if (typeof f.year === 'string' && f.year.trim()) {
    field = 'year';
    const month = typeof f.month === 'string' ? monthNumber(f.month) : undefined;
    const day = typeof f.day === 'string' ? f.day.trim() : undefined;
    const year = /^\d{4}$/.exec(f.year.trim());
    result = year ? dateFromParts([year[0], ...(month ? [month, ...(day ? [day] : [])] : [])]) : dateFromText(f.year);
    if (typeof f.month === 'string' && month === undefined) report('month', 'warning', 'corpus-invalid-date', 'BibTeX "month" is not a month (1 to 12, jan to dec); only the year is kept.');
  } else return undefined;
  if (result.problem) {
    const at = field === 'year' && /month/.test(result.problem) ? 'month' : field;
    report(at, 'warning', 'corpus-invalid-date', `BibTeX "${at}": ${result.problem}.`);
  }
  return result.iso;
}

/** A key or type for a message: only the characters of an id, cut short. */
function safeKey(key: string): string {
  return key.replace(/[^A-Za-z0-9._:-]/g, '?').slice(0, 60);
}
