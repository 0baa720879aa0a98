/**
 * Normalisation shared by corpus text and article text, so an alias written one way in the corpus
 * matches the same name written another way in an article: NFKC (full-width to half-width, （） to ()),
 * Latin case folding, every middle dot unified, runs of whitespace collapsed to one space.
 * Each normalised UTF-16 unit keeps the offset of the original unit it came from, so ranges found in
 * normalised text map back to the original (CJK and surrogate pairs included).
 */
export interface NormalizedText {
  readonly original: string;
  readonly text: string;
  /** `offsets[i]` is the original UTF-16 offset of normalised unit `i`; `offsets[text.length]` is the original length. */
  readonly offsets: Uint32Array;
}

/** Middle dots used between the parts of transliterated names (蜜雪兒·多尼蘭, 蜜雪兒・多尼蘭, 蜜雪兒‧多尼蘭 …). */
const MIDDLE_DOTS = new Set(['\u00B7', '\u0387', '\u2022', '\u2027', '\u2219', '\u22C5', '\u30FB', '\uFF65', '\u16EB', '\u2E31', '\u318D', '\uA78F']);
export const CANONICAL_MIDDLE_DOT = '\u00B7';
const WHITESPACE = /\s/u;

export function normalizeWithOffsets(original: string): NormalizedText {
  const out: string[] = [];
  const offsets: number[] = [];
  let previousWasSpace = false;
  for (let index = 0; index < original.length; ) {
    const codePoint = original.codePointAt(index)!;
    const unitLength = codePoint > 0xffff ? 2 : 1;
    const normalized = normalizeCodePoint(String.fromCodePoint(codePoint));
    for (const char of normalized) {
      if (WHITESPACE.test(char)) {
        if (previousWasSpace) continue;
        previousWasSpace = true;
        out.push(' ');
        offsets.push(index);
        continue;
      }
      previousWasSpace = false;
      // A char may be two UTF-16 units (an astral code point); both units point at the original code point.
      for (let unit = 0; unit < char.length; unit++) {
        out.push(char[unit]!);
        offsets.push(index);
      }
    }
    index += unitLength;
  }
  offsets.push(original.length);
  return { original, text: out.join(''), offsets: Uint32Array.from(offsets) };
}

/** Normalised form without the offset map, for keys (aliases, titles). Trims the ends. */
export function normalizeKey(text: string): string {
  return normalizeWithOffsets(text).text.trim();
}

function normalizeCodePoint(char: string): string {
  if (MIDDLE_DOTS.has(char)) return CANONICAL_MIDDLE_DOT;
  const nfkc = char.normalize('NFKC');
  if (nfkc.length === 1 && MIDDLE_DOTS.has(nfkc)) return CANONICAL_MIDDLE_DOT;
  return nfkc.toLowerCase();
}

/** Maps a [start, end) range in normalised text back to the original text. */
export function toOriginalRange(normalized: NormalizedText, start: number, end: number): { start: number; end: number } {
  const originalStart = normalized.offsets[start]!;
  // The end is exclusive: take the original unit after the last normalised one.
  const lastOriginal = normalized.offsets[end - 1]!;
  let originalEnd = normalized.offsets[end]!;
  if (originalEnd <= lastOriginal) {
    // The range ends inside the expansion of one original code point: end after that code point.
    originalEnd = lastOriginal + (normalized.original.codePointAt(lastOriginal)! > 0xffff ? 2 : 1);
  }
  return { start: originalStart, end: originalEnd };
}
