import * as vscode from 'vscode';
import { corpusReadyFor } from '../vscode/commandContext';
import type { ArticleReference } from '../core/article/resolve';
import type { CorpusService } from '../core/corpus/corpusService';
import type { ArticleAnalyses } from '../vscode/articleAnalyses';
import { toVsRange } from '../vscode/convert';
import { recordTarget } from '../vscode/recordLocation';

export interface DocumentLinkDeps {
  readonly corpus: CorpusService;
  readonly analyses: ArticleAnalyses;
}

/** Makes every resolved link text, citation line and citation key clickable to its source. */
export class SourceLinkProvider implements vscode.DocumentLinkProvider {
  constructor(private readonly deps: DocumentLinkDeps) {}

  async provideDocumentLinks(document: vscode.TextDocument, token: vscode.CancellationToken): Promise<vscode.DocumentLink[]> {
    if (!(await corpusReadyFor(this.deps.corpus, token))) return [];
    await this.deps.analyses.prepare(document);
    if (token.isCancellationRequested) return [];
    const links: vscode.DocumentLink[] = [];
    const analysis = this.deps.analyses.get(document);
    for (const reference of analysis.references) {
      if (reference.kind === 'mention' || !reference.id) continue;
      const record = analysis.record(reference.id);
      if (!record) continue;
      const [start, end] = linkRange(reference);
      const link = new vscode.DocumentLink(toVsRange(document, start, end), recordTarget(record));
      link.tooltip = `${record.title}${record.url ? ` — ${record.url}` : ''}`;
      links.push(link);
    }
    return links;
  }
}

/** A citation line links through its title, so the URL in it keeps Markdown's own link. */
function linkRange(reference: ArticleReference): [number, number] {
  const parsed = reference.citation?.parsed;
  const span = parsed?.shortTitle ?? parsed?.title ?? parsed?.author;
  if (reference.citation && span) return [reference.citation.start + span.start, reference.citation.start + span.end];
  return [reference.start, reference.end];
}

export function registerDocumentLinkSupport(selector: vscode.DocumentSelector, deps: DocumentLinkDeps): vscode.Disposable {
  return vscode.languages.registerDocumentLinkProvider(selector, new SourceLinkProvider(deps));
}
