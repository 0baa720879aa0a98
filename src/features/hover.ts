import * as vscode from 'vscode';
import { embeddedCorpusReadyFor } from '../vscode/commandContext';
import type { CorpusService } from '../core/corpus/corpusService';
import { CARD_COMMANDS, renderHoverCard } from '../core/hoverCard';
import type { ArticleAnalyses } from '../vscode/articleAnalyses';
import { toVsRange } from '../vscode/convert';
import { cardHover, registerHoverWhenEnabled } from '../vscode/hovers';
import { resolvedReferenceAt } from '../vscode/referenceAtPosition';
import type { Settings } from '../vscode/settings';

export interface HoverDeps {
  readonly corpus: CorpusService;
  readonly analyses: ArticleAnalyses;
  readonly settings: Settings;
}

export class SourceHoverProvider implements vscode.HoverProvider {
  constructor(private readonly deps: HoverDeps) {}

  async provideHover(document: vscode.TextDocument, position: vscode.Position, token: vscode.CancellationToken): Promise<vscode.Hover | undefined> {
    // The first hover of a window does not wait for the workspace's corpus files (seconds in a remote window):
    // it answers from the embedded corpus; once they are read, the index's generation moves and so does the analysis.
    if (!(await embeddedCorpusReadyFor(this.deps.corpus, token))) return undefined;
    // An ambiguous or unresolved reference gets no card (a diagnostic says why).
    const resolved = await resolvedReferenceAt(this.deps.analyses, document, position, token);
    if (!resolved) return undefined;
    const { analysis, reference, record } = resolved;
    const lastVisit = reference.citation?.parsed.lastVisit;
    const card = renderHoverCard(record, this.deps.settings.uiLanguage(), {
      citedCount: analysis.counts.get(record.id) ?? 0,
      ...(lastVisit ? { lastVisit: lastVisit.iso ?? lastVisit.span.text } : {}),
      commands: true,
    });
    // Corpus text is escaped in the card; beyond that, only our own two commands may run.
    return cardHover(card, toVsRange(document, reference.start, reference.end), [CARD_COMMANDS.openSource, CARD_COMMANDS.showRecord]);
  }
}

export function registerHoverSupport(selector: vscode.DocumentSelector, deps: HoverDeps): vscode.Disposable {
  return registerHoverWhenEnabled(selector, deps.settings, new SourceHoverProvider(deps), 'source');
}
