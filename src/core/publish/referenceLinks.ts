import type { ArticleAnalysis } from '../article/analysis';
import type { CorpusRecord, UiLanguage } from '../corpus/record';
import { formatDateWithRoc } from '../util/dates';
import { safeHttpUrl } from '../util/markdownEscape';

/**
 * What the Markdown preview and `policy-annotator render` add to an article's HTML, planned from the same
 * analysis the editor runs (offsets are UTF-16 offsets into the article's text, end exclusive). The markdown-it
 * plugin (markdownItReferences.ts) maps them onto tokens; every string here is plain text that the renderer
 * escapes, every href is an http(s) URL or an anchor of this page.
 */
export interface ReferenceSpan {
  readonly start: number;
  readonly end: number;
  readonly kind: 'record' | 'statute' | 'decision';
  /** An http(s) URL (checked) or `#pa-source-N`; none: a tooltip only. */
  readonly href?: string;
  /** The tooltip: plain text, at most a few hundred characters. */
  readonly title: string;
}

/** A citation line in 資料來源: its anchor id, so references in the text can link to it. */
export interface SourceAnchor {
  /** The 0-based line the entry starts on, and its offset (after the list marker). */
  readonly line: number;
  readonly start: number;
  readonly id: string;
}

export interface ReferenceLinkPlan {
  /** The text the plan was made for: the plugin uses it only when it renders exactly this text. */
  readonly text: string;
  /** Offsets where each line starts (index: 0-based line number). */
  readonly lineStarts: readonly number[];
  /** Sorted by start, never overlapping. */
  readonly spans: readonly ReferenceSpan[];
  /** Markdown links whose text resolves to a record: the link text's start → tooltip. */
  readonly linkTitles: ReadonlyMap<number, string>;
  readonly anchors: readonly SourceAnchor[];
  /** The 資料來源 header lines (0-based), for styling. */
  readonly sourcesHeadingLines: readonly number[];
  /** The tooltip of a placeholder link (`(#)`), in the reader's language. */
  readonly placeholderTitle: string;
}

const MAX_TOOLTIP = 300;

/**
 * A tooltip from untrusted text: control and bidi characters become spaces (they could reorder what the reader
 * sees), runs of white space one space, cut to `max` characters with an ellipsis. HTML escaping is the
 * renderer's job (markdown-it escapes attribute values).
 */
export function tooltipText(text: string, max = MAX_TOOLTIP): string {
  // eslint-disable-next-line no-control-regex -- the point is to drop control characters
  const clean = text.replace(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g, ' ').replace(/[ \t]+/g, ' ').replace(/ *\n+ */g, '\n').trim();
  return clean.length > max ? `${clean.slice(0, max - 1).trimEnd()}…` : clean;
}

/** "The Bletchley Declaration · 2023年11月1日／民國112年 · GOV.UK": title, date and publisher of a record. */
export function recordTooltip(record: CorpusRecord, language: UiLanguage): string {
  const date = record.date ? (formatDateWithRoc(record.date, language) ?? record.date) : undefined;
  return tooltipText([record.title, date, record.publisher ?? record.author].filter((part): part is string => Boolean(part)).join(' · '));
}

/** The link of a record: its URL, else its DOI, when http(s). */
export function recordHref(record: CorpusRecord): string | undefined {
  return safeHttpUrl(record.url) ?? (record.doi ? safeHttpUrl(`https://doi.org/${record.doi}`) : undefined);
}

export interface PlanInput {
  readonly analysis: ArticleAnalysis;
  readonly language: UiLanguage;
  /** Statute and decision spans, made by the law and decision layers (statuteLinks.ts, decisionLinks.ts). */
  readonly extraSpans?: readonly ReferenceSpan[];
}

/**
 * The plan of one article: mentions and citation keys that resolve to a record link to its source (a key to
 * its entry in 資料來源 when the article lists it there; a record with no URL to that entry too, or to nothing
 * but a tooltip); resolved Markdown links get the record as tooltip; every citation line gets an anchor.
 * Unresolved and ambiguous references get nothing.
 */
export function planReferenceLinks(input: PlanInput): ReferenceLinkPlan {
  const { analysis, language } = input;
  const { article } = analysis;
  const anchors: SourceAnchor[] = article.citationLines.map((citation, position) => ({ line: citation.line, start: citation.start, id: `pa-source-${position + 1}` }));
  const anchorOfRecord = new Map<string, string>();
  const anchorOfLine = new Map(anchors.map((anchor) => [anchor.start, anchor.id]));
  const linkTitles = new Map<number, string>();
  const spans: ReferenceSpan[] = [];
  for (const reference of analysis.references) {
    if (reference.kind === 'citation' && reference.id && !anchorOfRecord.has(reference.id)) {
      const id = anchorOfLine.get(reference.start);
      if (id) anchorOfRecord.set(reference.id, id);
    }
  }
  for (const reference of analysis.references) {
    // As the analysis resolved it: a record of the article's own bibliography before the corpus's.
    const record = reference.id ? analysis.record(reference.id) : undefined;
    if (!record) continue;
    const title = recordTooltip(record, language);
    if (reference.kind === 'link') {
      linkTitles.set(reference.start, title);
      continue;
    }
    if (reference.kind !== 'mention' && reference.kind !== 'key') continue;
    const url = recordHref(record);
    const anchor = anchorOfRecord.get(record.id);
    // A key points at the bibliography entry, as pandoc's citations do; a mention at the source itself.
    const href = reference.kind === 'key' ? (anchor ? `#${anchor}` : url) : (url ?? (anchor ? `#${anchor}` : undefined));
    spans.push({ start: reference.start, end: reference.end, kind: 'record', title, ...(href ? { href } : {}) });
  }
  for (const span of input.extraSpans ?? []) spans.push(span);
  const sourcesHeadingLines = article.sections.filter((section) => section.kind === 'sources').map((section) => section.headerLine);
  return {
    text: article.text,
    lineStarts: article.lines.map((line) => line.start),
    spans: withoutOverlaps(spans),
    linkTitles,
    anchors,
    sourcesHeadingLines,
    placeholderTitle: language === 'zh' ? '佔位連結（#）：尚未填入來源網址' : 'Placeholder link (#): the source URL is still missing',
  };
}

/** Sorted by start; where two overlap, the one starting first (the longer at the same start) is kept. */
function withoutOverlaps(spans: ReferenceSpan[]): ReferenceSpan[] {
  spans.sort((a, b) => a.start - b.start || b.end - a.end);
  const kept: ReferenceSpan[] = [];
  for (const span of spans) {
    if (span.end <= span.start) continue;
    const last = kept[kept.length - 1];
    if (last && span.start < last.end) continue;
    kept.push(span);
  }
  return kept;
}
