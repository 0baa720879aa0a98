import { type ArticleNumber } from './numerals';
import { readChain, type Cite } from './citeGrammar';
import type { Localizable } from '../util/messages';

/** A law name found in text, resolved to a law of the index. */
export interface LawNameHit {
  readonly pcode: string;
  /** How the name matched: the official name, a short name from aliases.json, or one of our own short forms. */
  readonly match: 'name' | 'alias' | 'short';
}

/** What the detector needs of the law index. */
export interface LawNameLookup {
  /** Length of the longest known name or alias: how far back a bare name is looked for. */
  readonly maxNameLength: number;
  find(name: string): LawNameHit | undefined;
  /** Known names that start with `prefix` and go on with 第 (行政訴訟法第四十九條之一…辦法 continues 行政訴訟法). */
  namesContinuing(prefix: string): readonly string[];
}

export type LawVia = 'name' | 'alias' | 'short' | 'bracket' | 'context';

/** One cited article (or range of articles) of one law. */
export interface StatuteReference {
  readonly start: number;
  readonly end: number;
  readonly text: string;
  /** The law's name as written: 個人資料保護法, 個資法, 同法, 本法. */
  readonly lawText: string;
  /** Where the law's name is written, when this reference includes it. */
  readonly nameStart?: number;
  readonly nameEnd?: number;
  /** The law (its PCode), when the name is known. */
  readonly pcode?: string;
  readonly via?: LawVia;
  /** Undefined for a bracketed law name cited without an article (《個人資料保護法》). */
  readonly article?: ArticleNumber;
  /** The last article of a range (第6條至第8條). */
  readonly through?: ArticleNumber;
  readonly paragraph?: number;
  readonly item?: number;
  readonly subitem?: number;
  readonly qualifier?: '但書' | '前段' | '後段' | '本文';
}

/** A name that looks like a law's (in 《》/「」, or ending in 法, 條例, 規則…) followed by an article, but is not in the index. */
export interface UnknownLawName {
  readonly start: number;
  readonly end: number;
  readonly name: string;
}

export interface CitationProblem {
  readonly start: number;
  readonly end: number;
  readonly code: 'invalid-statute-number';
  readonly message: Localizable;
}

export interface StatuteCitations {
  /** Sorted by start. */
  readonly references: StatuteReference[];
  readonly unknownLaws: UnknownLawName[];
  readonly problems: CitationProblem[];
}

export interface SkippedRanges {
  contains(offset: number): boolean;
}

const OPENERS: Record<string, string> = { '《': '》', '「': '」', '〈': '〉', '『': '』' };
const CLOSERS: Record<string, string> = { '》': '《', '」': '「', '〉': '〈', '』': '『' };
/** 同法, 本法, 該法, 本條例, 前開辦法…: the law named last before them in the paragraph. */
const CONTEXT_PREFIXES = ['同', '本', '該', '前揭', '前開', '上開', '前述', '上述'];
const LAW_KINDS = ['法', '條例', '辦法', '細則', '規則', '準則', '規程', '通則', '綱要', '標準'];
/** Words that precede a law's name without being part of it (依個人資料保護法第6條). */
const LEADING_WORDS = ['依據', '根據', '依照', '按照', '參照', '違反', '適用', '準用', '相關', '有關', '牴觸', '依', '按', '據', '照', '的', '是', '了', '等', '與', '及', '和', '或', '之', '由', '於', '在', '並', '就', '對', '即', '如', '而', '且', '為', '係', '已', '亦', '又', '再', '則', '其', '各', '此', '另', '新', '舊', '現行'];
/** Words that end whatever came before a law's name (in at most a few of the 11,547 names, and then only known ones). */
const BREAK_WORDS = ['的', '是', '了', '依', '而', '但', '準用', '參照', '牴觸'];
/** Generic names that are not a particular law (施行細則 of which law?). */
const GENERIC_NAMES = new Set(['施行細則', '施行法', '組織法', '組織規程', '組織條例', '組織通則', '組織準則', '暫行組織規程', '設置條例', '設置辦法', '基本法', '特別法', '母法', '子法', '作用法', '程序法', '實體法', '國際法', '行政法', '管理辦法', '實施辦法', '作業辦法', '處理辦法', '申報辦法', '審查標準', '設備標準']);
const MAX_BRACKET_NAME = 80;
/** 本法施行細則, 同法施行細則, 及其施行細則: a law named by reference, not by name. */
const REFERS_TO_CONTEXT = /本法|同法|該法|及其|其施行/;

function isIdeograph(code: number): boolean {
  return (code >= 0x4e00 && code <= 0x9fff) || (code >= 0x3400 && code <= 0x4dbf);
}

function skipSpacesBack(text: string, end: number): number {
  while (end > 0 && (text[end - 1] === ' ' || text[end - 1] === '\u3000' || text[end - 1] === '\t')) end--;
  return end;
}

interface Context {
  pcode?: string;
  lawText?: string;
  article?: ArticleNumber;
}

/**
 * Finds statute citations in one linear pass: each 第 starts at most one chain of cites (第6條第1項、第8條及第10條,
 * 第6條至第8條), and the law is read from the at most `maxNameLength` characters before the chain. 同法 and
 * 本法 take the law named last in the same paragraph; a bare 第N條 with no law is left alone.
 */
export function findStatuteCitations(text: string, lookup: LawNameLookup, skipped?: SkippedRanges): StatuteCitations {
  const references: StatuteReference[] = [];
  const unknownLaws: UnknownLawName[] = [];
  const problems: CitationProblem[] = [];
  let context: Context = {};
  let consumedUntil = 0;
  let lineStart = 0;
  const candidates = /[第《「〈『\n]/g;
  for (let match = candidates.exec(text); match; match = candidates.exec(text)) {
    const at = match.index;
    const char = match[0];
    if (char === '\n') {
      // A blank line ends the paragraph, and with it what 同法 and 本法 refer to.
      if (text.slice(lineStart, at).trim() === '') context = {};
      lineStart = at + 1;
      continue;
    }
    if (at < consumedUntil || skipped?.contains(at)) continue;
    if (char !== '第') {
      // Only a short window is searched: a text of ten thousand 《 must not be scanned ten thousand times.
      const inWindow = text.slice(at + 1, at + 2 + MAX_BRACKET_NAME).indexOf(OPENERS[char]!);
      if (inWindow === -1) continue;
      const closer = at + 1 + inWindow;
      const name = text.slice(at + 1, closer);
      if (name.includes('\n')) continue;
      const hit = lookup.find(name);
      if (!hit) continue;
      context = { pcode: hit.pcode, lawText: name };
      // Followed by an article, the chain reads the name itself; alone, the name is a reference to the whole law.
      const next = text.slice(closer + 1, closer + 3).trimStart();
      if (!next.startsWith('第')) references.push({ start: at, end: closer + 1, text: text.slice(at, closer + 1), lawText: name, nameStart: at + 1, nameEnd: closer, pcode: hit.pcode, via: 'bracket' });
      continue;
    }
    const chain = readChain(text, at, undefined, problems);
    consumedUntil = chain.end;
    candidates.lastIndex = Math.max(candidates.lastIndex, chain.end);
    if (chain.cites.length === 0) continue;
    const law = lawBefore(text, at, lookup, context);
    if (law === 'part-of-name') continue;
    if (!law) {
      // Only 同條第2項-style continuations reach here without a law; a bare 第N條 is not resolved.
      continue;
    }
    // An unknown name is only taken for a law's when an article follows it (「第一步」第2項 is not a citation).
    if (law.unknown && !chain.cites[0]!.article) continue;
    if (law.unknown) unknownLaws.push({ start: law.nameStart!, end: law.nameEnd!, name: law.lawText });
    emit(text, chain.cites, law, references);
    const last = chain.cites[chain.cites.length - 1]!;
    context = { ...(law.pcode ? { pcode: law.pcode } : {}), lawText: law.lawText, ...(last.article ? { article: last.through ?? last.article } : {}) };
  }
  references.sort((a, b) => a.start - b.start);
  return { references, unknownLaws, problems };
}

interface LawBefore {
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
}

function lawBefore(text: string, at: number, lookup: LawNameLookup, context: Context): LawBefore | 'part-of-name' | undefined {
  const end = skipSpacesBack(text, at);
  const previous = text[end - 1];
  // 《個人資料保護法》第6條
  if (previous !== undefined && CLOSERS[previous]) {
    const windowStart = Math.max(0, end - 2 - MAX_BRACKET_NAME);
    const inWindow = text.slice(windowStart, end - 1).lastIndexOf(CLOSERS[previous]!);
    const opener = inWindow === -1 ? -1 : windowStart + inWindow;
    if (opener !== -1) {
      const name = text.slice(opener + 1, end - 1);
      if (name.trim() !== '' && !name.includes('\n')) {
        const hit = lookup.find(name);
        if (hit) return { lawText: name, pcode: hit.pcode, via: 'bracket', nameStart: opener + 1, nameEnd: end - 1, spanStart: opener };
        // 《》 names a title; 「」 quotes anything, so only a quoted name that ends like a law's counts.
        if (previous === '》' || LAW_KINDS.some((kind) => name.endsWith(kind))) return { lawText: name, nameStart: opener + 1, nameEnd: end - 1, spanStart: opener, unknown: true };
        return undefined;
      }
    }
  }
  // 同條第2項: the same law and article as the last citation.
  if (text.slice(end - 2, end) === '同條') return context.lawText ? { lawText: '同條', ...(context.pcode ? { pcode: context.pcode } : {}), via: 'context', nameStart: end - 2, nameEnd: end, ...(context.article ? { sameArticle: context.article } : {}) } : undefined;
  for (const prefix of CONTEXT_PREFIXES) {
    for (const kind of LAW_KINDS) {
      const word = prefix + kind;
      if (end >= word.length && text.startsWith(word, end - word.length)) {
        // 同法 with no law named before it in the paragraph is not resolved.
        if (!context.lawText) return undefined;
        return { lawText: word, ...(context.pcode ? { pcode: context.pcode } : {}), via: 'context', nameStart: end - word.length, nameEnd: end };
      }
    }
  }
  // A bare name: the longest known name ending right before 第.
  let runStart = end;
  while (runStart > 0 && end - runStart < lookup.maxNameLength && isIdeograph(text.charCodeAt(runStart - 1))) runStart--;
  for (let start = runStart; start <= end - 2; start++) {
    const hit = lookup.find(text.slice(start, end));
    if (!hit) continue;
    // 行政訴訟法第四十九條之一第一項第一款強制律師代理事件適用範圍辦法 is one name, not a citation of 行政訴訟法.
    for (const longer of lookup.namesContinuing(text.slice(start, end))) if (text.startsWith(longer, start)) return 'part-of-name';
    return { lawText: text.slice(start, end), pcode: hit.pcode, via: hit.match, nameStart: start, nameEnd: end };
  }
  // An unknown name that ends like a law's (個人資料保謢法): reported, with suggestions. It starts after the
  // last word that cannot be inside a law's name (這是…的作法 is no name), then without the words before names.
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
    return { lawText: name, nameStart, nameEnd: end, unknown: true };
  }
  return undefined;
}

function emit(text: string, cites: readonly Cite[], law: LawBefore, references: StatuteReference[]): void {
  cites.forEach((cite, index) => {
    const article = cite.article ?? law.sameArticle;
    if (!article) return;
    const start = index === 0 ? (law.spanStart ?? law.nameStart ?? cite.start) : cite.start;
    references.push({
      start,
      end: cite.end,
      text: text.slice(start, cite.end),
      lawText: law.lawText,
      ...(index === 0 && law.nameStart !== undefined ? { nameStart: law.nameStart, nameEnd: law.nameEnd! } : {}),
      ...(law.pcode ? { pcode: law.pcode } : {}),
      ...(law.via ? { via: law.via } : {}),
      article,
      ...(cite.through ? { through: cite.through } : {}),
      ...(cite.paragraph !== undefined ? { paragraph: cite.paragraph } : {}),
      ...(cite.item !== undefined ? { item: cite.item } : {}),
      ...(cite.subitem !== undefined ? { subitem: cite.subitem } : {}),
      ...(cite.qualifier ? { qualifier: cite.qualifier } : {}),
    });
  });
}

/** The reference holding `offset` (references do not overlap), by binary search. */
export function statuteReferenceAt(references: readonly StatuteReference[], offset: number): StatuteReference | undefined {
  let low = 0;
  let high = references.length - 1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    const reference = references[middle]!;
    if (offset < reference.start) high = middle - 1;
    else if (offset >= reference.end) low = middle + 1;
    else return reference;
  }
  return undefined;
}
