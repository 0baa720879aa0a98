import type { UiLanguage } from '../corpus/record';
import { formatDateWithRoc } from '../util/dates';
import { escapeMarkdownText } from '../util/markdownEscape';
import type { StatuteReference } from './citations';
import { isoOfLawDate, type LawArticle } from './lawFiles';
import type { LawEntry } from './lawIndex';
import type { LawText } from './lawLibrary';
import { articleKey, articleLabel, type ArticleNumber } from './numerals';
import { amendedSince, type ArticleDate } from './pointInTime';

/** One 項 of an article: its own lines, then its 款 (each with its 目 lines). */
export interface ArticleParagraph {
  readonly lines: string[];
  readonly items: Array<{ lines: string[] }>;
}

const ITEM = /^[一二三四五六七八九十百]+、/;
const SUBITEM = /^[（(][一二三四五六七八九十百]+[）)]/;

/** Splits an article into 項 (each line that is not a 款 or 目 starts one) and 款 (一、二、…), as the database writes them. */
export function articleParagraphs(text: string): ArticleParagraph[] {
  const paragraphs: ArticleParagraph[] = [];
  for (const rawLine of text.split('\n')) {
    const line = rawLine.trim();
    if (line === '') continue;
    const current = paragraphs[paragraphs.length - 1];
    if (ITEM.test(line) && current) current.items.push({ lines: [line] });
    else if (SUBITEM.test(line) && current && current.items.length > 0) current.items[current.items.length - 1]!.lines.push(line);
    else paragraphs.push({ lines: [line], items: [] });
  }
  return paragraphs;
}

export function lawArticleUrl(pcode: string, article?: ArticleNumber): string {
  const code = encodeURIComponent(pcode);
  return article ? `https://law.moj.gov.tw/LawClass/LawSingle.aspx?pcode=${code}&flno=${articleKey(article)}` : `https://law.moj.gov.tw/LawClass/LawAll.aspx?pcode=${code}`;
}

/** 第6條第1項第2款但書 */
export function citeLabel(reference: Pick<StatuteReference, 'article' | 'through' | 'paragraph' | 'item' | 'subitem' | 'qualifier'>): string {
  if (!reference.article) return '';
  let label = articleLabel(reference.article);
  if (reference.through) label += `至${articleLabel(reference.through)}`;
  if (reference.paragraph !== undefined) label += `第${reference.paragraph}項`;
  if (reference.item !== undefined) label += `第${reference.item}款`;
  if (reference.subitem !== undefined) label += `第${reference.subitem}目`;
  return label + (reference.qualifier ?? '');
}

const MAX_ARTICLES_SHOWN = 5;
const MAX_ARTICLE_CHARS = 2_500;

/**
 * The hover card of a statute reference: the law's Chinese and English names, the cited article's text
 * with the cited 項 or 款 in bold, the last amendment with its ROC year and a link to the article on
 * law.moj.gov.tw. Every piece of law text is escaped: law files are untrusted input.
 */
export function renderStatuteCard(reference: StatuteReference, entry: LawEntry, text: LawText | undefined, language: UiLanguage, writtenOn?: ArticleDate, options: { downloadCommand?: string } = {}): string {
  const zh = language === 'zh';
  const parts: string[] = [];
  const law = text && 'law' in text ? text.law : undefined;
  parts.push(`**${escapeMarkdownText(entry.name)}**${entry.english ? ` · ${escapeMarkdownText(entry.english)}` : ''}`);
  const label = citeLabel(reference);
  const date = isoOfLawDate(law?.lastUpdate ?? entry.lastUpdate);
  const dateText = date ? formatDateWithRoc(date, language) : undefined;
  // An old name leads to today's law: the card says so, with the date of the change.
  if (reference.note) {
    const when = isoOfLawDate(reference.note.date);
    const whenText = (when ? formatDateWithRoc(when, language) : undefined) ?? reference.note.date;
    const old = escapeMarkdownText(reference.note.oldName);
    parts.push(
      reference.note.kind === 'renamed'
        ? zh ? `*「${old}」已於 ${escapeMarkdownText(whenText)} 更名為本法。*` : `*"${old}" was renamed to this law on ${escapeMarkdownText(whenText)}.*`
        : zh ? `*「${old}」已於 ${escapeMarkdownText(whenText)} 廢止，由本法取代。*` : `*"${old}" was abolished on ${escapeMarkdownText(whenText)} and replaced by this law.*`,
    );
  }
  parts.push([label ? escapeMarkdownText(label) : undefined, dateText ? `${zh ? '最新異動' : 'Last amended'}: ${escapeMarkdownText(dateText)}` : undefined, law?.abolished ? (zh ? '已廢止' : 'abolished') : undefined].filter(Boolean).join(' · '));
  const amended = amendedSince(law?.lastUpdate ?? entry.lastUpdate, writtenOn);
  if (amended && writtenOn) parts.push(zh ? `*本法於${escapeMarkdownText(amended)}修正，晚於本文日期（${escapeMarkdownText(writtenOn.iso)}）。*` : `*Amended on ${escapeMarkdownText(amended)}, after this article (${escapeMarkdownText(writtenOn.iso)}).*`);
  if (reference.article) {
    if (law) for (const block of articleBlocks(reference, law.articles, law.order, zh)) parts.push(block);
    else if (text && 'problem' in text) parts.push(`*${zh ? '無法讀取法規檔' : 'The law file cannot be read'}: ${escapeMarkdownText(text.problem.message)}*`);
    else {
      parts.push(zh ? '*此法規條文未內建；設定 `policyAnnotator.laws.path` 指向全國法規資料庫資料夾即可顯示。*' : '*The text of this law is not built in; set `policyAnnotator.laws.path` to a folder of the national law database to see it.*');
      // The one command link a statute card has (the hover trusts this command only): its id is ours, not data.
      if (options.downloadCommand && /^[A-Za-z][\w.]*$/.test(options.downloadCommand)) parts.push(`[${zh ? '下載全國法規資料庫' : 'Download the National Law Database'}](command:${options.downloadCommand})`);
    }
  }
  const url = lawArticleUrl(entry.pcode, reference.article);
  parts.push(`[${zh ? '全國法規資料庫' : 'Laws & Regulations Database'}${reference.article ? ` ${escapeMarkdownText(articleLabel(reference.article))}` : ''}](${url})`);
  return parts.filter((part) => part !== '').join('\n\n');
}

function articleBlocks(reference: StatuteReference, articles: ReadonlyMap<string, LawArticle>, order: readonly string[], zh: boolean): string[] {
  const first = articleKey(reference.article!);
  const keys = reference.through ? keysBetween(order, first, articleKey(reference.through)) : [first];
  const blocks: string[] = [];
  for (const key of keys.slice(0, MAX_ARTICLES_SHOWN)) {
    const article = articles.get(key);
    if (!article) {
      blocks.push(`*${zh ? `本法無${articleLabel(parseKey(key))}` : `This law has no article ${key}`}*`);
      continue;
    }
    blocks.push(quoteArticle(article, keys.length === 1 ? reference : {}));
  }
  if (keys.length > MAX_ARTICLES_SHOWN) blocks.push(`*… ${zh ? `另有 ${keys.length - MAX_ARTICLES_SHOWN} 條` : `${keys.length - MAX_ARTICLES_SHOWN} more articles`}*`);
  return blocks;
}

function parseKey(key: string): ArticleNumber {
  const [main, sub] = key.split('-');
  return sub === undefined ? { main: Number(main) } : { main: Number(main), sub: Number(sub) };
}

/** The keys from `first` to `last` in the law's order (both included); just the two when either is missing. */
function keysBetween(order: readonly string[], first: string, last: string): string[] {
  const from = order.indexOf(first);
  const to = order.indexOf(last);
  return from !== -1 && to !== -1 && from <= to ? order.slice(from, to + 1) : [first, last];
}

/** The article as a block quote, the cited 項 (or 款 of it) in bold. */
function quoteArticle(article: LawArticle, cited: { paragraph?: number; item?: number }): string {
  const lines = [`**${escapeMarkdownText(articleLabel(article.number))}**`];
  let length = 0;
  articleParagraphs(article.text).forEach((paragraph, index) => {
    const isCited = cited.paragraph === index + 1 || (cited.paragraph === undefined && cited.item !== undefined && index === 0);
    const emphasise = (text: string, on: boolean) => (on ? `**${escapeMarkdownText(text)}**` : escapeMarkdownText(text));
    for (const line of paragraph.lines) lines.push(emphasise(line, isCited && cited.item === undefined));
    paragraph.items.forEach((item, itemIndex) => {
      for (const line of item.lines) lines.push(emphasise(line, isCited && (cited.item === undefined || cited.item === itemIndex + 1)));
    });
  });
  const kept: string[] = [];
  for (const line of lines) {
    length += line.length;
    if (length > MAX_ARTICLE_CHARS) {
      kept.push('…');
      break;
    }
    kept.push(line);
  }
  return kept.map((line) => `> ${line}`).join('  \n');
}
