import type { StatuteReference } from './citations';
import type { ArticleNumber } from './numerals';

const ROMAN = ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X', 'XI', 'XII'];
const CIRCLED = '①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳';

function articleText(article: ArticleNumber): string {
  return article.sub === undefined ? String(article.main) : `${article.main}-${article.sub}`;
}

/**
 * A statute reference in the § notation of lecture notes: 第6條第1項第2款 → §6 I ②, 第14條之4 → §14-4,
 * 第6條至第8條 → §6–8; 目 and qualifiers (但書, 前段) follow as written. Undefined without an article.
 */
export function statuteShortForm(reference: Pick<StatuteReference, 'article' | 'through' | 'paragraph' | 'item' | 'subitem' | 'qualifier'>): string | undefined {
  if (!reference.article) return undefined;
  let text = `§${articleText(reference.article)}`;
  if (reference.through) return `${text}–${articleText(reference.through)}`;
  if (reference.paragraph !== undefined) text += ` ${ROMAN[reference.paragraph - 1] ?? reference.paragraph}`;
  if (reference.item !== undefined) text += ` ${CIRCLED[reference.item - 1] ?? `(${reference.item})`}`;
  if (reference.subitem !== undefined) text += ` ${reference.subitem}目`;
  if (reference.qualifier) text += ` ${reference.qualifier}`;
  return text;
}
