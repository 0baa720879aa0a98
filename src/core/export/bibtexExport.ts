import type { CorpusRecord } from '../corpus/record';
import { parseIsoDate } from '../util/dates';
import { shortTitleOf } from './cslItem';

/**
 * Records as BibLaTeX. A record read from a .bib file is written back from the fields the parser gave
 * (Unicode, names split, macros expanded), so export → import gives the same record; any other record is
 * described from its fields.
 */

/** Fields BibLaTeX reads verbatim: no LaTeX escapes inside. */
const VERBATIM = new Set(['url', 'doi', 'eprint', 'file', 'urlraw', 'verba', 'verbb', 'verbc', 'pdf']);

const RECORD_TYPE_TO_BIBTEX: Readonly<Record<string, string>> = {
  law: 'legislation',
  regulation: 'legislation',
  bill: 'legislation',
  case: 'jurisdiction',
  agreement: 'legal',
  report: 'report',
  article: 'article',
  book: 'book',
  chapter: 'inbook',
  speech: 'speech',
  interview: 'interview',
  website: 'online',
  'press-release': 'online',
  declaration: 'online',
  statement: 'online',
};

interface Creator {
  readonly name?: string;
  readonly lastName?: string;
  readonly firstName?: string;
  readonly prefix?: string;
  readonly suffix?: string;
}

export function recordsToBibtex(records: readonly CorpusRecord[]): string {
  return records.map((record) => `${entryOf(record)}\n`).join('\n');
}

function entryOf(record: CorpusRecord): string {
  const key = record.id;
  if (record.imported?.format === 'bibtex') return writeEntry(record.imported.type, key, record.imported.fields);
  const fields: Record<string, unknown> = { title: record.title };
  const short = shortTitleOf(record);
  if (short) fields.shorttitle = short;
  if (record.originalTitle) fields.origtitle = record.originalTitle;
  if (record.author) fields.author = [{ name: record.author }];
  if (record.publisher) fields[record.type === 'article' ? 'journaltitle' : 'organization'] = record.publisher;
  if (record.type === 'article') fields.entrysubtype = 'newspaper';
  if (record.date && parseIsoDate(record.date)) fields.date = record.date;
  if (record.accessed) fields.urldate = record.accessed;
  if (record.url && !(record.doi && record.url === `https://doi.org/${record.doi}`)) fields.url = record.url;
  if (record.doi) fields.doi = record.doi;
  const summary = record.summary.zh ?? record.summary.en;
  if (summary) fields.abstract = summary;
  if (record.tags.length > 0) fields.keywords = record.tags;
  if (record.lang) fields.langid = /^zh/i.test(record.lang) ? 'chinese-traditional' : /^en/i.test(record.lang) ? 'english' : record.lang;
  const otherAliases = record.aliases.filter((alias) => alias !== short);
  // One paragraph per line of the note: BibTeX joins plain line breaks into spaces.
  if (otherAliases.length > 0) fields.note = otherAliases.map((alias) => `alias: ${alias}`).join('\n\n');
  return writeEntry(RECORD_TYPE_TO_BIBTEX[record.type] ?? 'misc', key, fields);
}

function writeEntry(type: string, key: string, fields: Readonly<Record<string, unknown>>): string {
  const lines = [`@${type.replace(/[^A-Za-z]/g, '') || 'misc'}{${key.replace(/[\s,{}()"#%'=~\\]/g, '')},`];
  for (const [name, value] of Object.entries(fields)) {
    if (!/^[A-Za-z][\w:.+-]*$/.test(name)) continue;
    const written = fieldValue(name.toLowerCase(), value);
    if (written !== undefined) lines.push(`  ${name} = {${written}},`);
  }
  lines[lines.length - 1] = lines[lines.length - 1]!.replace(/,$/, '');
  return `${lines.join('\n')}\n}`;
}

function fieldValue(name: string, value: unknown): string | undefined {
  if (typeof value === 'string' || typeof value === 'number') return VERBATIM.has(name) ? balanced(String(value)) : escapeLatex(String(value));
  if (!Array.isArray(value) || value.length === 0) return undefined;
  if (value.every((item) => typeof item === 'string')) {
    const separator = name === 'keywords' ? ', ' : ' and ';
    return value.map((item) => (separator === ' and ' ? protectAnd(escapeLatex(item)) : escapeLatex(item))).join(separator);
  }
  return (value as Creator[]).map(creator).filter(Boolean).join(' and ');
}

/** A name as BibTeX reads it back: an organisation or a CJK name braced whole, else "von Last, Jr, First". */
function creator(value: Creator): string {
  if (typeof value !== 'object' || value === null) return '';
  if (value.name) return `{${escapeLatex(value.name)}}`;
  const last = [value.prefix, value.lastName].filter(Boolean).map((part) => escapeLatex(part!)).join(' ');
  const lastPart = /\s/.test(value.lastName ?? '') ? `${value.prefix ? `${escapeLatex(value.prefix)} ` : ''}{${escapeLatex(value.lastName!)}}` : last;
  return [lastPart, value.suffix ? escapeLatex(value.suffix) : undefined, value.firstName ? escapeLatex(value.firstName) : undefined].filter((part) => part !== undefined).join(', ');
}

/** An "and" inside one list item would split it in two: braced. */
function protectAnd(text: string): string {
  return /\sand\s/i.test(text) ? `{${text}}` : text;
}

/** The characters LaTeX gives a meaning to, written so the parser gives them back as text. */
function escapeLatex(text: string): string {
  return text.replace(/[\\{}&%$#_^~]/g, (char) => {
    if (char === '\\') return '\\textbackslash{}';
    if (char === '^') return '\\textasciicircum{}';
    if (char === '~') return '\\textasciitilde{}';
    return `\\${char}`;
  });
}

/** A verbatim value with unbalanced braces would end the field early: its braces are dropped then. */
function balanced(text: string): string {
  let depth = 0;
  for (const char of text) {
    if (char === '{') depth++;
    else if (char === '}' && --depth < 0) break;
  }
  return depth === 0 ? text : text.replace(/[{}]/g, '');
}
