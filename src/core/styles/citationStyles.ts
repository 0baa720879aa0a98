import type { CorpusRecord } from '../corpus/record';
import type { CslItem } from '../export/cslItem';

/**
 * The CSL processor (citeproc-js) with the styles and locales the extension ships. It is heavy (~1 MB), so the
 * desktop extension and the CLI load it from a file of its own on first use (src/citationStyles/lazy.ts).
 */
export interface CitationStyles {
  /** The CSL text of a shipped style: "house" (the default) or "apa"; undefined for any other name. */
  builtIn(name: string): string | undefined;
  /** One bibliography entry per item, in the items' order, as Markdown (italics as *…*). Throws StyleError. */
  render(style: string, items: readonly CslItem[]): string[];
  /**
   * Each record as a line of 資料來源 in `style` (CSL text), by id; `today` is the last visit of a record
   * without one; `house` shapes the items for the house style (src/core/styles/styleItems.ts).
   */
  renderRecords(records: readonly CorpusRecord[], style: string, today: string, house: boolean): Map<string, string>;
}

/** A style that cannot be used: the message says why without quoting the style. */
export class StyleError extends Error {}

/** The names of the shipped styles. */
export const BUILT_IN_STYLES = ['house', 'apa'] as const;

/** A user's .csl file is read only up to this size. */
export const MAX_STYLE_BYTES = 512 * 1024;

/**
 * Why a user's style text is refused before it reaches the XML parser, or undefined: too big, not CSL, or
 * a DOCTYPE (entities could expand without bound or name outside files).
 */
export function styleTextProblem(text: string): string | undefined {
  if (text.length > MAX_STYLE_BYTES) return `the style is larger than ${MAX_STYLE_BYTES / 1024} KB`;
  if (/<!DOCTYPE|<!ENTITY/i.test(text)) return 'the style declares a DOCTYPE or entities, which are not allowed';
  if (!/<style[\s>]/.test(text) || !/http:\/\/purl\.org\/net\/xbiblio\/csl/.test(text)) return 'the file is not a CSL style (no <style> in the CSL namespace)';
  if (!/<bibliography[\s>]/.test(text)) return 'the style has no bibliography (a dependent style names its parent, which is never fetched)';
  return undefined;
}
