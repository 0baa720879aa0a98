import { MAX_NUMERAL_LENGTH, readNumeral, type ArticleNumber } from './numerals';
import { msg, type Localizable } from '../util/messages';

/** A number the grammar cannot take as an article, 項 or 款 (10,000 digits …): reported, never thrown. */
export interface CitationProblem {
  readonly start: number;
  readonly end: number;
  readonly code: 'invalid-statute-number';
  readonly message: Localizable;
}

/** One cite of a chain: 第6條第1項第2款但書, or 第2項 continuing the article before it. */
export interface Cite {
  readonly start: number;
  end: number;
  article?: ArticleNumber;
  through?: ArticleNumber;
  paragraph?: number;
  item?: number;
  subitem?: number;
  qualifier?: '但書' | '前段' | '後段' | '本文';
  /** A compact list at the cite's last level (第1、2項): the numbers after the first, with where each is written. */
  siblings?: Array<{ value: number; start: number; end: number }>;
}

/** 條 > 項 > 款 > 目: a cite goes down the levels (第6條第1項第2款), never up. */
const UNITS = '條項款目';
const QUALIFIERS = ['但書', '前段', '後段', '本文'] as const;
const RANGE_WORDS = ['至', '到', '~', '～', '－'];
const LIST_WORDS = ['以及', '、', '及', '與', '和', '或', '暨', '跟', '，'];
/** Between the numbers of a compact list (第1、2項, 第184、185條). */
const COMPACT_SEPARATORS = '、,，及和與或跟';

function skipSpaces(text: string, at: number): number {
  while (at < text.length && (text[at] === ' ' || text[at] === '\u3000')) at++;
  return at;
}

function startsWithAny(text: string, at: number, words: readonly string[]): string | undefined {
  return words.find((word) => text.startsWith(word, at));
}

/** What a cite that starts below 條 takes from the one before it in a list (第6條第1項第2款、第6款). */
export interface InheritedLevels {
  readonly article?: ArticleNumber;
  readonly paragraph?: number;
  readonly item?: number;
}

/**
 * Reads one cite at `at` (a 第). A cite that starts below 條 takes the levels above its first one from
 * `inherited` (第6條第1項、第2項; 第1項第2款、第6款). Every character is read once; numbers too long to be real
 * are reported in `problems`.
 */
export function parseCite(text: string, at: number, inherited: InheritedLevels | undefined, problems: CitationProblem[], ordinalOptional = false): Cite | undefined {
  let depth = -1;
  let firstUnit = -1;
  let position = at;
  const cite: Cite = { start: at, end: at };
  let invalid = false;
  // 民法184條: the first level may come without 第 (only Arabic numbers, and only when the caller says so).
  while (text[position] === '第' || (ordinalOptional && depth < 0 && position === at)) {
    const number = readNumeral(text, text[position] === '第' ? skipSpaces(text, position + 1) : position);
    if (!number) break;
    let next = skipSpaces(text, number.end);
    // 第1、2項, 第184、185條: numbers listed before the unit they share.
    const siblings = compactList(text, next);
    if (siblings) next = skipSpaces(text, siblings[siblings.length - 1]!.end);
    // The database's own form: 第 6-1 條.
    let sub = undefined as ReturnType<typeof readNumeral>;
    if (text[next] === '-') {
      sub = readNumeral(text, next + 1);
      if (sub) next = skipSpaces(text, sub.end);
    }
    const unit = UNITS.indexOf(text[next] ?? '');
    if (unit < 0 || unit <= depth) break;
    let end = next + 1;
    if (unit === 0 && !sub && text[end] === '之') {
      sub = readNumeral(text, skipSpaces(text, end + 1));
      if (sub) end = sub.end;
    }
    for (const numeral of [number, sub]) {
      if (numeral && numeral.value === undefined) {
        invalid = true;
        problems.push({
          start: position,
          end,
          code: 'invalid-statute-number',
          message: msg('This {0} number has {1} digits; numbers of more than {2} digits are not read as a citation.', UNITS[unit]!, numeral.length.toLocaleString('en-US'), MAX_NUMERAL_LENGTH),
        });
      }
    }
    if (siblings) {
      if (sub) break;
      cite.siblings = siblings;
    }
    if (unit === 0) cite.article = sub ? { main: number.value ?? 0, sub: sub.value ?? 0 } : { main: number.value ?? 0 };
    else if (unit === 1) cite.paragraph = number.value ?? 0;
    else if (unit === 2) cite.item = number.value ?? 0;
    else cite.subitem = number.value ?? 0;
    if (firstUnit < 0) firstUnit = unit;
    depth = unit;
    position = end;
    cite.end = end;
    // A compact list ends the cite: 第1、2項第3款 is not read as 款 of both.
    if (siblings) break;
    const qualifier = QUALIFIERS.find((word) => text.startsWith(word, position));
    if (qualifier) {
      cite.qualifier = qualifier;
      position += qualifier.length;
      cite.end = position;
      break;
    }
  }
  if (depth < 0 || invalid) return undefined;
  if (inherited) {
    if (firstUnit > 0 && !cite.article && inherited.article) cite.article = inherited.article;
    if (firstUnit > 1 && cite.paragraph === undefined && inherited.paragraph !== undefined) cite.paragraph = inherited.paragraph;
    if (firstUnit > 2 && cite.item === undefined && inherited.item !== undefined) cite.item = inherited.item;
  }
  return cite;
}

/** After a number: 、2、3 followed by a unit (a compact list), or undefined. Bounded by what it reads. */
function compactList(text: string, at: number): Array<{ value: number; start: number; end: number }> | undefined {
  const siblings: Array<{ value: number; start: number; end: number }> = [];
  let position = at;
  while (COMPACT_SEPARATORS.includes(text[position] ?? '\0')) {
    const number = readNumeral(text, skipSpaces(text, position + 1));
    if (!number || number.value === undefined) return undefined;
    siblings.push({ value: number.value, start: number.start, end: number.end });
    position = skipSpaces(text, number.end);
    if (UNITS.includes(text[position] ?? '\0')) return siblings;
  }
  return undefined;
}

/**
 * A chain of cites: 第6條第1項、第2項, 第6條、第8條及第10條, 第6條至第8條. `end` is where reading stopped
 * (after the last cite, or after a number too long to read, so the scanner never reads it again).
 */
export function readChain(text: string, at: number, inherited: ArticleNumber | undefined, problems: CitationProblem[], ordinalOptional = false): { cites: Cite[]; end: number } {
  const cites: Cite[] = [];
  let position = at;
  let end = at + 1;
  let previous: InheritedLevels | undefined = inherited ? { article: inherited } : undefined;
  for (;;) {
    const before = problems.length;
    const cite = parseCite(text, position, previous, problems, ordinalOptional && position === at);
    if (!cite) {
      // Skip past a number too long to read, so it is reported once and never scanned again.
      if (problems.length > before) end = Math.max(end, problems[problems.length - 1]!.end);
      break;
    }
    cites.push(cite);
    end = cite.end;
    previous = cite;
    let next = skipSpaces(text, cite.end);
    const range = startsWithAny(text, next, RANGE_WORDS);
    if (range && cite.article && cite.paragraph === undefined) {
      const startOfLast = skipSpaces(text, next + range.length);
      const last = text[startOfLast] === '第' ? parseCite(text, startOfLast, undefined, problems) : undefined;
      if (last?.article && last.paragraph === undefined) {
        cite.through = last.article;
        cite.end = end = last.end;
        previous = { article: last.article };
        next = skipSpaces(text, last.end);
      }
    }
    const separator = startsWithAny(text, next, LIST_WORDS);
    if (!separator) break;
    const following = skipSpaces(text, next + separator.length);
    // 第184條及185條: a later cite may leave out 第 when its number is Arabic and a unit follows.
    if (text[following] === '第') {
      position = following;
      continue;
    }
    if (separator === '，' || !/[0-9０-９]/.test(text[following] ?? '')) break;
    const bare = parseCite(text, following, previous, [], true);
    if (!bare) break;
    cites.push(bare);
    end = bare.end;
    previous = bare;
    const after = skipSpaces(text, bare.end);
    if (!startsWithAny(text, after, LIST_WORDS)) break;
    const again = skipSpaces(text, after + startsWithAny(text, after, LIST_WORDS)!.length);
    if (text[again] !== '第') break;
    position = again;
  }
  return { cites, end };
}
