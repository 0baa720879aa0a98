/**
 * The elements of a JSON array parsed a chunk of lines at a time, `pause()` between chunks, so a large file
 * written one element per line (the law index.json: 1.5 MB, 11,547 laws) is not one long `JSON.parse` plus
 * one long decoding in the extension host (issue 19: together a stall of 0.1–0.3 s at startup).
 *
 * Why cutting at line ends is safe: a JSON string cannot hold a raw line feed, and byte 0x0A is never part of
 * a multi-byte UTF-8 sequence, so a cut after a line feed is between two tokens, and each chunk decodes on its
 * own. A chunk (without the array's `[` and `]` and the commas at its edges) must parse as a list of whole
 * values; if a cut falls inside an element (a pretty-printed file), that chunk does not parse, and the
 * answer is undefined: the caller then parses the whole text as before, which also reports any error.
 * Commas between chunks are checked (exactly one between two elements), so nothing invalid is accepted.
 */
export async function parseJsonArrayByLines(bytes: Uint8Array, pause: () => Promise<void>, chunkBytes = 64 * 1024): Promise<unknown[] | undefined> {
  const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
  const items: unknown[] = [];
  // What came last: the array's `[`, an element, or a comma after one.
  let last: 'open' | 'element' | 'comma' = 'open';
  let closed = false;
  let start = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  let first = true;
  while (start < bytes.length) {
    const lineEnd = bytes.indexOf(0x0a, start + chunkBytes);
    const end = lineEnd === -1 ? bytes.length : lineEnd + 1;
    let text: string;
    try {
      text = trimJsonSpace(decoder.decode(bytes.subarray(start, end)));
    } catch {
      return undefined;
    }
    start = end;
    if (first) {
      if (!text.startsWith('[')) return undefined;
      text = trimJsonSpace(text.slice(1));
      first = false;
    }
    if (start >= bytes.length) {
      if (!text.endsWith(']')) return undefined;
      text = trimJsonSpace(text.slice(0, -1));
      closed = true;
    }
    if (text.startsWith(',')) {
      if (last !== 'element') return undefined;
      last = 'comma';
      text = trimJsonSpace(text.slice(1));
    }
    if (text === '') continue;
    if (last === 'element') return undefined;
    const trailingComma = text.endsWith(',');
    if (trailingComma) text = trimJsonSpace(text.slice(0, -1));
    let parsed: unknown;
    try {
      parsed = JSON.parse(`[${text}]`);
    } catch {
      return undefined;
    }
    if (!Array.isArray(parsed) || parsed.length === 0) return undefined;
    for (const item of parsed) items.push(item);
    last = trailingComma ? 'comma' : 'element';
    await pause();
  }
  return closed && last !== 'comma' ? items : undefined;
}

/** JSON's whitespace only (String.prototype.trim also drops characters JSON does not allow there). */
function trimJsonSpace(text: string): string {
  let from = 0;
  let to = text.length;
  while (from < to && isJsonSpace(text.charCodeAt(from))) from++;
  while (to > from && isJsonSpace(text.charCodeAt(to - 1))) to--;
  return from === 0 && to === text.length ? text : text.slice(from, to);
}

const isJsonSpace = (code: number) => code === 0x20 || code === 0x0a || code === 0x0d || code === 0x09;
