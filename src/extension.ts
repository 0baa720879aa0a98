import * as vscode from 'vscode';
import { CorpusService, type CorpusSource } from './core/corpusService';
import { embeddedRecords } from './core/embeddedCorpus';
import { registerHoverSupport } from './features/hover';
import { DocumentReferences } from './vscode/documentReferences';
import { createSettings } from './vscode/settings';

/** What the extension exports: tests await readiness instead of sleeping. */
export interface PolicyAnnotatorApi {
  whenReady(): Promise<void>;
  readonly corpusSize: () => number;
}

const MARKDOWN: vscode.DocumentSelector = [{ language: 'markdown' }];

export function activate(context: vscode.ExtensionContext): PolicyAnnotatorApi {
  const started = performance.now();
  const output = vscode.window.createOutputChannel('Policy Annotator', { log: true });
  const embedded: CorpusSource = { name: 'embedded corpus', load: async () => embeddedRecords() };
  const corpus = new CorpusService([embedded], { info: (message) => output.info(message), error: (message) => output.error(message) });
  const settings = createSettings();
  const references = new DocumentReferences(corpus.index);

  context.subscriptions.push(vscode.Disposable.from(output, registerHoverSupport(MARKDOWN, { corpus, references, settings })));

  // Load in the background: activation must not wait for the corpus.
  void corpus.whenReady();
  output.info(`activate() took ${(performance.now() - started).toFixed(1)} ms`);
  return { whenReady: () => corpus.whenReady(), corpusSize: () => corpus.index.size };
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}
