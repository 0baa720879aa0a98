import type { Creator, Entry, Library, Options } from '@retorquere/bibtex-parser' with { 'resolution-mode': 'import' };
import { LineTable } from '../jsonPositions';
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
export type BibtexParse = (input: string, options?: Options) => Library;

/** Entries parsed between two yields: the parser is synchronous (~1 ms an entry), so a big library is fed to it in small slices. */
const ENTRIES_PER_SLICE = 16;

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
}

/** Reads a .bib text in slices of entries (yielding between them); never throws. */
export function* readBibtex(text: string, parse: BibtexParse, context: BibtexReadContext): Generator<void, void> {
  const lines = new LineTable(text);
  const slices = sliceEntries(text, ENTRIES_PER_SLICE);
  let strings: Record<string, string> = {};
  const entries: Array<{ entry: Entry; offset: number }> = [];
  const problem = (line: number, severity: CorpusProblem['severity'], code: string, message: string) => context.add(undefined, [{ uri: context.uri, line, severity, code, message }]);
  for (const slice of slices) {
    yield;
    let library: Library;
    try {
      library = parse(text.slice(slice.start, slice.end), { english: false, sentenceCase: false, caseProtection: false, unsupported: 'ignore', strings });
    } catch {
      problem(lines.lineOf(slice.start), 'error', 'bibtex-syntax', 'BibTeX: the parser gave up on these entries; they are skipped, the rest of the file is read.');
      continue;
    }
    strings = { ...strings, ...library.strings };
    const failed = new Set<string>();
    for (const error of library.errors) {
      if (error.input) failed.add(error.input);
      const errorOffset = error.input ? text.indexOf(error.input, slice.start) : -1;
      const reportedLine = /at line (\d+)/.exec(error.error);
      const line = errorOffset !== -1 ? lines.lineOf(errorOffset) : reportedLine ? lines.lineOf(slice.start) + Number(reportedLine[1]) - 1 : lines.lineOf(slice.start);
      // The parser's message quotes the file; ours names only the kind of fault.
      const kind = /^[A-Za-z][A-Za-z -]{0,60}/.exec(error.error)?.[0].trim() ?? 'syntax error';
      problem(line, 'error', 'bibtex-syntax', `BibTeX: ${kind}; this entry is skipped, the rest of the file is read.`);
    }
    let cursor = slice.start;
    for (const entry of library.entries) {
      // An entry the parser gave up on comes back empty (its error is reported above).
      if (failed.has(entry.input) || (entry.input === '' && library.errors.length > 0)) continue;
      const found = text.indexOf(entry.input, cursor);
      const offset = found === -1 ? cursor : found;
      if (found !== -1) cursor = found + entry.input.length;
      entries.push({ entry, offset });
    }
  }
  const byKey = new Map(entries.map(({ entry }) => [entry.key, entry] as const));
  for (let index = 0; index < entries.length; index++) {
    if (index % ENTRIES_PER_SLICE === ENTRIES_PER_SLICE - 1) yield;
    const { entry, offset } = entries[index]!;
    const problems: CorpusProblem[] = [];
    const withParent = inheritCrossref(entry, byKey, () =>
      problems.push({ uri: context.uri, line: lines.lineOf(offset), severity: 'warning', code: 'bibtex-missing-crossref', message: `The entry "${safeKey(entry.key)}" names a crossref parent that is not in this file; its own fields are read.` }),
    );
    context.add(readBibtexEntry(withParent, { uri: context.uri, embedded: context.embedded, offset, lines }, problems), problems);
  }
}

/**
 * Cuts the text before every `@` that starts a line, in groups of `size` entries: the parser then sees
 * a few entries at a time (a fault stays inside its group) and the reader can yield between groups.
 */
function sliceEntries(text: string, size: number): Array<{ start: number; end: number }> {
  const starts = [0];
  let count = 0;
  for (let index = text.indexOf('\n@'); index !== -1; index = text.indexOf('\n@', index + 1)) {
    if (++count % size === 0) starts.push(index + 1);
  }
  return starts.map((start, index) => ({ start, end: starts[index + 1] ?? text.length }));
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
    if (typeof value === 'string') return value.trim().normalize('NFC') || undefined;
    if (Array.isArray(value)) return value.filter((item): item is string => typeof item === 'string').join(', ').trim().normalize('NFC') || undefined;
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
  fields.tags = splitKeywords(f.keywords).map((tag) => tag.normalize('NFC'));
  from('tags', 'keywords');
  const language = text('langid') ?? text('language');
  fields.lang = language === undefined ? undefined : (LANGUAGES[language.toLowerCase()] ?? language);
  from('lang', 'langid', 'language');

  const { record, problems: validation } = importLibraryRecord(fields, doi, { format: 'bibtex', type: entry.type, fields: entry.fields }, { uri: place.uri, line, fieldLines, embedded: place.embedded });
  problems.push(...validation);
  return record;
}

/** The line of each `name =` inside the entry's own text. */
function fieldLineFinder(input: string, place: EntryPlace): (name: string) => number | undefined {
  const offsets = new Map<string, number>();
  const pattern = /(^|[,{\s])([A-Za-z][\w:.+-]*)\s*=/g;
  for (let match = pattern.exec(input); match; match = pattern.exec(input)) {
    const name = match[2]!.toLowerCase();
    if (!offsets.has(name)) offsets.set(name, match.index + match[1]!.length);
  }
  return (name) => {
    const offset = offsets.get(name.toLowerCase());
    return offset === undefined ? undefined : place.lines.lineOf(place.offset + offset);
  };
}

function creators(value: unknown): string | undefined {
  if (!Array.isArray(value)) return undefined;
  const names = (value as Creator[]).map((creator) =>
    formatName({ literal: creator.name, family: [creator.prefix, creator.lastName].filter(Boolean).join(' ') || undefined, given: [creator.firstName, creator.suffix].filter(Boolean).join(' ') || undefined }),
  );
  return joinNames(names.filter((name): name is string => Boolean(name)).map((name) => name.normalize('NFC')));
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
