import { formatDateWithRoc } from './dates';
import { escapeMarkdownText, safeHttpUrl } from './markdownEscape';
import type { CorpusRecord, UiLanguage } from './corpus/record';

const LABELS = {
  zh: { date: '日期', publisher: '發布者', author: '作者', source: '來源', tags: '標籤', type: '類型' },
  en: { date: 'Date', publisher: 'Publisher', author: 'Author', source: 'Source', tags: 'Tags', type: 'Type' },
} as const;

/**
 * The hover card of a record as Markdown. Every piece of corpus text goes through escapeMarkdownText;
 * the only link is the record's URL, and only when it is http(s). The edge must not trust this Markdown
 * beyond our own command ids.
 */
export function renderHoverCard(record: CorpusRecord, language: UiLanguage): string {
  const labels = LABELS[language];
  const lines: string[] = [];
  lines.push(`**${escapeMarkdownText(record.title)}**`);
  if (record.originalTitle && record.originalTitle !== record.title) lines.push(`*${escapeMarkdownText(record.originalTitle)}*`);
  const facts: string[] = [`${labels.type}: ${escapeMarkdownText(record.type)}`];
  const date = record.date ? formatDateWithRoc(record.date, language) : undefined;
  if (date) facts.push(`${labels.date}: ${escapeMarkdownText(date)}`);
  if (record.publisher) facts.push(`${labels.publisher}: ${escapeMarkdownText(record.publisher)}`);
  if (record.author) facts.push(`${labels.author}: ${escapeMarkdownText(record.author)}`);
  lines.push(facts.join(' · '));
  const url = safeHttpUrl(record.url);
  if (url) lines.push(`${labels.source}: [${escapeMarkdownText(hostOf(url))}](${url})`);
  const summary = language === 'zh' ? (record.summary.zh ?? record.summary.en) : (record.summary.en ?? record.summary.zh);
  if (summary) lines.push(escapeMarkdownText(summary));
  if (record.tags.length > 0) lines.push(`${labels.tags}: ${record.tags.map(escapeMarkdownText).join('、')}`);
  return lines.join('\n\n');
}

function hostOf(url: string): string {
  return new URL(url).host;
}
