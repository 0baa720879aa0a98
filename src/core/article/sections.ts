import type { Line } from './lines';

export type SectionKind = 'links' | 'sources' | 'tags';

export interface Section {
  readonly kind: SectionKind;
  /** The header line ("資料來源：", "## Sources"). */
  readonly headerLine: number;
  /** The lines of the section's content, header excluded: [firstLine, endLine). */
  readonly firstLine: number;
  readonly endLine: number;
}

const SECTION_NAMES: ReadonlyArray<[SectionKind, readonly string[]]> = [
  ['links', ['相關連結', '相關鏈結', '相關網站', '相關網址', 'related links', 'links']],
  ['sources', ['資料來源', '參考資料', '參考文獻', '資料出處', '來源', 'sources', 'source', 'references', 'bibliography']],
  ['tags', ['文章標籤', '標籤', '關鍵字', 'tags', 'keywords']],
];

/** Lines the article templates put after the sections: they end a section, they are not part of it. */
const END_MARKERS = ['你可能會想參加', '推薦文章', '相關文章', '延伸閱讀', '回到頂端', '回上頁', '分享', '列印'];

/** The section kind a header line names, if it is one (a heading, bold text or a bare line, with or without a colon). */
export function sectionHeaderKind(text: string): SectionKind | undefined {
  const name = headerText(text);
  if (name === undefined) return undefined;
  for (const [kind, names] of SECTION_NAMES) if (names.includes(name)) return kind;
  return undefined;
}

function headerText(text: string): string | undefined {
  if (text.length > 60) return undefined;
  return text
    .trim()
    .replace(/^#{1,6}\s+/, '')
    .replace(/^(\*\*|__)(.*)\1$/, '$2')
    .replace(/[\s#]*$/, '')
    .replace(/[:：]$/, '')
    .trim()
    .toLowerCase();
}

function isHeading(text: string): boolean {
  return /^ {0,3}#{1,6}(\s|$)/.test(text);
}

function isEndMarker(text: string): boolean {
  const name = headerText(text);
  return name !== undefined && END_MARKERS.includes(name);
}

const LIST_ITEM = /^\s*(?:[-*+]|\d{1,9}[.)])\s/;

/**
 * Finds the named sections, written as headings or as bare lines (as the seed article writes them).
 * A section runs to the next header, heading or template line; a links section also ends at the first
 * paragraph that is not a list item (the "you may also like" lists that follow it).
 */
export function findSections(lines: readonly Line[], isSkipped: (line: Line) => boolean): Section[] {
  const sections: Section[] = [];
  let open: { kind: SectionKind; headerLine: number } | undefined;
  const close = (endLine: number) => {
    if (open) sections.push({ kind: open.kind, headerLine: open.headerLine, firstLine: open.headerLine + 1, endLine });
    open = undefined;
  };
  for (const line of lines) {
    if (isSkipped(line)) continue;
    const kind = sectionHeaderKind(line.text);
    if (kind) {
      close(line.number);
      open = { kind, headerLine: line.number };
      continue;
    }
    if (!open) continue;
    if (isHeading(line.text) || isEndMarker(line.text)) close(line.number);
    else if (open.kind === 'links' && line.text.trim() !== '' && !LIST_ITEM.test(line.text) && !/^\s*(?:\[|<|https?:)/.test(line.text) && !/^\s{2,}/.test(line.text)) close(line.number);
  }
  close(lines.length);
  return sections;
}
