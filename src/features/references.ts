import * as vscode from 'vscode';
import { corpusReadyFor } from '../vscode/commandContext';
import { referenceAtOffset } from '../core/article/analysis';
import type { CorpusService } from '../core/corpus/corpusService';
import type { ArticleAnalyses } from '../vscode/articleAnalyses';
import { toVsRange } from '../vscode/convert';
import { recordLocation } from '../vscode/recordLocation';
import type { WorkspaceReferences } from '../vscode/workspaceReferenceIndex';

export interface ReferencesDeps {
  readonly corpus: CorpusService;
  readonly analyses: ArticleAnalyses;
  readonly references: WorkspaceReferences;
}

/**
 * Shift+F12: every reference to the same record across the workspace's articles, from the workspace reference
 * index (no file is read per request). Until its first build is done, the request waits for it.
 */
export class RecordReferenceProvider implements vscode.ReferenceProvider {
  constructor(private readonly deps: ReferencesDeps) {}

  async provideReferences(
    document: vscode.TextDocument,
    position: vscode.Position,
    context: vscode.ReferenceContext,
    token: vscode.CancellationToken,
  ): Promise<vscode.Location[] | undefined> {
    if (!(await corpusReadyFor(this.deps.corpus, token))) return undefined;
    const analysis = this.deps.analyses.get(document);
    const id = referenceAtOffset(analysis.references, document.offsetAt(position))?.id;
    const record = id ? this.deps.corpus.index.get(id) : undefined;
    if (!id || !record) return undefined;
    if (!(await this.deps.references.whenBuilt(token))) return undefined;
    const locations: vscode.Location[] = [];
    if (context.includeDeclaration) locations.push(recordLocation(record));
    const uri = document.uri.toString();
    // The current document first, from its own analysis: never behind the typing, and listed even when it is
    // not a workspace file. Corpus files are records, not articles.
    if (!this.deps.corpus.store.hasFile(uri)) {
      // Analysed again: the document may have changed while the request waited (a cache hit otherwise).
      for (const found of this.deps.analyses.get(document).references) if (found.id === id) locations.push(new vscode.Location(document.uri, toVsRange(document, found.start, found.end)));
    }
    this.deps.references.flushEdits();
    for (const site of this.deps.references.index.sitesOf(id, uri)) {
      locations.push(new vscode.Location(vscode.Uri.parse(site.uri), new vscode.Range(site.startLine, site.startCharacter, site.endLine, site.endCharacter)));
    }
    return locations;
  }
}

export function registerReferenceSupport(selector: vscode.DocumentSelector, deps: ReferencesDeps): vscode.Disposable {
  return vscode.languages.registerReferenceProvider(selector, new RecordReferenceProvider(deps));
}
