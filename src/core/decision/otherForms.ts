import { CONSTITUTIONAL_CASE_TYPES } from './courts';
import { isArabic, isHan, MAX_CASE_TYPE_LENGTH, readRun, skipBlanksBack, skipSpaces } from './citationText';
import type { DecisionReference } from './decisionTypes';

/** Citation forms beside the main grammar of findDecisions: interpretations without 釋字, database ids, and what is not a decision. */

/** 字別 of the prosecutors' offices (偵查 and its kin); a court's 偵聲 (detention during an investigation) is not among them. */
export const PROSECUTION_CASE_TYPES = new Set(['偵', '偵續', '偵緝', '調偵', '他', '少連偵', '核退', '偵續一', '偵緝續']);

/**
 * An interpretation written without 釋字: 大法官第813號解釋, 司法院大法官會議第3號解釋, 大法官解釋第二九三號, and, once
 * the section has cited an interpretation, 第585號解釋 alone. Without 解釋 before or after the number it is not
 * one (大法官第3次會議, 大法官第5號意見書), nor with a letter's word after it (第8號解釋函, 解釋令).
 */
export function readGrandJusticesNumber(text: string, at: number, interpretationCited: boolean): { references: DecisionReference[]; end: number } | undefined {
  if (text[at - 1] !== '第') return undefined;
  let start = skipBlanksBack(text, at - 1);
  const namedAfter = text.endsWith('解釋', start);
  if (namedAfter) start -= 2;
  if (text.endsWith('會議', start)) start -= 2;
  const justices = text.endsWith('大法官', start);
  if (justices) start -= 3;
  else if (namedAfter || !interpretationCited) return undefined;
  else start = at - 1;
  const court = justices && text.endsWith('司法院', start) ? '司法院' : undefined;
  if (court) start -= 3;
  const run = readRun(text, at);
  if (!run || run.value === undefined) return undefined;
  let end = skipSpaces(text, run.end);
  if (text[end] !== '號') return undefined;
  end++;
  if (!namedAfter) {
    const after = skipSpaces(text, end);
    if (!text.startsWith('解釋', after) || text.startsWith('解釋函', after) || text.startsWith('解釋令', after)) return undefined;
    end = after + 2;
  }
  return { references: [{ start, end, text: text.slice(start, end), kind: 'interpretation', ...(court ? { court } : {}), courtName: '司法院', caseType: '釋', number: run.value, decisionType: '解釋' }], end };
}

/** The Judicial Yuan's database form of a 判例 or decision: 41_台上_1565 (year, 字別, number joined by underscores). */
export function readDatabaseId(text: string, at: number): { references: DecisionReference[]; end: number } | undefined {
  if (isArabic(text[at - 1]) || /[\w]/.test(text[at - 1] ?? '')) return undefined;
  const year = readRun(text, at);
  if (!year || year.chinese || year.length > 3 || text[year.end] !== '_') return undefined;
  let cursor = year.end + 1;
  const typeStart = cursor;
  while (cursor - typeStart <= MAX_CASE_TYPE_LENGTH && isHan(text[cursor])) cursor++;
  if (cursor === typeStart || cursor - typeStart > MAX_CASE_TYPE_LENGTH || text[cursor] !== '_') return undefined;
  const caseType = text.slice(typeStart, cursor).replaceAll('臺', '台');
  const number = readRun(text, cursor + 1);
  if (!number || number.chinese || number.value === undefined || /[\w]/.test(text[number.end] ?? '')) return undefined;
  if (PROSECUTION_CASE_TYPES.has(caseType)) return undefined;
  const end = number.end;
  return { references: [{ start: at, end, text: text.slice(at, end), kind: CONSTITUTIONAL_CASE_TYPES.has(caseType) ? 'constitutional' : 'court', ...(CONSTITUTIONAL_CASE_TYPES.has(caseType) ? { courtName: '憲法法庭' } : {}), year: year.value!, caseType, number: number.value }], end };
}
