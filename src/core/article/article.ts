import { parseCitationLine, type ParsedCitation } from './citationLine';
import { RangeList, rangeSetOf, splitLines, type Line, type RangeSet } from './lines';
import { findLinksAndKeys, type CitationKey, type MarkdownLink } from './links';
import { findSections, type Section } from './sections';
import { findSkipRanges, type FrontMatter } from './skipRanges';
import { trimEndChars } from '../util/text';

export interface CitationLine {
  readonly line: number;
  /** The entry without its list marker and surrounding space. */
  readonly start: number;
  readonly end: number;
  readonly text: string;
  readonly parsed: ParsedCitation;
}

export interface Heading {
  readonly line: number;
  readonly level: number;
  readonly text: string;
}

/** A policy article, parsed: what is where, before anything is resolved against the corpus. */
export interface Article {
  readonly text: string;
  readonly lines: readonly Line[];
  readonly frontMatter?: FrontMatter;
  readonly headings: readonly Heading[];
  readonly sections: readonly Section[];
  /** Front matter, code and comments: nothing there is a reference. */
  readonly skipped: RangeSet;
  /** Links outside the sources section (there, links belong to their citation line). */
  readonly links: readonly MarkdownLink[];
  /** Links inside the sources section's citation lines (checked for placeholders there). */
  readonly sourceLinks: readonly MarkdownLink[];
  /** Whether the text has a footnote reference ([^1]): a way of citing inline. */
  readonly hasFootnotes: boolean;
  readonly keys: readonly CitationKey[];
  readonly citationLines: readonly CitationLine[];
  /** Ranges that are not body prose: skipped ranges, sections' lines, links and keys. Mentions are looked for elsewhere. */
  readonly notProse: RangeSet;
}

const MAX_CITATION_LINE = 4_000;

function trimClosingHashes(text: string): string {
  return trimEndChars(text, '# \t');
}

export function parseArticle(text: string): Article {
  const lines = splitLines(text);
  const { ranges, frontMatter } = findSkipRanges(text, lines);
  const skipped = rangeSetOf(ranges);
  const lineSkipped = (line: Line) => skipped.contains(line.start) && skipped.contains(line.start + Math.max(0, line.text.length - 1));
  const sections = findSections(lines, lineSkipped);
  const headings: Heading[] = [];
  for (const line of lines) {
    // Only the prefix is matched by a regular expression; the closing #s are trimmed by hand (a pattern
    // like (.*?)[\s#]*$ is quadratic on a long line of spaces).
    const heading = /^ {0,3}(#{1,6})(?:\s+|$)/.exec(line.text);
    if (heading && !skipped.contains(line.start)) headings.push({ line: line.number, level: heading[1]!.length, text: trimClosingHashes(line.text.slice(heading[0].length)) });
  }
  const { links, keys } = findLinksAndKeys(text, lines, skipped);

  const citationLines: CitationLine[] = [];
  // Everything that is not body prose, collected as it is found: skipped ranges, sections, then links and keys.
  const notProseRanges = new RangeList();
  notProseRanges.pushAll(ranges);
  for (const section of sections) {
    const first = lines[section.headerLine]!;
    const last = lines[section.endLine - 1] ?? first;
    notProseRanges.push(first.start, last.start + last.text.length);
    if (section.kind !== 'sources') continue;
    for (let number = section.firstLine; number < section.endLine; number++) {
      const line = lines[number]!;
      if (lineSkipped(line)) continue;
      const marker = /^\s*(?:(?:[-*+]|\d{1,9}[.)])\s+)?/.exec(line.text)!;
      const entryText = line.text.slice(marker[0].length).trimEnd();
      if (entryText.length < 3) continue;
      const start = line.start + marker[0].length;
      citationLines.push({ line: number, start, end: start + entryText.length, text: entryText, parsed: parseCitationLine(entryText.slice(0, MAX_CITATION_LINE)) });
    }
  }
  const citationRanges = new RangeList();
  for (const citation of citationLines) citationRanges.push(citation.start, citation.end);
  const inSources = rangeSetOf(citationRanges);
  const bodyLinks = links.filter((link) => !inSources.contains(link.start));
  const sourceLinks = links.filter((link) => inSources.contains(link.start));
  let hasFootnotes = false;
  for (const match of text.matchAll(/\[\^[^\]\s]{1,100}\](?!:)/g)) {
    if (!skipped.contains(match.index)) {
      hasFootnotes = true;
      break;
    }
  }
  for (const link of bodyLinks) notProseRanges.push(link.start, link.end);
  for (const key of keys) notProseRanges.push(key.groupStart, key.groupEnd);
  const notProse = rangeSetOf(notProseRanges);
  return { text, lines, ...(frontMatter ? { frontMatter } : {}), headings, sections, skipped, links: bodyLinks, sourceLinks, hasFootnotes, keys, citationLines, notProse };
}
