/**
 * `text` without the trailing characters listed in `chars`. A loop, because /[…]+$/ is quadratic on a long
 * run of those characters (the engine retries the run from every start position).
 */
export function trimEndChars(text: string, chars: string): string {
  let end = text.length;
  while (end > 0 && chars.includes(text[end - 1]!)) end--;
  return text.slice(0, end);
}

/**
 * Where two texts differ: the length of their common prefix, of their common suffix (not overlapping the
 * prefix in either), and the change in length.
 */
export function editBetween(before: string, after: string): { readonly prefix: number; readonly suffix: number; readonly delta: number } {
  const shorter = Math.min(before.length, after.length);
  // A chunk at a time first (string equality compares memory, a loop over char codes is ~15× slower on a 100 KB
  // text: this runs on every keystroke), then unit by unit from the first chunk that differs.
  let prefix = 0;
  while (prefix + EDIT_CHUNK <= shorter && before.slice(prefix, prefix + EDIT_CHUNK) === after.slice(prefix, prefix + EDIT_CHUNK)) prefix += EDIT_CHUNK;
  while (prefix < shorter && before.charCodeAt(prefix) === after.charCodeAt(prefix)) prefix++;
  const room = shorter - prefix;
  let suffix = 0;
  while (suffix + EDIT_CHUNK <= room && before.slice(before.length - suffix - EDIT_CHUNK, before.length - suffix) === after.slice(after.length - suffix - EDIT_CHUNK, after.length - suffix)) suffix += EDIT_CHUNK;
  while (suffix < room && before.charCodeAt(before.length - 1 - suffix) === after.charCodeAt(after.length - 1 - suffix)) suffix++;
  return { prefix, suffix, delta: after.length - before.length };
}

const EDIT_CHUNK = 1_024;

/**
 * A copy of `text` that does not keep alive the text it was sliced from. A slice of a string points into the
 * whole string (the engine makes no copy): a cache keyed or filled by a short slice of one version of a document
 * would keep that whole version, and one more per keystroke.
 */
export function detached(text: string): string {
  // The concatenation is flattened into a new string of its own before it is sliced.
  return ` ${text}`.slice(1);
}

/** `text` cut to at most `limit` code points with an ellipsis (never inside a surrogate pair). */
export function truncate(text: string, limit: number): string {
  if (text.length <= limit) return text;
  const characters = [...text];
  return characters.length > limit ? `${characters.slice(0, limit - 1).join('')}…` : text;
}

/** FNV-1a over the UTF-16 units of text[start, end). */
export function hashOfRange(text: string, start: number, end: number): number {
  let hash = 0x811c9dc5;
  for (let index = start; index < end; index++) hash = Math.imul(hash ^ text.charCodeAt(index), 0x01000193);
  return hash >>> 0;
}
