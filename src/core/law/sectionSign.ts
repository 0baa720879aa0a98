import type { Cite } from './citeGrammar';
import { readNumeral } from './numerals';

/**
 * The § notation of lecture notes and FAQs: §195 (article), §14-4 or §14之4 (article 14-4), then the 項 as a
 * Roman numeral (I, II, Ⅰ, Ⅱ) and the 款 as a circled or plain number (②, 2): §195 I, § 23 Ⅰ ②, §184 I 前段.
 * A 第N項/第N款 written after it is read by the chain as usual. Every character is read at most once.
 */
const ROMAN: Record<string, number> = { I: 1, II: 2, III: 3, IV: 4, V: 5, VI: 6, VII: 7, VIII: 8, IX: 9, X: 10 };
const ROMAN_SIGNS = 'ⅠⅡⅢⅣⅤⅥⅦⅧⅨⅩⅪⅫ';
const CIRCLED = '①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳';
const QUALIFIERS = ['但書', '前段', '後段', '本文'] as const;

function skipBlanks(text: string, at: number): number {
  while (at < text.length && (text[at] === ' ' || text[at] === '\u3000' || text[at] === '\u00a0')) at++;
  return at;
}

function isAsciiLetter(char: string | undefined): boolean {
  return char !== undefined && /[A-Za-z]/.test(char);
}

/** Reads §… at `at` (a §), or undefined when no Arabic article number follows. */
export function parseSectionCite(text: string, at: number): Cite | undefined {
  let position = at + 1;
  if (text[position] === '§') position++;
  position = skipBlanks(text, position);
  const number = readNumeral(text, position);
  if (!number || number.value === undefined || !/[0-9０-９]/.test(text[position]!)) return undefined;
  const cite: Cite = { start: at, end: number.end, article: { main: number.value } };
  position = number.end;
  // §14-4, §14之4
  if ((text[position] === '-' || text[position] === '之') && /[0-9０-９]/.test(text[position + 1] ?? '')) {
    const sub = readNumeral(text, position + 1);
    if (sub?.value !== undefined) {
      cite.article = { main: number.value, sub: sub.value };
      position = cite.end = sub.end;
    }
  }
  if (text[position] === '條') position = cite.end = position + 1;
  // 項: a Roman numeral, as letters (a word of its own) or as one sign.
  let next = skipBlanks(text, position);
  let roman = '';
  while (roman.length < 4 && 'IVX'.includes(text[next + roman.length] ?? '\0')) roman += text[next + roman.length];
  if (roman && ROMAN[roman] !== undefined && !isAsciiLetter(text[next + roman.length])) {
    cite.paragraph = ROMAN[roman];
    position = cite.end = next + roman.length;
  } else if (ROMAN_SIGNS.includes(text[next] ?? '\0')) {
    cite.paragraph = ROMAN_SIGNS.indexOf(text[next]!) + 1;
    position = cite.end = next + 1;
  }
  // 款: a circled number, or a plain one after the 項.
  next = skipBlanks(text, position);
  if (CIRCLED.includes(text[next] ?? '\0')) {
    cite.item = CIRCLED.indexOf(text[next]!) + 1;
    position = cite.end = next + 1;
  } else if (cite.paragraph !== undefined && next > position && /[0-9]/.test(text[next] ?? '')) {
    const item = readNumeral(text, next);
    if (item?.value !== undefined && item.length <= 2 && !/[0-9.年月日條項款%]/.test(text[item.end] ?? '')) {
      cite.item = item.value;
      position = cite.end = item.end;
    }
  }
  next = skipBlanks(text, position);
  const qualifier = QUALIFIERS.find((word) => text.startsWith(word, next));
  if (qualifier) {
    cite.qualifier = qualifier;
    cite.end = next + qualifier.length;
  }
  return cite;
}
