import * as vscode from 'vscode';
import type { ArticleDiagnostic } from '../core/article/checks';
import { disabledChecks } from '../core/article/disableComments';
import { toVsDiagnostics } from './diagnostics';
import type { Settings } from './settings';

export interface DocumentDiagnosticsOptions {
  /** The diagnostic collection's name. */
  readonly name: string;
  readonly selector: vscode.DocumentSelector;
  /** The document's core diagnostics; may await (the corpus, law files). */
  checks(document: vscode.TextDocument): Promise<readonly ArticleDiagnostic[]>;
  /** Called when a document closes (to drop caches). */
  onClose?(document: vscode.TextDocument): void;
  /** More events that recompute every open document (corpus updates). */
  readonly recomputeOn?: ReadonlyArray<(listener: () => void) => { dispose(): void }>;
}

export interface DocumentDiagnosticsDeps {
  /** diagnostics.enabled turns the collection on and off; the severity settings apply per code. */
  readonly settings: Settings;
  /** Typing pause before a recomputation; 300 ms when not given. */
  readonly debounceMs?: number;
}

/**
 * One diagnostic collection kept current for the open documents: recomputed after typing pauses, on open,
 * on settings changes and on `recomputeOn`; a run whose document changed meanwhile (or that another run
 * has replaced) is dropped, so the last content always wins.
 */
export function registerDocumentDiagnostics(options: DocumentDiagnosticsOptions, deps: DocumentDiagnosticsDeps): vscode.Disposable {
  const collection = vscode.languages.createDiagnosticCollection(options.name);
  const timers = new Map<string, ReturnType<typeof setTimeout>>();
  // Runs are numbered; a run publishes unless a later run of the same document already has. Not "unless another
  // run is pending": a steady stream of recomputations (corpus updates while files load) would then drop every
  // result and leave the document without diagnostics for as long as the stream lasts.
  let runs = 0;
  const publishedRun = new Map<string, number>();
  const update = async (document: vscode.TextDocument) => {
    if (vscode.languages.match(options.selector, document) === 0 || document.isClosed) return;
    if (!deps.settings.areDiagnosticsEnabled(document.uri)) {
      collection.delete(document.uri);
      return;
    }
    const run = ++runs;
    const key = document.uri.toString();
    const version = document.version;
    const diagnostics = toVsDiagnostics(document, await options.checks(document), deps.settings);
    // The text changed meanwhile (its offsets are stale), or a later run has published already.
    if (document.isClosed || document.version !== version || (publishedRun.get(key) ?? 0) > run) return;
    publishedRun.set(key, run);
    // <!-- policy-annotator-disable … --> comments, honoured for every check.
    const isDisabled = disabledChecks(document.getText());
    collection.set(document.uri, diagnostics.filter((diagnostic) => !isDisabled(diagnostic.range.start.line, codeOf(diagnostic))));
  };
  const schedule = (document: vscode.TextDocument, delay = deps.debounceMs ?? 300) => {
    const key = document.uri.toString();
    const pending = timers.get(key);
    if (pending !== undefined) clearTimeout(pending);
    timers.set(
      key,
      setTimeout(() => {
        timers.delete(key);
        update(document).catch((error: unknown) => console.error(`Policy Annotator: ${options.name} failed`, error));
      }, delay),
    );
  };
  const all = () => vscode.workspace.textDocuments.forEach((document) => schedule(document, 0));
  all();
  return vscode.Disposable.from(
    collection,
    vscode.workspace.onDidOpenTextDocument((document) => schedule(document, 0)),
    vscode.workspace.onDidChangeTextDocument((event) => {
      if (event.contentChanges.length > 0) schedule(event.document);
    }),
    vscode.workspace.onDidCloseTextDocument((document) => {
      const pending = timers.get(document.uri.toString());
      if (pending !== undefined) clearTimeout(pending);
      timers.delete(document.uri.toString());
      publishedRun.delete(document.uri.toString());
      options.onClose?.(document);
      collection.delete(document.uri);
    }),
    vscode.workspace.onDidChangeConfiguration((event) => {
      if (event.affectsConfiguration('policyAnnotator')) all();
    }),
    ...(options.recomputeOn ?? []).map((subscribe) => {
      const subscription = subscribe(all);
      return { dispose: () => subscription.dispose() };
    }),
    { dispose: () => timers.forEach((timer) => clearTimeout(timer)) },
  );
}

function codeOf(diagnostic: vscode.Diagnostic): string {
  const code = diagnostic.code;
  return typeof code === 'object' ? String(code.value) : String(code ?? '');
}
