import { formatMessage, msg, type Localizable } from '../util/messages';
import { parseIsoDate } from '../util/dates';
import type { CorpusRecord } from '../corpus/record';
import type { CorpusIndex } from '../search/corpusIndex';
import { canonicalUrl, parseHttpUrl } from '../search/urls';
import type { Article } from './article';
import { isDocument, type ArticleReference } from './resolve';

export type DiagnosticSeverity = 'error' | 'warning' | 'info';

/** A text edit that fixes a diagnostic: replace [start, end) with newText. */
export interface TextFix {
  readonly title: string;
  /** `title` as a template, for translation. */
  readonly localizedTitle?: Localizable;
  readonly start: number;
  readonly end: number;
  readonly newText: string;
}

export interface ArticleDiagnostic {
  readonly start: number;
  readonly end: number;
  readonly severity: DiagnosticSeverity;
  readonly code: DiagnosticCode;
  /** The English message; `localizable` is the same as a template, for translation. */
  readonly message: string;
  readonly localizable?: Localizable;
  readonly fix?: TextFix;
  /** Other fixes, offered after `fix` (the nearest known tags of an unknown one). */
  readonly alternatives?: readonly TextFix[];
}

export const DIAGNOSTIC_CODES = {
  'placeholder-link': 'warning',
  'unresolved-citation': 'warning',
  'citation-url-mismatch': 'warning',
  'citation-date-mismatch': 'warning',
  'citation-missing-last-visit': 'info',
  'source-not-cited': 'info',
  'reference-without-source': 'info',
  'duplicate-citation': 'warning',
  'ambiguous-reference': 'info',
  'unknown-citation-key': 'warning',
  'unknown-tag': 'warning',
  'non-canonical-tag': 'warning',
  'duplicate-tag': 'warning',
  'empty-tags-section': 'info',
  // Statute references (src/core/law/statuteChecks.ts).
  'unknown-statute-article': 'warning',
  'unknown-law': 'info',
  'invalid-statute-number': 'warning',
  'law-file-problem': 'warning',
} as const satisfies Record<string, DiagnosticSeverity>;
export type DiagnosticCode = keyof typeof DIAGNOSTIC_CODES;

/** The citation checks of one article. `references` come from resolveArticle on the same article. */
export function checkArticle(article: Article, references: readonly ArticleReference[], index: CorpusIndex): ArticleDiagnostic[] {
  const diagnostics: ArticleDiagnostic[] = [];
  const report = (start: number, end: number, code: DiagnosticCode, message: Localizable, fix?: TextFix) =>
    diagnostics.push({ start, end, severity: DIAGNOSTIC_CODES[code], code, message: formatMessage(message), localizable: message, ...(fix ? { fix } : {}) });
  const recordOf = (reference: ArticleReference) => (reference.id ? index.get(reference.id) : undefined);
  const citedIds = new Set<string>();
  const bodyIds = new Set<string>();

  for (const reference of references) {
    const record = recordOf(reference);
    if (reference.candidates) {
      report(reference.start, reference.end, 'ambiguous-reference', msg('"{0}" fits {1} records equally well: {2}. Add a more specific name or a citation key.', short(reference.text), reference.candidates.length, reference.candidates.join(', ')));
    }
    if (reference.kind === 'key' && !record) {
      report(reference.start, reference.end, 'unknown-citation-key', msg('No corpus record has the id "{0}".', reference.key?.id ?? ''));
    }
    if (reference.kind === 'link' && reference.link) {
      const destination = reference.link.destination.trim();
      if (reference.link.form === 'inline' && (destination === '#' || destination === '')) {
        const url = record?.url ? parseHttpUrl(record.url)?.href : undefined;
        const fix = url ? { ...fixTitle(msg('Link to {0}', url)), start: reference.link.destinationStart, end: reference.link.destinationEnd, newText: url } : undefined;
        report(reference.link.start, reference.link.end, 'placeholder-link', url ? msg('Placeholder link: "{0}" is {1}, at {2}.', short(reference.text), record!.title, url) : record ? msg('Placeholder link with no URL ({0} has no URL in the corpus).', record.title) : msg('Placeholder link with no URL.'), fix);
      }
    }
    if (reference.kind === 'citation' && reference.citation) {
      checkCitation(reference, record, report);
      if (record) citedIds.add(record.id);
    } else if (record && reference.kind !== 'link') {
      bodyIds.add(record.id);
    } else if (record && reference.kind === 'link' && !inSection(article, reference.start, 'links')) {
      bodyIds.add(record.id);
    }
  }

  // Duplicates: the second and later citations of one record (or one URL).
  const seen = new Map<string, number>();
  for (const reference of references) {
    if (reference.kind !== 'citation' || !reference.citation) continue;
    const key = reference.id ?? (reference.citation.parsed.url ? canonicalUrl(reference.citation.parsed.url.text) : undefined);
    if (!key) continue;
    const first = seen.get(key);
    if (first !== undefined) report(reference.start, reference.end, 'duplicate-citation', msg('This source is already cited on line {0}.', first + 1));
    else seen.set(key, reference.citation.line);
  }

  // Sources never referred to (reported once per record), and body references with no source.
  const notCited = new Set<string>();
  for (const reference of references) {
    if (reference.kind === 'citation' && reference.id && !bodyIds.has(reference.id) && !notCited.has(reference.id)) {
      notCited.add(reference.id);
      report(reference.start, reference.end, 'source-not-cited', msg("{0} is listed in the sources but never referred to in the article's text.", quoted(recordOf(reference)?.title ?? reference.id)));
    }
  }
  const reported = new Set<string>();
  for (const reference of references) {
    const record = recordOf(reference);
    if (reference.kind === 'citation' || !record || citedIds.has(record.id) || reported.has(record.id)) continue;
    if (!isDocument(record) || !record.url || !bodyIds.has(record.id)) continue;
    reported.add(record.id);
    report(reference.start, reference.end, 'reference-without-source', msg('{0} is referred to here but has no entry in the sources (資料來源).', quoted(record.title)));
  }
  return diagnostics.sort((a, b) => a.start - b.start);
}

type Report = (start: number, end: number, code: DiagnosticCode, message: Localizable, fix?: TextFix) => void;

/** A fix's title in English plus its template. */
export function fixTitle(title: Localizable): Pick<TextFix, 'title' | 'localizedTitle'> {
  return { title: formatMessage(title), localizedTitle: title };
}

function checkCitation(reference: ArticleReference, record: CorpusRecord | undefined, report: Report): void {
  const citation = reference.citation!;
  const parsed = citation.parsed;
  const at = (span: { start: number; end: number }) => [citation.start + span.start, citation.start + span.end] as const;
  if (!record) {
    if (!reference.candidates) report(citation.start, citation.end, 'unresolved-citation', parsed.title || parsed.shortTitle ? msg('This source matches no corpus record ("{0}").', short((parsed.title ?? parsed.shortTitle)!.text)) : msg('This source matches no corpus record.'));
    return;
  }
  if (parsed.url && record.url && canonicalUrl(parsed.url.text) !== canonicalUrl(record.url)) {
    const [start, end] = at(parsed.url);
    const url = parseHttpUrl(record.url)?.href;
    report(start, end, 'citation-url-mismatch', msg('The URL differs from the corpus record {0}: {1}.', record.id, record.url), url ? { ...fixTitle(msg('Use {0}', url)), start, end, newText: url } : undefined);
  }
  if (parsed.date && record.date && !sameDate(parsed.date.iso, record.date)) {
    const [start, end] = at(parsed.date.span);
    const newText = formatLike(parsed.date.span.text, record.date);
    report(start, end, 'citation-date-mismatch', msg("The date {0} differs from the corpus record's {1}.", parsed.date.span.text, record.date), { ...fixTitle(msg('Use {0}', newText)), start, end, newText });
  }
  if (parsed.url && !parsed.lastVisit) {
    report(citation.start, citation.end, 'citation-missing-last-visit', msg('This citation has no last-visit date, e.g. "(last visit June 30, 2024)".'));
  }
}

/** Equal on the precision both have: 2024-04 agrees with 2024-04-01. */
function sameDate(a: string, b: string): boolean {
  const length = Math.min(a.length, b.length);
  return a.slice(0, length) === b.slice(0, length);
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** The record's date written in the style of the citation's own date. */
export function formatLike(original: string, iso: string): string {
  const date = parseIsoDate(iso);
  if (!date) return iso;
  const month = date.month ? MONTHS[date.month - 1]! : undefined;
  if (/年/.test(original)) {
    const roc = /^(民國)?\d{2,3}年/.test(original.trim());
    const year = roc ? `${/民國/.test(original) ? '民國' : ''}${date.year - 1911}` : String(date.year);
    return `${year}年` + (date.month ? `${date.month}月` : '') + (date.day ? `${date.day}日` : '');
  }
  if (/^\d{4},\s*[A-Za-z]/.test(original.trim()) && month) return `${date.year}, ${month}${date.day ? ` ${date.day}` : ''}`;
  if (/^[A-Za-z]/.test(original.trim()) && month) return date.day ? `${month} ${date.day}, ${date.year}` : `${month} ${date.year}`;
  if (/^\d{1,2}\s+[A-Za-z]/.test(original.trim()) && month) return `${date.day ?? ''} ${month} ${date.year}`.trim();
  return iso;
}

export function inSection(article: Article, offset: number, kind: 'links' | 'sources' | 'tags'): boolean {
  return article.sections.some((section) => {
    if (section.kind !== kind) return false;
    const first = article.lines[section.headerLine]!;
    const last = article.lines[section.endLine - 1] ?? first;
    return offset >= first.start && offset <= last.start + last.text.length;
  });
}

function short(text: string): string {
  return text.length > 60 ? `${text.slice(0, 57)}…` : text;
}

/**
 * A corpus title inside a message, in quotes: a message never starts with data (a title such as
 * `=HYPERLINK(…` at the start of a message would be a formula once a report is opened in a spreadsheet).
 */
function quoted(title: string): string {
  return `"${title}"`;
}
