/**
 * `text` without the trailing characters listed in `chars`. A loop, because /[…]+$/ is quadratic on a long
 * run of those characters (the engine retries the run from every start position).
 */
export function trimEndChars(text: string, chars: string): string {
  let end = text.length;
  while (end > 0 && chars.includes(text[end - 1]!)) end--;
  return text.slice(0, end);
}
