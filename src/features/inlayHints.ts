import * as vscode from 'vscode';
import type { CorpusService } from '../core/corpus/corpusService';
import type { CorpusRecord } from '../core/corpus/record';
import { mentionName } from '../core/insertReference';
import { statuteShortForm } from '../core/law/statuteShortForm';
import type { ArticleAnalyses } from '../vscode/articleAnalyses';
import { corpusReadyFor } from '../vscode/commandContext';
import type { Settings } from '../vscode/settings';
import type { StatuteAnalyses } from '../vscode/workspaceLaws';

export interface InlayHintDeps {
  readonly corpus: CorpusService;
  readonly analyses: ArticleAnalyses;
  readonly settings: Settings;
  readonly statutes: StatuteAnalyses;
}

const MAX_HINT = 30;

/** The shortest name a reader knows the record by: its Chinese name, or a shorter alias the title starts with. */
export function shortTitle(record: CorpusRecord): string {
  const name = mentionName(record);
  const shorter = record.aliases.filter((alias) => alias.length >= 4 && alias.length < name.length && name.startsWith(alias));
  const chosen = shorter.sort((a, b) => b.length - a.length)[0] ?? name;
  return chosen.length > MAX_HINT ? `${chosen.slice(0, MAX_HINT - 1)}…` : chosen;
}

/**
 * Inlay hints (off by default, policyAnnotator.inlayHints.enabled): after a citation key `[@id]` the record's
 * short title; after a statute reference its § short form (§6 I ②). Hints are plain text: corpus text is
 * never rendered as Markdown here.
 */
export class ReferenceInlayHintsProvider implements vscode.InlayHintsProvider {
  readonly #changed = new vscode.EventEmitter<void>();
  readonly onDidChangeInlayHints = this.#changed.event;

  constructor(private readonly deps: InlayHintDeps) {}

  refresh(): void {
    this.#changed.fire();
  }

  dispose(): void {
    this.#changed.dispose();
  }

  async provideInlayHints(document: vscode.TextDocument, range: vscode.Range, token: vscode.CancellationToken): Promise<vscode.InlayHint[]> {
    if (!this.deps.settings.inlayHintsEnabled(document.uri)) return [];
    if (!(await corpusReadyFor(this.deps.corpus, token))) return [];
    // The front matter's bibliography: a key naming one of its records gets that record's title.
    await this.deps.analyses.prepare(document);
    if (token.isCancellationRequested) return [];
    const from = document.offsetAt(range.start);
    const to = document.offsetAt(range.end);
    const hints: vscode.InlayHint[] = [];
    for (const key of this.deps.analyses.article(document).keys) {
      if (key.end < from || key.start > to) continue;
      const record = this.deps.analyses.recordOf(document, key.id);
      if (!record) continue;
      const hint = new vscode.InlayHint(document.positionAt(key.end), shortTitle(record), vscode.InlayHintKind.Type);
      hint.paddingLeft = true;
      hint.tooltip = record.title;
      hints.push(hint);
    }
    const statutes = await this.deps.statutes.get(document);
    if (token.isCancellationRequested) return [];
    for (const reference of statutes.citations.references) {
      if (reference.end < from || reference.start > to || !reference.pcode) continue;
      const form = statuteShortForm(reference);
      // A reference already written in § notation needs no hint.
      if (!form || reference.text.includes('§')) continue;
      const hint = new vscode.InlayHint(document.positionAt(reference.end), form, vscode.InlayHintKind.Parameter);
      hint.paddingLeft = true;
      hints.push(hint);
    }
    return hints;
  }
}

export function registerInlayHints(selector: vscode.DocumentSelector, deps: InlayHintDeps): vscode.Disposable {
  const provider = new ReferenceInlayHintsProvider(deps);
  return vscode.Disposable.from(
    provider,
    vscode.languages.registerInlayHintsProvider(selector, provider),
    // Turning the setting on or off, or a corpus change, shows the new hints without an edit.
    vscode.workspace.onDidChangeConfiguration((event) => {
      if (event.affectsConfiguration('policyAnnotator.inlayHints.enabled')) provider.refresh();
    }),
    new vscode.Disposable(deps.corpus.onDidUpdate(() => provider.refresh()).dispose),
  );
}
