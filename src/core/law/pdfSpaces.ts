/**
 * Text copied from a PDF often has a space between every two characters (民 法 第 184 條). The detector reads a
 * copy without the spaces that stand between two ideographs, and maps its offsets back to the text. The copy
 * is made in one pass; a text with no such space is used as it is.
 */
export interface SqueezedText {
  readonly text: string;
  /** Offset in the original text of each offset of `text` (and of text.length). */
  toOriginal(offset: number): number;
}

function isIdeograph(code: number): boolean {
  return (code >= 0x4e00 && code <= 0x9fff) || (code >= 0x3400 && code <= 0x4dbf);
}

const SPACE = /[\u4e00-\u9fff][ \u3000]+[\u4e00-\u9fff]/;

export function squeezeSpaces(text: string): SqueezedText {
  if (!SPACE.test(text)) return { text, toOriginal: (offset) => offset };
  const kept: string[] = [];
  const origin = new Int32Array(text.length + 1);
  let length = 0;
  for (let at = 0; at < text.length; at++) {
    const char = text[at]!;
    if (char === ' ' || char === '\u3000') {
      // A run of spaces between two ideographs goes; any other space stays.
      let end = at;
      while (end < text.length && (text[end] === ' ' || text[end] === '\u3000')) end++;
      if (length > 0 && isIdeograph(kept[length - 1]!.charCodeAt(0)) && end < text.length && isIdeograph(text.charCodeAt(end))) {
        at = end - 1;
        continue;
      }
    }
    origin[length] = at;
    kept.push(char);
    length++;
  }
  origin[length] = text.length;
  return { text: kept.join(''), toOriginal: (offset) => origin[Math.min(Math.max(offset, 0), length)]! };
}
