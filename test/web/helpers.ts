// Small helpers for the web smoke suite. node:assert does not exist in a web worker, so the checks the
// suite needs are written here; each failure message says what was expected and what came instead.
import * as vscode from 'vscode';
import type { PolicyAnnotatorApi } from '../../src/extension';

export const EXTENSION_ID = 'policy-annotator.policy-annotator';

export function check(condition: unknown, message: string): asserts condition {
  if (!condition) throw new Error(message);
}

export function checkMatch(text: string, pattern: RegExp, what: string): void {
  check(pattern.test(text), `${what}: expected ${pattern} in ${JSON.stringify(text.slice(0, 400))}`);
}

/** Activates the extension (its browser entry, in this host) and waits until the corpus index is built. */
export async function activateExtension(): Promise<PolicyAnnotatorApi> {
  const extension = vscode.extensions.getExtension<PolicyAnnotatorApi>(EXTENSION_ID);
  check(extension, `extension ${EXTENSION_ID} is not installed in this VS Code for the Web`);
  const api = await extension.activate();
  await api.whenReady();
  return api;
}

export async function hoverAt(document: vscode.TextDocument, needle: string, delta = 1): Promise<{ text: string; ranges: string[] }> {
  const offset = document.getText().indexOf(needle);
  check(offset >= 0, `"${needle}" is not in ${document.uri.toString()}`);
  const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, document.positionAt(offset + delta));
  return {
    text: hovers
      .flatMap((hover) => hover.contents)
      .map((content) => (typeof content === 'string' ? content : content.value))
      .join('\n'),
    ranges: hovers.flatMap((hover) => (hover.range ? [document.getText(hover.range)] : [])),
  };
}
