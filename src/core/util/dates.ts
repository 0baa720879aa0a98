import type { UiLanguage } from '../corpus/record';

const ISO_DATE = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;
const EN_MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

export interface PartialDate {
  readonly year: number;
  readonly month?: number;
  readonly day?: number;
}

/** Parses YYYY, YYYY-MM or YYYY-MM-DD, rejecting impossible dates (2024-02-30). */
export function parseIsoDate(value: string): PartialDate | undefined {
  const match = ISO_DATE.exec(value.trim());
  if (!match) return undefined;
  const year = Number(match[1]);
  const month = match[2] === undefined ? undefined : Number(match[2]);
  const day = match[3] === undefined ? undefined : Number(match[3]);
  if (month !== undefined && (month < 1 || month > 12)) return undefined;
  if (day !== undefined && (day < 1 || day > daysInMonth(year, month!))) return undefined;
  // Plain object shapes, no spreads: libraries of 20,000 records parse a few dates each.
  if (month === undefined) return { year };
  return day === undefined ? { year, month } : { year, month, day };
}

/** Days in a month of the proleptic Gregorian calendar (arithmetic: a Date object per call is slow in bulk). */
function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** 民國 (ROC) year: 1912 is 民國元年; years before are 民國前N年. */
export function rocYearLabel(year: number): string {
  if (year >= 1912) return year === 1912 ? '民國元年' : `民國${year - 1911}年`;
  return `民國前${1912 - year}年`;
}

/** "2024年4月1日／民國113年" in Chinese, "April 1, 2024 (ROC 113)" in English. */
export function formatDateWithRoc(value: string, language: UiLanguage): string | undefined {
  const date = parseIsoDate(value);
  if (!date) return undefined;
  if (language === 'zh') {
    const gregorian = `${date.year}年` + (date.month ? `${date.month}月` : '') + (date.day ? `${date.day}日` : '');
    return `${gregorian}／${rocYearLabel(date.year)}`;
  }
  const month = date.month ? EN_MONTHS[date.month - 1] : undefined;
  const gregorian = month ? (date.day ? `${month} ${date.day}, ${date.year}` : `${month} ${date.year}`) : String(date.year);
  const roc = date.year >= 1912 ? `ROC ${date.year - 1911}` : `${1912 - date.year} before ROC`;
  return `${gregorian} (${roc})`;
}
