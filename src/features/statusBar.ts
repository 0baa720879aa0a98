import * as vscode from 'vscode';
import { runDetached } from '../vscode/detached';
import type { CorpusService } from '../core/corpus/corpusService';

export const SHOW_LOG_COMMAND = 'policyAnnotator.showLog';

export interface StatusBarDeps {
  readonly corpus: CorpusService;
  readonly output: vscode.LogOutputChannel;
  readonly debounceMs?: number;
}

export interface StatusBarSnapshot {
  readonly text: string;
  readonly tooltip: string;
  readonly visible: boolean;
}

export interface CorpusStatusBar extends vscode.Disposable {
  /** The item as it is after the first corpus load, brought up to date now. */
  snapshot(): Promise<StatusBarSnapshot>;
}

interface CorpusFigures {
  readonly records: number;
  readonly embedded: number;
  readonly files: number;
  readonly errors: number;
  readonly warnings: number;
}

/**
 * The corpus size and index state in the status bar, and the command that shows the log. The item is shown
 * only while a Markdown editor is active: the extension works on Markdown articles, and an item in every
 * window whatever the file would be noise (the corpus view and the log are always one command away).
 */
export function registerStatusBar(deps: StatusBarDeps): CorpusStatusBar {
  const item = vscode.window.createStatusBarItem('policyAnnotator.corpusStatus', vscode.StatusBarAlignment.Right, 100);
  item.name = vscode.l10n.t('Policy Annotator Corpus');
  item.command = SHOW_LOG_COMMAND;
  const started = Date.now();
  let loadMs: number | undefined;
  let updatedAt: Date | undefined;
  let figures: CorpusFigures | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let shown = false;

  const render = () => {
    if (!figures) {
      item.text = `$(sync~spin) ${vscode.l10n.t('Policy Annotator: loading corpus…')}`;
      item.tooltip = vscode.l10n.t('Policy Annotator is loading the corpus. Click to show the log.');
      item.accessibilityInformation = { label: vscode.l10n.t('Policy Annotator: loading corpus…') };
    } else {
      const sources = figures.records === 1 ? vscode.l10n.t('1 source') : vscode.l10n.t('{0} sources', figures.records.toLocaleString());
      const problems = figures.errors + figures.warnings;
      item.text = `$(library) ${sources}${problems > 0 ? ` $(warning) ${problems.toLocaleString()}` : ''}`;
      item.tooltip = tooltipOf(figures, loadMs, updatedAt);
      item.accessibilityInformation = {
        label: problems > 0 ? vscode.l10n.t('Policy Annotator: {0}, {1} problems in corpus files', sources, problems) : vscode.l10n.t('Policy Annotator: {0}', sources),
      };
    }
    const editor = vscode.window.activeTextEditor;
    if (editor?.document.languageId === 'markdown') shown = true;
    // The Output panel (where the log is) becomes the active "editor" when focused: the item stays as it was.
    else if (editor?.document.uri.scheme !== 'output') shown = false;
    if (shown) item.show();
    else item.hide();
  };
  const update = () => {
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
    figures = figuresOf(deps.corpus);
    updatedAt = new Date();
    render();
  };
  const schedule = () => {
    if (timer !== undefined) clearTimeout(timer);
    timer = setTimeout(update, deps.debounceMs ?? 200);
  };
  render();
  runDetached(
    'status bar',
    deps.corpus.whenReady().then(() => {
      loadMs = Date.now() - started;
      update();
    }),
  );
  const subscriptions = vscode.Disposable.from(
    item,
    vscode.commands.registerCommand(SHOW_LOG_COMMAND, () => deps.output.show()),
    vscode.window.onDidChangeActiveTextEditor(render),
    // Updates before the first load is done are part of it: the figures wait for whenReady().
    new vscode.Disposable(deps.corpus.onDidUpdate(() => (loadMs !== undefined ? schedule() : undefined)).dispose),
  );
  return {
    snapshot: async () => {
      await deps.corpus.whenReady();
      loadMs ??= Date.now() - started;
      update();
      return { text: item.text, tooltip: typeof item.tooltip === 'string' ? item.tooltip : (item.tooltip?.value ?? ''), visible: shown };
    },
    dispose: () => {
      if (timer !== undefined) clearTimeout(timer);
      subscriptions.dispose();
    },
  };
}

/** One pass over the records (after a debounced update, never per keystroke) and over the files' problems. */
function figuresOf(corpus: CorpusService): CorpusFigures {
  let embedded = 0;
  for (const record of corpus.index.records()) if (record.origin.embedded) embedded++;
  let errors = 0;
  let warnings = 0;
  const problems = corpus.store.problems();
  for (const list of problems.values()) {
    for (const problem of list) {
      if (problem.severity === 'error') errors++;
      else if (problem.severity === 'warning') warnings++;
    }
  }
  return { records: corpus.index.size, embedded, files: corpus.store.fileUris().length, errors, warnings };
}

function tooltipOf(figures: CorpusFigures, loadMs: number | undefined, updatedAt: Date | undefined): string {
  const lines = [
    vscode.l10n.t('Policy Annotator corpus: {0} records', figures.records.toLocaleString()),
    vscode.l10n.t('{0} embedded, {1} from {2} workspace corpus files', figures.embedded.toLocaleString(), (figures.records - figures.embedded).toLocaleString(), figures.files.toLocaleString()),
  ];
  if (figures.errors + figures.warnings > 0) lines.push(vscode.l10n.t('Corpus files have {0} errors and {1} warnings (see the Problems panel).', figures.errors, figures.warnings));
  if (loadMs !== undefined) lines.push(vscode.l10n.t('First load took {0} ms.', loadMs));
  if (updatedAt) lines.push(vscode.l10n.t('Last updated at {0}.', updatedAt.toLocaleTimeString()));
  lines.push('', vscode.l10n.t('Click to show the log.'));
  return lines.join('\n');
}
