import * as vscode from 'vscode';
import type { Localizable } from '../core/util/messages';

/** A core message in the UI language (the English text when the bundle has no translation). */
export function localized(message: Localizable | undefined, english: string): string {
  return message ? vscode.l10n.t(message.template, ...message.args) : english;
}
