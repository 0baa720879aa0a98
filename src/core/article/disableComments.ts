/**
 * Comments that turn checks off, as markdownlint's do:
 *   <!-- policy-annotator-disable -->                    every check from here on
 *   <!-- policy-annotator-disable code, code -->         these checks from here on
 *   <!-- policy-annotator-enable [code, code] -->        back on (all, or these)
 *   <!-- policy-annotator-disable-next-line [codes] -->  the next line only
 *   <!-- policy-annotator-disable-line [codes] -->       the comment's own line only
 * The editor and the CLI both filter their diagnostics through `disabledChecks`.
 */

const DIRECTIVE = /<!--\s*policy-annotator-(disable-next-line|disable-line|disable|enable)\b([^>]*?)-->/g;
const ALL = '*';

export type IsDisabled = (line: number, code: string) => boolean;

/** The directive comment that disables `codes` on the line after it. */
export function disableNextLineComment(codes: readonly string[]): string {
  return `<!-- policy-annotator-disable-next-line ${codes.join(', ')} -->`;
}

/**
 * Reads the directives of a text once; the returned predicate says whether a diagnostic with `code` on
 * 0-based `line` is turned off. Linear in the text; each query is a binary search over the directive lines.
 */
export function disabledChecks(text: string): IsDisabled {
  if (!text.includes('policy-annotator-')) return () => false;
  const lineStarts = [0];
  for (let index = text.indexOf('\n'); index !== -1; index = text.indexOf('\n', index + 1)) lineStarts.push(index + 1);
  const lineOf = (offset: number) => {
    let low = 0;
    let high = lineStarts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if (lineStarts[middle]! <= offset) low = middle;
      else high = middle - 1;
    }
    return low;
  };
  /** From each change line on, the set of codes off (ALL for every code). */
  const spans: Array<{ line: number; off: ReadonlySet<string> }> = [];
  const single = new Map<number, Set<string>>();
  let off = new Set<string>();
  for (const match of text.matchAll(DIRECTIVE)) {
    const kind = match[1]!;
    const codes = match[2]!.split(/[\s,，]+/).filter(Boolean);
    const line = lineOf(match.index);
    if (kind === 'disable-next-line' || kind === 'disable-line') {
      const target = kind === 'disable-line' ? line : line + 1;
      const set = single.get(target) ?? new Set<string>();
      for (const code of codes.length > 0 ? codes : [ALL]) set.add(code);
      single.set(target, set);
      continue;
    }
    if (kind === 'disable') {
      off = new Set(off);
      for (const code of codes.length > 0 ? codes : [ALL]) off.add(code);
    } else {
      off = codes.length === 0 ? new Set() : new Set([...off].filter((code) => !codes.includes(code)));
    }
    // A disable takes effect on the comment's own line, as markdownlint's does.
    spans.push({ line, off });
  }
  return (line, code) => {
    const own = single.get(line);
    if (own && (own.has(ALL) || own.has(code))) return true;
    let low = 0;
    let high = spans.length - 1;
    let found = -1;
    while (low <= high) {
      const middle = (low + high) >> 1;
      if (spans[middle]!.line <= line) {
        found = middle;
        low = middle + 1;
      } else high = middle - 1;
    }
    if (found === -1) return false;
    const set = spans[found]!.off;
    return set.has(ALL) || set.has(code);
  };
}
