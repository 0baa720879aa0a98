import { CONSTITUTIONAL_CASE_TYPES, courtEndingAt } from './courts';
import { msg, type Localizable } from '../util/messages';
import { isArabic, isEnclosedNumeral, isHan, MAX_CASE_NUMBER_DIGITS, MAX_CASE_TYPE_LENGTH, readRun, skipSpaces, skipSpacesBack } from './citationText';
import { PROSECUTION_CASE_TYPES, readDatabaseId, readGrandJusticesNumber } from './otherForms';
import type { DecisionReference } from './decisionTypes';
import { spanAt } from '../util/spans';

export type { DecisionReference } from './decisionTypes';

export interface DecisionProblem {
  readonly start: number;
  readonly end: number;
  readonly message: Localizable;
}

export interface DecisionScan {
  /** Sorted by start. */
  readonly references: DecisionReference[];
  readonly problems: DecisionProblem[];
}

export interface SkippedOffsets {
  contains(offset: number): boolean;
}

export { MAX_CASE_NUMBER_DIGITS } from './citationText';
/** Letters and orders have 10- and 11-digit numbers (法律字第11303500000號函): longer than this without a court, a 字號 is not a case. */
const MAX_UNNAMED_CASE_DIGITS = 6;

const MATTERS = ['民事', '刑事', '行政', '家事', '少年', '懲戒', '憲法', '職務'];
const DECISION_TYPES = ['判決', '裁定', '判例', '決議', '解釋', '裁判'];
/** Words after a 字號 that make it an agency's letter or order, not a decision. */
const LETTER_WORDS = ['函', '令', '書函', '公告', '解釋令', '通知'];
/** Units after a number that make it something else than a case number. */
const NOT_CASE_UNITS = ['期', '卷', '頁', '次', '屆', '條', '項', '款', '件', '年', '月', '日', '人', '元', '%'];
const LIST_SEPARATORS = ['以及', '、', '，', ',', '及', '與', '和', '暨'];

function startsWithAny(text: string, at: number, words: readonly string[]): string | undefined {
  return words.find((word) => text.startsWith(word, at));
}

/** The words after a case number: 民事判決, 大法庭裁定, 解釋. */
function readTail(text: string, at: number): { end: number; matter?: string; decisionType?: string } {
  let end = skipSpaces(text, at);
  const matter = startsWithAny(text, end, MATTERS);
  if (matter) end += matter.length;
  if (text.startsWith('大法庭', end)) end += 3;
  const decisionType = startsWithAny(text, end, DECISION_TYPES);
  if (decisionType) return { end: end + decisionType.length, ...(matter ? { matter } : {}), decisionType };
  return matter ? { end, matter } : { end: at };
}

/** 民事判決 (FJUD titles: 臺灣臺北地方法院民事判決105年度訴字第123號) or 民事庭 between a court and its case number. */
function readWordsBefore(text: string, end: number): { start: number; matter?: string; decisionType?: string } {
  let start = skipSpacesBack(text, end);
  const decisionType = DECISION_TYPES.find((word) => text.endsWith(word, start));
  if (decisionType) start -= decisionType.length;
  const matter = MATTERS.find((word) => text.endsWith(word, start));
  if (matter) start -= matter.length;
  if (!decisionType && !matter) return { start: end };
  return { start: skipSpacesBack(text, start), ...(matter ? { matter } : {}), ...(decisionType ? { decisionType } : {}) };
}

interface Antecedents {
  any?: DecisionReference;
  byType: Map<string, DecisionReference>;
}

const CONTEXT_WORDS = ['前揭', '前開', '上開', '上揭', '前述', '上述', '同號', '同一', '該'];
const CANDIDATES = /釋|[0-9０-９]+|[〇○零一二三四五六七八九十百千]+|前揭|前開|上開|上揭|前述|上述|同號|同一|該|\n/g;

/**
 * Finds decision references in one linear pass: each candidate (a number run, 釋, a referring word) is read
 * with bounded look-ahead and look-behind, and every run of digits is visited once however long it is.
 * 前揭判決 and 同號判決 take the last decision of their kind under the same heading.
 */
export function findDecisions(text: string, skipped?: SkippedOffsets): DecisionScan {
  const references: DecisionReference[] = [];
  const problems: DecisionProblem[] = [];
  let antecedents: Antecedents = { byType: new Map() };
  /** Whether the section has cited an interpretation: then 第585號解釋 alone is one too. */
  let interpretationCited = false;
  let consumedUntil = 0;
  /** Positions in `references` of the current list: its items take the decision type written after the last. */
  let list: number[] = [];

  const remember = (reference: DecisionReference) => {
    antecedents.any = reference;
    antecedents.byType.set(reference.kind === 'interpretation' ? '解釋' : (reference.decisionType ?? '判決'), reference);
  };
  const closeList = () => {
    const last = list.length > 1 ? references[list[list.length - 1]!]! : undefined;
    for (const position of list) {
      const item = references[position]!;
      if (last && ((item.decisionType === undefined && last.decisionType) || (item.matter === undefined && last.matter))) {
        references[position] = { ...item, ...(item.decisionType === undefined && last.decisionType ? { decisionType: last.decisionType } : {}), ...(item.matter === undefined && last.matter ? { matter: last.matter } : {}) };
      }
      remember(references[position]!);
    }
    list = [];
  };

  CANDIDATES.lastIndex = 0;
  for (let match = CANDIDATES.exec(text); match; match = CANDIDATES.exec(text)) {
    const at = match.index;
    const token = match[0];
    if (token === '\n') {
      // A heading starts a new section: 前揭判決 no longer reaches back past it.
      if (/^ {0,3}#{1,6}(?:\s|$)/.test(text.slice(at + 1, at + 9))) {
        closeList();
        antecedents = { byType: new Map() };
        interpretationCited = false;
      }
      continue;
    }
    if (at < consumedUntil || skipped?.contains(at)) continue;
    let found: { references: DecisionReference[]; end: number } | undefined;
    if (token === '釋') {
      found = readInterpretations(text, at, problems);
      if (found) closeList();
    } else if (CONTEXT_WORDS.includes(token)) {
      closeList();
      const reference = readContextReference(text, at, token, antecedents);
      if (reference) {
        found = { references: [reference], end: reference.end };
      }
    } else {
      const previous = list.length > 0 ? references[list[list.length - 1]!] : undefined;
      const inList = previous !== undefined && followsAsListItem(text, previous.end, at);
      found = readGrandJusticesNumber(text, at, interpretationCited) ?? readDatabaseId(text, at) ?? readCases(text, at, token.length, inList ? previous : undefined, problems);
      if (found && !inList) closeList();
    }
    if (!found) continue;
    for (const reference of found.references) {
      references.push(reference);
      if (reference.kind === 'interpretation') interpretationCited = true;
      if (reference.via === 'context') remember(reference);
      else list.push(references.length - 1);
    }
    consumedUntil = found.end;
    CANDIDATES.lastIndex = Math.max(CANDIDATES.lastIndex, found.end);
  }
  closeList();
  references.sort((a, b) => a.start - b.start);
  return { references, problems };
}

/** Whether `at` is the next item of a list ending at `end`: only a separator (、及 …) lies between. */
function followsAsListItem(text: string, end: number, at: number): boolean {
  const between = text.slice(end, at).trim();
  return between.length <= 2 && LIST_SEPARATORS.includes(between);
}

/** 前揭判決, 同號判決, 該解釋: the last decision of that kind in the section. */
function readContextReference(text: string, at: number, word: string, antecedents: Antecedents): DecisionReference | undefined {
  // 應該判決 is "ought to decide", not "that decision".
  if (word === '該' && (text[at - 1] === '應' || text[at - 1] === '活')) return undefined;
  let end = at + word.length;
  if (text[end] === '號' && word !== '同號') end++;
  const matter = startsWithAny(text, end, MATTERS);
  if (matter) end += matter.length;
  const type = startsWithAny(text, end, ['判決', '裁定', '判例', '解釋', '裁判']);
  if (!type) return undefined;
  end += type.length;
  const antecedent = type === '裁判' ? antecedents.any : antecedents.byType.get(type);
  if (!antecedent) return undefined;
  return { ...citationFields(antecedent, true), start: at, end, text: text.slice(at, end), via: 'context' };
}

/** 司法院大法官釋字第603號解釋, 釋字第603號、第689號, 釋字第603、689號, 釋字603. */
function readInterpretations(text: string, at: number, problems: DecisionProblem[]): { references: DecisionReference[]; end: number } | undefined {
  const hasZi = text[at + 1] === '字';
  let start = at;
  for (const prefix of ['會議', '大法官', '司法院']) if (text.endsWith(prefix, start)) start -= prefix.length;
  // Without 字, 釋 is usually part of a word (解釋, 稀釋10倍): only 釋603 after a prefix, a function word or no Han at all.
  if (!hasZi && start === at && isHan(text[at - 1]) && !'依按參見如及與和暨之照、'.includes(text[at - 1]!)) return undefined;
  const courtWritten = text.slice(start, at).startsWith('司法院') ? { court: '司法院' } : {};
  let cursor = skipSpaces(text, at + (hasZi ? 2 : 1));
  const references: DecisionReference[] = [];
  let previousHadHao = true;
  let end = at;
  let first = true;
  for (;;) {
    const itemStart = cursor;
    let position = cursor;
    const di = text[position] === '第';
    if (di) position = skipSpaces(text, position + 1);
    const run = readRun(text, position);
    if (!run || (run.chinese && !di)) break;
    position = skipSpaces(text, run.end);
    const hao = text[position] === '號';
    if (hao) position++;
    const nextIsSeparator = startsWithAny(text, position, LIST_SEPARATORS) !== undefined;
    // A later item needs its 號 (釋字第603號、第689號) unless the first had none either (釋字第603、689號).
    if (!first && !hao && (previousHadHao || !nextIsSeparator)) break;
    if (first && !hasZi && !(hao || (!di && !run.chinese))) break;
    if (!hao && '條項款目點'.includes(text[position] ?? 'x')) break;
    if (run.value === undefined) {
      problems.push({ start: first ? start : itemStart, end: position, message: msg('This interpretation number has {0} digits: it cannot be a 釋字 number.', run.length) });
      return { references, end: position };
    }
    const tail = readTail(text, position);
    const itemEnd = tail.decisionType === '解釋' ? tail.end : position;
    const from = first ? start : itemStart;
    references.push({ start: from, end: itemEnd, text: text.slice(from, itemEnd), kind: 'interpretation', ...courtWritten, courtName: '司法院', caseType: '釋', number: run.value, ...(tail.decisionType === '解釋' ? { decisionType: '解釋' } : {}), ...(first ? {} : { via: 'list' as const }) });
    end = itemEnd;
    previousHadHao = hao;
    first = false;
    const separator = startsWithAny(text, skipSpaces(text, itemEnd), LIST_SEPARATORS);
    if (!separator) break;
    cursor = skipSpaces(text, skipSpaces(text, itemEnd) + separator.length);
  }
  if (references.length === 0) return undefined;
  // 釋字第603號、第689號解釋: the last item's 解釋 names all.
  const last = references[references.length - 1]!;
  if (last.decisionType) for (const [index, item] of references.entries()) references[index] = { ...item, decisionType: last.decisionType };
  return { references, end };
}

/**
 * A case number at a number run: [court] 109年度 台上 字 第1234號 [民事判決], or, after a court, 109台上1234.
 * `previous`: the list item before this one (its court is inherited). A 字號 with neither a court nor 字 is left alone.
 */
function readCases(text: string, at: number, runLength: number, previous: DecisionReference | undefined, problems: DecisionProblem[]): { references: DecisionReference[]; end: number } | undefined {
  const yearRun = readRun(text, at);
  if (!yearRun || yearRun.end !== at + runLength) return undefined;
  if ((!yearRun.chinese && yearRun.length > 3) || (yearRun.chinese && yearRun.length > 6) || yearRun.value === undefined) return undefined;
  if (isArabic(text[at - 1]) || text[at - 1] === '第') return undefined;
  // The tail of a number the source wrapped (FJUD wraps at a fixed width: 公訴(11⏎3年度偵字…): not a year of its own.
  const beforeBreak = text[at - 1] === '\n' ? (text[at - 2] === '\r' ? at - 3 : at - 2) : -1;
  if (beforeBreak >= 0 && isArabic(text[beforeBreak])) return undefined;
  let cursor = skipSpaces(text, yearRun.end);
  let nian = '';
  if (text.startsWith('年度', cursor)) nian = '年度';
  else if (text[cursor] === '年') nian = '年';
  cursor = skipSpaces(text, cursor + nian.length);
  // The 字別: Han characters up to 字 or the number; never 字, 第, 號, 年.
  const typeStart = cursor;
  while (cursor - typeStart < MAX_CASE_TYPE_LENGTH + 1 && (isHan(text[cursor]) || '()（）'.includes(text[cursor] ?? 'x') || isEnclosedNumeral(text[cursor])) && !'字第號年'.includes(text[cursor]!)) cursor++;
  const caseTypeWritten = text.slice(typeStart, cursor);
  if (caseTypeWritten.length === 0 || caseTypeWritten.length > MAX_CASE_TYPE_LENGTH) return undefined;
  // Typeset citations space every part out: 台上 字 第 三三 號.
  const afterType = skipSpaces(text, cursor);
  const zi = text[afterType] === '字';
  if (zi) cursor = afterType + 1;
  cursor = skipSpaces(text, cursor);
  const di = text[cursor] === '第';
  if (di) cursor = skipSpaces(text, cursor + 1);
  const numberRun = readRun(text, cursor);
  if (!numberRun || (numberRun.chinese && !di)) return undefined;
  cursor = skipSpaces(text, numberRun.end);
  const hao = text[cursor] === '號';
  const numberEnd = hao ? cursor + 1 : numberRun.end;

  // Before the year: the court (臺灣臺北地方法院, 最高法院), perhaps with 民事判決 between (FJUD's titles).
  const withWords = readWordsBefore(text, at);
  const courtAfterWords = withWords.start !== at ? courtEndingAt(text, withWords.start) : undefined;
  const before = courtAfterWords ? withWords : { start: skipSpacesBack(text, at) };
  const court = courtAfterWords ?? courtEndingAt(text, before.start);
  const inherited = !court && previous ? previous : undefined;
  const courtWritten = court !== undefined;
  if (!courtWritten && !inherited && !zi) return undefined;
  if (!courtWritten && !inherited && !nian) return undefined;
  // 臺北地院113年受理案件3000件: with 年 but neither 字 nor 號, a number after a court is not a case number.
  if (!zi && !hao && nian) return undefined;
  if (LETTER_WORDS.some((word) => text.startsWith(word, skipSpaces(text, numberEnd)))) return undefined;
  // 公報87年春字第1期, 第3卷: an issue or a volume, not a case (a case number ends in 號 or nothing).
  if (!hao && NOT_CASE_UNITS.includes(text[skipSpaces(text, numberRun.end)] ?? '')) return undefined;
  if (!courtWritten && !inherited && numberRun.length > MAX_UNNAMED_CASE_DIGITS && !numberRun.chinese) return undefined;

  const caseType = caseTypeWritten.replaceAll('臺', '台');
  // A prosecutors' office number (112年度偵字第3456號) is an investigation, not a court's decision.
  if (PROSECUTION_CASE_TYPES.has(caseType)) return undefined;
  const constitutional = CONSTITUTIONAL_CASE_TYPES.has(caseType);
  const start = court ? court.start : at;
  if (numberRun.value === undefined) {
    problems.push({ start, end: numberEnd, message: msg('This case number has {0} digits; case numbers have at most {1}.', numberRun.length, MAX_CASE_NUMBER_DIGITS) });
    return { references: [], end: numberEnd };
  }
  const tail = readTail(text, numberEnd);
  const decisionType = tail.decisionType ?? before.decisionType;
  const matter = tail.matter ?? before.matter;
  const courtFields = court ? { court: court.written, courtName: court.official } : inherited ? { ...(inherited.court ? { court: inherited.court } : {}), ...(inherited.courtName ? { courtName: inherited.courtName } : {}) } : constitutional ? { courtName: '憲法法庭' } : {};
  const end = tail.end;
  const references: DecisionReference[] = [
    {
      start,
      end,
      text: text.slice(start, end),
      kind: constitutional ? 'constitutional' : 'court',
      ...courtFields,
      year: yearRun.value,
      caseType,
      number: numberRun.value,
      ...(decisionType ? { decisionType } : {}),
      ...(matter ? { matter } : {}),
      ...(inherited ? { via: 'list' as const } : {}),
    },
  ];
  // More numbers of the same court, year and 字別: 第1234號、第5678號; 同年度台上字第567號.
  let last = references[0]!;
  let cursorEnd = end;
  for (;;) {
    const afterSeparator = skipSpaces(text, cursorEnd);
    const separator = startsWithAny(text, afterSeparator, LIST_SEPARATORS);
    if (!separator) break;
    let position = skipSpaces(text, afterSeparator + separator.length);
    let fields: Partial<DecisionReference> = {};
    if (text.startsWith('同年度', position) || text.startsWith('同年', position)) {
      position = skipSpaces(text, position + (text.startsWith('同年度', position) ? 3 : 2));
      const typeFrom = position;
      while (position - typeFrom < MAX_CASE_TYPE_LENGTH && isHan(text[position]) && !'字第號年'.includes(text[position]!)) position++;
      if (position === typeFrom || text[position] !== '字') break;
      fields = { caseType: text.slice(typeFrom, position).replaceAll('臺', '台') };
      position = skipSpaces(text, position + 1);
      if (text[position] !== '第') break;
    } else if (text[position] !== '第') break;
    const itemStart = text.startsWith('同年', skipSpaces(text, afterSeparator + separator.length)) ? skipSpaces(text, afterSeparator + separator.length) : position;
    position = skipSpaces(text, position + 1);
    const run = readRun(text, position);
    if (!run) break;
    position = skipSpaces(text, run.end);
    if (text[position] !== '號') break;
    position++;
    if (run.value === undefined) {
      problems.push({ start: itemStart, end: position, message: msg('This case number has {0} digits; case numbers have at most {1}.', run.length, MAX_CASE_NUMBER_DIGITS) });
      cursorEnd = position;
      break;
    }
    const itemTail = readTail(text, position);
    const item: DecisionReference = { ...citationFields(last, false), ...fields, start: itemStart, end: itemTail.end, text: text.slice(itemStart, itemTail.end), number: run.value, ...(itemTail.decisionType ? { decisionType: itemTail.decisionType } : {}), ...(itemTail.matter ? { matter: itemTail.matter } : {}), via: 'list' };
    references.push(item);
    last = item;
    cursorEnd = itemTail.end;
  }
  return { references, end: cursorEnd };
}

/** What a citation says (court, year, 字別, number and, with `tail`, its type), without where it is written. */
function citationFields(reference: DecisionReference, tail: boolean): Omit<DecisionReference, 'start' | 'end' | 'text' | 'via'> {
  const { kind, court, courtName, year, caseType, number, decisionType, matter } = reference;
  return {
    kind,
    caseType,
    ...(court !== undefined ? { court } : {}),
    ...(courtName !== undefined ? { courtName } : {}),
    ...(year !== undefined ? { year } : {}),
    ...(number !== undefined ? { number } : {}),
    ...(tail && decisionType !== undefined ? { decisionType } : {}),
    ...(tail && matter !== undefined ? { matter } : {}),
  };
}

/** The reference holding `offset`, if any (references do not overlap). */
export function decisionAt<T extends DecisionReference>(references: readonly T[], offset: number): T | undefined {
  return spanAt(references, offset);
}
