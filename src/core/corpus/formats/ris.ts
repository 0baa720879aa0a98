import type { CorpusProblem } from '../problems';
import type { CorpusRecord } from '../record';
import { importLibraryRecord, lineMap, type LibraryRecordFields } from './importRecord';
import { dateFromParts, dateFromText, doiUrl, formatName, joinNames, libraryId, normalizeDoi, parseNoteFields, recordTypeOfCsl, splitKeywords, type DateResult } from './libraryFields';

/**
 * RIS (.ris), the tagged format of library catalogues, EndNote, Zotero and Mendeley: one `XX  - value` line per
 * field, `TY` opening a reference and `ER` closing it. Read line by line (no parser needed: the citation-js
 * plugin would bring its whole framework for this). A line a reference cannot hold is reported with its line
 * and skipped; every good reference is still read.
 */

export interface RisReadContext {
  readonly uri: string;
  readonly embedded: boolean;
  add(record: CorpusRecord | undefined, problems: readonly CorpusProblem[]): void;
}

/** RIS reference types → CSL types (then record types through recordTypeOfCsl). */
const RIS_TO_CSL: Readonly<Record<string, string>> = {
  JOUR: 'article-journal', EJOUR: 'article-journal', JFULL: 'article-journal', INPR: 'article-journal', ABST: 'article-journal', MGZN: 'article-magazine',
  NEWS: 'article-newspaper', BOOK: 'book', EBOOK: 'book', EDBOOK: 'book', CHAP: 'chapter', ECHAP: 'chapter', ENCYC: 'entry-encyclopedia',
  DICT: 'entry-dictionary', RPRT: 'report', GOVDOC: 'report', STAND: 'standard', BILL: 'bill', STAT: 'legislation', LEGAL: 'regulation',
  CASE: 'legal_case', HEAR: 'hearing', ELEC: 'webpage', WEB: 'webpage', BLOG: 'post-weblog', CONF: 'paper-conference', CPAPER: 'paper-conference',
  THES: 'thesis', PAT: 'patent', DATA: 'dataset', DBASE: 'dataset', COMP: 'software', GEN: 'document', UNPB: 'manuscript', MANSCPT: 'manuscript',
  PAMP: 'pamphlet', ICOMM: 'personal_communication', PCOMM: 'personal_communication', VIDEO: 'motion_picture', MPCT: 'motion_picture',
  SOUND: 'song', MUSIC: 'musical_score', MAP: 'map', ART: 'graphic', SLIDE: 'graphic', CTLG: 'book', SER: 'book', MULTI: 'webpage', AGGR: 'dataset',
};

/** `TI  - value`: two characters (a capital, then a capital or digit), two spaces, a hyphen, a space. Exporters vary the spaces. */
const TAG_LINE = /^([A-Z][A-Z0-9])[ \t]{1,2}-(?:[ \t](.*))?$/;

interface RisReference {
  readonly line: number;
  readonly type: string;
  readonly fields: Map<string, Array<{ value: string; line: number }>>;
}

/** Reads a .ris text, yielding after every few references; never throws. */
export function* readRis(text: string, context: RisReadContext): Generator<void, void> {
  const lines = text.split(/\r\n|\n|\r/);
  const problem = (line: number, severity: CorpusProblem['severity'], code: string, message: string) => context.add(undefined, [{ uri: context.uri, line, severity, code, message }]);
  let current: RisReference | undefined;
  let last: { value: string; line: number } | undefined;
  let read = 0;
  const close = () => {
    if (current) context.add(...readRisReference(current, context));
    current = undefined;
    last = undefined;
  };
  for (let index = 0; index < lines.length; index++) {
    const lineText = lines[index]!.replace(/^\uFEFF/, '');
    if (lineText.trim() === '') continue;
    const tagged = TAG_LINE.exec(lineText.trimEnd());
    if (!tagged) {
      // Long abstracts and notes are wrapped by some exporters: a line without a tag continues the field before it.
      if (current && last) last.value += `\n${lineText.trim()}`;
      else problem(index, 'error', 'ris-syntax', 'RIS: this line is not a field ("XX  - value") and not inside a reference (after a TY line); it is skipped.');
      continue;
    }
    const tag = tagged[1]!;
    const value = (tagged[2] ?? '').trim();
    if (tag === 'TY') {
      if (current) {
        problem(index, 'warning', 'ris-missing-er', 'RIS: a new reference (TY) starts before the previous one was closed with ER; the previous one is read as it is.');
        close();
      }
      current = { line: index, type: value.toUpperCase(), fields: new Map() };
      if (++read % REFERENCES_PER_STEP === 0) yield;
      continue;
    }
    if (!current) {
      problem(index, 'error', 'ris-syntax', `RIS: a ${tag} field outside a reference (references start with a TY line); it is skipped.`);
      continue;
    }
    if (tag === 'ER') {
      close();
      continue;
    }
    last = { value, line: index };
    const values = current.fields.get(tag);
    if (values) values.push(last);
    else current.fields.set(tag, [last]);
  }
  if (current) {
    problem((current as RisReference).line, 'warning', 'ris-missing-er', 'RIS: the file ends before this reference is closed with ER; it is read as it is.');
    close();
  }
}

const REFERENCES_PER_STEP = 64;

function readRisReference(reference: RisReference, context: RisReadContext): [CorpusRecord | undefined, CorpusProblem[]] {
  const problems: CorpusProblem[] = [];
  const fieldLines = lineMap();
  const report = (line: number, severity: CorpusProblem['severity'], code: string, message: string) => problems.push({ uri: context.uri, line, severity, code, message });
  const all = (...tags: string[]) => tags.flatMap((tag) => reference.fields.get(tag) ?? []).filter((entry) => entry.value !== '');
  const first = (...tags: string[]) => all(...tags)[0];
  const take = (ours: string, ...tags: string[]): string | undefined => {
    const found = first(...tags);
    if (found) fieldLines[ours] = found.line;
    return found?.value;
  };

  const fields: LibraryRecordFields = { aliases: [], tags: [] };
  const cslType = Object.hasOwn(RIS_TO_CSL, reference.type) ? RIS_TO_CSL[reference.type] : undefined;
  if (!cslType) report(reference.line, 'info', 'corpus-unknown-type', `The RIS type "${safeTag(reference.type)}" is not one this reader knows; it is read as a report.`);
  fields.type = (cslType && recordTypeOfCsl(cslType)) ?? 'report';
  fieldLines.type = reference.line;

  fields.title = take('title', 'TI', 'T1', 'CT', 'BT', 'ST');
  const short = first('ST');
  if (short && short.value !== fields.title) fields.aliases.push(short.value);
  const note = parseNoteFields(all('N1').map((entry) => entry.value).join('\n'));
  fields.aliases.push(...note.aliases);
  if (short || note.aliases.length > 0) fieldLines.aliases = (short ?? first('N1'))!.line;
  fields.originalTitle = take('originalTitle', 'OP', 'TT');

  const authors = all('AU', 'A1');
  const editors = all('A2', 'ED');
  const names = (entries: Array<{ value: string }>) => joinNames(entries.map((entry) => risName(entry.value)).filter((name): name is string => Boolean(name)));
  const authorNames = names(authors);
  const editorNames = names(editors);
  fields.author = authorNames ?? (editorNames ? (/[\u3400-\u9fff]/.test(editorNames) ? `${editorNames}（編）` : `${editorNames} (ed.)`) : undefined);
  if (fields.author) fieldLines.author = (authors[0] ?? editors[0])!.line;
  // The journal or the book a part is in names its publisher, as container-title does in CSL.
  fields.publisher = take('publisher', 'JF', 'JO', 'T2', 'JA', 'J2', 'PB');

  const date = first('DA', 'PY', 'Y1');
  if (date) {
    const result = risDate(date.value);
    if (result.problem) report(date.line, 'warning', 'corpus-invalid-date', `RIS date: ${result.problem}.`);
    fields.date = result.iso;
    fieldLines.date = date.line;
  }
  const accessed = first('Y2');
  if (accessed) {
    const result = risDate(accessed.value);
    if (result.problem) report(accessed.line, 'warning', 'corpus-invalid-date', `RIS access date (Y2): ${result.problem}.`);
    fields.accessed = result.iso;
    fieldLines.accessed = accessed.line;
  }

  const doiEntry = first('DO');
  const doi = doiEntry ? normalizeDoi(doiEntry.value) : undefined;
  if (doiEntry && !doi) report(doiEntry.line, 'warning', 'corpus-invalid-doi', 'RIS "DO" is not a DOI (10.<digits>/…); it is ignored.');
  const url = first('UR', 'L2', 'LK');
  fields.url = url?.value ?? (doi ? doiUrl(doi) : undefined);
  if (url ?? doiEntry) fieldLines.url = (url ?? doiEntry)!.line;

  fields.summary = take('summary', 'AB', 'N2');
  const keywords = all('KW');
  fields.tags = [...new Set(keywords.flatMap((entry) => splitKeywords(entry.value)))];
  if (keywords[0]) fieldLines.tags = keywords[0].line;
  fields.lang = take('lang', 'LA');

  const idEntry = first('ID');
  const { id, changed } = libraryId(idEntry?.value ?? (doi ? `doi:${doi}` : `ris-${stableHash(`${fields.title ?? ''}|${fields.date ?? ''}|${authorNames ?? ''}`)}`));
  if (!id) {
    report(reference.line, 'error', 'corpus-missing-id', 'The RIS reference has no usable ID; it is not indexed.');
    return [undefined, problems];
  }
  if (!idEntry) report(reference.line, 'info', 'corpus-id-changed', `The RIS reference has no ID line; its record's id is "${id}" (from its DOI or its title and date).`);
  else if (changed) report(idEntry.line, 'info', 'corpus-id-changed', `The RIS ID is not one of our ids (letters, digits, . _ : -); the record's id is "${id}".`);
  fields.id = id;
  fieldLines.id = idEntry?.line ?? reference.line;

  const imported: Record<string, unknown> = {};
  for (const [tag, entries] of reference.fields) imported[tag] = entries.length === 1 ? entries[0]!.value : entries.map((entry) => entry.value);
  const { record, problems: validation } = importLibraryRecord(fields, doi, { format: 'ris', type: reference.type, fields: imported }, { uri: context.uri, line: reference.line, fieldLines, embedded: context.embedded });
  problems.push(...validation);
  return [record, problems];
}

/** `Family, Given[, Suffix]`, or a name without a comma kept whole (an organisation, a CJK name). */
function risName(value: string): string | undefined {
  const parts = value.split(',').map((part) => part.trim());
  if (parts.length === 1) return formatName({ literal: parts[0] });
  return formatName({ family: [parts[0], parts[2]].filter(Boolean).join(' '), given: parts[1] });
}

/** RIS dates: `YYYY/MM/DD/other` (parts may be empty), or a year, or any date text the other readers know. */
function risDate(value: string): DateResult {
  const slashed = /^(\d{4})(?:\/(\d{0,2})(?:\/(\d{0,2})(?:\/.*)?)?)?$/.exec(value.trim());
  if (slashed) return dateFromParts([slashed[1], slashed[2], slashed[3]].filter((part) => part !== undefined && part !== ''));
  return dateFromText(value);
}

/** A short stable id part (FNV-1a): the same reference gets the same id however the file is reordered. */
function stableHash(text: string): string {
  let hash = 0x811c9dc5;
  for (let index = 0; index < text.length; index++) hash = Math.imul(hash ^ text.charCodeAt(index), 0x01000193) >>> 0;
  return hash.toString(16).padStart(8, '0');
}

function safeTag(tag: string): string {
  return tag.replace(/[^A-Za-z0-9_-]/g, '?').slice(0, 20);
}
