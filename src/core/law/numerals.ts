/**
 * Article numbers as written in Taiwanese legal prose: Arabic (6, ６), Chinese (六, 二十八, 一百零六) or the
 * formal numerals (陸, 貳拾捌). Scanning is linear and bounded only by the run itself: a run of ten thousand
 * digits is read once and reported as too long, never converted.
 */

/** The largest number of digits (or Chinese numeral characters) an article, 項, 款 or 目 number may have. */
export const MAX_NUMERAL_LENGTH = 6;

const CHINESE_DIGITS: Record<string, number> = {
  零: 0, 〇: 0, 一: 1, 二: 2, 兩: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9,
  壹: 1, 貳: 2, 參: 3, 叁: 3, 肆: 4, 伍: 5, 陸: 6, 柒: 7, 捌: 8, 玖: 9,
};
const CHINESE_UNITS: Record<string, number> = { 十: 10, 拾: 10, 百: 100, 佰: 100, 千: 1000, 仟: 1000 };

export interface Numeral {
  readonly start: number;
  readonly end: number;
  /** Undefined when the run is too long to be a real number (a diagnostic says so). */
  readonly value: number | undefined;
  /** How many characters the run has. */
  readonly length: number;
}

function arabicDigit(code: number): number {
  if (code >= 0x30 && code <= 0x39) return code - 0x30;
  if (code >= 0xff10 && code <= 0xff19) return code - 0xff10; // full-width ０-９
  return -1;
}

function isChineseNumeral(char: string): boolean {
  return char in CHINESE_DIGITS || char in CHINESE_UNITS;
}

/** Reads the numeral starting at `start`, or undefined when there is none. Arabic and Chinese are not mixed within one number. */
export function readNumeral(text: string, start: number): Numeral | undefined {
  if (start >= text.length) return undefined;
  if (arabicDigit(text.charCodeAt(start)) >= 0) {
    let end = start;
    let value = 0;
    while (end < text.length) {
      const digit = arabicDigit(text.charCodeAt(end));
      if (digit < 0) break;
      if (end - start < MAX_NUMERAL_LENGTH) value = value * 10 + digit;
      end++;
    }
    const length = end - start;
    return { start, end, length, value: length > MAX_NUMERAL_LENGTH ? undefined : value };
  }
  if (!isChineseNumeral(text[start]!)) return undefined;
  let end = start;
  while (end < text.length && isChineseNumeral(text[end]!)) end++;
  const length = end - start;
  // 一千二百三十四 is 7 characters: Chinese runs may be a little longer than Arabic ones.
  return { start, end, length, value: length > MAX_NUMERAL_LENGTH * 2 ? undefined : chineseValue(text.slice(start, end)) };
}

/** 六 → 6, 十一 → 11, 二十八 → 28, 一百零六 → 106, 貳拾捌 → 28. */
export function chineseValue(numeral: string): number {
  let total = 0;
  let digit = 0;
  let sawDigit = false;
  for (const char of numeral) {
    const unit = CHINESE_UNITS[char];
    if (unit !== undefined) {
      total += (sawDigit ? digit : 1) * unit;
      digit = 0;
      sawDigit = false;
    } else {
      digit = CHINESE_DIGITS[char]!;
      sawDigit = true;
    }
  }
  return total + (sawDigit ? digit : 0);
}

/** An article's number as the law database writes it: 6, or 6-1 for 第6條之1. */
export interface ArticleNumber {
  readonly main: number;
  readonly sub?: number;
}

export function articleKey(number: ArticleNumber): string {
  return number.sub === undefined ? String(number.main) : `${number.main}-${number.sub}`;
}

export function articleLabel(number: ArticleNumber): string {
  return number.sub === undefined ? `第${number.main}條` : `第${number.main}條之${number.sub}`;
}

/** Parses the database's 條號 ("第 1-1 條"), or undefined for anything else. */
export function parseDatabaseArticleNumber(label: string): ArticleNumber | undefined {
  const match = /^第\s*(\d{1,6})(?:\s*-\s*(\d{1,6}))?\s*條$/.exec(label.trim());
  if (!match) return undefined;
  return match[2] === undefined ? { main: Number(match[1]) } : { main: Number(match[1]), sub: Number(match[2]) };
}
