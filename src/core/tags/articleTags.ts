import type { Article } from '../article/article';
import { lineIndexAt } from '../article/lines';

export type TagPlace = 'front-matter' | 'section' | 'hashtag';

/** A tag written in an article, with its range (UTF-16 offsets, end exclusive). */
export interface ArticleTag {
  readonly text: string;
  readonly start: number;
  readonly end: number;
  readonly place: TagPlace;
}

/** Separators between tags on one line, as articles write them. */
const SEPARATORS = '、，,;；';

/** Every tag of the article: front matter `tags:`, the 文章標籤 section, and `#hashtags` when asked for. */
export function findArticleTags(article: Article, hashtags: boolean): ArticleTag[] {
  const tags: ArticleTag[] = [...frontMatterTags(article)];
  for (const section of article.sections) {
    if (section.kind !== 'tags') continue;
    for (let number = section.firstLine; number < section.endLine; number++) {
      const line = article.lines[number]!;
      if (article.skipped.contains(line.start)) continue;
      for (const tag of splitTags(line.text, line.start, 'section')) tags.push(tag);
    }
  }
  if (hashtags) for (const tag of hashtagsOf(article)) tags.push(tag);
  return tags.sort((a, b) => a.start - b.start);
}

/** Splits a line of tags at 、，,;；, dropping list markers and a leading #. */
export function splitTags(text: string, offset: number, place: TagPlace): ArticleTag[] {
  const tags: ArticleTag[] = [];
  const body = /^\s*(?:[-*+]\s+)?/.exec(text)![0].length;
  let start = body;
  for (let index = body; index <= text.length; index++) {
    if (index < text.length && !SEPARATORS.includes(text[index]!)) continue;
    let from = start;
    let to = index;
    while (from < to && /\s|#/.test(text[from]!)) from++;
    while (to > from && /\s/.test(text[to - 1]!)) to--;
    if (to > from) tags.push({ text: text.slice(from, to), start: offset + from, end: offset + to, place });
    start = index + 1;
  }
  return tags;
}

function frontMatterTags(article: Article): ArticleTag[] {
  const frontMatter = article.frontMatter;
  if (!frontMatter) return [];
  const tags: ArticleTag[] = [];
  const firstLine = lineIndexAt(article.lines, frontMatter.textStart);
  const lastLine = lineIndexAt(article.lines, frontMatter.end) - 1;
  for (let number = firstLine; number <= lastLine; number++) {
    const line = article.lines[number]!;
    // YAML "tags:" or TOML "tags =".
    const key = /^(tags|keywords|標籤)\s*[:=]\s*/.exec(line.text);
    if (!key) continue;
    const rest = line.text.slice(key[0].length);
    if (rest.startsWith('[')) {
      const close = rest.indexOf(']');
      const inner = rest.slice(1, close === -1 ? rest.length : close);
      for (const tag of splitTags(inner, line.start + key[0].length + 1, 'front-matter')) tags.push(unquote(tag));
      // A TOML array over several lines: one quoted tag (or a few) per line up to "]".
      for (let next = number + 1; close === -1 && next <= lastLine; next++) {
        const itemLine = article.lines[next]!;
        const end = itemLine.text.indexOf(']');
        for (const tag of splitTags(itemLine.text.slice(0, end === -1 ? Math.min(itemLine.text.length, 2_000) : end), itemLine.start, 'front-matter')) tags.push(unquote(tag));
        if (end !== -1) break;
      }
    } else if (rest.trim() !== '') {
      for (const tag of splitTags(rest, line.start + key[0].length, 'front-matter')) tags.push(unquote(tag));
    } else {
      // A block list: the "- tag" lines after the key.
      for (let next = number + 1; next <= lastLine; next++) {
        const item = /^(\s*-\s+)(.*?)\s*$/.exec(article.lines[next]!.text.slice(0, 2_000));
        if (!item) break;
        const start = article.lines[next]!.start + item[1]!.length;
        if (item[2]) tags.push(unquote({ text: item[2], start, end: start + item[2].length, place: 'front-matter' }));
      }
    }
  }
  return tags;
}

function unquote(tag: ArticleTag): ArticleTag {
  const quoted = /^(["'])(.*)\1$/.exec(tag.text);
  return quoted ? { ...tag, text: quoted[2]!, start: tag.start + 1, end: tag.end - 1 } : tag;
}

function hashtagsOf(article: Article): ArticleTag[] {
  const tags: ArticleTag[] = [];
  for (const match of article.text.matchAll(/(^|[\s（(，。、])#([^\s#，。、,.;；:：!?！？()（）[\]<>「」『』《》]{1,30})/g)) {
    const start = match.index + match[1]!.length;
    if (article.skipped.contains(start) || article.notProse.contains(start)) continue;
    tags.push({ text: match[2]!, start: start + 1, end: start + 1 + match[2]!.length, place: 'hashtag' });
  }
  return tags;
}

/**
 * Where a tag is being typed at `offset`, if that is a tag position: the range of the partly typed tag
 * (to be replaced whole by a completion) and the text typed so far.
 */
export function tagContextAt(article: Article, offset: number, hashtags: boolean): { start: number; end: number; typed: string; place: TagPlace } | undefined {
  const lineIndex = lineIndexAt(article.lines, offset);
  const line = article.lines[lineIndex]!;
  const column = offset - line.start;
  const inSection = article.sections.some((section) => section.kind === 'tags' && lineIndex >= section.firstLine && lineIndex < section.endLine);
  const inFrontMatter = article.frontMatter !== undefined && offset >= article.frontMatter.textStart && offset <= article.frontMatter.end && isFrontMatterTagLine(article, lineIndex);
  let place: TagPlace | undefined = inSection ? 'section' : inFrontMatter ? 'front-matter' : undefined;
  let from = column;
  while (from > 0 && !SEPARATORS.includes(line.text[from - 1]!) && line.text[from - 1] !== '[' && line.text[from - 1] !== ':') from--;
  let to = column;
  while (to < line.text.length && !SEPARATORS.includes(line.text[to]!) && line.text[to] !== ']') to++;
  if (!place && hashtags) {
    const hash = line.text.lastIndexOf('#', column - 1);
    if (hash !== -1 && (hash === 0 || /[\s（(，。、]/.test(line.text[hash - 1]!)) && !/[\s]/.test(line.text.slice(hash + 1, column))) {
      place = 'hashtag';
      from = hash + 1;
    }
  }
  if (!place) return undefined;
  while (from < column && /[\s\-#"']/.test(line.text[from]!)) from++;
  while (to > column && /[\s"']/.test(line.text[to - 1]!)) to--;
  return { start: line.start + from, end: line.start + Math.max(to, column), typed: line.text.slice(from, column), place };
}

function isFrontMatterTagLine(article: Article, lineIndex: number): boolean {
  for (let number = lineIndex; number >= 0; number--) {
    const text = article.lines[number]!.text;
    if (/^(tags|keywords|標籤)\s*:/.test(text)) return true;
    if (number !== lineIndex && !/^\s*-\s/.test(text)) return false;
    if (number === lineIndex && !/^\s*-(\s|$)/.test(text)) return false;
  }
  return false;
}
