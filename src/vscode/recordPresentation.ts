import * as vscode from 'vscode';
import type { CorpusRecord, UiLanguage } from '../core/corpus/record';
import { formatDateWithRoc } from '../core/util/dates';
import { truncate } from '../core/util/text';

const MAX_TOOLTIP_SUMMARY = 300;

/** The type's name in the UI language; a type the schema does not know is shown as written. */
export function recordTypeLabel(type: string): string {
  switch (type) {
    case 'agreement': return vscode.l10n.t('Agreement');
    case 'declaration': return vscode.l10n.t('Declaration');
    case 'press-release': return vscode.l10n.t('Press release');
    case 'statement': return vscode.l10n.t('Statement');
    case 'article': return vscode.l10n.t('Article');
    case 'report': return vscode.l10n.t('Report');
    case 'event': return vscode.l10n.t('Event');
    case 'organization': return vscode.l10n.t('Organization');
    case 'person': return vscode.l10n.t('Person');
    case 'place': return vscode.l10n.t('Place');
    case 'concept': return vscode.l10n.t('Concept');
    case 'law': return vscode.l10n.t('Law');
    case 'regulation': return vscode.l10n.t('Regulation');
    case 'case': return vscode.l10n.t('Case');
    case 'website': return vscode.l10n.t('Website');
    case 'bill': return vscode.l10n.t('Bill');
    case 'book': return vscode.l10n.t('Book');
    case 'chapter': return vscode.l10n.t('Book chapter');
    case 'speech': return vscode.l10n.t('Speech');
    case 'interview': return vscode.l10n.t('Interview');
    default: return type;
  }
}

const TYPE_ICONS: Readonly<Record<string, string>> = {
  agreement: 'verified',
  declaration: 'note',
  'press-release': 'megaphone',
  statement: 'comment-discussion',
  article: 'file-text',
  report: 'book',
  event: 'calendar',
  organization: 'organization',
  person: 'person',
  place: 'location',
  concept: 'lightbulb',
  law: 'law',
  regulation: 'checklist',
  case: 'briefcase',
  website: 'globe',
  bill: 'git-pull-request',
  book: 'library',
  chapter: 'bookmark',
  speech: 'mic',
  interview: 'comment',
};

export function recordTypeIcon(type: string): vscode.ThemeIcon {
  return new vscode.ThemeIcon(TYPE_ICONS[type] ?? 'file');
}

/**
 * Plain text (a string tooltip is never rendered as Markdown, so corpus text needs no escaping): title,
 * original title, type, date with the ROC year, publisher, author and the summary in the UI language.
 */
export function recordTooltip(record: CorpusRecord, language: UiLanguage): string {
  const lines = [record.title];
  if (record.originalTitle && record.originalTitle !== record.title) lines.push(record.originalTitle);
  lines.push(vscode.l10n.t('Type: {0}', recordTypeLabel(record.type)));
  const date = record.date ? (formatDateWithRoc(record.date, language) ?? record.date) : undefined;
  if (date) lines.push(vscode.l10n.t('Date: {0}', date));
  if (record.publisher) lines.push(vscode.l10n.t('Publisher: {0}', record.publisher));
  if (record.author) lines.push(vscode.l10n.t('Author: {0}', record.author));
  const summary = record.summary[language] ?? record.summary[language === 'zh' ? 'en' : 'zh'];
  if (summary) lines.push('', truncate(summary, MAX_TOOLTIP_SUMMARY));
  return lines.join('\n');
}

