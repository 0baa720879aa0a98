import { parseArticle, type Article, type CitationLine, type Heading } from './article';
import { RangeSet, type Line } from './lines';
import type { CitationKey, MarkdownLink } from './links';
import { sectionHeaderKind, type Section } from './sections';
import { hashOfRange } from '../util/text';

/**
 * An article split into blocks that parse independently, and put back together into exactly the Article that
 * parseArticle gives for the whole text (the invariant the incremental analysis rests on; pinned by
 * test/unit/incrementalAnalysis.test.ts).
 *
 * A block ends before a line that follows an empty line. Nothing parseArticle reads crosses such a line, provided
 * the block before it closes everything it opened; so each candidate cut is checked on the parsed blocks and
 * cuts that do not hold are dropped (the blocks merged):
 * - fences, HTML comments, HTML/math/Liquid blocks run to the end of a text when unclosed: a block whose last
 *   character is skipped has something open;
 * - brackets pair up to an empty line unless the line before it ends with an escape (`\`);
 * - a section runs on to the next heading: a block whose last section reaches its end must be followed by a block
 *   that starts with a heading or a section header;
 * - front matter exists only at the top: the first block must hold all of it, no later block may have any;
 * - link reference definitions (`[label]: url`) serve the whole text: an article with any is one block, and so
 *   is one whose last block is left open (an unclosed comment).
 * Which candidates are cuts depends only on the first line after them (a hash), so an edit moves no other cut and
 * every other block is found again by its text.
 */

/** A block, parsed on its own text: offsets and line numbers in it are relative to its start. */
export interface ParsedBlock {
  readonly text: string;
  readonly article: Article;
  /** Something the parse leaves open at its end (see above), so no cut may follow. */
  readonly openAtEnd: boolean;
  readonly sectionOpenAtEnd: boolean;
  /** Its first line is a heading or a section header: it closes any section before it. */
  readonly startsWithHeader: boolean;
  /** Its first line may open front matter (which its own parse did not find closed). */
  readonly frontMatterPending: boolean;
  readonly hasDefinitions: boolean;
}

/** Where a block sits in the whole text. */
export interface PlacedBlock {
  readonly block: ParsedBlock;
  readonly start: number;
  readonly firstLine: number;
}

/** The parse of `text.slice(start, end)`; the owner decides how long parses are kept. */
export type BlockParser = (text: string, start: number, end: number) => ParsedBlock;

/** A candidate cut: the block before ends at `end` (where the empty line starts), the next starts at `start`, on line `line`. */
export interface Cut {
  readonly end: number;
  readonly start: number;
  readonly line: number;
}

/** One in CUT_RATIO candidate cuts is a cut: blocks of a few paragraphs. */
const CUT_RATIO = 4;
/** A cut is also made at any candidate once a block is this long, whatever the hash says. */
const MAX_BLOCK = 8_192;
const HEADING = /^ {0,3}#{1,6}(?:\s|$)/;
const DEFINITION_LINE = /^ {0,3}\[[^\]\n]{1,999}\]:/;
/** The first lines findFrontMatterBlock (siteSyntax.ts) may start front matter with. */
const FRONT_MATTER_OPENER = /^\uFEFF?(?:---|\+\+\+|[A-Za-z_][\w-]{0,60}\s*:(?:\s|$))/;

export function parseBlock(text: string): ParsedBlock {
  const article = parseArticle(text);
  const lineCount = article.lines.length;
  const first = article.lines[0]!;
  return {
    text,
    article,
    openAtEnd: text.length > 0 && article.skipped.contains(text.length - 1),
    sectionOpenAtEnd: article.sections.some((section) => section.endLine === lineCount),
    startsWithHeader: article.headings[0]?.line === 0 || article.sections[0]?.headerLine === 0,
    frontMatterPending: !article.frontMatter && FRONT_MATTER_OPENER.test(first.text),
    hasDefinitions: article.lines.some((line) => DEFINITION_LINE.test(line.text)),
  };
}

/**
 * Candidate cuts: after an empty line, at every heading and section header (they close sections, so cuts before
 * them hold) and at one in CUT_RATIO other lines. Walks the line breaks without splitting the text into lines.
 */
export function cutsOf(text: string): Cut[] {
  const cuts: Cut[] = [];
  scanCuts(text, cuts, { start: 0, line: 0, blockStart: 0, previousStart: 0, previousEmpty: false });
  return cuts;
}

/** Where scanCuts starts: a line, the last cut's start before it, and the line before it. */
interface ScanStart {
  readonly start: number;
  readonly line: number;
  readonly blockStart: number;
  readonly previousStart: number;
  /** Whether the line before is empty (then the one before that does not end with `\`, or no scan starts there). */
  readonly previousEmpty: boolean;
}

/** Pushes the candidate cuts from `from` on; stops early, returning true, once `synced` says a cut is one of an earlier version's. */
function scanCuts(text: string, cuts: Cut[], from: ScanStart, synced?: (cut: Cut) => boolean): boolean {
  let { blockStart, start, previousStart, previousEmpty } = from;
  // The two lines before the current one: whether the last was empty, whether the one before it ended with `\`.
  let escapedBeforePrevious = false;
  let lastEndsWithEscape = false;
  for (let number = from.line; start <= text.length; number++) {
    const newline = text.indexOf('\n', start);
    const lineEnd = newline === -1 ? text.length : newline;
    const end = lineEnd > start && text.charCodeAt(lineEnd - 1) === 0x0d ? lineEnd - 1 : lineEnd;
    if (previousEmpty && !escapedBeforePrevious && end > start) {
      const head = text.slice(start, Math.min(end, start + 80));
      const blank = head.trim() === '' && (end - start <= 80 || text.slice(start, end).trim() === '');
      if (!blank) {
        const header = HEADING.test(head) || (end - start <= 60 && sectionHeaderKind(head) !== undefined);
        if (header || hashOfLine(head) % CUT_RATIO === 0 || start - blockStart >= MAX_BLOCK) {
          const cut = { end: previousStart, start, line: number };
          cuts.push(cut);
          blockStart = start;
          if (synced?.(cut)) return true;
        }
      }
    }
    escapedBeforePrevious = lastEndsWithEscape;
    lastEndsWithEscape = end > start && text.charCodeAt(end - 1) === 0x5c;
    previousEmpty = end === start;
    previousStart = start;
    if (newline === -1) break;
    start = newline + 1;
  }
  return false;
}

/** How one text became another (see editBetween): the common prefix and suffix, and the change in length. */
export interface TextEdit {
  readonly prefix: number;
  readonly suffix: number;
  readonly delta: number;
}

/**
 * cutsOf(text), from the cuts of the version before and the edit between the two (a keystroke rescans a few
 * lines, not the text). The cuts before the edit stay: each is decided by its line and the two before it, and
 * the scan starts again at the last of them whose empty line is before the edit. Once it makes a cut in the
 * common suffix where the version before had one, what follows is the same text scanned from the same state:
 * the earlier cuts, moved.
 */
export function cutsAfterEdit(text: string, previous: readonly Cut[], edit: TextEdit): Cut[] {
  // The number of earlier cuts that start at or before the edit: [cut.end, cut.start) is unchanged for all of them.
  let before = 0;
  for (let high = previous.length; before < high; ) {
    const middle = (before + high) >> 1;
    if (previous[middle]!.start <= edit.prefix) before = middle + 1;
    else high = middle;
  }
  if (before === 0) return cutsFrom(text, [], { start: 0, line: 0, blockStart: 0, previousStart: 0, previousEmpty: false }, previous, edit);
  const resumed = previous[before - 1]!;
  const from = { start: resumed.start, line: resumed.line, blockStart: before >= 2 ? previous[before - 2]!.start : 0, previousStart: resumed.end, previousEmpty: true };
  return cutsFrom(text, previous.slice(0, before - 1), from, previous, edit);
}

function cutsFrom(text: string, cuts: Cut[], from: ScanStart, previous: readonly Cut[], edit: TextEdit): Cut[] {
  const suffixStart = text.length - edit.suffix;
  let same = -1;
  const synced = (cut: Cut): boolean => {
    if (cut.start < suffixStart) return false;
    same = indexOfStart(previous, cut.start - edit.delta);
    return same !== -1;
  };
  if (!scanCuts(text, cuts, from, synced)) return cuts;
  const lines = cuts[cuts.length - 1]!.line - previous[same]!.line;
  for (let index = same + 1; index < previous.length; index++) {
    const cut = previous[index]!;
    cuts.push({ end: cut.end + edit.delta, start: cut.start + edit.delta, line: cut.line + lines });
  }
  return cuts;
}

/** The index of the cut starting at `start` in cuts sorted by start, or -1. */
function indexOfStart(cuts: readonly Cut[], start: number): number {
  let low = 0;
  for (let high = cuts.length; low < high; ) {
    const middle = (low + high) >> 1;
    if (cuts[middle]!.start < start) low = middle + 1;
    else high = middle;
  }
  return low < cuts.length && cuts[low]!.start === start ? low : -1;
}

function hashOfLine(text: string): number {
  return hashOfRange(text, 0, Math.min(text.length, 64)) % 1_000_003;
}

/**
 * The blocks of `text`: candidate cuts, then parsed blocks merged wherever a cut does not hold. `parse` is asked
 * for each block's text (the caller caches).
 */
export function blocksOf(text: string, parse: BlockParser, cuts: readonly Cut[] = cutsOf(text)): PlacedBlock[] {
  const walk = new BlockWalk(text, parse, cuts);
  for (;;) {
    const blocks = walk.step();
    if (blocks) return blocks;
  }
}

/** blocksOf, a step at a time: the generator pauses after each (the sliced analysis yields there). */
export function* blockSteps(text: string, parse: BlockParser, cuts: readonly Cut[] = cutsOf(text)): Generator<void, PlacedBlock[]> {
  const walk = new BlockWalk(text, parse, cuts);
  for (;;) {
    const blocks = walk.step();
    if (blocks) return blocks;
    yield;
  }
}

/** The walk of blocksOf over the candidate cuts (a class, not a generator: a keystroke takes every step at once). */
class BlockWalk {
  readonly #text: string;
  readonly #parse: BlockParser;
  readonly #cuts: readonly Cut[];
  readonly #blocks: PlacedBlock[] = [];
  #startCut: Cut = { end: 0, start: 0, line: 0 };
  #current: ParsedBlock;
  // After a cut that does not hold, the next block taken in is twice as long as the last (an unclosed fence at the
  // top would otherwise parse the text once per block: quadratic).
  #span = 1;
  #cutIndex = 0;

  constructor(text: string, parse: BlockParser, cuts: readonly Cut[]) {
    this.#text = text;
    this.#parse = parse;
    this.#cuts = cuts;
    this.#current = parse(text, 0, this.#endOf(0));
  }

  #endOf(cutIndex: number): number {
    return cutIndex < this.#cuts.length ? this.#cuts[cutIndex]!.end : this.#text.length;
  }

  #whole(): PlacedBlock[] {
    return [{ block: this.#parse(this.#text, 0, this.#text.length), start: 0, firstLine: 0 }];
  }

  /** Takes in the next candidate block (a parse, two where a cut does not hold); the blocks once all are in. */
  step(): PlacedBlock[] | undefined {
    const cuts = this.#cuts;
    const blocks = this.#blocks;
    const current = this.#current;
    if (this.#cutIndex >= cuts.length) {
      // Something left open at the very end (an unclosed comment ends the search for code spans in the whole
      // text, blocks before it included): the whole text is one block.
      if (current.hasDefinitions || (blocks.length > 0 && current.openAtEnd)) return this.#whole();
      blocks.push({ block: current, start: this.#startCut.start, firstLine: this.#startCut.line });
      return blocks;
    }
    const cut = cuts[this.#cutIndex]!;
    const next = this.#parse(this.#text, cut.start, this.#endOf(this.#cutIndex + 1));
    if (current.hasDefinitions || next.hasDefinitions) return this.#whole();
    const first = blocks.length === 0;
    const holds = !current.openAtEnd && !(first && current.frontMatterPending) && !next.article.frontMatter && (!current.sectionOpenAtEnd || next.startsWithHeader);
    if (holds) {
      blocks.push({ block: current, start: this.#startCut.start, firstLine: this.#startCut.line });
      this.#startCut = cut;
      this.#current = next;
      this.#span = 1;
      this.#cutIndex++;
    } else {
      const upTo = Math.min(cuts.length, this.#cutIndex + this.#span);
      this.#current = this.#parse(this.#text, this.#startCut.start, this.#endOf(upTo));
      this.#span *= 2;
      this.#cutIndex = upTo;
    }
    return undefined;
  }
}

/** The [start, end) of the blocks between candidate cuts (the sliced analysis parses them ahead, a few at a time). */
export function candidateBlocks(text: string, cuts: readonly Cut[]): Array<readonly [number, number]> {
  const ranges: Array<readonly [number, number]> = [];
  let start = 0;
  for (const cut of cuts) {
    ranges.push([start, cut.end]);
    start = cut.start;
  }
  ranges.push([start, text.length]);
  return ranges;
}

/** The whole article from its blocks: parseArticle(text), without parsing anything again. */
export function assembleArticle(text: string, blocks: readonly PlacedBlock[], shiftedCache?: ShiftedBlocks): Article {
  if (blocks.length === 1) return blocks[0]!.block.article;
  const parts = blocks.map((placed) => shiftedOf(placed, shiftedCache));
  let skippedCount = 0;
  let notProseCount = 0;
  for (const { block } of blocks) {
    skippedCount += block.article.skipped.size;
    notProseCount += block.article.notProse.size;
  }
  const skipped = new RangeSet(skippedCount);
  const notProse = new RangeSet(notProseCount);
  let hasFootnotes = false;
  for (const { block, start } of blocks) {
    skipped.addShifted(block.article.skipped, start);
    notProse.addShifted(block.article.notProse, start);
    hasFootnotes ||= block.article.hasFootnotes;
  }
  const lines = joined(parts, (part) => part.lines);
  const headings = joined(parts, (part) => part.headings);
  const sections = joined(parts, (part) => part.sections);
  const links = joined(parts, (part) => part.links);
  const sourceLinks = joined(parts, (part) => part.sourceLinks);
  const keys = joined(parts, (part) => part.keys);
  const citationLines = joined(parts, (part) => part.citationLines);
  const frontMatter = blocks[0]!.block.article.frontMatter;
  return frontMatter
    ? { text, lines, frontMatter, headings, sections, skipped, links, sourceLinks, hasFootnotes, keys, citationLines, notProse }
    : { text, lines, headings, sections, skipped, links, sourceLinks, hasFootnotes, keys, citationLines, notProse };
}

/** The blocks' items in one array made at its final length (pushed one by one, a long one is regrown a dozen times). */
function joined<T>(parts: readonly ShiftedParts[], itemsOf: (part: ShiftedParts) => readonly T[]): T[] {
  let length = 0;
  for (const part of parts) length += itemsOf(part).length;
  const all = new Array<T>(length);
  let at = 0;
  for (const part of parts) for (const item of itemsOf(part)) all[at++] = item;
  return all;
}

/**
 * A block's parts moved to where it sits, kept per block: a keystroke leaves the blocks before it where they were,
 * so their lines, links and citations are the same objects as in the last version (less to allocate and collect).
 */
export type ShiftedBlocks = WeakMap<ParsedBlock, ShiftedParts>;

interface ShiftedParts {
  readonly start: number;
  readonly firstLine: number;
  readonly lines: readonly Line[];
  readonly headings: readonly Heading[];
  readonly sections: readonly Section[];
  readonly links: readonly MarkdownLink[];
  readonly sourceLinks: readonly MarkdownLink[];
  readonly keys: readonly CitationKey[];
  readonly citationLines: readonly CitationLine[];
}

function shiftedOf({ block, start, firstLine }: PlacedBlock, cache?: ShiftedBlocks): ShiftedParts {
  const known = cache?.get(block);
  if (known && known.start === start && known.firstLine === firstLine) return known;
  const article = block.article;
  // Typing moves the blocks after it by some characters, not lines: their headings and sections (line numbers
  // only) stay the objects they were; what has an offset is made again, in loops (a closure per part and block
  // was a fifth of what a keystroke allocated here).
  const sameLines = known !== undefined && known.firstLine === firstLine;
  const parts: ShiftedParts = {
    start,
    firstLine,
    lines: shiftedLines(article.lines, start, firstLine),
    headings: sameLines ? known.headings : shiftedHeadings(article.headings, firstLine),
    sections: sameLines ? known.sections : shiftedSections(article.sections, firstLine),
    links: shiftedLinks(article.links, start),
    sourceLinks: shiftedLinks(article.sourceLinks, start),
    keys: shiftedKeys(article.keys, start),
    citationLines: shiftedCitations(article.citationLines, start, firstLine),
  };
  cache?.set(block, parts);
  return parts;
}

/** Most blocks have no headings, keys, links or sources: one shared empty array for them all. */
const NONE: readonly never[] = [];

function shiftedLines(lines: readonly Line[], by: number, byLines: number): readonly Line[] {
  if (lines.length === 0) return NONE;
  const moved = new Array<Line>(lines.length);
  for (let at = 0; at < lines.length; at++) {
    const line = lines[at]!;
    moved[at] = { text: line.text, start: line.start + by, number: line.number + byLines };
  }
  return moved;
}

function shiftedHeadings(headings: readonly Heading[], byLines: number): readonly Heading[] {
  if (headings.length === 0) return NONE;
  const moved = new Array<Heading>(headings.length);
  for (let at = 0; at < headings.length; at++) {
    const heading = headings[at]!;
    moved[at] = { line: heading.line + byLines, level: heading.level, text: heading.text };
  }
  return moved;
}

function shiftedSections(sections: readonly Section[], byLines: number): readonly Section[] {
  if (sections.length === 0) return NONE;
  const moved = new Array<Section>(sections.length);
  for (let at = 0; at < sections.length; at++) {
    const section = sections[at]!;
    moved[at] = { kind: section.kind, headerLine: section.headerLine + byLines, firstLine: section.firstLine + byLines, endLine: section.endLine + byLines };
  }
  return moved;
}

function shiftedLinks(links: readonly MarkdownLink[], by: number): readonly MarkdownLink[] {
  if (links.length === 0) return NONE;
  const moved = new Array<MarkdownLink>(links.length);
  for (let at = 0; at < links.length; at++) moved[at] = shiftLink(links[at]!, by);
  return moved;
}

function shiftedKeys(keys: readonly CitationKey[], by: number): readonly CitationKey[] {
  if (keys.length === 0) return NONE;
  const moved = new Array<CitationKey>(keys.length);
  for (let at = 0; at < keys.length; at++) {
    const key = keys[at]!;
    moved[at] = { ...key, start: key.start + by, end: key.end + by, groupStart: key.groupStart + by, groupEnd: key.groupEnd + by };
  }
  return moved;
}

function shiftedCitations(citations: readonly CitationLine[], by: number, byLines: number): readonly CitationLine[] {
  if (citations.length === 0) return NONE;
  const moved = new Array<CitationLine>(citations.length);
  for (let at = 0; at < citations.length; at++) {
    const citation = citations[at]!;
    // In the order parseBlock makes them: one hidden class for all citation lines.
    moved[at] = { line: citation.line + byLines, start: citation.start + by, end: citation.end + by, text: citation.text, parsed: citation.parsed };
  }
  return moved;
}

/** In the order the link scanner makes links (one hidden class), with no spread: every link after an edit moves. */
function shiftLink(link: MarkdownLink, by: number): MarkdownLink {
  return { form: link.form, start: link.start + by, end: link.end + by, text: link.text, textStart: link.textStart + by, textEnd: link.textEnd + by, destination: link.destination, destinationStart: link.destinationStart + by, destinationEnd: link.destinationEnd + by };
}

/** The blocks of a text parsed without any cache (tests, one-off analyses). */
export function parseInBlocks(text: string): Article {
  return assembleArticle(text, blocksOf(text, parseSlice));
}

/** A BlockParser without a cache. */
export function parseSlice(text: string, start: number, end: number): ParsedBlock {
  return parseBlock(text.slice(start, end));
}
