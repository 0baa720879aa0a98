import type { Line } from './lines';

/**
 * What static-site generators put in Markdown besides Markdown: front matter in its several forms, HTML
 * blocks, Liquid and Hugo shortcodes, and TeX math. None of it is prose; the article parser skips it like code.
 *
 * Hand-written rather than markdown-it: only these block starts are needed (CommonMark's HTML-block rules 1,
 * 2 and 6/7 and display math), the parse must stay synchronous and linear, and markdown-it would add ~110 KB
 * to a startup bundle that is already close to its 300 KB limit.
 */

export interface FrontMatterBlock {
  /** First and last line of the whole block (fences included), 0-based, inclusive. */
  readonly firstLine: number;
  readonly lastLine: number;
  /** Lines of the content (fences excluded): [contentFirst, contentEnd). */
  readonly contentFirst: number;
  readonly contentEnd: number;
  readonly format: 'yaml' | 'toml';
}

/** A YAML key line (`title: …`), the only way a Hexo/Jekyll file without an opening `---` can start. */
const YAML_KEY = /^[A-Za-z_][\w-]{0,60}\s*:(?:\s|$)/;
/** Lines a YAML header is made of: keys, list items, indented continuations, comments, blank lines. */
const YAML_LINE = /^(?:[A-Za-z_][\w-]{0,60}\s*:(?:\s|$)|\s+\S|\s*-(?:\s|$)|\s*#|\s*$)/;
const MAX_HEADLESS_LINES = 80;

/** Front matter at the top of the file: `---` YAML, `+++` TOML, or Hexo's YAML that ends at `---` with no opening fence. A BOM is ignored. */
export function findFrontMatterBlock(lines: readonly Line[]): FrontMatterBlock | undefined {
  const first = lines[0]?.text.replace(/^\uFEFF/, '').trimEnd();
  if (first === undefined) return undefined;
  if (first === '---' || first === '+++') {
    const closing = first === '---' ? /^(?:---|\.\.\.)\s*$/ : /^\+\+\+\s*$/;
    for (let index = 1; index < lines.length; index++) {
      if (closing.test(lines[index]!.text)) return { firstLine: 0, lastLine: index, contentFirst: 1, contentEnd: index, format: first === '---' ? 'yaml' : 'toml' };
    }
    return undefined;
  }
  if (!YAML_KEY.test(first)) return undefined;
  // Hexo: "title: …" lines up to a "---" line; every line before it must look like YAML.
  for (let index = 1; index < Math.min(lines.length, MAX_HEADLESS_LINES); index++) {
    const text = lines[index]!.text;
    if (/^---\s*$/.test(text)) return { firstLine: 0, lastLine: index, contentFirst: 0, contentEnd: index, format: 'yaml' };
    if (!YAML_LINE.test(text)) return undefined;
  }
  return undefined;
}

/** CommonMark HTML block rule 1: raw-text elements that end at their closing tag, blank lines or not. */
const RAW_HTML_START = /^ {0,3}<(script|pre|style|textarea)(?:\s|>|$)/i;
/** Rule 6: block-level tags; the block ends at a blank line. */
const BLOCK_TAGS =
  'address|article|aside|blockquote|body|caption|center|col|colgroup|dd|details|dialog|dir|div|dl|dt|fieldset|figcaption|figure|footer|form|h1|h2|h3|h4|h5|h6|head|header|hr|html|iframe|legend|li|link|main|menu|nav|ol|optgroup|option|p|section|summary|table|tbody|td|tfoot|th|thead|title|tr|ul|video|audio';
const BLOCK_HTML_START = new RegExp(`^ {0,3}</?(?:${BLOCK_TAGS})(?:\\s|/?>|$)`, 'i');
/** Rule 7: any other complete tag alone on its line (<figure>, <a name="x"></a> is not: only one tag). */
const LONE_TAG = /^ {0,3}<\/?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?\/?>\s*$/;
/** A Liquid block whose content is code or raw text. */
const LIQUID_CODE_START = /^\s*\{%-?\s*(highlight|raw|codeblock|code)\b[^%]*-?%\}\s*$/;

/**
 * If a skipped block starts on `lines[index]`, the index of its last line. Covers HTML blocks, `$$` display
 * math and Liquid code blocks. `previousBlank`: whether the line before is blank (a rule-6 block may
 * interrupt a paragraph; we only take it at a paragraph start, which is what sites write).
 */
export function skippedBlockEnd(lines: readonly Line[], index: number, previousBlank: boolean): number | undefined {
  const text = lines[index]!.text;
  const raw = RAW_HTML_START.exec(text);
  if (raw) return lastLineContaining(lines, index, new RegExp(`</${raw[1]}>`, 'i'));
  if (/^ {0,3}\$\$/.test(text)) {
    // $$ … $$ on one line, or up to the next line with $$.
    if (text.trim().length > 2 && text.trim().endsWith('$$')) return index;
    return lastLineContaining(lines, index, /\$\$/, true);
  }
  const liquid = LIQUID_CODE_START.exec(text);
  if (liquid) return lastLineContaining(lines, index, new RegExp(`\\{%-?\\s*end${liquid[1]}\\b`), true);
  if (previousBlank && (BLOCK_HTML_START.test(text) || LONE_TAG.test(text))) {
    let end = index;
    while (end + 1 < lines.length && lines[end + 1]!.text.trim() !== '') end++;
    return end;
  }
  return undefined;
}

function lastLineContaining(lines: readonly Line[], from: number, pattern: RegExp, skipFirst = false): number {
  for (let index = from; index < lines.length; index++) {
    if (skipFirst && index === from) continue;
    if (pattern.test(lines[index]!.text)) return index;
  }
  return lines.length - 1;
}

/**
 * Inline template syntax and math on one line: Liquid `{% … %}` and `{{ … }}`, Hugo `{{< … >}}` and
 * `{{% … %}}`, and `$…$` math (pandoc's rule: no space inside the dollars, no digit after the closing one,
 * so "$100 and $200" is not math). Offsets are relative to the line. Linear: each search starts after the last.
 */
export function* inlineTemplateRanges(text: string): Generator<[number, number]> {
  if (text.includes('{')) {
    const open = /\{\{[<%]?|\{%/g;
    for (let match = open.exec(text); match; match = open.exec(text)) {
      const opener = match[0];
      const closer = opener === '{%' ? '%}' : opener === '{{<' ? '>}}' : opener === '{{%' ? '%}}' : '}}';
      const close = text.indexOf(closer, match.index + opener.length);
      if (close === -1) break;
      yield [match.index, close + closer.length];
      open.lastIndex = close + closer.length;
    }
  }
  if (text.includes('$')) {
    let from = 0;
    while (from < text.length) {
      const start = text.indexOf('$', from);
      if (start === -1) break;
      const next = text.charAt(start + 1);
      if (next === '' || next === ' ' || next === '$' || (start > 0 && text.charAt(start - 1) === '\\')) {
        from = start + 1;
        continue;
      }
      const end = text.indexOf('$', start + 1);
      if (end === -1) break;
      if (text.charAt(end - 1) === ' ' || /\d/.test(text.charAt(end + 1))) {
        from = start + 1;
        continue;
      }
      yield [start, end + 1];
      from = end + 1;
    }
  }
}
