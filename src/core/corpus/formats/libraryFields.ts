import { parseIsoDate } from '../../util/dates';
import { CSL_TYPES } from './cslDetect';

/**
 * Pieces shared by the reference-library readers (CSL-JSON, BibTeX): names, dates, ids, types and
 * Zotero's Extra field. Everything here is pure and never throws; what cannot be used is reported.
 */

/** A CSL name: family/given, or a literal (an organisation, or a CJK name kept whole). */
export interface LibraryName {
  readonly family?: string;
  readonly given?: string;
  readonly literal?: string;
}

const CJK = /[\u2e80-\u9fff\uf900-\ufaff\u{20000}-\u{2fa1f}]/u;

/** "蔡英文" for a CJK name (family first, no space), "Jane Smith" otherwise. */
export function formatName(name: LibraryName): string | undefined {
  const literal = name.literal?.trim();
  if (literal) return literal;
  const family = name.family?.trim() ?? '';
  const given = name.given?.trim() ?? '';
  if (!family && !given) return undefined;
  if (CJK.test(family) || CJK.test(given)) return `${family}${given}`;
  return [given, family].filter(Boolean).join(' ');
}

/** Names joined as each script joins them: 、 between CJK names, commas otherwise. */
export function joinNames(names: readonly string[]): string | undefined {
  if (names.length === 0) return undefined;
  return names.every((name) => CJK.test(name)) ? names.join('、') : names.join(', ');
}

/** Library type (CSL) → our record type. Types with no closer match become reports. */
const CSL_TYPE_TO_RECORD: Readonly<Record<string, string>> = {
  legislation: 'law',
  regulation: 'regulation',
  legal_case: 'case',
  bill: 'bill',
  treaty: 'agreement',
  hearing: 'report',
  report: 'report',
  pamphlet: 'report',
  standard: 'report',
  thesis: 'report',
  manuscript: 'report',
  dataset: 'report',
  document: 'report',
  patent: 'report',
  webpage: 'website',
  post: 'website',
  'post-weblog': 'website',
  software: 'website',
  article: 'article',
  'article-newspaper': 'article',
  'article-magazine': 'article',
  'article-journal': 'article',
  'paper-conference': 'article',
  periodical: 'article',
  review: 'article',
  'review-book': 'article',
  book: 'book',
  classic: 'book',
  collection: 'book',
  chapter: 'chapter',
  entry: 'chapter',
  'entry-dictionary': 'chapter',
  'entry-encyclopedia': 'chapter',
  speech: 'speech',
  interview: 'interview',
  broadcast: 'interview',
  event: 'event',
  personal_communication: 'statement',
};

/** CSL types that have no counterpart among record types (figure, map, song …): read as reports. */
export function recordTypeOfCsl(type: string): string | undefined {
  if (Object.hasOwn(CSL_TYPE_TO_RECORD, type)) return CSL_TYPE_TO_RECORD[type];
  return CSL_TYPES.has(type) ? 'report' : undefined;
}

export interface DateResult {
  /** YYYY, YYYY-MM or YYYY-MM-DD. */
  readonly iso?: string;
  /** Why the value was not read whole (it may still give a year). */
  readonly problem?: string;
}

/**
 * A date from its parts [year, month?, day?] (numbers or digit strings, as CSL-JSON allows). An impossible
 * month or day is dropped with a problem; the year is kept, since "2024" is still true of the source.
 */
export function dateFromParts(parts: readonly unknown[]): DateResult {
  const numbers = parts.slice(0, 3).map((part) => (typeof part === 'number' ? part : typeof part === 'string' && /^\s*-?\d{1,4}\s*$/.test(part) ? Number(part) : NaN));
  const [year, month, day] = numbers;
  if (year === undefined || !Number.isInteger(year) || year < 1 || year > 9999) return { problem: 'it has no year (a number from 1 to 9999)' };
  const yyyy = String(year).padStart(4, '0');
  if (month === undefined) return { iso: yyyy };
  const yyyymm = `${yyyy}-${String(month).padStart(2, '0')}`;
  if (!Number.isInteger(month) || !parseIsoDate(yyyymm)) return { iso: yyyy, problem: `its month is not 1 to 12; only the year ${yyyy} is kept` };
  if (day === undefined) return { iso: yyyymm };
  const full = `${yyyymm}-${String(day).padStart(2, '0')}`;
  if (!Number.isInteger(day) || !parseIsoDate(full)) return { iso: yyyymm, problem: `its day is not a day of ${yyyymm}; only ${yyyymm} is kept` };
  return { iso: full };
}

const EN_MONTH_NAMES = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/**
 * A date written as text: ISO (2024-04-01, 2024-04, 2024), with slashes or dots (2024/4/1), Chinese
 * (2024年4月1日, 民國113年4月1日), or English month names (1 April 2024, April 2024). Anything else that holds
 * one four-digit year gives that year with a problem.
 */
export function dateFromText(raw: string): DateResult {
  const text = raw.trim().slice(0, 100);
  if (!text) return {};
  const numeric = /^(\d{4})(?:[-/.](\d{1,2})(?:[-/.](\d{1,2}))?)?(?:[T ][\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?$/.exec(text);
  if (numeric) return dateFromParts([numeric[1], numeric[2], numeric[3]].filter((part) => part !== undefined));
  const chinese = /^(民國|民国)?\s*(\d{1,4})\s*年(?:\s*(\d{1,2})\s*月(?:\s*(\d{1,2})\s*日)?)?$/.exec(text);
  if (chinese) {
    const year = Number(chinese[2]) + (chinese[1] ? 1911 : 0);
    return dateFromParts([year, chinese[3], chinese[4]].filter((part) => part !== undefined));
  }
  const english = /^(?:(\d{1,2})\s+)?([A-Za-z]{3,9})\.?\s+(?:(\d{1,2}),?\s+)?(\d{4})$/.exec(text);
  const monthIndex = english ? EN_MONTH_NAMES.indexOf(english[2]!.slice(0, 3).toLowerCase()) : -1;
  if (english && monthIndex !== -1) {
    const day = english[1] ?? english[3];
    return dateFromParts([english[4], monthIndex + 1, ...(day === undefined ? [] : [day])]);
  }
  const years = text.match(/(?<!\d)\d{4}(?!\d)/g) ?? [];
  if (years.length === 1) return { iso: years[0], problem: `it is not a date the reader knows (2024-04-01, 2024/4/1, 2024年4月1日, 1 April 2024); only the year ${years[0]} is kept` };
  return { problem: 'it is not a date the reader knows (2024-04-01, 2024/4/1, 2024年4月1日, 1 April 2024)' };
}

/** A month as BibTeX writes it: 4, "04", apr, April. */
export function monthNumber(value: string): number | undefined {
  const text = value.trim().toLowerCase();
  if (/^\d{1,2}$/.test(text)) return Number(text);
  const index = EN_MONTH_NAMES.indexOf(text.slice(0, 3));
  return index === -1 ? undefined : index + 1;
}

/** Our ids are [A-Za-z0-9][A-Za-z0-9._:-]*: a library key outside that set is made into one, said so. */
export function libraryId(raw: string): { readonly id?: string; readonly changed: boolean } {
  const text = raw.trim();
  if (/^[A-Za-z0-9][A-Za-z0-9._:-]{0,199}$/.test(text)) return { id: text, changed: false };
  // Zotero's own export writes ids like "http://zotero.org/users/1/items/ABCD1234" or "1234/ABCD1234".
  const zoteroKey = /(?:^|\/)(?:items\/)?([A-Z0-9]{8})$/.exec(text);
  if (zoteroKey && text.includes('/')) return { id: zoteroKey[1], changed: true };
  const slug = text
    .normalize('NFKC')
    .replace(/[^A-Za-z0-9._:-]+/g, '-')
    .replace(/^[^A-Za-z0-9]+/, '')
    .slice(0, 200)
    .replace(/-+$/, '');
  return slug ? { id: slug, changed: true } : { changed: true };
}

/** A DOI as written (10.1000/xyz, doi:10.1000/xyz, https://doi.org/10.1000/xyz) → its bare form, or undefined. */
export function normalizeDoi(value: string): string | undefined {
  const match = /^(?:doi:\s*|https?:\/\/(?:dx\.)?doi\.org\/)?(10\.\d{4,9}\/\S+)$/i.exec(value.trim());
  return match ? match[1] : undefined;
}

export function doiUrl(doi: string): string {
  // Each segment URI-encoded (spaces, #, ?); cards encode ( ) themselves when they make a link.
  return `https://doi.org/${doi.split('/').map(encodeURIComponent).join('/')}`;
}

export interface NoteFields {
  readonly aliases: string[];
  /** Other `key: value` lines, key lower-cased, in file order (a key written twice keeps both values). */
  readonly fields: Array<readonly [string, string]>;
  /** Lines that are not `key: value` (the free text of the note). */
  readonly text: string[];
}

/**
 * Zotero's Extra field (CSL `note`, BibTeX `note`/`annotation`): `alias: …` (or 別名：…) lines are aliases,
 * other `key: value` lines are kept as fields, the rest is free text.
 */
export function parseNoteFields(note: string): NoteFields {
  const result: NoteFields = { aliases: [], fields: [], text: [] };
  for (const line of note.split(/\r?\n/)) {
    const trimmed = line.trim();
    if (!trimmed) continue;
    const field = /^([A-Za-z][A-Za-z0-9 _.-]{0,40}|別名|别名)\s*[:：]\s*(.*)$/.exec(trimmed);
    if (!field) {
      result.text.push(trimmed);
      continue;
    }
    const key = field[1]!.trim().toLowerCase();
    const value = field[2]!.trim();
    if (!value) continue;
    if (key === 'alias' || key === 'aliases' || key === '別名' || key === '别名') result.aliases.push(value);
    else result.fields.push([key, value]);
  }
  return result;
}

/** Keywords as libraries write them: a list, or one string separated by commas or semicolons. */
export function splitKeywords(value: unknown): string[] {
  const items = Array.isArray(value) ? value : typeof value === 'string' ? value.split(/\s*[,;，；、]\s*/) : [];
  return [...new Set(items.filter((item): item is string => typeof item === 'string').map((item) => item.trim()).filter(Boolean))];
}
