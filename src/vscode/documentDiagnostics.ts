import * as vscode from 'vscode';
import { disabledChecks } from '../core/article/disableComments';

export interface DocumentDiagnosticsOptions {
  /** The diagnostic collection's name. */
  readonly name: string;
  readonly selector: vscode.DocumentSelector;
  readonly debounceMs: number;
  /** Whether diagnostics are on for the document (setting); off clears them. */
  isEnabled(document: vscode.TextDocument): boolean;
  /** The document's diagnostics; may await (the corpus, law files). */
  compute(document: vscode.TextDocument): Promise<vscode.Diagnostic[]>;
  /** Called when a document closes (to drop caches). */
  onClose?(document: vscode.TextDocument): void;
  /** More events that recompute every open document (corpus updates). */
  readonly recomputeOn?: ReadonlyArray<(listener: () => void) => { dispose(): void }>;
}

/**
 * One diagnostic collection kept current for the open documents: recomputed after typing pauses, on open,
 * on settings changes and on `recomputeOn`; a run whose document changed meanwhile (or that another run
 * has replaced) is dropped, so the last content always wins.
 */
export function registerDocumentDiagnostics(options: DocumentDiagnosticsOptions): vscode.Disposable {
  const collection = vscode.languages.createDiagnosticCollection(options.name);
  const timers = new Map<string, ReturnType<typeof setTimeout>>();
  const update = async (document: vscode.TextDocument) => {
    if (vscode.languages.match(options.selector, document) === 0 || document.isClosed) return;
    if (!options.isEnabled(document)) {
      collection.delete(document.uri);
      return;
    }
    const version = document.version;
    const diagnostics = await options.compute(document);
    if (document.isClosed || document.version !== version || timers.has(document.uri.toString())) return;
    // <!-- policy-annotator-disable … --> comments, honoured for every check.
    const isDisabled = disabledChecks(document.getText());
    collection.set(document.uri, diagnostics.filter((diagnostic) => !isDisabled(diagnostic.range.start.line, codeOf(diagnostic))));
  };
  const schedule = (document: vscode.TextDocument, delay = options.debounceMs) => {
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
