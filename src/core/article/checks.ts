import { formatMessage, msg, type Localizable } from '../util/messages';
import { parseIsoDate } from '../util/dates';
import type { CorpusRecord } from '../corpus/record';
import type { ReferenceIndex } from '../search/layeredIndex';
import { canonicalUrl, parseHttpUrl } from '../search/urls';
import { normalizeKey } from '../search/normalize';
import type { Article } from './article';
import { rangeSetOf } from './lines';
import type { Section } from './sections';
import type { MarkdownLink } from './links';
import { isDocument, type ArticleReference, type NearMiss } from './resolve';
import { detached } from '../util/text';
import { alreadyCitedMessage, linkToTitle, placeholderMessage, short, worded, type Worded } from './checkMessages';

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
  /** possible-mention: the record the text may name and the text as written (for "add as alias"). */
  readonly possibleRecord?: { readonly id: string; readonly alias: string };
}

export const DIAGNOSTIC_CODES = {
  'placeholder-link': 'warning',
  'unresolved-citation': 'warning',
  'citation-url-mismatch': 'warning',
  'citation-date-mismatch': 'warning',
  'citation-missing-last-visit': 'info',
  'source-not-cited': 'info',
  'sources-without-corpus': 'info',
  'reference-without-source': 'info',
  'duplicate-citation': 'warning',
  'ambiguous-reference': 'info',
  'possible-mention': 'info',
  'unknown-citation-key': 'warning',
  // The front matter's bibliography: files (src/core/corpus/articleBibliography.ts).
  'bibliography-problem': 'warning',
  'unknown-tag': 'warning',
  'non-canonical-tag': 'warning',
  'duplicate-tag': 'warning',
  'empty-tags-section': 'info',
  // Statute references (src/core/law/statuteChecks.ts).
  'unknown-statute-article': 'warning',
  'unknown-law': 'info',
  'ambiguous-law': 'info',
  'invalid-statute-number': 'warning',
  'law-file-problem': 'warning',
  // Point in time (src/core/law/pointInTime.ts).
  'statute-amended-since': 'info',
  'statute-abolished': 'warning',
  // Court decisions (src/core/decision/decisionChecks.ts).
  'invalid-decision-number': 'info',
} as const satisfies Record<string, DiagnosticSeverity>;
export type DiagnosticCode = keyof typeof DIAGNOSTIC_CODES;

/** The citation checks of one article. `references` come from resolveArticle on the same article. */
export function checkArticle(article: Article, references: readonly ArticleReference[], index: ReferenceIndex, nearMisses: readonly NearMiss[] = []): ArticleDiagnostic[] {
  const steps = checkArticleSteps(article, references, index, nearMisses);
  for (let step = steps.next(); ; step = steps.next()) if (step.done) return step.value;
}

/** References checked between two pauses of checkArticleSteps. */
const REFERENCES_PER_STEP = 1_024;

/** checkArticle, pausing every REFERENCES_PER_STEP references (the sliced analysis yields there: a megabyte article has thousands). */
export function* checkArticleSteps(article: Article, references: readonly ArticleReference[], index: ReferenceIndex, nearMisses: readonly NearMiss[] = []): Generator<void, ArticleDiagnostic[]> {
  let work = 0;
  const diagnostics: ArticleDiagnostic[] = [];
  // Loops by index in this generator: a for…of over an array makes an iterator result per item unless the engine
  // optimises the generator, and this runs once per keystroke over every reference.
  for (let at = 0; at < nearMisses.length; at++) {
    const miss = nearMisses[at]!;
    const record = index.get(miss.id);
    if (!record) continue;
    const alias = article.text.slice(miss.start, miss.end);
    // "Ignore" on this hint wrote the name to the workspace's alias file (corpus/aliasOverrides.ts).
    if (record.ignoredNearMisses?.includes(normalizeKey(alias))) continue;
    const message = msg('Possibly {0} ({1}% similar). If it is, add this name as an alias of the record; if not, ignore it.', quoted(record.title), Math.round(miss.score * 100));
    diagnostics.push({ start: miss.start, end: miss.end, severity: DIAGNOSTIC_CODES['possible-mention'], code: 'possible-mention', message: formatMessage(message), localizable: message, possibleRecord: { id: record.id, alias } });
  }
  // Two literals, not a spread of an optional part: every check runs on every keystroke.
  const reportWorded: Report = (start, end, code, message, fix) =>
    diagnostics.push(fix ? { start, end, severity: DIAGNOSTIC_CODES[code], code, message: message.text, localizable: message.localizable, fix } : { start, end, severity: DIAGNOSTIC_CODES[code], code, message: message.text, localizable: message.localizable });
  const report = (start: number, end: number, code: DiagnosticCode, message: Localizable, fix?: TextFix) => reportWorded(start, end, code, worded(message), fix);
  const recordOf = (reference: ArticleReference) => (reference.id ? index.get(reference.id) : undefined);
  const citedIds = new Set<string>();
  const bodyIds = new Set<string>();
  const referredIds = new Set<string>();
  /** Citations no corpus could have matched: one information for the section instead of one warning each. */
  const uncoveredSources: ArticleReference[] = [];
  /** Whether the article cites inline (keys, footnotes, links in the text): only then is a source never referred to worth a word. */
  let citesInline = article.hasFootnotes;
  /** Some other source of this article is in the corpus: the corpus covers its subject, so a miss is worth a warning. */
  const anyCitationResolved = references.some((reference) => reference.kind === 'citation' && reference.id !== undefined);

  // Whether an offset is in a links section (相關連結), by binary search: asked for every link.
  const linksSections = rangeSetOf(article.sections.filter((section) => section.kind === 'links').map((section) => sectionRange(article, section)));
  const inLinks = (offset: number) => linksSections.overlaps(offset, offset + 1) || linksSections.overlaps(offset - 1, offset);

  for (let at = 0; at < references.length; at++) {
    const reference = references[at]!;
    if (++work % REFERENCES_PER_STEP === 0) yield;
    const record = recordOf(reference);
    if (reference.candidates) {
      report(reference.start, reference.end, 'ambiguous-reference', msg('"{0}" fits {1} records equally well: {2}. Add a more specific name or a citation key.', short(reference.text), reference.candidates.length, reference.candidates.join(', ')));
    }
    if (reference.kind === 'key' && !record) {
      report(reference.start, reference.end, 'unknown-citation-key', msg('No corpus record has the id "{0}".', reference.key?.id ?? ''));
    }
    if (reference.kind === 'link' && reference.link) reportPlaceholder(reference.link, reference.text, record, reportWorded);
    if (reference.kind === 'citation' && reference.citation) {
      // A placeholder link inside a source entry: the entry's record gives the fix.
      // sourceLinks are sorted by start: a binary search to the first in the entry, not a scan of all of them.
      for (let at = firstStartingAt(article.sourceLinks, reference.start); at < article.sourceLinks.length && article.sourceLinks[at]!.start < reference.end; at++) {
        const link = article.sourceLinks[at]!;
        if (link.end <= reference.end) reportPlaceholder(link, link.text, record, reportWorded);
      }
      if (record || reference.candidates) checkCitation(reference, record, reportWorded);
      else if (anyCitationResolved || couldHaveMatched(reference, index)) checkCitation(reference, record, reportWorded);
      // A line with neither URL nor date is prose under a heading that happens to say 資料來源, not a source.
      else if (reference.citation.parsed.url || reference.citation.parsed.date) uncoveredSources.push(reference);
      if (record) citedIds.add(record.id);
    } else if (record) {
      // Body text, keys, and links in 相關連結 all refer to a source; only the first two need one.
      referredIds.add(record.id);
      if (!(reference.kind === 'link' && inLinks(reference.start))) bodyIds.add(record.id);
      if (reference.kind === 'key' || (reference.kind === 'link' && !inLinks(reference.start))) citesInline = true;
    } else if (reference.kind === 'key' || (reference.kind === 'link' && /^https?:/i.test(reference.link?.destination.trim() ?? '') && !inLinks(reference.start))) {
      citesInline = true;
    }
  }

  // Duplicates: the second and later citations of one record (or one URL).
  const seen = new Map<string, number>();
  for (let at = 0; at < references.length; at++) {
    const reference = references[at]!;
    if (++work % REFERENCES_PER_STEP === 0) yield;
    if (reference.kind !== 'citation' || !reference.citation) continue;
    const key = reference.id ?? (reference.citation.parsed.url ? canonicalOf(reference.citation.parsed.url.text) : undefined);
    if (!key) continue;
    const first = seen.get(key);
    if (first !== undefined) reportWorded(reference.start, reference.end, 'duplicate-citation', alreadyCitedMessage(first + 1));
    else seen.set(key, reference.citation.line);
  }

  // Sources never referred to (reported once per record), and body references with no source.
  if (uncoveredSources.length > 0) {
    const first = uncoveredSources[0]!;
    report(first.start, first.end, 'sources-without-corpus', msg('No corpus covers these {0} sources, so they are not checked; see README: Corpus.', uncoveredSources.length));
  }
  const notCited = new Set<string>();
  for (let at = 0; at < references.length; at++) {
    const reference = references[at]!;
    if (++work % REFERENCES_PER_STEP === 0) yield;
    if (!citesInline) break;
    if (reference.kind === 'citation' && reference.id && !referredIds.has(reference.id) && !notCited.has(reference.id)) {
      notCited.add(reference.id);
      report(reference.start, reference.end, 'source-not-cited', msg("{0} is listed in the sources but never referred to in the article's text.", quoted(recordOf(reference)?.title ?? reference.id)));
    }
  }
  const reported = new Set<string>();
  for (let at = 0; at < references.length; at++) {
    const reference = references[at]!;
    if (++work % REFERENCES_PER_STEP === 0) yield;
    const record = recordOf(reference);
    if (reference.kind === 'citation' || !record || citedIds.has(record.id) || reported.has(record.id)) continue;
    if (!isDocument(record) || !record.url || !bodyIds.has(record.id)) continue;
    reported.add(record.id);
    report(reference.start, reference.end, 'reference-without-source', msg('{0} is referred to here but has no entry in the sources (資料來源).', quoted(record.title)));
  }
  return diagnostics.sort((a, b) => a.start - b.start);
}

/**
 * An unmatched citation is worth a warning only where a corpus could have held it: the workspace has
 * records of its own, or the citation shares a URL host with a record, or fuzzy search found a near title.
 */
function couldHaveMatched(reference: ArticleReference, index: ReferenceIndex): boolean {
  if (index.ownRecordCount > 0) return true;
  const url = reference.citation?.parsed.url?.text;
  if (url && index.hasHost(url)) return true;
  return reference.score >= NEAR_TITLE_SCORE;
}

/** A fuzzy score at which a citation's title is close to a record's (but below the resolution threshold). */
const NEAR_TITLE_SCORE = 0.5;

function reportPlaceholder(link: MarkdownLink, text: string, record: CorpusRecord | undefined, report: Report): void {
  const destination = link.destination.trim();
  if (link.form !== 'inline' || (destination !== '#' && destination !== '')) return;
  const url = record?.url ? hrefOf(record.url) : undefined;
  const fix = url ? wordedFix(linkToTitle(record!, url), link.destinationStart, link.destinationEnd, url) : undefined;
  report(link.start, link.end, 'placeholder-link', placeholderMessage(text, record, url), fix);
}

type Report = (start: number, end: number, code: DiagnosticCode, message: Worded, fix?: TextFix) => void;

/** A fix's title in English plus its template. */
export function fixTitle(title: Localizable): Pick<TextFix, 'title' | 'localizedTitle'> {
  return { title: formatMessage(title), localizedTitle: title };
}

/**
 * A fix, made in one literal: `{ ...fixTitle(…), start, end, newText }` (a spread followed by properties the
 * spread object lacks) took V8's slow path, some 70 times the cost of this, for every fix of every analysis.
 */
export function textFix(title: Localizable, start: number, end: number, newText: string): TextFix {
  return { title: formatMessage(title), localizedTitle: title, start, end, newText };
}

/** textFix with its title worded already (checkMessages.ts). */
function wordedFix(title: Worded, start: number, end: number, newText: string): TextFix {
  return { title: title.text, localizedTitle: title.localizable, start, end, newText };
}

function checkCitation(reference: ArticleReference, record: CorpusRecord | undefined, report: Report): void {
  const citation = reference.citation!;
  const parsed = citation.parsed;
  if (!record) {
    if (!reference.candidates) report(citation.start, citation.end, 'unresolved-citation', worded(parsed.title || parsed.shortTitle ? msg('This source matches no corpus record ("{0}").', short((parsed.title ?? parsed.shortTitle)!.text)) : msg('This source matches no corpus record.')));
    return;
  }
  if (parsed.url && record.url && canonicalOf(parsed.url.text) !== canonicalOf(record.url)) {
    const start = citation.start + parsed.url.start;
    const end = citation.start + parsed.url.end;
    const url = hrefOf(record.url);
    report(start, end, 'citation-url-mismatch', worded(msg('The URL differs from the corpus record {0}: {1}.', record.id, record.url)), url ? textFix(msg('Use {0}', url), start, end, url) : undefined);
  }
  if (parsed.date && record.date && !sameDate(parsed.date.iso, record.date)) {
    const start = citation.start + parsed.date.span.start;
    const end = citation.start + parsed.date.span.end;
    const newText = formatLike(parsed.date.span.text, record.date);
    report(start, end, 'citation-date-mismatch', worded(msg("The date {0} differs from the corpus record's {1}.", parsed.date.span.text, record.date)), textFix(msg('Use {0}', newText), start, end, newText));
  }
  if (parsed.url && !parsed.lastVisit) {
    report(citation.start, citation.end, 'citation-missing-last-visit', worded(msg('This citation has no last-visit date, e.g. "(last visit June 30, 2024)".')));
  }
}

/** Equal on the precision both have: 2024-04 agrees with 2024-04-01. */
function sameDate(a: string, b: string): boolean {
  // Compared in place: two slices per cited source and keystroke otherwise.
  return a.length <= b.length ? b.startsWith(a) : a.startsWith(b);
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
    const [start, end] = sectionRange(article, section);
    return offset >= start && offset <= end;
  });
}

/** The index of the first link starting at or after `offset` (links sorted by start). */
function firstStartingAt(links: readonly MarkdownLink[], offset: number): number {
  let low = 0;
  let high = links.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (links[middle]!.start < offset) low = middle + 1;
    else high = middle;
  }
  return low;
}

/** From the header line's start to the last line's end (inclusive of that end, as inSection reads it). */
function sectionRange(article: Article, section: Section): [number, number] {
  const first = article.lines[section.headerLine]!;
  const last = article.lines[section.endLine - 1] ?? first;
  return [first.start, last.start + last.text.length];
}

/**
 * URLs parsed once per text: the checks run on every keystroke (incrementalAnalysis.ts) and compare the same
 * citation and record URLs each time. Both are pure; the caches start again when full.
 */
const canonicalUrls = new Map<string, string | undefined>();
const hrefs = new Map<string, string | undefined>();
const MAX_CACHED_URLS = 20_000;

function cachedBy(cache: Map<string, string | undefined>, key: string, compute: (key: string) => string | undefined): string | undefined {
  const known = cache.get(key);
  if (known !== undefined || cache.has(key)) return known;
  if (cache.size >= MAX_CACHED_URLS) cache.clear();
  const value = compute(key);
  // A copy as the key: the URL is a slice of one version of the document, which it would keep (see detached).
  cache.set(detached(key), value);
  return value;
}

function canonicalOf(url: string): string | undefined {
  return cachedBy(canonicalUrls, url, canonicalUrl);
}

function hrefOf(url: string): string | undefined {
  return cachedBy(hrefs, url, hrefOfUncached);
}

function hrefOfUncached(url: string): string | undefined {
  return parseHttpUrl(url)?.href;
}


/**
 * A corpus title inside a message, in quotes: a message never starts with data (a title such as
 * `=HYPERLINK(…` at the start of a message would be a formula once a report is opened in a spreadsheet).
 */
function quoted(title: string): string {
  return `"${title}"`;
}
