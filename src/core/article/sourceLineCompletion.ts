import type { CorpusRecord } from '../corpus/record';
import type { CorpusIndex } from '../search/corpusIndex';
import { normalizeKey } from '../search/normalize';
import { canonicalUrl } from '../search/urls';
import type { ArticleAnalysis } from './analysis';
import type { Article } from './article';
import { formatCitationLine, planSourcesSection } from './sourcesSection';

/** An insertion at an offset of the article (UTF-16). */
export interface Insertion {
  readonly offset: number;
  readonly text: string;
}

/**
 * Whether the sources section already lists the record, read from the parse alone (completion runs per
 * keystroke, before any resolution): a line with the record's URL, or one naming its title or an alias.
 */
export function sourcesListRecord(article: Article, record: CorpusRecord): boolean {
  const url = record.url ? canonicalUrl(record.url) : undefined;
  const names = [record.title, ...(record.originalTitle ? [record.originalTitle] : []), ...record.aliases].map(normalizeKey).filter((name) => name.length >= 2);
  return article.citationLines.some((line) => {
    const lineUrl = line.parsed.url ? canonicalUrl(line.text.slice(line.parsed.url.start, line.parsed.url.end)) : undefined;
    if (url && lineUrl === url) return true;
    const text = normalizeKey(line.text);
    return names.some((name) => text.includes(name));
  });
}

/**
 * Where and what to insert to add the record's citation line to the article's 資料來源 section: after the
 * section's last entry, with the entries' list marker and spacing. Undefined when the article has no such
 * section or already lists the record.
 */
export function sourceLineInsertion(article: Article, record: CorpusRecord, today: string): Insertion | undefined {
  const section = article.sections.find((candidate) => candidate.kind === 'sources');
  if (!section || sourcesListRecord(article, record)) return undefined;
  const eol = article.text.includes('\r\n') ? '\r\n' : '\n';
  const content = article.lines.slice(section.firstLine, section.endLine).filter((line) => line.text.trim() !== '');
  const entry = formatCitationLine(record, today);
  if (content.length === 0) {
    const header = article.lines[section.headerLine]!;
    return { offset: header.start + header.text.length, text: `${eol}${eol}${entry}` };
  }
  const first = content[0]!;
  const last = content[content.length - 1]!;
  const marker = /^\s*((?:[-*+]|\d{1,9}[.)])\s+)?/.exec(first.text)![1] ?? '';
  const listMarker = /^\d/.test(marker) ? '' : marker;
  // One entry per line with no blank line between them stays that way.
  const next = article.lines[first.number + 1];
  const separator = content.length > 1 && next && next.text.trim() !== '' ? eol : eol + eol;
  return { offset: last.start + last.text.length, text: `${separator}${listMarker}${entry}` };
}

/** One offer of a whole citation line in the sources section. */
export interface SourceLineOffer {
  readonly record: CorpusRecord;
  readonly line: string;
}

/**
 * Citation lines of the document records the article refers to but does not list, in order of their first
 * reference: what "Generate Sources Section" would add, one at a time.
 */
export function missingSourceLines(analysis: ArticleAnalysis, index: Pick<CorpusIndex, 'get'>, today: string): SourceLineOffer[] {
  const plan = planSourcesSection(analysis, index, today);
  if (!plan) return [];
  return plan.added.flatMap((id) => {
    const record = index.get(id);
    return record ? [{ record, line: formatCitationLine(record, today) }] : [];
  });
}
