import * as vscode from 'vscode';
import type { CorpusService } from '../core/corpus/corpusService';

/** The active editor when it shows a document the selector accepts; otherwise says so and returns undefined. */
export function activeArticleEditor(selector: vscode.DocumentSelector): vscode.TextEditor | undefined {
  const editor = vscode.window.activeTextEditor;
  if (!editor || vscode.languages.match(selector, editor.document) === 0) {
    void vscode.window.showInformationMessage(vscode.l10n.t('Policy Annotator: open a Markdown article first.'));
    return undefined;
  }
  return editor;
}

/** Waits for the first corpus load with a visible notification, so a command run early is not silently slow. */
export async function corpusLoaded(corpus: CorpusService): Promise<void> {
  if (corpus.isReady) return;
  await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Policy Annotator: the corpus index is still loading…') },
    () => corpus.whenReady(),
  );
}

/** Today as an ISO date, in local time (a last-visit date is the writer's day). */
export function todayIso(): string {
  const now = new Date();
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/**
 * Waits for the corpus index a provider needs; false when the request was cancelled meanwhile (the provider
 * then answers nothing). Every provider that reads the index starts with it.
 */
export async function corpusReadyFor(corpus: CorpusService, token: vscode.CancellationToken): Promise<boolean> {
  await corpus.whenReady();
  return !token.isCancellationRequested;
}

/**
 * Like corpusReadyFor, but waits only for the embedded corpus: the workspace's corpus files may still be
 * loading. For hovers, which answer from the records known so far rather than keep the writer waiting; the
 * analysis cache is keyed on the index's generation, so the next request sees the workspace's records.
 */
export async function embeddedCorpusReadyFor(corpus: CorpusService, token: vscode.CancellationToken): Promise<boolean> {
  await corpus.whenEmbeddedReady();
  return !token.isCancellationRequested;
}
