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
  return message.template.replace(/\{(\d+)\}/g, (whole, index: string) => {
    const value = message.args[Number(index)];
    return value === undefined ? whole : String(value);
  });
}
