import type { CorpusRecord } from '../corpus/record';
import type { Article } from './article';
import { lineIndexAt } from './lines';
import type { ArticleReference } from './resolve';

/**
 * `record`: every reference that resolves to one record. `unresolved`: references that resolve to nothing
 * (free-text citations and links that match no record, unknown keys, ambiguous names), placeholder links
 * excepted. `placeholder`: every placeholder link `[…](#)`, resolved or not: the list of links still to fill in,
 * so a resolved placeholder is also under its record.
 */
export type SourceGroupKind = 'record' | 'unresolved' | 'placeholder';

/** A piece of the reference's line, for a tree label; [highlightStart, highlightEnd) is the reference in it. */
export interface Excerpt {
  readonly text: string;
  readonly highlightStart: number;
  readonly highlightEnd: number;
}

export interface SourceEntry {
  readonly reference: ArticleReference;
  /** 0-based line of the reference's start. */
  readonly line: number;
  readonly excerpt: Excerpt;
}

export interface SourceGroup {
  readonly kind: SourceGroupKind;
  /** The record id of a record group. */
  readonly id?: string;
  /** Undefined when the id is no longer in the index (an analysis older than the last corpus update). */
  readonly record?: CorpusRecord;
  /** In the article's order. */
  readonly entries: readonly SourceEntry[];
}

/** Short enough for a sidebar: the line number after the excerpt should still show. */
export const DEFAULT_EXCERPT_LENGTH = 40;
/** Text kept before the reference: a little context, and the reference itself near the start of the label. */
export const DEFAULT_CONTEXT_BEFORE = 8;

/** The same test as the placeholder-link check: an inline link to `#` or to nothing. */
export function isPlaceholderLink(reference: ArticleReference): boolean {
  if (reference.kind !== 'link' || !reference.link || reference.link.form !== 'inline') return false;
  const destination = reference.link.destination.trim();
  return destination === '#' || destination === '';
}

/**
 * The article's references grouped by the record they resolve to (groups in the order of each record's first
 * reference), then the unresolved group and the placeholder group, each only when it has entries.
 * `references` come from resolveArticle on the same article (sorted by start).
 */
export function groupSources(
  article: Article,
  references: readonly ArticleReference[],
  recordOf: (id: string) => CorpusRecord | undefined,
  excerptLength = DEFAULT_EXCERPT_LENGTH,
): SourceGroup[] {
  const byRecord = new Map<string, SourceEntry[]>();
  const unresolved: SourceEntry[] = [];
  const placeholders: SourceEntry[] = [];
  for (const reference of references) {
    const entry = entryOf(article, reference, excerptLength);
    const placeholder = isPlaceholderLink(reference);
    if (placeholder) placeholders.push(entry);
    if (reference.id !== undefined) {
      const entries = byRecord.get(reference.id);
      if (entries) entries.push(entry);
      else byRecord.set(reference.id, [entry]);
    } else if (!placeholder) {
      unresolved.push(entry);
    }
  }
  const groups: SourceGroup[] = [];
  for (const [id, entries] of byRecord) {
    const record = recordOf(id);
    groups.push({ kind: 'record', id, ...(record ? { record } : {}), entries });
  }
  if (unresolved.length > 0) groups.push({ kind: 'unresolved', entries: unresolved });
  if (placeholders.length > 0) groups.push({ kind: 'placeholder', entries: placeholders });
  return groups;
}

function entryOf(article: Article, reference: ArticleReference, excerptLength: number): SourceEntry {
  const line = lineIndexAt(article.lines, reference.start);
  const { text, start } = article.lines[line]!;
  // A reference running over a line break (a wrapped link text) is shown up to the end of its first line.
  const end = Math.min(reference.end, start + text.length);
  return { reference, line, excerpt: excerptOf(text, reference.start - start, Math.max(end - start, reference.start - start), excerptLength) };
}

/**
 * At most `maxLength` characters of `lineText` around [start, end) (UTF-16 columns), at most `maxBefore` of them
 * before the reference unless the line ends sooner, with "…" where text was cut, leading and trailing space
 * trimmed and tabs shown as spaces. A reference longer than `maxLength` shows its beginning. Cuts never split a
 * surrogate pair.
 */
export function excerptOf(lineText: string, start: number, end: number, maxLength = DEFAULT_EXCERPT_LENGTH, maxBefore = DEFAULT_CONTEXT_BEFORE): Excerpt {
  const text = lineText.replace(/\t/g, ' ');
  const trimmedFrom = text.length - text.trimStart().length;
  const trimmedTo = Math.max(trimmedFrom, text.trimEnd().length);
  const from0 = Math.min(trimmedFrom, start);
  const to0 = Math.max(trimmedTo, end);
  let from = from0;
  let to = to0;
  if (to - from > maxLength) {
    if (end - start >= maxLength) {
      from = start;
      to = start + maxLength;
    } else {
      // Up to half the room (and at most maxBefore) before the reference; what one side cannot use goes to the other.
      const room = maxLength - (end - start);
      from = Math.max(from0, start - Math.min(maxBefore, Math.ceil(room / 2)));
      to = Math.min(to0, end + (room - (start - from)));
      from = Math.max(from0, Math.min(from, to - maxLength));
    }
  }
  from = safeStart(text, from);
  to = safeEnd(text, to);
  const prefix = from > from0 ? '…' : '';
  const suffix = to < to0 ? '…' : '';
  const highlightStart = prefix.length + Math.max(0, start - from);
  const highlightEnd = prefix.length + Math.max(0, Math.min(end, to) - from);
  return { text: `${prefix}${text.slice(from, to)}${suffix}`, highlightStart, highlightEnd: Math.max(highlightStart, highlightEnd) };
}

const isLowSurrogate = (code: number) => code >= 0xdc00 && code <= 0xdfff;
const isHighSurrogate = (code: number) => code >= 0xd800 && code <= 0xdbff;

/** Moves a cut that would start on the second half of a surrogate pair to the pair's start. */
function safeStart(text: string, index: number): number {
  return index > 0 && isLowSurrogate(text.charCodeAt(index)) && isHighSurrogate(text.charCodeAt(index - 1)) ? index - 1 : index;
}

/** Moves a cut that would end after the first half of a surrogate pair to before the pair. */
function safeEnd(text: string, index: number): number {
  return index > 0 && index < text.length && isHighSurrogate(text.charCodeAt(index - 1)) && isLowSurrogate(text.charCodeAt(index)) ? index - 1 : index;
}
