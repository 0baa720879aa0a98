import { parseIsoDate } from '../util/dates';
import { nameRefusal } from '../search/spoofing';
import type { CorpusProblem } from './problems';
import type { CorpusRecord, LocalizedText } from './record';

/** Where a raw record sits in its file: its line and the line of each field (0-based). */
export interface RawLocation {
  readonly uri: string;
  readonly line: number;
  readonly fieldLines: Readonly<Record<string, number>>;
  readonly embedded: boolean;
}

export interface ValidatedRecord {
  readonly record?: CorpusRecord;
  readonly problems: CorpusProblem[];
}

const ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,199}$/;
export const RECORD_TYPES = [
  'agreement', 'declaration', 'press-release', 'statement', 'article', 'report', 'event', 'organization', 'person', 'place', 'concept', 'law', 'regulation', 'case', 'website',
  // Types of the reference libraries (CSL-JSON, BibTeX, RIS) that none of the above covers.
  'bill', 'book', 'chapter', 'speech', 'interview',
];
const MAX_TEXT = 20_000;
export const KNOWN_FIELDS = new Set([
  'id', 'type', 'title', 'originalTitle', 'aliases', 'weakAliases', 'lang', 'date', 'publisher', 'author', 'url', 'accessed', 'summary', 'tags', 'related', 'body',
  // Written by harvest (src/core/harvest/): how many articles cite the source, and facts they disagree on.
  'citedBy', 'note',
]);

/**
 * Turns one parsed object into a record, or reports why it cannot be one. A record needs an id and a
 * title; any other field with a wrong type is dropped with a warning and the record is still indexed.
 */
export function validateRecord(raw: unknown, location: RawLocation, body?: string): ValidatedRecord {
  const problems: CorpusProblem[] = [];
  const report = (field: string | undefined, severity: CorpusProblem['severity'], code: string, message: string) =>
    problems.push({ uri: location.uri, line: field === undefined || !Object.hasOwn(location.fieldLines, field) ? location.line : location.fieldLines[field]!, severity, code, message });

  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    report(undefined, 'error', 'corpus-not-a-record', `A record must be an object with an id and a title, not ${describe(raw)}.`);
    return { problems };
  }
  const fields = raw as Record<string, unknown>;
  const text = (field: string, limit = MAX_TEXT): string | undefined => {
    const value = fields[field];
    if (value === undefined || value === null) return undefined;
    if (typeof value === 'number' || typeof value === 'boolean') return String(value);
    if (typeof value !== 'string') {
      report(field, 'warning', 'corpus-wrong-type', `"${field}" must be text, not ${describe(value)}; it is ignored.`);
      return undefined;
    }
    const trimmed = value.trim();
    if (trimmed.length > limit) {
      report(field, 'warning', 'corpus-too-long', `"${field}" is longer than ${limit} characters; it is cut.`);
      return trimmed.slice(0, limit);
    }
    return trimmed.length > 0 ? trimmed : undefined;
  };
  const list = (field: string): string[] => {
    const value = fields[field];
    if (value === undefined || value === null) return [];
    const items = typeof value === 'string' ? [value] : Array.isArray(value) ? value : undefined;
    if (!items) {
      report(field, 'warning', 'corpus-wrong-type', `"${field}" must be a list of text, not ${describe(value)}; it is ignored.`);
      return [];
    }
    const strings: string[] = [];
    for (const item of items) {
      if (typeof item === 'string' || typeof item === 'number') {
        const trimmed = String(item).trim();
        if (trimmed.length > 0 && trimmed.length <= 500) strings.push(trimmed);
        else if (trimmed.length > 500) report(field, 'warning', 'corpus-too-long', `An entry of "${field}" is longer than 500 characters; it is ignored.`);
      } else {
        report(field, 'warning', 'corpus-wrong-type', `Entries of "${field}" must be text, not ${describe(item)}; that entry is ignored.`);
      }
    }
    return [...new Set(strings)];
  };
  const date = (field: string): string | undefined => {
    const value = text(field, 40);
    if (value === undefined) return undefined;
    if (!parseIsoDate(value)) {
      report(field, 'warning', 'corpus-invalid-date', `"${field}" is not a date (YYYY, YYYY-MM or YYYY-MM-DD): "${value}"; it is ignored.`);
      return undefined;
    }
    return value;
  };

  const id = text('id', 200);
  const title = text('title', 1_000);
  if (!id) report(undefined, 'error', 'corpus-missing-id', `The record has no "id"${title ? ` (title "${title.slice(0, 80)}")` : ''}; it is not indexed.`);
  else if (!ID_PATTERN.test(id)) report('id', 'error', 'corpus-invalid-id', `"${id.slice(0, 80)}" is not a valid id (letters, digits, . _ : -); the record is not indexed.`);
  if (!title) report(undefined, 'error', 'corpus-missing-title', `The record${id ? ` "${id}"` : ''} has no "title"; it is not indexed.`);
  for (const field of Object.keys(fields)) {
    if (!KNOWN_FIELDS.has(field)) report(field, 'info', 'corpus-unknown-field', `Unknown field "${field}" is ignored.`);
  }

  let type = text('type', 40) ?? 'concept';
  if (fields.type === undefined) report(undefined, 'info', 'corpus-missing-type', `The record has no "type"; "concept" is assumed.`);
  else if (!RECORD_TYPES.includes(type)) report('type', 'info', 'corpus-unknown-type', `Unknown type "${type}" (known: ${RECORD_TYPES.join(', ')}).`);
  type = type.toLowerCase();

  const url = text('url', 2_000);
  if (url !== undefined && !isHttpUrl(url)) {
    report('url', 'warning', 'corpus-unsafe-url', `"url" must be an http(s) address; "${url.slice(0, 80)}" is not linked.`);
  }

  const summary = localized(fields.summary, () =>
    report('summary', 'warning', 'corpus-wrong-type', `"summary" must be text or { zh, en }, not ${describe(fields.summary)}; it is ignored.`),
  );
  const bodyText = body?.trim() || text('body');
  if (!summary.zh && !summary.en && bodyText) {
    // The body is the summary when no summary is given.
    const firstParagraph = bodyText.split(/\n\s*\n/)[0]!.trim();
    Object.assign(summary, /[\u3400-\u9fff]/.test(firstParagraph) ? { zh: firstParagraph } : { en: firstParagraph });
  }

  const aliases = list('aliases');
  const weakAliases = fields.weakAliases === undefined || fields.weakAliases === null ? undefined : list('weakAliases');
  // Names that would spoof matches (㊀ for every 一, Kangxi radicals for 人工智慧, one character) are kept on the
  // record but never matched in articles (see spoofing.ts); the diagnostic says so without quoting them.
  for (const [field, names] of [['title', title ? [title] : []], ['originalTitle', fields.originalTitle !== undefined ? [String(fields.originalTitle)] : []], ['aliases', aliases], ['weakAliases', weakAliases ?? []]] as const) {
    for (const name of names) {
      const refusal = nameRefusal(name);
      if (refusal === 'compatibility-characters') report(field, 'warning', 'corpus-name-spoofing', `A name in "${field}" uses compatibility characters (circled, mathematical, radical or similar forms) that would match different everyday text; it is not matched in articles.`);
      else if (refusal === 'too-short' && field !== 'title') report(field, 'warning', 'corpus-name-too-short', `A name in "${field}" has one character and would match almost everywhere; it is not matched in articles.`);
    }
  }
  if (!id || !ID_PATTERN.test(id) || !title) return { problems };
  // Built field by field in a fixed order (the order the record's JSON is written in), without spreads: a
  // library of 20,000 items builds 20,000 of these.
  const record: Record<string, unknown> = { id, type, title };
  const originalTitle = text('originalTitle', 1_000);
  if (originalTitle !== undefined) record.originalTitle = originalTitle;
  // A weak alias is an alias too: listing it once, under weakAliases, is enough. `list` gives no repeats.
  record.aliases = weakAliases ? [...new Set([...aliases, ...weakAliases])] : aliases;
  if (weakAliases !== undefined) record.weakAliases = weakAliases;
  const lang = text('lang', 20);
  if (lang !== undefined) record.lang = lang;
  const dateValue = date('date');
  if (dateValue !== undefined) record.date = dateValue;
  const publisher = text('publisher', 500);
  if (publisher !== undefined) record.publisher = publisher;
  const author = text('author', 500);
  if (author !== undefined) record.author = author;
  if (url !== undefined && isHttpUrl(url)) record.url = url;
  const accessed = date('accessed');
  if (accessed !== undefined) record.accessed = accessed;
  record.summary = summary;
  record.tags = list('tags');
  record.related = list('related');
  if (bodyText !== undefined) record.body = bodyText;
  record.origin = { uri: location.uri, line: location.line, fieldLines: location.fieldLines, embedded: location.embedded };
  return { record: record as unknown as CorpusRecord, problems };
}

function localized(value: unknown, onWrongType: () => void): { zh?: string; en?: string } {
  if (value === undefined || value === null) return {};
  if (typeof value === 'string') {
    const trimmed = value.trim().slice(0, MAX_TEXT);
    if (!trimmed) return {};
    return /[\u3400-\u9fff]/.test(trimmed) ? { zh: trimmed } : { en: trimmed };
  }
  if (typeof value === 'object' && !Array.isArray(value)) {
    const result: { -readonly [K in keyof LocalizedText]: string } = {};
    for (const [language, text] of Object.entries(value as Record<string, unknown>)) {
      if (typeof text !== 'string' || !text.trim()) continue;
      const key = language.toLowerCase().startsWith('zh') ? 'zh' : language.toLowerCase().startsWith('en') ? 'en' : undefined;
      if (key) result[key] = text.trim().slice(0, MAX_TEXT);
    }
    return result;
  }
  onWrongType();
  return {};
}

function isHttpUrl(value: string): boolean {
  return /^https?:\/\/[^\s/$.?#][^\s]*$/i.test(value);
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (value instanceof Date) return 'a date object';
  return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}
