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
  if (day !== undefined) {
    const daysInMonth = new Date(Date.UTC(year, month!, 0)).getUTCDate();
    if (day < 1 || day > daysInMonth) return undefined;
  }
  return { year, ...(month !== undefined ? { month } : {}), ...(day !== undefined ? { day } : {}) };
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
