import { lineIndexAt, RangeList, type Line } from './lines';
import { findFrontMatterBlock, inlineTemplateRanges, skippedBlockEnd } from './siteSyntax';

export interface FrontMatter {
  readonly start: number;
  readonly end: number;
  /** The YAML (or TOML) between the fences. */
  readonly text: string;
  readonly format: 'yaml' | 'toml';
  readonly textStart: number;
  readonly firstLine: number;
}

/**
 * Parts of an article where nothing is a reference: front matter, fenced code, inline code and HTML
 * comments. Each is found in one linear pass; an unclosed fence or comment runs to the end, as Markdown
 * renders it.
 */
export function findSkipRanges(text: string, lines: readonly Line[]): { ranges: RangeList; frontMatter?: FrontMatter } {
  const ranges = new RangeList();
  let frontMatter: FrontMatter | undefined;
  let first = 0;
  const block = findFrontMatterBlock(lines);
  if (block) {
    const last = lines[block.lastLine]!;
    const end = last.start + last.text.length;
    const contentStart = block.contentFirst === 0 ? Math.min(lines[0]!.start + (lines[0]!.text.startsWith('\uFEFF') ? 1 : 0), end) : lines[block.contentFirst]!.start;
    frontMatter = { start: 0, end, text: text.slice(contentStart, lines[block.contentEnd]!.start), textStart: contentStart, firstLine: block.contentFirst, format: block.format };
    ranges.push(0, end);
    first = block.lastLine + 1;
  }
  // Fenced code blocks, line by line.
  let fence: { char: string; length: number; start: number } | undefined;
  const prose: Line[] = [];
  for (let index = first; index < lines.length; index++) {
    const line = lines[index]!;
    const marker = /^ {0,3}(`{3,}|~{3,})/.exec(line.text);
    if (fence) {
      if (marker && marker[1]![0] === fence.char && marker[1]!.length >= fence.length && line.text.slice(marker[0].length).trim() === '') {
        ranges.push(fence.start, line.start + line.text.length);
        fence = undefined;
      }
    } else if (marker && !(marker[1]![0] === '`' && line.text.slice(marker[0].length).includes('`'))) {
      fence = { char: marker[1]![0]!, length: marker[1]!.length, start: line.start };
    } else {
      // HTML blocks, display math and Liquid code blocks are skipped whole, like code.
      const blockEnd = skippedBlockEnd(lines, index, index === first || lines[index - 1]!.text.trim() === '');
      if (blockEnd !== undefined) {
        const last = lines[blockEnd]!;
        ranges.push(line.start, last.start + last.text.length);
        index = blockEnd;
      } else prose.push(line);
    }
  }
  if (fence) ranges.push(fence.start, text.length);

  // HTML comments and inline code, outside fenced code.
  inlineSkips(text, prose, lines.length, ranges);
  return { ranges, ...(frontMatter ? { frontMatter } : {}) };
}

function inlineSkips(text: string, prose: readonly Line[], lineCount: number, ranges: RangeList): void {
  if (prose.length === 0) return;
  // Comments may span lines: scan the whole text, but only starts on prose lines count.
  const isProse = new Uint8Array(lineCount);
  for (const line of prose) isProse[line.number] = 1;
  let commentEnd = -1;
  const lineOfOffset = (offset: number) => prose[lineIndexAt(prose, offset)]!;
  for (let open = text.indexOf('<!--'); open !== -1; open = text.indexOf('<!--', Math.max(open + 4, commentEnd))) {
    const line = lineOfOffset(open);
    // Only a comment that opens on a prose line counts (not one inside front matter or a code block).
    if (!isProse[line.number] || open < line.start || open > line.start + line.text.length) continue;
    const close = text.indexOf('-->', open + 4);
    commentEnd = close === -1 ? text.length : close + 3;
    ranges.push(open, commentEnd);
    if (close === -1) return;
  }
  // Liquid and Hugo shortcodes, inline math.
  for (const line of prose) for (const [from, to] of inlineTemplateRanges(line.text)) ranges.push(line.start + from, line.start + to);
  // Inline code: a run of N backticks up to the next run of exactly N, within one paragraph.
  let paragraphStart = -1;
  let paragraphEnd = -1;
  const flush = () => {
    if (paragraphStart !== -1) codeSpans(text, paragraphStart, paragraphEnd, ranges);
    paragraphStart = -1;
  };
  let previous = -2;
  for (const line of prose) {
    const blank = line.text.trim() === '';
    if (blank || line.number !== previous + 1) flush();
    if (!blank) {
      if (paragraphStart === -1) paragraphStart = line.start;
      paragraphEnd = line.start + line.text.length;
    }
    previous = line.number;
  }
  flush();
}

function codeSpans(text: string, start: number, end: number, ranges: RangeList): void {
  // Runs of backticks in order, as (start, length) in a typed list: a paragraph of a million backticks
  // allocates no object per run.
  const runs = new RangeList();
  for (let index = start; index < end; index++) {
    const char = text.charCodeAt(index);
    if (char === 0x5c /* \ */) {
      index++;
      continue;
    }
    if (char !== 0x60) continue;
    let runEnd = index;
    while (runEnd < end && text.charCodeAt(runEnd) === 0x60) runEnd++;
    runs.push(index, runEnd - index);
    index = runEnd - 1;
  }
  if (runs.length < 2) return;
  // next[i]: the next run after i with the same length, found in one backward pass (linear overall).
  const next = new Int32Array(runs.length).fill(-1);
  const following = new Map<number, number>();
  for (let position = runs.length - 1; position >= 0; position--) {
    next[position] = following.get(runs.end(position)) ?? -1;
    following.set(runs.end(position), position);
  }
  // Each opener pairs with the next run of exactly its length; the runs between are inside the span.
  for (let position = 0; position < runs.length; position++) {
    const closer = next[position]!;
    if (closer === -1) continue;
    ranges.push(runs.start(position), runs.start(closer) + runs.end(closer));
    position = closer;
  }
}
