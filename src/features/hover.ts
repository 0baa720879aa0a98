import * as vscode from 'vscode';
import type { CorpusService } from '../core/corpus/corpusService';
import { referenceAt } from '../core/documentReferences';
import { renderHoverCard } from '../core/hoverCard';
import type { DocumentReferences } from '../vscode/documentReferences';
import { toVsRange } from '../vscode/convert';
import type { Settings } from '../vscode/settings';

export interface HoverDeps {
  readonly corpus: CorpusService;
  readonly references: DocumentReferences;
  readonly settings: Settings;
}

export class SourceHoverProvider implements vscode.HoverProvider {
  constructor(private readonly deps: HoverDeps) {}

  async provideHover(document: vscode.TextDocument, position: vscode.Position, token: vscode.CancellationToken): Promise<vscode.Hover | undefined> {
    if (!this.deps.settings.isHoverEnabled(document.uri)) return undefined;
    await this.deps.corpus.whenReady();
    if (token.isCancellationRequested) return undefined;
    const reference = referenceAt(this.deps.references.get(document), document.offsetAt(position));
    // An ambiguous mention gets no card (the diagnostics name the candidates).
    if (!reference || reference.ids.length !== 1) return undefined;
    const record = this.deps.corpus.index.get(reference.ids[0]!);
    if (!record) return undefined;
    const markdown = new vscode.MarkdownString(renderHoverCard(record, this.deps.settings.uiLanguage()));
    // Corpus text is untrusted: no command links, no HTML, no theme icons from it.
    markdown.isTrusted = false;
    markdown.supportHtml = false;
    markdown.supportThemeIcons = false;
    return new vscode.Hover(markdown, toVsRange(document, reference.start, reference.end));
  }
}

export function registerHoverSupport(selector: vscode.DocumentSelector, deps: HoverDeps): vscode.Disposable {
  return vscode.languages.registerHoverProvider(selector, new SourceHoverProvider(deps));
}
