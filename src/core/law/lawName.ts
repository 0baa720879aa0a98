import type { LawNameLookup, LawNote, LawVia } from './lawTypes';
import { definitionBefore } from './definedNames';
import { isForeignLaw } from './foreignLaws';
import type { ArticleNumber } from './numerals';

const CLOSERS: Record<string, string> = { '》': '《', '」': '「', '〉': '〈', '』': '『' };
/** 同法, 本法, 該法, 本條例, 前開辦法…: the law named last before them. */
const CONTEXT_PREFIXES = ['同', '本', '該', '前揭', '前開', '上開', '前述', '上述'];
export const LAW_KINDS = ['法', '條例', '辦法', '細則', '規則', '準則', '規程', '通則', '綱要', '標準'];
/** X本法 where X本 is a word (基本法, 日本法, 資本法): not 本法. */
const BEFORE_BEN = new Set([...'基資劇範版腳成樣文日根課讀原副正藍譯抄繕話書']);
/** Words that precede a law's name without being part of it (依個人資料保護法第6條). */
const LEADING_WORDS = ['依據', '根據', '依照', '按照', '參照', '違反', '適用', '準用', '相關', '有關', '牴觸', '依', '按', '據', '照', '的', '是', '了', '等', '與', '及', '和', '或', '之', '由', '於', '在', '並', '就', '對', '即', '如', '而', '且', '為', '係', '已', '亦', '又', '再', '則', '其', '各', '此', '另', '新', '舊', '現行'];
/** Words that end whatever came before a law's name (in at most a few of the 11,547 names, and then only known ones). */
const BREAK_WORDS = ['條或', '條及', '條與', '條和', '條跟', '項或', '項及', '款或', '款及', '的', '是', '了', '依', '而', '但', '準用', '參照', '牴觸', '一下', '看看', '來看', '我們', '你們', '他們', '提到', '指出', '說明', '讓我', '請見', '請看', '請參', '參考', '例如', '比如', '譬如', '像是', '所謂', '就是', '還有', '其中', '透過', '藉由', '這部', '那部', '這個', '那個', '整部', '翻開', '打開', '查閱', '規定'];
/** Generic names that are not a particular law (施行細則 of which law?). */
const GENERIC_NAMES = new Set(['施行細則', '施行法', '組織法', '組織規程', '組織條例', '組織通則', '組織準則', '暫行組織規程', '設置條例', '設置辦法', '基本法', '特別法', '母法', '子法', '作用法', '程序法', '實體法', '國際法', '行政法', '管理辦法', '實施辦法', '作業辦法', '處理辦法', '申報辦法', '審查標準', '設備標準']);
const MAX_BRACKET_NAME = 80;
/** 本法施行細則, 同法施行細則, 及其施行細則: a law named by reference, not by name. */
const REFERS_TO_CONTEXT = /本法|同法|該法|及其|其施行/;
/** Words between a law's name and its article: 民法的第184條, 個資法中的第6條, 民法之第184條. */
const BETWEEN_WORDS = ['當中的', '中的', '裡的', '裏的', '內的', '的', '之', '中'];
const MAX_DEFINED_NAME = 20;

export function isIdeograph(code: number): boolean {
  return (code >= 0x4e00 && code <= 0x9fff) || (code >= 0x3400 && code <= 0x4dbf);
}

export function skipSpacesBack(text: string, end: number): number {
  while (end > 0 && (text[end - 1] === ' ' || text[end - 1] === '\u3000' || text[end - 1] === '\t')) end--;
  return end;
}

/** A law bound by name in this document (defined short names); `foreign` for a foreign law's. */
export interface BoundLaw {
  readonly pcode?: string;
  readonly candidates?: readonly string[];
  readonly foreign?: boolean;
}

/** What the scanner knows when it reads a name: the last law cited, and the names the document defined. */
export interface NameContext {
  readonly current?: { pcode?: string; lawText: string; article?: ArticleNumber; foreign?: boolean; candidates?: readonly string[] };
  readonly defined: ReadonlyMap<string, BoundLaw>;
  /** The law the document declares it is about (front matter `law:`): what 本法 means in it. */
  readonly ownLaw?: string;
}

export interface LawBefore {
  readonly lawText: string;
  readonly pcode?: string;
  readonly via?: LawVia;
  readonly nameStart?: number;
  readonly nameEnd?: number;
  /** Where the first reference starts: the name, or the bracket around it. */
  readonly spanStart?: number;
  readonly unknown?: boolean;
  /** 同條: the article comes from the context too. */
  readonly sameArticle?: ArticleNumber;
  /** A derived short name several laws share: the document decides. */
  readonly candidates?: readonly string[];
  readonly note?: LawNote;
  /** A foreign law: nothing is reported. */
  readonly foreign?: boolean;
  /** 本法/本條例 with no law before it: the section's or document's law, decided at the section's end. */
  readonly fromScope?: boolean;
  /** Named explicitly (not 同法, 本法, 同條). */
  readonly explicit?: boolean;
}

/** The longest known (or defined) name that ends at `end`, not part of a longer name that goes on with 第. */
export function knownNameEnding(text: string, end: number, lookup: LawNameLookup, context: NameContext, runStart: number): LawBefore | 'skip' | undefined {
  for (let start = runStart; start <= end - 2; start++) {
    const name = text.slice(start, end);
    const defined = context.defined.size > 0 && end - start <= MAX_DEFINED_NAME ? context.defined.get(name) : undefined;
    if (defined) return { lawText: name, ...(defined.pcode ? { pcode: defined.pcode } : {}), ...(defined.candidates ? { candidates: defined.candidates } : {}), ...(defined.foreign ? { foreign: true } : {}), via: 'defined', nameStart: start, nameEnd: end, explicit: true };
    const found = lookup.lookup ? lookup.lookup(name) : { hit: lookup.find(name), candidates: lookup.ambiguous?.(name) };
    const hit = found?.hit;
    const candidates = hit ? undefined : found?.candidates;
    if (!hit && !candidates) continue;
    // 行政訴訟法第四十九條之一第一項第一款強制律師代理事件適用範圍辦法 is one name, not a citation of 行政訴訟法.
    for (const longer of lookup.namesContinuing(name)) if (text.startsWith(longer, start)) return 'skip';
    // 基本法 of 科學技術基本法 is found first as the longer name; 日本民法 is Japan's.
    if (isForeignLaw(text, start, name, true)) return { lawText: name, nameStart: start, nameEnd: end, foreign: true, explicit: true };
    if (candidates) return { lawText: name, candidates, via: 'derived', nameStart: start, nameEnd: end, explicit: true };
    const via: LawVia = hit!.match;
    return { lawText: name, pcode: hit!.pcode, via, nameStart: start, nameEnd: end, explicit: true, ...(hit!.note ? { note: hit!.note } : {}) };
  }
  return undefined;
}

/** The law cited right before `at` (a 第, a § or the number of 民法184條). */
export function lawBefore(text: string, at: number, lookup: LawNameLookup, context: NameContext, allowUnknown = true, nested = false): LawBefore | 'skip' | undefined {
  let end = skipSpacesBack(text, at);
  // A hard-wrapped line (依民法⏎第184條): one line break is stepped over, never a blank line.
  if (text[end - 1] === '\n') {
    const lineEnd = text[end - 2] === '\r' ? end - 2 : end - 1;
    if (lineEnd > 0 && text[lineEnd - 1] !== '\n' && isIdeograph(text.charCodeAt(lineEnd - 1))) end = lineEnd;
  }
  const previous = text[end - 1];
  // 個人資料保護法（下稱個資法）第6條: the definition between the name and the article is stepped over.
  if (!nested && (previous === '）' || previous === ')')) {
    const definition = definitionBefore(text, end);
    if (definition) return lawBefore(text, definition.start, lookup, context, allowUnknown, true);
  }
  // 《個人資料保護法》第6條
  if (previous !== undefined && CLOSERS[previous]) {
    const windowStart = Math.max(0, end - 2 - MAX_BRACKET_NAME);
    const inWindow = text.slice(windowStart, end - 1).lastIndexOf(CLOSERS[previous]!);
    const opener = inWindow === -1 ? -1 : windowStart + inWindow;
    if (opener !== -1) {
      // 「…特別條例(下稱紓困特別條例)」第4條: the definition inside the quotes is not part of the name.
      const inner = definitionBefore(text, end - 1);
      const nameEnd = inner && inner.start > opener + 1 ? inner.start : end - 1;
      const name = text.slice(opener + 1, nameEnd);
      if (name.trim() !== '' && !name.includes('\n')) {
        const defined = context.defined.get(name);
        if (defined) return { lawText: name, ...(defined.pcode ? { pcode: defined.pcode } : {}), ...(defined.candidates ? { candidates: defined.candidates } : {}), ...(defined.foreign ? { foreign: true } : {}), via: 'defined', nameStart: opener + 1, nameEnd, spanStart: opener, explicit: true };
        const hit = lookup.find(name);
        if (isForeignLaw(text, opener, name, hit !== undefined || lookup.ambiguous?.(name) !== undefined)) return { lawText: name, foreign: true, explicit: true };
        if (hit) return { lawText: name, pcode: hit.pcode, via: 'bracket', nameStart: opener + 1, nameEnd, spanStart: opener, explicit: true, ...(hit.note ? { note: hit.note } : {}) };
        const candidates = lookup.ambiguous?.(name);
        if (candidates) return { lawText: name, candidates, via: 'derived', nameStart: opener + 1, nameEnd, spanStart: opener, explicit: true };
        // 《》 names a title; 「」 quotes anything, so only a quoted name that ends like a law's counts.
        if (allowUnknown && (previous === '》' || LAW_KINDS.some((kind) => name.endsWith(kind)))) return { lawText: name, nameStart: opener + 1, nameEnd: end - 1, spanStart: opener, unknown: true, explicit: true };
        return undefined;
      }
    }
  }
  // 同條第2項: the same law and article as the last citation.
  if (text.slice(end - 2, end) === '同條') {
    const current = context.current;
    if (!current || current.foreign) return 'skip';
    return { lawText: '同條', ...(current.pcode ? { pcode: current.pcode } : {}), ...(current.candidates ? { candidates: current.candidates } : {}), via: 'context', nameStart: end - 2, nameEnd: end, ...(current.article ? { sameArticle: current.article } : {}) };
  }
  let runStart = end;
  while (runStart > 0 && end - runStart < lookup.maxNameLength && isIdeograph(text.charCodeAt(runStart - 1))) runStart--;
  const known = knownNameEnding(text, end, lookup, context, runStart);
  if (known) return known;
  for (const prefix of CONTEXT_PREFIXES) {
    for (const kind of LAW_KINDS) {
      const word = prefix + kind;
      if (end < word.length || !text.startsWith(word, end - word.length)) continue;
      if (prefix === '本' && BEFORE_BEN.has(text[end - word.length - 1] ?? '')) return 'skip';
      const current = context.current;
      if (prefix === '本' && context.ownLaw) return { lawText: word, pcode: context.ownLaw, via: 'context', nameStart: end - word.length, nameEnd: end };
      // 本法 with no law before it: the law the section or document is about, if exactly one.
      // A writer's 本法 is never a foreign law (德國法第13條…本法第6條): the section's or document's law then.
      if (!current || (current.foreign && prefix === '本')) return prefix === '本' ? { lawText: word, via: 'context', nameStart: end - word.length, nameEnd: end, fromScope: true } : 'skip';
      if (current.foreign) return { lawText: word, foreign: true };
      return { lawText: word, ...(current.pcode ? { pcode: current.pcode } : {}), ...(current.candidates ? { candidates: current.candidates } : {}), via: 'context', nameStart: end - word.length, nameEnd: end };
    }
  }
  // 民法的第184條, 個資法中的第6條: a word between the name and the article (known names only).
  for (const word of nested ? [] : BETWEEN_WORDS) {
    if (end - word.length >= 2 && text.startsWith(word, end - word.length)) {
      const inner = lawBefore(text, end - word.length, lookup, context, false, true);
      if (inner && inner !== 'skip' && !inner.unknown && !inner.fromScope && inner.lawText !== '同條') return inner;
      break;
    }
  }
  // A name-like run before 第 that is no law's: not a bare article of the document's law either (新法第3條).
  if (!allowUnknown) return undefined;
  const unknown = unknownNameBefore(text, end, runStart);
  if (unknown) return unknown;
  return NAME_LIKE_END.test(text.slice(runStart, end)) ? 'skip' : undefined;
}

/**
 * A run before 第 that ends like the name of a law, a bill, a treaty or a document (新法, 本法案, 公約, 草案) is not
 * a bare article of the document's law; any other word (依, 修正, 故, 前段) leaves 第N條 bare.
 */
const NAME_LIKE_END = /(法|例|則|程|準|綱要|標準|案|約|章|典|令|函|釋|號|議|定|規範|指令|條款)$/;

/** An unknown name that ends like a law's (個人資料保謢法): reported, with suggestions, unless foreign. */
function unknownNameBefore(text: string, end: number, runStart: number): LawBefore | undefined {
  // It starts after the last word that cannot be inside a law's name (這是…的作法 is no name), then without the
  // words before names.
  let nameStart = runStart;
  const run = text.slice(runStart, end);
  for (const word of BREAK_WORDS) {
    const found = run.lastIndexOf(word);
    if (found !== -1) nameStart = Math.max(nameStart, runStart + found + word.length);
  }
  for (let stripped = true; stripped; ) {
    stripped = false;
    for (const word of LEADING_WORDS) {
      if (end - nameStart - word.length >= 2 && text.startsWith(word, nameStart)) {
        nameStart += word.length;
        stripped = true;
        break;
      }
    }
  }
  const name = text.slice(nameStart, end);
  // A run that a line break or space cuts from the ideograph before it may be the tail of a wrapped name (組\n織準則).
  let before = runStart;
  while (before > 0 && /\s/.test(text[before - 1]!)) before--;
  const wrapped = nameStart === runStart && before < runStart && before > 0 && isIdeograph(text.charCodeAt(before - 1));
  if (!wrapped && name.length >= 3 && LAW_KINDS.some((kind) => name.endsWith(kind)) && !GENERIC_NAMES.has(name) && !CONTEXT_PREFIXES.some((prefix) => name.startsWith(prefix)) && !REFERS_TO_CONTEXT.test(name)) {
    if (isForeignLaw(text, nameStart, name)) return { lawText: name, foreign: true, explicit: true };
    return { lawText: name, nameStart, nameEnd: end, unknown: true, explicit: true };
  }
  return undefined;
}

/** Known law names in a heading or a title (勞動基準法重點整理 → 勞動基準法): each name ends in a law's kind. */
export function lawsNamedIn(text: string, lookup: LawNameLookup, context: NameContext): Set<string> {
  const laws = new Set<string>();
  const limit = Math.min(text.length, 200);
  for (let end = 2; end <= limit; end++) {
    const last = text[end - 1]!;
    if (!'法例則程準要準約'.includes(last)) continue;
    let runStart = end;
    while (runStart > 0 && end - runStart < lookup.maxNameLength && isIdeograph(text.charCodeAt(runStart - 1))) runStart--;
    const found = knownNameEnding(text, end, lookup, context, runStart);
    if (found && found !== 'skip' && found.pcode && !found.foreign) laws.add(found.pcode);
  }
  return laws;
}
