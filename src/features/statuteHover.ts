import * as vscode from 'vscode';
import { LAW_DOWNLOAD } from '../vscode/commandIds';
import { lineMayCiteStatute } from '../core/law/statuteHint';
import { toVsRange } from '../vscode/convert';
import { cardHover, registerHoverWhenEnabled } from '../vscode/hovers';
import type { Settings } from '../vscode/settings';
import type { StatuteAnalyses } from '../vscode/workspaceLaws';

export interface StatuteDeps {
  readonly statutes: StatuteAnalyses;
  readonly settings: Settings;
  /** Whether a card without article text may offer "Download the National Law Database" (desktop, trusted). */
  readonly canDownloadLaws?: () => boolean;
}

/** The card of a statute reference (個資法第6條第1項): names, the article's text, the last amendment, the link. */
export class StatuteHoverProvider implements vscode.HoverProvider {
  constructor(private readonly deps: StatuteDeps) {}

  async provideHover(document: vscode.TextDocument, position: vscode.Position, token: vscode.CancellationToken): Promise<vscode.Hover | undefined> {
    // While the law index loads (a second or more in a fresh window), a hover on a line that cannot cite a
    // statute answers at once: VS Code shows the other cards only once every provider has answered.
    if (!this.deps.statutes.library.loadedIndex && !lineMayCiteStatute(document.lineAt(position.line).text)) return undefined;
    const analysis = await this.deps.statutes.get(document);
    const { statuteReferenceAt, renderStatuteCard } = this.deps.statutes.api;
    const reference = statuteReferenceAt(analysis.citations.references, document.offsetAt(position));
    if (!reference?.pcode || token.isCancellationRequested) return undefined;
    const index = await this.deps.statutes.library.index();
    const entry = index.get(reference.pcode);
    if (!entry || token.isCancellationRequested) return undefined;
    const text = reference.article ? await this.deps.statutes.library.law(reference.pcode) : undefined;
    if (token.isCancellationRequested) return undefined;
    // Law text is escaped in the card; nothing in it may run but the download command, offered by the card itself.
    // Only a card that offers the download (an article whose text is not here) trusts its command.
    const downloadCommand = reference.article && !(text && ('law' in text || 'problem' in text)) && this.deps.canDownloadLaws?.() ? LAW_DOWNLOAD.download : undefined;
    const card = renderStatuteCard(reference, entry, text, this.deps.settings.uiLanguage(), analysis.date, downloadCommand ? { downloadCommand } : {});
    return cardHover(card, toVsRange(document, reference.start, reference.end), downloadCommand ? [downloadCommand] : []);
  }
}

/** Each resolved statute reference links to its article on law.moj.gov.tw (Ctrl+click). */
export class StatuteLinkProvider implements vscode.DocumentLinkProvider {
  constructor(private readonly deps: StatuteDeps) {}

  async provideDocumentLinks(document: vscode.TextDocument, token: vscode.CancellationToken): Promise<vscode.DocumentLink[]> {
    const analysis = await this.deps.statutes.get(document);
    if (token.isCancellationRequested) return [];
    const index = await this.deps.statutes.library.index();
    if (token.isCancellationRequested) return [];
    return analysis.citations.references.flatMap((reference) => {
      const entry = reference.pcode ? index.get(reference.pcode) : undefined;
      if (!entry) return [];
      const link = new vscode.DocumentLink(toVsRange(document, reference.start, reference.end), vscode.Uri.parse(this.deps.statutes.api.lawArticleUrl(entry.pcode, reference.article), true));
      link.tooltip = `${entry.name}${entry.english ? ` (${entry.english})` : ''} — law.moj.gov.tw`;
      return [link];
    });
  }
}

export function registerStatuteHoverSupport(selector: vscode.DocumentSelector, deps: StatuteDeps): vscode.Disposable {
  return vscode.Disposable.from(registerHoverWhenEnabled(selector, deps.settings, new StatuteHoverProvider(deps), 'statute'), vscode.languages.registerDocumentLinkProvider(selector, new StatuteLinkProvider(deps)));
}
