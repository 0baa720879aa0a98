import * as vscode from 'vscode';
import { corpusReadyFor } from '../vscode/commandContext';
import type { ArticleDiagnostic } from '../core/article/checks';
import type { CorpusService } from '../core/corpus/corpusService';
import type { ArticleAnalyses } from '../vscode/articleAnalyses';
import { toVsRange } from '../vscode/convert';
import { TAG_COMMANDS } from '../vscode/commandIds';
import { fixActions, toVsDiagnostics } from '../vscode/diagnostics';
import type { Settings } from '../vscode/settings';

export interface QuickFixDeps {
  readonly corpus: CorpusService;
  readonly analyses: ArticleAnalyses;
  readonly settings: Settings;
}

/** Quick fixes for the citation checks: the fix each diagnostic carries, plus "fix all" for placeholder links. */
export class CitationQuickFixProvider implements vscode.CodeActionProvider {
  static readonly kinds = [vscode.CodeActionKind.QuickFix];

  constructor(private readonly deps: QuickFixDeps) {}

  async provideCodeActions(document: vscode.TextDocument, range: vscode.Range | vscode.Selection, _context: vscode.CodeActionContext, token: vscode.CancellationToken): Promise<vscode.CodeAction[]> {
    if (!(await corpusReadyFor(this.deps.corpus, token))) return [];
    // Recomputed from the (cached) analysis rather than from context.diagnostics, so fixes are never stale.
    const diagnostics = this.deps.analyses.get(document).diagnostics;
    const actions: vscode.CodeAction[] = [];
    for (const diagnostic of diagnostics) {
      const diagnosticRange = toVsRange(document, diagnostic.start, diagnostic.end);
      if (!diagnosticRange.intersection(range)) continue;
      actions.push(...fixActions(document, diagnostic, this.deps.settings));
      if (diagnostic.code === 'unknown-tag') {
        const tag = document.getText(diagnosticRange);
        const add = new vscode.CodeAction(vscode.l10n.t('Add "{0}" to the workspace taxonomy', tag), vscode.CodeActionKind.QuickFix);
        add.command = { command: TAG_COMMANDS.addToTaxonomy, title: add.title, arguments: [tag] };
        add.diagnostics = toVsDiagnostics(document, [diagnostic], this.deps.settings);
        actions.push(add);
      }
    }
    const placeholders = diagnostics.filter((diagnostic): diagnostic is ArticleDiagnostic & Required<Pick<ArticleDiagnostic, 'fix'>> => diagnostic.code === 'placeholder-link' && diagnostic.fix !== undefined);
    if (placeholders.length > 1 && actions.some((action) => action.diagnostics?.[0]?.code === 'placeholder-link')) {
      const fixAll = new vscode.CodeAction(vscode.l10n.t('Fix all {0} placeholder links', placeholders.length), vscode.CodeActionKind.QuickFix);
      fixAll.edit = new vscode.WorkspaceEdit();
      for (const diagnostic of placeholders) fixAll.edit.replace(document.uri, toVsRange(document, diagnostic.fix.start, diagnostic.fix.end), diagnostic.fix.newText);
      fixAll.diagnostics = toVsDiagnostics(document, placeholders, this.deps.settings);
      actions.push(fixAll);
    }
    return actions;
  }
}

export function registerQuickFixSupport(selector: vscode.DocumentSelector, deps: QuickFixDeps): vscode.Disposable {
  return vscode.languages.registerCodeActionsProvider(selector, new CitationQuickFixProvider(deps), { providedCodeActionKinds: CitationQuickFixProvider.kinds });
}

