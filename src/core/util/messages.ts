/** An argument of a message template: filled in for `{0}`, `{1}` … */
export type MessageArg = string | number;

/**
 * A user-visible message from the core: its English template and arguments. The editor translates the
 * template (vscode.l10n, bundles in l10n/); the CLI prints the English. Templates are string literals at the
 * call site so a test can check that every one has a translation.
 */
export interface Localizable {
  readonly template: string;
  readonly args: readonly MessageArg[];
}

export function msg(template: string, ...args: MessageArg[]): Localizable {
  return { template, args };
}

/** The template with its arguments filled in (what vscode.l10n.t does when there is no translation). */
export function formatMessage(message: Localizable): string {
  const parts = partsOf(message.template);
  if (parts.length === 1 && typeof parts[0] === 'string') return parts[0];
  let text = '';
  for (const part of parts) {
    if (typeof part === 'string') text += part;
    else {
      const value = message.args[part.index];
      text += value === undefined ? part.whole : String(value);
    }
  }
  return text;
}

/**
 * A template split once into text and placeholders: the article checks format thousands of messages from a
 * few dozen templates on every keystroke (the incremental analysis), and a replace with a callback per message
 * was a good part of that.
 */
const templateParts = new Map<string, ReadonlyArray<string | { readonly index: number; readonly whole: string }>>();

function partsOf(template: string): ReadonlyArray<string | { readonly index: number; readonly whole: string }> {
  let parts = templateParts.get(template);
  if (parts) return parts;
  const split: Array<string | { index: number; whole: string }> = [];
  let last = 0;
  for (const match of template.matchAll(/\{(\d+)\}/g)) {
    split.push(template.slice(last, match.index));
    split.push({ index: Number(match[1]), whole: match[0] });
    last = match.index + match[0].length;
  }
  split.push(template.slice(last));
  parts = split.filter((part) => part !== '');
  if (parts.length === 0) parts = [''];
  if (templateParts.size > 1_000) templateParts.clear();
  templateParts.set(template, parts);
  return parts;
}
