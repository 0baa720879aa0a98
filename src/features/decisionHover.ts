import * as vscode from 'vscode';
import { toVsRange } from '../vscode/convert';
import { cardHover, registerHoverWhenEnabled } from '../vscode/hovers';
import type { Settings } from '../vscode/settings';
import type { DecisionAnalyses } from '../vscode/workspaceDecisions';

export interface DecisionHoverDeps {
  readonly decisions: DecisionAnalyses;
  readonly settings: Settings;
}

/** The card of a decision reference (釋字第603號, 最高法院109年度台上字第1234號民事判決): the citation in words, its record, where to read it. */
export class DecisionHoverProvider implements vscode.HoverProvider {
  constructor(private readonly deps: DecisionHoverDeps) {}

  provideHover(document: vscode.TextDocument, position: vscode.Position, token: vscode.CancellationToken): vscode.Hover | undefined {
    if (token.isCancellationRequested) return undefined;
    const { decisionAt, renderDecisionCard } = this.deps.decisions.api;
    const reference = decisionAt(this.deps.decisions.get(document).references, document.offsetAt(position));
    if (!reference) return undefined;
    const record = reference.id ? this.deps.decisions.index.get(reference.id) : undefined;
    // Article and corpus text is escaped in the card; nothing in it may run.
    return cardHover(renderDecisionCard(reference, record, this.deps.settings.uiLanguage()), toVsRange(document, reference.start, reference.end));
  }
}

export function registerDecisionHoverSupport(selector: vscode.DocumentSelector, deps: DecisionHoverDeps): vscode.Disposable {
  return registerHoverWhenEnabled(selector, deps.settings, new DecisionHoverProvider(deps), 'decision');
}
