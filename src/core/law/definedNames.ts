/**
 * Names the text defines: 兒童及少年福利與權益保障法（以下簡稱兒少權法）, （下稱金保法）, （以下稱「本條例」）,
 * (簡稱個資法). The short name then means that law for the rest of the document.
 */
const DEFINITION = /^[（(][ \u3000]*(?:以下|下文|下)?[ \u3000]*(?:簡稱為|簡稱|稱為|稱|或稱|又稱)[ \u3000]*[「『"《]?([^」』"》）)\s，,、。；]{1,20})[」』"》]?[ \u3000]*[）)]/;
const MAX_DEFINITION = 40;

export interface Definition {
  /** The defined short name. */
  readonly name: string;
  /** Where the parenthesis ends. */
  readonly end: number;
}

/** The definition in the parenthesis at `at` (a （ or ( ), or undefined. Reads at most MAX_DEFINITION characters. */
export function definitionAt(text: string, at: number): Definition | undefined {
  const match = DEFINITION.exec(text.slice(at, at + MAX_DEFINITION));
  if (!match) return undefined;
  return { name: match[1]!, end: at + match[0].length };
}

/** The opening parenthesis of a definition that ends right before `end` (a ）or )), or undefined. */
export function definitionBefore(text: string, end: number): { start: number; definition: Definition } | undefined {
  const windowStart = Math.max(0, end - MAX_DEFINITION);
  const slice = text.slice(windowStart, end);
  const open = Math.max(slice.lastIndexOf('（'), slice.lastIndexOf('('));
  if (open === -1) return undefined;
  const definition = definitionAt(text, windowStart + open);
  return definition && definition.end === end ? { start: windowStart + open, definition } : undefined;
}
