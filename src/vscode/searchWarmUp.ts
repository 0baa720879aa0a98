import * as vscode from 'vscode';
import type { CorpusService } from '../core/corpus/corpusService';

/** Records whose grams one slice lists: a few milliseconds at most, so the extension host never stalls on it. */
const RECORDS_PER_SLICE = 2_000;

/**
 * After the corpus loads or changes, lists the fuzzy search's grams in short slices between other work, so the
 * first completion, record search or fuzzy citation does not pay for a 100k-record corpus at once (issue 19:
 * the index leaves the grams out of its build).
 */
export function registerSearchWarmUp(corpus: CorpusService): vscode.Disposable {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let disposed = false;
  const slice = () => {
    timer = undefined;
    if (disposed) return;
    if (!corpus.index.prepareSearch(RECORDS_PER_SLICE)) timer = setTimeout(slice, 0);
  };
  const schedule = () => {
    if (!disposed && timer === undefined) timer = setTimeout(slice, 0);
  };
  void corpus.whenReady().then(schedule, () => undefined);
  const listener = corpus.onDidUpdate(schedule);
  return new vscode.Disposable(() => {
    disposed = true;
    if (timer !== undefined) clearTimeout(timer);
    listener.dispose();
  });
}
