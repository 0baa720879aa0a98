import { stringify } from 'yaml';
import type { ParsedCitation } from '../article/citationLine';
import type { CorpusIndex } from '../search/corpusIndex';
import { parseHttpUrl } from '../search/urls';
import { parseIsoDate } from '../util/dates';

/** What a new corpus record is filled with, read from an unresolved citation line or placeholder link. */
export interface RecordDraft {
  readonly id: string;
  readonly type: string;
  readonly title: string;
  readonly aliases: readonly string[];
  readonly publisher?: string;
  readonly date?: string;
  readonly url?: string;
  readonly accessed?: string;
}

const MAX_FIELD = 500;
/** Control characters, bidirectional overrides and zero-width characters: never written into a record. */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const UNSAFE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]/g;

function clean(text: string | undefined): string | undefined {
  if (text === undefined) return undefined;
  const cleaned = text.replace(UNSAFE, '').replace(/\s+/g, ' ').trim().slice(0, MAX_FIELD);
  return cleaned === '' ? undefined : cleaned;
}

/** A readable id from the title: Latin words as a slug; otherwise `source-<year>-<n>`. Unique in the index. */
export function draftId(title: string, date: string | undefined, index: CorpusIndex): string {
  const slug = title
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .split('-')
    .slice(0, 6)
    .join('-');
  const year = date ? parseIsoDate(date)?.year : undefined;
  const base = slug.length >= 3 ? `${slug}${year && !slug.includes(String(year)) ? `-${year}` : ''}` : `source${year ? `-${year}` : ''}`;
  if (!index.get(base) && slug.length >= 3) return base;
  for (let number = 2; ; number++) if (!index.get(`${base}-${number}`)) return `${base}-${number}`;
}

/** A draft from a citation line as parsed: title (or short title), publisher, date, URL, last visit. */
export function draftFromCitation(lineText: string, parsed: ParsedCitation, index: CorpusIndex): RecordDraft | undefined {
  const span = (value: { start: number; end: number } | undefined) => (value ? clean(lineText.slice(value.start, value.end)) : undefined);
  const fullTitle = span(parsed.title);
  const shortTitle = span(parsed.shortTitle);
  const title = fullTitle ?? shortTitle;
  if (!title) return undefined;
  const url = parsed.url ? parseHttpUrl(lineText.slice(parsed.url.start, parsed.url.end))?.href : undefined;
  const date = parsed.date && parseIsoDate(parsed.date.iso) ? parsed.date.iso : undefined;
  const accessed = parsed.lastVisit?.iso && parseIsoDate(parsed.lastVisit.iso) ? parsed.lastVisit.iso : undefined;
  const publisher = span(parsed.publisher);
  const aliases = shortTitle && fullTitle && shortTitle !== fullTitle ? [shortTitle] : [];
  return {
    id: draftId(title, date, index),
    type: 'article',
    title,
    aliases,
    ...(publisher ? { publisher } : {}),
    ...(date ? { date } : {}),
    ...(url ? { url } : {}),
    ...(accessed ? { accessed } : {}),
  };
}

/** A draft from a placeholder link's text (`[name](#)`): the name is the title, to be completed by hand. */
export function draftFromLinkText(text: string, index: CorpusIndex): RecordDraft | undefined {
  const title = clean(text);
  return title ? { id: draftId(title, undefined, index), type: 'article', title, aliases: [] } : undefined;
}

function fields(draft: RecordDraft): Record<string, unknown> {
  return {
    id: draft.id,
    type: draft.type,
    title: draft.title,
    ...(draft.aliases.length > 0 ? { aliases: [...draft.aliases] } : {}),
    ...(draft.publisher ? { publisher: draft.publisher } : {}),
    ...(draft.date ? { date: draft.date } : {}),
    ...(draft.url ? { url: draft.url } : {}),
    ...(draft.accessed ? { accessed: draft.accessed } : {}),
  };
}

/**
 * The record as a Markdown file with YAML front matter. The YAML is written by the `yaml` library, which
 * quotes whatever text from the article would otherwise read as YAML syntax (`: `, `#`, `[`, `---`, …).
 */
export function draftMarkdown(draft: RecordDraft): string {
  const yaml = stringify(fields(draft), { lineWidth: 0, defaultStringType: 'PLAIN', defaultKeyType: 'PLAIN' });
  return `---\n${yaml}---\n`;
}

/** The record as one JSON Lines line (with its newline). */
export function draftJsonLine(draft: RecordDraft): string {
  return `${JSON.stringify(fields(draft))}\n`;
}
