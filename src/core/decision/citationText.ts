import { chineseValue as unitsValue } from '../law/numerals';

/**
 * Reading a decision citation's text: its numbers (Arabic, full-width, Chinese) and the gaps between its parts
 * (spaces, and one line break inside a Markdown paragraph).
 */

/** Case numbers have at most this many digits; a longer run is reported, never converted. */
export const MAX_CASE_NUMBER_DIGITS = 7;
/** The longest 字別 read (台上大, 重上更㈠, 行專訴 …). */
export const MAX_CASE_TYPE_LENGTH = 7;

const CHINESE_DIGITS: Record<string, number> = { 〇: 0, '○': 0, 零: 0, 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
const CHINESE_UNITS: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };
export const isArabic = (char: string | undefined) => char !== undefined && ((char >= '0' && char <= '9') || (char >= '０' && char <= '９'));
export const isChineseNumeral = (char: string | undefined) => char !== undefined && (char in CHINESE_DIGITS || char in CHINESE_UNITS);
/** ㈠ to ㈩: FJUD writes 重上更㈠ for 重上更(一). */
export const isEnclosedNumeral = (char: string | undefined) => char !== undefined && char >= '\u3220' && char <= '\u3229';
export const isLatinO = (char: string | undefined) => char === 'O' || char === 'o' || char === 'Ｏ';
export const isHan = (char: string | undefined) => char !== undefined && char >= '\u4e00' && char <= '\u9fff';
export const isSpace = (char: string | undefined) => char === ' ' || char === '\u3000' || char === '\t';

export interface Run {
  readonly end: number;
  readonly value: number | undefined;
  readonly length: number;
  readonly chinese: boolean;
}

/** A number at `start`: Arabic (full-width too) or Chinese (一〇九, 一百零九, 一二三四). The run is read to its end, once. */
export function readRun(text: string, start: number): Run | undefined {
  if (isArabic(text[start])) {
    let end = start;
    let value = 0;
    while (isArabic(text[end])) {
      if (end - start < MAX_CASE_NUMBER_DIGITS) value = value * 10 + ((text.charCodeAt(end) - (text[end]! >= '０' ? 0xff10 : 0x30)) % 10);
      end++;
    }
    return { end, length: end - start, value: end - start > MAX_CASE_NUMBER_DIGITS ? undefined : value, chinese: false };
  }
  if (!isChineseNumeral(text[start])) return undefined;
  let end = start;
  // A Latin O typed for the zero 〇 between Chinese digits (第五O九號) is read as the zero.
  while (isChineseNumeral(text[end]) || (isLatinO(text[end]) && isChineseNumeral(text[end + 1]))) end++;
  const length = end - start;
  return { end, length, value: length > MAX_CASE_NUMBER_DIGITS * 2 ? undefined : chineseValue(text.slice(start, end).replace(/[OoＯ]/g, '〇')), chinese: true };
}

/** 一〇九 and 一二三四 digit by digit; 一百零九 with units. */
function chineseValue(numeral: string): number {
  if (![...numeral].some((char) => char in CHINESE_UNITS)) return [...numeral].reduce((value, char) => value * 10 + CHINESE_DIGITS[char]!, 0);
  // With units, as statutes write numbers; ○ (a circle) is read as the zero 〇.
  return unitsValue(numeral.replaceAll('○', '〇'));
}

export function skipBlanks(text: string, at: number): number {
  while (isSpace(text[at])) at++;
  return at;
}

export function skipBlanksBack(text: string, at: number): number {
  while (at > 0 && isSpace(text[at - 1])) at--;
  return at;
}

/** How far back a line's start is looked for (a quote marker): a longer line is simply not joined to the next. */
const MAX_LINE_LOOKBACK = 4096;
/** A line that starts a Markdown block (heading, list item, table row, fence) does not continue the paragraph before it. */
const BLOCK_START = /^(?:#{1,6}(?:\s|$)|[-*+][ \t]|\d{1,9}[.)][ \t]|\||```|~~~)/;

/** Whether the line starting at `lineStart` is quoted (`> …`). */
function isQuotedLine(text: string, lineStart: number): boolean {
  return text[skipBlanks(text, lineStart)] === '>';
}

/**
 * After a line break at `newline`, where the next line's text starts if it continues the same paragraph
 * (Markdown source wraps long sentences: 最高法院109年度台上字⏎第1234號): not a blank line, not a new block;
 * a quoted line continues only a quoted one. Undefined otherwise.
 */
function continuationAfter(text: string, newline: number): number | undefined {
  let next = newline + 1;
  next = skipBlanks(text, next);
  if (text[next] === '>') {
    // The line's start, looked for over a bounded stretch: a longer line is not joined (no scan of a whole long line).
    let lineStart = newline;
    while (lineStart > 0 && text[lineStart - 1] !== '\n' && newline - lineStart < MAX_LINE_LOOKBACK) lineStart--;
    if ((lineStart > 0 && text[lineStart - 1] !== '\n') || !isQuotedLine(text, lineStart)) return undefined;
    while (text[next] === '>') next = skipBlanks(text, next + 1);
  }
  if (next >= text.length || text[next] === '\n' || text[next] === '\r') return undefined;
  if (BLOCK_START.test(text.slice(next, next + 12))) return undefined;
  return next;
}

/** Spaces, and at most one line break inside a paragraph. */
export function skipSpaces(text: string, at: number): number {
  at = skipBlanks(text, at);
  const newline = text[at] === '\r' && text[at + 1] === '\n' ? at + 1 : at;
  if (text[newline] !== '\n') return at;
  return continuationAfter(text, newline) ?? at;
}

/** Spaces back, and at most one line break back when this line continues the paragraph of the one before. */
export function skipSpacesBack(text: string, from: number): number {
  const at = skipBlanksBack(text, from);
  let lineStart = at;
  // A quoted line: its markers are skipped too (> 最高法院⏎> 109年度…).
  while (text[lineStart - 1] === '>') lineStart = skipBlanksBack(text, lineStart - 1);
  if (text[lineStart - 1] !== '\n') return at;
  const newline = lineStart - 1;
  // Only blanks and quote markers lie between the line break and `from`.
  if (continuationAfter(text, newline) !== skipBlanks(text, from)) return at;
  const previousEnd = skipBlanksBack(text, text[newline - 1] === '\r' ? newline - 1 : newline);
  return previousEnd === 0 || text[previousEnd - 1] === '\n' ? at : previousEnd;
}
