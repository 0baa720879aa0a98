import { formatDateWithRoc } from './util/dates';
import { archivedCopyUrl, escapeMarkdownText, safeHttpUrl } from './util/markdownEscape';
import type { CorpusRecord, UiLanguage } from './corpus/record';
import { truncate } from './util/text';

const LABELS = {
  zh: {
    date: '日期', publisher: '發布者', author: '作者', source: '來源', tags: '標籤', type: '類型', lastVisit: '最後瀏覽', archived: '封存副本',
    cited: (count: number) => `本文引用 ${count} 次`, openSource: '開啟來源', showRecord: '顯示紀錄',
  },
  en: {
    date: 'Date', publisher: 'Publisher', author: 'Author', source: 'Source', tags: 'Tags', type: 'Type', lastVisit: 'Last visit', archived: 'Archived copy',
    cited: (count: number) => `cited ${count} ${count === 1 ? 'time' : 'times'} in this article`, openSource: 'Open source', showRecord: 'Show record',
  },
} as const;

/** Our own commands: the only ones a hover may run (the edge trusts exactly these ids). */
export const CARD_COMMANDS = { openSource: 'policyAnnotator.openSource', showRecord: 'policyAnnotator.showRecord' } as const;

export interface CardContext {
  /** How many references in this article resolve to the record. */
  readonly citedCount?: number;
  /** For a citation line: its own last-visit date (ISO) or text. */
  readonly lastVisit?: string;
  /** Whether to add command links (the CLI's cards have none). */
  readonly commands?: boolean;
}

/**
 * The hover card of a record as Markdown. Every piece of corpus text goes through escapeMarkdownText;
 * links are the record's URL (only http(s)) and our own command links, whose only argument is the id
 * (validated as [A-Za-z0-9._:-] when parsed, and percent-encoded here).
 */
export function renderHoverCard(record: CorpusRecord, language: UiLanguage, context: CardContext = {}): string {
  const labels = LABELS[language];
  const other = language === 'zh' ? 'en' : 'zh';
  const blocks: string[] = [];
  const heading = [`**${escapeMarkdownText(record.title)}**`];
  if (record.originalTitle && record.originalTitle !== record.title) heading.push(`*${escapeMarkdownText(record.originalTitle)}*`);
  blocks.push(heading.join('  \n'));
  const facts: string[] = [`${labels.type}: ${escapeMarkdownText(record.type)}`];
  const date = record.date ? formatDateWithRoc(record.date, language) : undefined;
  if (date) facts.push(`${labels.date}: ${escapeMarkdownText(date)}`);
  if (record.publisher) facts.push(`${labels.publisher}: ${escapeMarkdownText(record.publisher)}`);
  if (record.author) facts.push(`${labels.author}: ${escapeMarkdownText(record.author)}`);
  blocks.push(facts.join(' · '));
  const summary = record.summary[language] ?? record.summary[other];
  if (summary) blocks.push(escapeMarkdownText(truncate(summary, MAX_SUMMARY)));
  if (record.tags.length > 0) blocks.push(`${labels.tags}: ${record.tags.map(escapeMarkdownText).join('、')}`);
  const footer: string[] = [];
  const url = safeHttpUrl(record.url);
  if (url) footer.push(`${labels.source}: [${escapeMarkdownText(displayUrl(url))}](${url})`);
  // A library record's DOI, when its link is another address (the publisher's page).
  const doiLink = record.doi ? safeHttpUrl(`https://doi.org/${record.doi.split('/').map(encodeURIComponent).join('/')}`) : undefined;
  if (doiLink && doiLink !== url) footer.push(`DOI: [${escapeMarkdownText(record.doi!)}](${doiLink})`);
  const visited = context.lastVisit ?? record.accessed;
  if (visited) footer.push(`${labels.lastVisit}: ${escapeMarkdownText(formatDateWithRoc(visited, language) ?? visited)}`);
  // The Wayback Machine's copy as of the last visit: a link only (nothing is fetched).
  const archived = archivedCopyUrl(record.url, visited);
  if (archived) footer.push(`[${labels.archived}](${archived})`);
  if (context.citedCount !== undefined && context.citedCount > 0) footer.push(escapeMarkdownText(labels.cited(context.citedCount)));
  if (context.commands) {
    const args = encodeURIComponent(JSON.stringify([record.id]));
    if (url) footer.push(`[${labels.openSource}](command:${CARD_COMMANDS.openSource}?${args})`);
    footer.push(`[${labels.showRecord}](command:${CARD_COMMANDS.showRecord}?${args})`);
  }
  if (footer.length > 0) blocks.push(footer.join(' · '));
  return blocks.join('\n\n');
}

/** A hover has little room: long summaries are cut (the record itself is one click away). */
const MAX_SUMMARY = 220;

/**
 * Host and path, shortened: the card shows where the link goes without a 200-character URL. The host is never
 * cut at its end: the registrable domain (`evil.example` in `www.gov.uk.government.….evil.example`) is what
 * says whose site it is, so a very long host loses leading labels instead, and only the path is shortened.
 */
function displayUrl(url: string): string {
  const parsed = new URL(url);
  // Decoded for reading, without bidirectional controls (they could show "fdp.exe" as "exe.pdf").
  const path = decodeURIComponentSafe(parsed.pathname + parsed.search).replace(/[\u202a-\u202e\u2066-\u2069\u200e\u200f]/g, '');
  const host = shortenHost(parsed.host);
  const shownPath = path === '/' ? '' : path;
  const budget = Math.max(MIN_PATH_SHOWN, MAX_URL_SHOWN - host.length);
  return `${host}${shownPath.length > budget ? `${shownPath.slice(0, budget - 1)}…` : shownPath}`;
}

const MAX_URL_SHOWN = 48;
const MAX_HOST_SHOWN = 40;
const MIN_PATH_SHOWN = 12;

/** A host over MAX_HOST_SHOWN characters keeps its last labels whole, with `…` for the ones left out. */
function shortenHost(host: string): string {
  if (host.length <= MAX_HOST_SHOWN) return host;
  const labels = host.split('.');
  let kept = labels.pop()!;
  // Always the last two labels (the registrable domain in the common case), then more while they fit.
  if (labels.length > 0) kept = `${labels.pop()!}.${kept}`;
  while (labels.length > 0 && kept.length + labels[labels.length - 1]!.length + 2 <= MAX_HOST_SHOWN) kept = `${labels.pop()!}.${kept}`;
  return labels.length > 0 ? `…${kept}` : kept;
}

function decodeURIComponentSafe(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}
