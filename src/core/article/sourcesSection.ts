import type { CorpusRecord } from '../corpus/record';
import { parseIsoDate } from '../util/dates';
import type { CorpusIndex } from '../search/corpusIndex';
import { parseHttpUrl } from '../search/urls';
import type { ArticleAnalysis } from './analysis';
import { inSection } from './checks';
import { isDocument } from './resolve';

const EN_MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const SOURCES_HEADER = '資料來源：';

/** One text edit in UTF-16 offsets (end exclusive). */
export interface SourcesEdit {
  readonly start: number;
  readonly end: number;
  readonly newText: string;
  /** Records that got a new entry. */
  readonly added: readonly string[];
}

function englishDate(iso: string, yearFirst: boolean): string | undefined {
  const date = parseIsoDate(iso);
  if (!date) return undefined;
  if (!date.month) return String(date.year);
  const month = EN_MONTHS[date.month - 1]!;
  if (yearFirst) return `${date.year}, ${month}${date.day ? ` ${date.day}` : ''}`;
  return date.day ? `${month} ${date.day}, ${date.year}` : `${month} ${date.year}`;
}

export function rocDate(iso: string): string | undefined {
  const date = parseIsoDate(iso);
  if (!date) return undefined;
  return `${date.year - 1911}年` + (date.month ? `${date.month}月` : '') + (date.day ? `${date.day}日` : '');
}

/**
 * The seed's pair of a short name and a full title: "The Bletchley Declaration" and its original long title,
 * or a title and a shorter alias it starts with.
 */
export function titlePair(record: CorpusRecord): { short?: string; full: string } {
  if (record.originalTitle && record.originalTitle !== record.title && record.originalTitle.startsWith(record.title)) return { short: record.title, full: record.originalTitle };
  const shorter = record.aliases.filter((alias) => alias.length >= 8 && alias.length < record.title.length && record.title.startsWith(alias));
  const short = shorter.sort((a, b) => b.length - a.length)[0];
  return { ...(short ? { short } : {}), full: record.title };
}

export const isCjk = (text: string): boolean => /[\u3400-\u9fff]/.test(text);

/** Whether a record is cited in the Chinese convention (《》, 民國 last visit): its language, else its title. */
export function isChineseSource(record: CorpusRecord): boolean {
  return record.lang ? /^zh/i.test(record.lang) : isCjk(record.title);
}

/**
 * A record as a citation line in the seed article's format:
 * `Short(2024, April 1), *Title*, Publisher, <url> (last visit June 30, 2024).` for English sources, and
 * `《標題》，發布者，2024年4月1日，<url>（最後瀏覽日：113年6月30日）` for Chinese ones.
 * `today` (ISO) is the last visit when the record has no `accessed` date.
 */
export function formatCitationLine(record: CorpusRecord, today: string): string {
  const url = record.url ? parseHttpUrl(record.url)?.href : undefined;
  const visited = record.accessed ?? today;
  const by = record.publisher ?? record.author;
  if (isChineseSource(record)) {
    const parts = [`《${record.title}》`];
    if (by) parts.push(by);
    const date = record.date ? parseIsoDate(record.date) : undefined;
    if (date) parts.push(`${date.year}年` + (date.month ? `${date.month}月` : '') + (date.day ? `${date.day}日` : ''));
    if (url) parts.push(`<${url}>`);
    const visit = rocDate(visited);
    return parts.join('，') + (url && visit ? `（最後瀏覽日：${visit}）` : '');
  }
  const { short, full } = titlePair(record);
  const yearFirst = record.date ? englishDate(record.date, true) : undefined;
  const parts: string[] = [];
  if (short && yearFirst) parts.push(`${short}(${yearFirst}), *${full}*`);
  else {
    if (record.author && record.author !== by) parts.push(record.author);
    parts.push(`*${full}*`);
  }
  if (by) parts.push(by);
  if (!(short && yearFirst) && record.date) parts.push(englishDate(record.date, false) ?? record.date);
  if (url) parts.push(`<${url}>`);
  const visit = englishDate(visited, false);
  return parts.join(', ') + (url && visit ? ` (last visit ${visit}).` : '.');
}

/**
 * The edit that builds or updates the article's sources section (資料來源) from the document records its text
 * refers to: existing entries are kept word for word, entries are ordered by the first reference in the text
 * (entries the text never refers to keep their order after them), missing records are added. Running it on
 * its own result changes nothing: undefined then.
 */
export function planSourcesSection(
  analysis: ArticleAnalysis,
  index: Pick<CorpusIndex, 'get'>,
  today: string,
  /** A new entry's text: the house line by default, or a line in a citation style (src/core/styles/). */
  format: (record: CorpusRecord) => string = (record) => formatCitationLine(record, today),
): SourcesEdit | undefined {
  const { article, references } = analysis;
  const firstUse = new Map<string, number>();
  for (const reference of references) {
    if (reference.kind === 'citation' || !reference.id || firstUse.has(reference.id)) continue;
    if (reference.kind === 'link' && inSection(article, reference.start, 'links')) continue;
    const record = index.get(reference.id);
    if (record && isDocument(record) && record.url) firstUse.set(reference.id, reference.start);
  }
  const section = article.sections.find((candidate) => candidate.kind === 'sources');
  const cited = new Map<string, string>();
  const entries: Array<{ text: string; order: number }> = [];
  let listMarker = '';
  let separator = '\n\n';
  if (section) {
    // Entries one per line with no blank line between them stay that way.
    const content = article.lines.slice(section.firstLine, section.endLine);
    const firstEntry = content.findIndex((line) => line.text.trim() !== '');
    if (firstEntry >= 0 && content[firstEntry + 1] && content[firstEntry + 1]!.text.trim() !== '') separator = '\n';
    const citationAt = new Map(references.filter((reference) => reference.kind === 'citation' && reference.citation).map((reference) => [reference.citation!.line, reference]));
    for (let number = section.firstLine; number < section.endLine; number++) {
      const line = article.lines[number]!;
      if (line.text.trim() === '') continue;
      const reference = citationAt.get(number);
      if (entries.length === 0) listMarker = /^\s*([-*+]\s+)?/.exec(line.text)![1] ?? '';
      const text = line.text.trimEnd();
      const id = reference?.id;
      if (id && !cited.has(id)) cited.set(id, text);
      entries.push({ text, order: id && firstUse.has(id) ? firstUse.get(id)! : Number.MAX_SAFE_INTEGER });
    }
  }
  const added: string[] = [];
  for (const [id, order] of firstUse) {
    if (cited.has(id)) continue;
    added.push(id);
    entries.push({ text: listMarker + format(index.get(id)!), order });
  }
  if (entries.length === 0) return undefined;
  // A stable sort keeps uncited entries in their original order.
  const body = entries.sort((a, b) => a.order - b.order).map((entry) => entry.text).join(separator);
  const eol = article.text.includes('\r\n') ? '\r\n' : '\n';
  const newBody = body.replace(/\n/g, eol);
  if (section) {
    const content = article.lines.slice(section.firstLine, section.endLine);
    const nonBlank = content.filter((line) => line.text.trim() !== '');
    if (nonBlank.length === 0) {
      const header = article.lines[section.headerLine]!;
      const at = header.start + header.text.length;
      return { start: at, end: at, newText: `${eol}${eol}${newBody}`, added };
    }
    const start = nonBlank[0]!.start;
    const last = nonBlank[nonBlank.length - 1]!;
    const end = last.start + last.text.length;
    if (article.text.slice(start, end) === newBody) return undefined;
    return { start, end, newText: newBody, added };
  }
  // No section yet: before the tags section when there is one, else at the end.
  const tags = article.sections.find((candidate) => candidate.kind === 'tags');
  const block = `${SOURCES_HEADER}${eol}${eol}${newBody}${eol}`;
  if (tags) {
    const at = article.lines[tags.headerLine]!.start;
    return { start: at, end: at, newText: `${block}${eol}`, added };
  }
  const text = article.text;
  const trailing = text.endsWith(eol + eol) || text.length === 0 ? '' : text.endsWith(eol) ? eol : eol + eol;
  return { start: text.length, end: text.length, newText: `${trailing}${block}`, added };
}
