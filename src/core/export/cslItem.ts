import type { CorpusRecord } from '../corpus/record';
import { parseIsoDate } from '../util/dates';

/**
 * A record as a CSL-JSON item. A record read from a CSL-JSON library gives back its item exactly as read (so
 * export → import is lossless); any other record is described from its fields.
 */
export type CslItem = Record<string, unknown> & { id: string; type: string };

/** Our record type → the CSL type Zotero and Pandoc know. */
const RECORD_TYPE_TO_CSL: Readonly<Record<string, string>> = {
  law: 'legislation',
  regulation: 'regulation',
  case: 'legal_case',
  bill: 'bill',
  agreement: 'treaty',
  report: 'report',
  article: 'article-newspaper',
  website: 'webpage',
  'press-release': 'webpage',
  declaration: 'document',
  statement: 'document',
  book: 'book',
  chapter: 'chapter',
  speech: 'speech',
  interview: 'interview',
  event: 'event',
};

const GENRES: Readonly<Record<string, string>> = { 'press-release': 'Press release', declaration: 'Declaration', statement: 'Statement' };

export function cslDateParts(iso: string | undefined): { 'date-parts': number[][] } | undefined {
  const date = iso ? parseIsoDate(iso) : undefined;
  if (!date) return undefined;
  return { 'date-parts': [[date.year, ...(date.month ? [date.month, ...(date.day ? [date.day] : [])] : [])]] };
}

/** The shortest alias the title starts with, else the shortest alias: CSL's title-short. */
export function shortTitleOf(record: CorpusRecord): string | undefined {
  const prefixes = record.aliases.filter((alias) => alias.length < record.title.length && record.title.startsWith(alias));
  return prefixes.sort((a, b) => b.length - a.length)[0];
}

export function recordToCslItem(record: CorpusRecord): CslItem {
  // The item as the library wrote it, its own id included (ours may have been made valid from it).
  if (record.imported?.format === 'csl-json') return { id: record.id, type: 'document', ...record.imported.fields } as CslItem;
  const item: CslItem = { id: record.id, type: RECORD_TYPE_TO_CSL[record.type] ?? 'document', title: record.title };
  const short = shortTitleOf(record);
  if (short) item['title-short'] = short;
  if (record.originalTitle) item['original-title'] = record.originalTitle;
  if (GENRES[record.type]) item.genre = GENRES[record.type];
  if (record.author) item.author = [{ literal: record.author }];
  if (record.publisher) {
    if (record.type === 'article' || record.type === 'website' || record.type === 'press-release') item['container-title'] = record.publisher;
    else item.publisher = record.publisher;
  }
  const issued = cslDateParts(record.date);
  if (issued) item.issued = issued;
  const accessed = cslDateParts(record.accessed);
  if (accessed) item.accessed = accessed;
  if (record.doi) item.DOI = record.doi;
  if (record.url && !(record.doi && record.url === `https://doi.org/${record.doi}`)) item.URL = record.url;
  const summary = record.summary.zh ?? record.summary.en;
  if (summary) item.abstract = summary;
  if (record.tags.length > 0) item.keywords = record.tags.join(', ');
  if (record.lang) item.language = record.lang;
  const otherAliases = record.aliases.filter((alias) => alias !== short);
  if (otherAliases.length > 0) item.note = otherAliases.map((alias) => `alias: ${alias}`).join('\n');
  return item;
}
