import type { NormalizedText } from './normalize';

/**
 * Cross-strait matching: an article written with simplified characters or mainland terms (人工智能, 信息,
 * 网络) is compared with the corpus after conversion to traditional characters with Taiwan phrases
 * (OpenCC's cn → twp). The conversion tables are large, so they live in a bundle of their own
 * (src/crossStrait/) that the host loads on the first text that needs them; the core only decides whether a
 * text needs them (`mayNeedConversion`, a table lookup per character) and maps offsets back.
 */
export interface CrossStraitConverter {
  /**
   * The text converted. `offsets[i]` is the offset in `text` of the input unit that output unit `i` came
   * from (a phrase that changes length maps each of its units to the phrase's units in order, the extra
   * ones to its last unit); `offsets[output.length]` is `text.length`.
   */
  convert(text: string): { readonly text: string; readonly offsets: Uint32Array };
  /** Whether the text has a character that only simplified text uses (the full table: 2,597 characters). */
  hasSimplified(text: string): boolean;
}

/** Mainland terms written in traditional characters that Taiwan writes differently (checked with indexOf). */
const MAINLAND_TERMS = ['人工智能', '信息', '網絡', '軟件', '硬件', '數據', '視頻', '互聯網', '伙伴', '關系', '聯系', '維系', '服務器', '芯片', '用戶', '默認'];

/**
 * The 120 commonest simplified-only characters: any simplified paragraph has some, and the startup bundle
 * (limited to 300 KB) keeps this list only; the full table comes with the conversion tables.
 */
const COMMON_SIMPLIFIED = new Set('这们个为国说发时会对来开经过还进动关现实问题业务产员体长从样没么机应该种让给两与专东车书见间认识语话议论将军区办报纸网络数据统计总处学习术划门组织标准类华历约级节积极视频电脑软须风险评测试签声欢领导选举际联协负责则规范条层观点强调当并无于济');

/**
 * Whether the text may need conversion: a simplified-only character (the full table once `converter` is
 * loaded, the commonest ones before) or a mainland term. Texts without either are never converted.
 */
export function mayNeedConversion(text: string, converter?: CrossStraitConverter): boolean {
  if (converter ? converter.hasSimplified(text) : hasCommonSimplified(text)) return true;
  return MAINLAND_TERMS.some((term) => text.includes(term));
}

function hasCommonSimplified(text: string): boolean {
  for (let index = 0; index < text.length; index++) {
    const unit = text.charCodeAt(index);
    if (unit >= 0x4e00 && unit < 0xa000 && COMMON_SIMPLIFIED.has(text[index]!)) return true;
  }
  return false;
}

/**
 * A converter that keeps its paragraphs' conversions: an analysis after an edit converts the paragraph that
 * changed, not the whole article again. Exact: no dictionary phrase holds a line break, so converting line by
 * line gives the text and offsets converting the whole gives. Bounded: cleared when full.
 */
export class ParagraphConversions {
  readonly #cache = new Map<string, { readonly text: string; readonly offsets: Uint32Array }>();

  constructor(private readonly converter: CrossStraitConverter) {}

  hasSimplified(text: string): boolean {
    return this.converter.hasSimplified(text);
  }

  convert(text: string): { readonly text: string; readonly offsets: Uint32Array } {
    const parts: Array<{ readonly text: string; readonly offsets: Uint32Array; readonly from: number }> = [];
    let length = 0;
    for (let from = 0; from <= text.length; ) {
      const newline = text.indexOf('\n', from);
      const end = newline === -1 ? text.length : newline;
      const converted = end > from ? this.#paragraph(text.slice(from, end)) : EMPTY;
      // Not `{ ...converted, from }`: a spread followed by a property it lacks takes V8's slow path.
      parts.push({ text: converted.text, offsets: converted.offsets, from });
      length += converted.text.length + (newline === -1 ? 0 : 1);
      if (newline === -1) break;
      from = newline + 1;
    }
    const offsets = new Uint32Array(length + 1);
    let at = 0;
    for (const [position, part] of parts.entries()) {
      for (let index = 0; index < part.text.length; index++) offsets[at++] = part.offsets[index]! + part.from;
      // The line break after each paragraph but the last maps to itself.
      if (position < parts.length - 1) offsets[at++] = part.from + (parts[position + 1]!.from - part.from - 1);
    }
    offsets[length] = text.length;
    return { text: parts.map((part) => part.text).join('\n'), offsets };
  }

  #paragraph(paragraph: string): { readonly text: string; readonly offsets: Uint32Array } {
    let converted = this.#cache.get(paragraph);
    if (!converted) {
      converted = this.converter.convert(paragraph);
      if (this.#cache.size >= MAX_CACHED_PARAGRAPHS) this.#cache.clear();
      this.#cache.set(paragraph, converted);
    }
    return converted;
  }
}

const MAX_CACHED_PARAGRAPHS = 4_096;
const EMPTY = { text: '', offsets: new Uint32Array(1) };

/** The normalised text converted, its offsets still pointing into the original article text. */
export function convertNormalized(normalized: NormalizedText, converter: Pick<CrossStraitConverter, 'convert'>): NormalizedText {
  const converted = converter.convert(normalized.text);
  const offsets = new Uint32Array(converted.text.length + 1);
  for (let index = 0; index < converted.text.length; index++) offsets[index] = normalized.offsets[converted.offsets[index]!]!;
  offsets[converted.text.length] = normalized.offsets[normalized.text.length]!;
  return { original: normalized.original, text: converted.text, offsets };
}
