import { RangeList, rangeSetOf, type Line, type RangeSet } from './lines';
import { trimEndChars } from '../util/text';

export interface MarkdownLink {
  readonly form: 'inline' | 'reference' | 'autolink' | 'bare';
  /** The whole link, `[text](url)` included. */
  readonly start: number;
  readonly end: number;
  /** The link text (without brackets); for autolinks the URL. */
  readonly text: string;
  readonly textStart: number;
  readonly textEnd: number;
  /** The destination as written ('' for an empty one), and where it is. */
  readonly destination: string;
  readonly destinationStart: number;
  readonly destinationEnd: number;
}

export interface CitationKey {
  readonly id: string;
  /** `@id` */
  readonly start: number;
  readonly end: number;
  /** The whole bracket `[@id, p. 3]`. */
  readonly groupStart: number;
  readonly groupEnd: number;
  readonly locator?: string;
}

const KEY = /(^|[\s;[])-?@([A-Za-z0-9_][A-Za-z0-9_:.#$%&+?<>~/-]*)/g;
const DEFINITION = /^ {0,3}\[([^\]\n]{1,999})\]:[ \t]*<?([^\s>]*)>?/;
const MAX_DESTINATION = 2_048;
const MAX_LABEL = 999;
/** How far a locator (`p. 3` after `@id,`) is looked for. */
const MAX_LOCATOR = 200;

/**
 * Links and citation keys in one pass per paragraph. Brackets and parentheses are paired with a stack
 * (escapes honoured), so every character is looked at a bounded number of times: no regular expression
 * backtracks over unbalanced brackets.
 */
export function findLinksAndKeys(text: string, lines: readonly Line[], skipped: RangeSet): { links: MarkdownLink[]; keys: CitationKey[] } {
  const links: MarkdownLink[] = [];
  const keys: CitationKey[] = [];
  const definitions = new Map<string, { url: string; start: number; end: number }>();
  const definitionLines = new RangeList();
  for (const line of lines) {
    const definition = DEFINITION.exec(line.text);
    if (definition && !skipped.contains(line.start)) {
      definitionLines.push(line.start, line.start + line.text.length);
      const urlStart = line.start + line.text.indexOf(definition[2]!, definition[0].indexOf(']:'));
      definitions.set(normalizeLabel(definition[1]!), { url: definition[2]!, start: urlStart, end: urlStart + definition[2]!.length });
    }
  }
  const inDefinition = rangeSetOf(definitionLines);
  const closeParen = matchParens(text);
  const pairs = matchBrackets(text, skipped);
  const linkTextRanges = new RangeList();
  linkTextRanges.pushAll(definitionLines);
  // The label bracket of a full reference link [text][label] is part of that link, not a link of its own.
  const labelBrackets = new Set<number>();
  // In order of the opening bracket.
  for (let open = 0; open < pairs.length; open++) {
    const close = pairs[open]! - 1;
    if (close < 0) continue;
    if (text.charCodeAt(open - 1) === 0x21 /* ! image */ || labelBrackets.has(open) || inDefinition.contains(open)) continue;
    const after = text.charCodeAt(close + 1);
    const label = text.slice(open + 1, close);
    if (after === 0x28 /* ( */) {
      const end = closeParen[close + 1]! - 1;
      if (end < 0 || end - close > MAX_DESTINATION) continue;
      const inner = text.slice(close + 2, end);
      const leading = inner.length - inner.trimStart().length;
      const trimmed = inner.trimStart();
      const destination = trimmed.startsWith('<') ? trimmed.slice(1, Math.max(1, trimmed.indexOf('>'))) : (trimmed.split(/\s/, 1)[0] ?? '');
      const destinationStart = close + 2 + leading + (trimmed.startsWith('<') ? 1 : 0);
      links.push({ form: 'inline', start: open, end: end + 1, text: label, textStart: open + 1, textEnd: close, destination, destinationStart, destinationEnd: destinationStart + destination.length });
      linkTextRanges.push(open, end + 1);
      continue;
    }
    const reference = after === 0x5b /* [ */ && pairs[close + 1]! > 0 ? pairs[close + 1]! - 1 : undefined;
    const referenceLabel = reference !== undefined ? text.slice(close + 2, reference) || label : label;
    // CommonMark link labels have at most 999 characters: longer (nested) brackets are never normalised, so
    // 100,000 nested brackets cost 100,000 steps, not 100,000 normalisations of ever longer labels.
    const defined = definitions.size > 0 && referenceLabel.length <= MAX_LABEL ? definitions.get(normalizeLabel(referenceLabel)) : undefined;
    if (defined && !/^\s*@/.test(label)) {
      const end = reference !== undefined ? reference + 1 : close + 1;
      if (reference !== undefined) labelBrackets.add(close + 1);
      linkTextRanges.push(open, end);
      links.push({ form: 'reference', start: open, end, text: label, textStart: open + 1, textEnd: close, destination: defined.url, destinationStart: defined.start, destinationEnd: defined.end });
      continue;
    }
    keysOfGroup(text, open, close, pairs, keys);
  }
  // Autolinks <https://…> and bare URLs outside other links.
  const inLinks = rangeSetOf(linkTextRanges);
  const inLink = (offset: number) => inLinks.contains(offset);
  // Bare URLs are ASCII (as in citationLine.ts): a URL written straight into Chinese text ends at the first CJK character.
  for (const match of text.matchAll(/<(https?:\/\/[^\s<>]{1,2000})>|https?:\/\/[!#-'*-;=?-Z\\^-z|~]{1,2000}/g)) {
    const start = match.index;
    if (skipped.contains(start) || (match[1] === undefined && text.charCodeAt(start - 1) === 0x3c) || inLink(start)) continue;
    const url = trimEndChars(match[1] ?? match[0], '.,;:!?。，；：');
    const urlStart = match[1] !== undefined ? start + 1 : start;
    const end = match[1] !== undefined ? start + match[0].length : start + url.length;
    links.push({ form: match[1] !== undefined ? 'autolink' : 'bare', start, end, text: url, textStart: urlStart, textEnd: urlStart + url.length, destination: url, destinationStart: urlStart, destinationEnd: urlStart + url.length });
  }
  links.sort((a, b) => a.start - b.start);
  keys.sort((a, b) => a.start - b.start);
  return { links, keys };
}

/**
 * The citation keys of one bracket group, found in its own text only: the parts not inside a nested bracket
 * pair (those are groups of their own). Every character belongs to one innermost group, so the keys of
 * `[@a [@a [@a …]]]` are found in linear time, each once, instead of n²/2 times.
 */
function keysOfGroup(text: string, open: number, close: number, pairs: Int32Array, keys: CitationKey[]): void {
  let segmentStart = open + 1;
  const scan = (from: number, to: number) => {
    if (from >= to) return;
    // Searched within the segment only: indexOf('@', from) would run to the end of the text for every group
    // of a text with no key after it, which is quadratic over many groups.
    const segment = text.slice(from, to);
    if (!segment.includes('@')) return;
    for (const match of segment.matchAll(KEY)) {
      // `^` stands for the group's opening bracket, not for the end of a nested group (`[x]@a` is no key).
      if (match[1] === '' && match.index === 0 && from !== open + 1) continue;
      const start = from + match.index + match[1]!.length + (match[0].includes('-@') ? 1 : 0);
      const id = trimEndChars(match[2]!, '.:,;');
      const locator = locatorAfter(text, from + match.index + match[0].length, close);
      keys.push({ id, start, end: start + 1 + id.length, groupStart: open, groupEnd: close + 1, ...(locator ? { locator } : {}) });
    }
  };
  for (let index = open + 1; index < close; index++) {
    const nested = text.charCodeAt(index) === 0x5b ? pairs[index]! - 1 : -1;
    if (nested < 0 || nested >= close) continue;
    scan(segmentStart, index);
    index = nested;
    segmentStart = nested + 1;
  }
  scan(segmentStart, close);
}

/** The locator after a key: up to `;`, the group's end or a nested bracket, at most MAX_LOCATOR characters. */
function locatorAfter(text: string, from: number, close: number): string {
  const limit = Math.min(close, from + MAX_LOCATOR);
  let end = from;
  while (end < limit) {
    const char = text.charCodeAt(end);
    if (char === 0x3b /* ; */ || char === 0x5d /* ] */ || char === 0x5b /* [ */) break;
    end++;
  }
  return text.slice(from, end).replace(/^\s*,\s*/, '').trim();
}

/**
 * For every balanced [ ] outside skipped ranges, never across a blank line: pairs[open] = close + 1 (0 where no
 * pair opens). Typed arrays sized by the text, not a Map or a JavaScript array: a line of 100,000 brackets
 * grows no hash table or array in the large-object space (which made such lines measurably superlinear).
 */
function matchBrackets(text: string, skipped: RangeSet): Int32Array {
  const pairs = new Int32Array(text.length + 1);
  const stack = new Int32Array(bracketCount(text, 0x5b));
  let top = 0;
  for (let index = 0; index < text.length; index++) {
    const char = text.charCodeAt(index);
    if (char === 0x5c /* \ */) index++;
    else if (char === 0x5b /* [ */) {
      if (!skipped.contains(index)) stack[top++] = index;
    } else if (char === 0x5d /* ] */) {
      if (top > 0) pairs[stack[--top]!] = index + 1;
    } else if (char === 0x0a && (text.charCodeAt(index + 1) === 0x0a || (text.charCodeAt(index + 1) === 0x0d && text.charCodeAt(index + 2) === 0x0a))) top = 0;
  }
  return pairs;
}

/** For every balanced ( ) on one line: pairs[open] = close + 1 (0 where none opens). */
function matchParens(text: string): Int32Array {
  const pairs = new Int32Array(text.length + 1);
  const stack = new Int32Array(bracketCount(text, 0x28));
  let top = 0;
  for (let index = 0; index < text.length; index++) {
    const char = text.charCodeAt(index);
    if (char === 0x5c) index++;
    else if (char === 0x28) stack[top++] = index;
    else if (char === 0x29) {
      if (top > 0) pairs[stack[--top]!] = index + 1;
    } else if (char === 0x0a) top = 0;
  }
  return pairs;
}

/** How many times `code` occurs: the most a bracket stack can hold. */
function bracketCount(text: string, code: number): number {
  let count = 0;
  for (let index = 0; index < text.length; index++) if (text.charCodeAt(index) === code) count++;
  return count;
}

function normalizeLabel(label: string): string {
  return label.trim().replace(/\s+/g, ' ').toLowerCase();
}
