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
  let blockStart = 0;
  // The two lines before the current one: whether the last was empty, whether the one before it ended with `\`.
  let previousEmpty = false;
  let escapedBeforePrevious = false;
  let lastEndsWithEscape = false;
  let start = 0;
  let previousStart = 0;
  for (let number = 0; start <= text.length; number++) {
    const newline = text.indexOf('\n', start);
    const lineEnd = newline === -1 ? text.length : newline;
    const end = lineEnd > start && text.charCodeAt(lineEnd - 1) === 0x0d ? lineEnd - 1 : lineEnd;
    if (previousEmpty && !escapedBeforePrevious && end > start) {
      const head = text.slice(start, Math.min(end, start + 80));
      const blank = head.trim() === '' && (end - start <= 80 || text.slice(start, end).trim() === '');
      if (!blank) {
        const header = HEADING.test(head) || (end - start <= 60 && sectionHeaderKind(head) !== undefined);
        if (header || hashOfLine(head) % CUT_RATIO === 0 || start - blockStart >= MAX_BLOCK) {
          cuts.push({ end: previousStart, start, line: number });
          blockStart = start;
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
  return cuts;
}

function hashOfLine(text: string): number {
  return hashOfRange(text, 0, Math.min(text.length, 64)) % 1_000_003;
}

/**
 * The blocks of `text`: candidate cuts, then parsed blocks merged wherever a cut does not hold. `lines` are
 * splitLines(text). `parse` is asked for each block's text (the caller caches).
 */
export function blocksOf(text: string, parse: BlockParser, cuts = cutsOf(text)): PlacedBlock[] {
  const steps = blockSteps(text, parse, cuts);
  for (let step = steps.next(); ; step = steps.next()) if (step.done) return step.value;
}

/** blocksOf, one parse at a time: the generator pauses after each (the sliced analysis yields there). */
export function* blockSteps(text: string, parse: BlockParser, cuts = cutsOf(text)): Generator<void, PlacedBlock[]> {
  const blocks: PlacedBlock[] = [];
  const whole = (): PlacedBlock[] => [{ block: parse(text, 0, text.length), start: 0, firstLine: 0 }];
  const endOf = (cutIndex: number) => (cutIndex < cuts.length ? cuts[cutIndex]!.end : text.length);
  let startCut: Cut = { end: 0, start: 0, line: 0 };
  let current = parse(text, 0, endOf(0));
  // After a cut that does not hold, the next block taken in is twice as long as the last (an unclosed fence at the
  // top would otherwise parse the text once per block: quadratic).
  let span = 1;
  let cutIndex = 0;
  while (cutIndex < cuts.length) {
    const cut = cuts[cutIndex]!;
    const next = parse(text, cut.start, endOf(cutIndex + 1));
    yield;
    if (current.hasDefinitions || next.hasDefinitions) return whole();
    const first = blocks.length === 0;
    const holds = !current.openAtEnd && !(first && current.frontMatterPending) && !next.article.frontMatter && (!current.sectionOpenAtEnd || next.startsWithHeader);
    if (holds) {
      blocks.push({ block: current, start: startCut.start, firstLine: startCut.line });
      startCut = cut;
      current = next;
      span = 1;
      cutIndex++;
    } else {
      const upTo = Math.min(cuts.length, cutIndex + span);
      current = parse(text, startCut.start, endOf(upTo));
      yield;
      span *= 2;
      cutIndex = upTo;
    }
  }
  // Something left open at the very end (an unclosed comment ends the search for code spans in the whole text,
  // blocks before it included): the whole text is one block.
  if (current.hasDefinitions || (blocks.length > 0 && current.openAtEnd)) return whole();
  blocks.push({ block: current, start: startCut.start, firstLine: startCut.line });
  return blocks;
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
  const lines: Line[] = [];
  const headings: Heading[] = [];
  const sections: Section[] = [];
  const links: MarkdownLink[] = [];
  const sourceLinks: MarkdownLink[] = [];
  const keys: CitationKey[] = [];
  const citationLines: CitationLine[] = [];
  const skipped = new RangeSet();
  const notProse = new RangeSet();
  let hasFootnotes = false;
  for (const placed of blocks) {
    const { block, start } = placed;
    const shifted = shiftedOf(placed, shiftedCache);
    for (const line of shifted.lines) lines.push(line);
    for (const heading of shifted.headings) headings.push(heading);
    for (const section of shifted.sections) sections.push(section);
    for (const link of shifted.links) links.push(link);
    for (const link of shifted.sourceLinks) sourceLinks.push(link);
    for (const key of shifted.keys) keys.push(key);
    for (const citation of shifted.citationLines) citationLines.push(citation);
    skipped.addShifted(block.article.skipped, start);
    notProse.addShifted(block.article.notProse, start);
    hasFootnotes ||= block.article.hasFootnotes;
  }
  const frontMatter = blocks[0]!.block.article.frontMatter;
  return { text, lines, ...(frontMatter ? { frontMatter } : {}), headings, sections, skipped, links, sourceLinks, hasFootnotes, keys, citationLines, notProse };
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
  const parts: ShiftedParts = {
    start,
    firstLine,
    lines: article.lines.map((line) => ({ text: line.text, start: line.start + start, number: line.number + firstLine })),
    headings: article.headings.map((heading) => ({ ...heading, line: heading.line + firstLine })),
    sections: article.sections.map((section) => ({ kind: section.kind, headerLine: section.headerLine + firstLine, firstLine: section.firstLine + firstLine, endLine: section.endLine + firstLine })),
    links: article.links.map((link) => shiftLink(link, start)),
    sourceLinks: article.sourceLinks.map((link) => shiftLink(link, start)),
    keys: article.keys.map((key) => ({ ...key, start: key.start + start, end: key.end + start, groupStart: key.groupStart + start, groupEnd: key.groupEnd + start })),
    citationLines: article.citationLines.map((citation) => ({ ...citation, line: citation.line + firstLine, start: citation.start + start, end: citation.end + start })),
  };
  cache?.set(block, parts);
  return parts;
}

export function shiftLink(link: MarkdownLink, by: number): MarkdownLink {
  return { ...link, start: link.start + by, end: link.end + by, textStart: link.textStart + by, textEnd: link.textEnd + by, destinationStart: link.destinationStart + by, destinationEnd: link.destinationEnd + by };
}

/** The blocks of a text parsed without any cache (tests, one-off analyses). */
export function parseInBlocks(text: string): Article {
  return assembleArticle(text, blocksOf(text, parseSlice));
}

/** A BlockParser without a cache. */
export function parseSlice(text: string, start: number, end: number): ParsedBlock {
  return parseBlock(text.slice(start, end));
}
