import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { PolicyAnnotatorApi } from '../../src/extension';

export const EXTENSION_ID = 'policy-annotator.policy-annotator';

/** Activates the extension and waits until its corpus index is built: no sleeping. */
export async function activateExtension(): Promise<PolicyAnnotatorApi> {
  const extension = vscode.extensions.getExtension<PolicyAnnotatorApi>(EXTENSION_ID);
  assert.ok(extension, `extension ${EXTENSION_ID} is not installed in this VS Code`);
  const api = await extension.activate();
  await api.whenReady();
  // Each test file bundles its own copy of this module: remember the report on the global object.
  const flags = globalThis as { policyAnnotatorReported?: boolean };
  if (!flags.policyAnnotatorReported) {
    flags.policyAnnotatorReported = true;
    console.log(`      activate() took ${api.activationMs.toFixed(1)} ms; corpus: ${api.corpusSize()} records`);
  }
  return api;
}

/** Resolves when `condition` holds, checking after every corpus update; fails after `timeoutMs`. */
export async function waitForCorpus(api: PolicyAnnotatorApi, condition: () => boolean, what: string, timeoutMs = 15_000): Promise<void> {
  if (condition()) return;
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => {
      subscription.dispose();
      reject(new Error(`timed out after ${timeoutMs} ms waiting for ${what}`));
    }, timeoutMs);
    const subscription = api.onDidUpdateCorpus(() => {
      if (!condition()) return;
      clearTimeout(timer);
      subscription.dispose();
      resolve();
    });
  });
}

export async function hoverAt(document: vscode.TextDocument, position: vscode.Position): Promise<string> {
  return hoverText(await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, position));
}

export function workspaceFile(relativePath: string): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the integration tests need the fixture workspace open');
  return vscode.Uri.joinPath(folder.uri, relativePath);
}

/** Writes a new file of the (temporary) fixture workspace, notes it in `created` for the suite's teardown, and opens it. */
export async function createAndOpen(relativePath: string, text: string, created: vscode.Uri[]): Promise<vscode.TextDocument> {
  const uri = workspaceFile(relativePath);
  await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
  created.push(uri);
  const document = await vscode.workspace.openTextDocument(uri);
  await vscode.window.showTextDocument(document);
  return document;
}

export async function openFixture(relativePath: string): Promise<vscode.TextDocument> {
  const document = await vscode.workspace.openTextDocument(workspaceFile(relativePath));
  await vscode.window.showTextDocument(document);
  return document;
}

/** The position of the `occurrence`-th match of `needle` in the document, plus `delta` characters. */
export function positionOf(document: vscode.TextDocument, needle: string, delta = 0, occurrence = 1): vscode.Position {
  let offset = -1;
  for (let seen = 0; seen < occurrence; seen++) {
    offset = document.getText().indexOf(needle, offset + 1);
    assert.notEqual(offset, -1, `"${needle}" (occurrence ${occurrence}) is not in ${document.uri.path}`);
  }
  return document.positionAt(offset + delta);
}

export function hoverText(hovers: readonly vscode.Hover[]): string {
  return hovers
    .flatMap((hover) => hover.contents)
    .map((content) => (typeof content === 'string' ? content : content.value))
    .join('\n');
}

/** Resolves when the document has diagnostics from us: published after a debounce, so we wait on the event. */
export async function ourDiagnostics(uri: vscode.Uri, ready: (diagnostics: vscode.Diagnostic[]) => boolean = (list) => list.length > 0, timeoutMs = 15_000): Promise<vscode.Diagnostic[]> {
  const ours = () => vscode.languages.getDiagnostics(uri).filter((diagnostic) => diagnostic.source === 'Policy Annotator');
  if (ready(ours())) return ours();
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      subscription.dispose();
      // What was there instead (codes and lines), so a failure says which check was missing or extra.
      const seen = ours().map((diagnostic) => `${String(typeof diagnostic.code === 'object' ? diagnostic.code.value : diagnostic.code)}@${diagnostic.range.start.line}`);
      reject(new Error(`no diagnostics as awaited on ${uri.path} after ${timeoutMs} ms (had: ${seen.join(', ') || 'none'})`));
    }, timeoutMs);
    const subscription = vscode.languages.onDidChangeDiagnostics((event) => {
      if (!event.uris.some((changed) => changed.toString() === uri.toString()) || !ready(ours())) return;
      clearTimeout(timer);
      subscription.dispose();
      resolve(ours());
    });
  });
}

