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
  // Room for twice the input; a text that expands more (㈠ → (一), ﷺ → 18 units) takes the slow path.
  const units = new Uint16Array(original.length * 2 + 8);
  let offsets = new Uint32Array(original.length * 2 + 9);
  let length = 0;
  let overflow = false;
  let previousWasSpace = false;
  const push = (unit: number, origin: number) => {
    if (length >= units.length - 1) {
      overflow = true;
      return;
    }
    units[length] = unit;
    offsets[length++] = origin;
  };
  for (let index = 0; index < original.length && !overflow; ) {
    const unit = original.charCodeAt(index);
    const followedByMark = isCombiningMark(original.charCodeAt(index + 1));
    // Fast paths: ASCII (only case and spaces change) and CJK ideographs (NFKC leaves them alone), unless
    // a combining mark follows (e + ◌́ must become é, as the precomposed alias is).
    if (unit < 0x80 && !followedByMark) {
      if (unit === 0x20 || (unit >= 0x09 && unit <= 0x0d)) {
        if (!previousWasSpace) push(0x20, index);
        previousWasSpace = true;
      } else {
        push(unit >= 0x41 && unit <= 0x5a ? unit + 0x20 : unit, index);
        previousWasSpace = false;
      }
      index++;
      continue;
    }
    if (unit >= 0x4e00 && unit <= 0x9fff && !followedByMark) {
      push(unit, index);
      previousWasSpace = false;
      index++;
      continue;
    }
    const end = clusterEnd(original, index);
    if (end === index + 1) {
      // One UTF-16 unit (CJK and full-width punctuation, Latin-1 letters): its form from the unit table, with
      // no slice, no string iterator and no string per character (they were most of the analysis's garbage).
      const form = unitForm(unit);
      if (form !== MULTI_UNIT) {
        if (form === SPACE) {
          if (!previousWasSpace) push(0x20, index);
          previousWasSpace = true;
        } else if (form !== DROPPED) {
          push(form - FIRST_UNIT, index);
          previousWasSpace = false;
        }
        index = end;
        continue;
      }
    }
    for (const char of normalizeCluster(original.slice(index, end))) {
      if (WHITESPACE.test(char)) {
        if (!previousWasSpace) push(0x20, index);
        previousWasSpace = true;
        continue;
      }
      previousWasSpace = false;
      // A char may be two UTF-16 units (an astral code point); every unit points at the cluster's start.
      for (let position = 0; position < char.length; position++) push(char.charCodeAt(position), index);
    }
    index = end;
  }
  if (overflow) return normalizeWithOffsetsSlow(original);
  offsets[length] = original.length;
  offsets = offsets.slice(0, length + 1);
  let text = '';
  // String.fromCharCode over chunks: fast, and no call with too many arguments. `apply` reads the typed array
  // as it is; a spread would walk it with an iterator and box every unit first.
  for (let start = 0; start < length; start += 8192) text += String.fromCharCode.apply(null, units.subarray(start, Math.min(length, start + 8192)) as unknown as number[]);
  return { original, text, offsets };
}

/** unitForm's answers: not computed yet, nothing (an invisible character), a space, several units; else FIRST_UNIT + the unit. */
const UNKNOWN = 0;
const DROPPED = 1;
const SPACE = 2;
const MULTI_UNIT = 3;
const FIRST_UNIT = 4;
/** The form of each UTF-16 unit seen, as above: 256 KB, allocated on the first text that is not ASCII or CJK. */
let unitForms: Int32Array | undefined;

/** What a lone unit normalises to (normalizeCodePoint's answer, coded), computed once per unit. */
function unitForm(unit: number): number {
  unitForms ??= new Int32Array(0x10000);
  let form = unitForms[unit]!;
  if (form === UNKNOWN) {
    const normalized = normalizeCodePoint(String.fromCharCode(unit));
    form = normalized === '' ? DROPPED : normalized.length > 1 ? MULTI_UNIT : WHITESPACE.test(normalized) ? SPACE : FIRST_UNIT + normalized.charCodeAt(0);
    unitForms[unit] = form;
  }
  return form;
}

/**
 * Rare inputs whose NFKC expansion is more than twice as long as the original. Also the reference the fast
 * path is tested against (test/unit/normalize.test.ts): it reads every cluster through normalizeCluster.
 */
export function normalizeWithOffsetsSlow(original: string): NormalizedText {
  const out: string[] = [];
  const offsets: number[] = [];
  let previousWasSpace = false;
  for (let index = 0; index < original.length; ) {
    const end = clusterEnd(original, index);
    for (const char of normalizeCluster(original.slice(index, end))) {
      if (WHITESPACE.test(char)) {
        if (!previousWasSpace) {
          out.push(' ');
          offsets.push(index);
        }
        previousWasSpace = true;
        continue;
      }
      previousWasSpace = false;
      for (let position = 0; position < char.length; position++) {
        out.push(char[position]!);
        offsets.push(index);
      }
    }
    index = end;
  }
  offsets.push(original.length);
  return { original, text: out.join(''), offsets: Uint32Array.from(offsets) };
}

/** Combining marks in the BMP (diacritics, Hangul jamo vowels and finals, CJK and Kana voicing marks). */
function isCombiningMark(unit: number): boolean {
  return (
    (unit >= 0x0300 && unit <= 0x036f) || (unit >= 0x1160 && unit <= 0x11ff) || (unit >= 0x1ab0 && unit <= 0x1aff) ||
    (unit >= 0x1dc0 && unit <= 0x1dff) || (unit >= 0x20d0 && unit <= 0x20ff) || (unit >= 0x302a && unit <= 0x302f) ||
    unit === 0x3099 || unit === 0x309a || (unit >= 0xfe20 && unit <= 0xfe2f)
  );
}

/** Where the cluster starting at `index` ends: one code point and the combining marks after it (at most 32). */
function clusterEnd(text: string, index: number): number {
  let end = index + (text.codePointAt(index)! > 0xffff ? 2 : 1);
  for (let marks = 0; marks < 32 && end < text.length && isCombiningMark(text.charCodeAt(end)); marks++) end++;
  return end;
}

function normalizeCluster(cluster: string): string {
  return cluster.length <= 2 && !isCombiningMark(cluster.charCodeAt(1)) ? normalizeCodePoint(cluster) : normalizeCodePointUncached(cluster);
}

/** Normalised form without the offset map, for keys (aliases, titles). Trims the ends. */
export function normalizeKey(text: string): string {
  return text.length <= MAX_SCRATCH_KEY ? (shortKey(text) ?? normalizeWithOffsets(text).text.trim()) : longKey(text);
}

/** Keys (names, queries) are short; a longer text (a whole article) takes longKey, which needs no scratch. */
const MAX_SCRATCH_KEY = 1_024;
const keyUnits = new Uint16Array(MAX_SCRATCH_KEY);

/**
 * normalizeKey in one pass over the units, with normalizeWithOffsets' rules for lone units (ASCII, CJK, the
 * unit table) into a reused scratch: no offset map, no regular expression, and the text itself back when
 * nothing changes (a Chinese name, most of them). Undefined for what needs clusters (a combining mark, a
 * surrogate, a unit that expands): normalizeWithOffsets then. The index normalises every name of the corpus
 * (issue 19: the regex path was a tenth of the 100k build).
 */
function shortKey(text: string): string | undefined {
  const length = text.length;
  const units = keyUnits;
  let out = 0;
  // Whether every unit so far is kept as it is (then `text` is the key), or only ASCII capitals change in
  // text made of ASCII and CJK only (then text.toLowerCase() is: the old fast path's own answer).
  let unchanged = true;
  let onlyCase = true;
  // Starts true: leading spaces are dropped, as trim() would drop them.
  let previousWasSpace = true;
  for (let index = 0; index < length; index++) {
    const unit = text.charCodeAt(index);
    let form: number;
    if (unit < 0x80) {
      if (isCombiningMark(text.charCodeAt(index + 1))) return undefined;
      if (unit === 0x20 || (unit >= 0x09 && unit <= 0x0d)) {
        if (!previousWasSpace) units[out++] = 0x20;
        else unchanged = onlyCase = false;
        if (unit !== 0x20) unchanged = onlyCase = false;
        previousWasSpace = true;
        continue;
      }
      form = unit >= 0x41 && unit <= 0x5a ? unit + 0x20 : unit;
      if (form !== unit) unchanged = false;
    } else if (unit >= 0x4e00 && unit <= 0x9fff) {
      if (isCombiningMark(text.charCodeAt(index + 1))) return undefined;
      form = unit;
    } else {
      if ((unit >= 0xd800 && unit <= 0xdfff) || isCombiningMark(text.charCodeAt(index + 1))) return undefined;
      const coded = unitForm(unit);
      onlyCase = false;
      if (coded === MULTI_UNIT) return undefined;
      if (coded === DROPPED) {
        unchanged = false;
        continue;
      }
      if (coded === SPACE) {
        if (!previousWasSpace) units[out++] = 0x20;
        unchanged = false;
        previousWasSpace = true;
        continue;
      }
      form = coded - FIRST_UNIT;
      if (form !== unit) unchanged = false;
    }
    units[out++] = form;
    previousWasSpace = false;
  }
  // At most one space is left at the end (runs are collapsed): trim() would drop it.
  if (out > 0 && units[out - 1] === 0x20) {
    out--;
    unchanged = onlyCase = false;
  }
  if (unchanged) return text;
  if (onlyCase) return text.toLowerCase();
  return String.fromCharCode.apply(null, units.subarray(0, out) as unknown as number[]);
}

function longKey(text: string): string {
  // ASCII, CJK ideographs and spaces: no offset map, no per-character NFKC.
  if (SIMPLE_TEXT.test(text)) return text.toLowerCase().replace(/\s+/g, ' ').trim();
  return normalizeWithOffsets(text).text.trim();
}

/** Text whose normalisation is only case folding and whitespace collapsing. */
const SIMPLE_TEXT = /^[\x20-\x7e\u4e00-\u9fff]*$/;

/** Normalised forms of the code points seen so far: Chinese text repeats its punctuation (，。（）「」) endlessly. */
const normalizedCache = new Map<string, string>();

function normalizeCodePoint(char: string): string {
  let normalized = normalizedCache.get(char);
  if (normalized === undefined) {
    normalized = normalizeCodePointUncached(char);
    if (normalizedCache.size < 50_000) normalizedCache.set(char, normalized);
  }
  return normalized;
}

/**
 * Invisible characters that may sit inside a name without showing (zero-width space, joiners, word joiner,
 * byte-order mark, soft hyphen): dropped, so 布萊切利\u200B宣言 is still the name it looks like.
 */
const INVISIBLE = new Set(['\u00AD', '\u200B', '\u200C', '\u200D', '\u2060', '\uFEFF']);

function normalizeCodePointUncached(char: string): string {
  if (INVISIBLE.has(char)) return '';
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
