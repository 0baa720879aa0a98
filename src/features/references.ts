import * as vscode from 'vscode';
import { corpusReadyFor } from '../vscode/commandContext';
import { referenceAtOffset } from '../core/article/analysis';
import { positionAt, type Line } from '../core/article/lines';
import type { CorpusService } from '../core/corpus/corpusService';
import type { ArticleAnalyses } from '../vscode/articleAnalyses';
import { toVsRange } from '../vscode/convert';
import { recordLocation } from '../vscode/recordLocation';

export interface ReferencesDeps {
  readonly corpus: CorpusService;
  readonly analyses: ArticleAnalyses;
}

const ARTICLE_GLOB = '**/*.{md,markdown}';
const NOT_ARTICLES = '{**/node_modules/**,**/.git/**}';

/** Shift+F12: every reference to the same record across the workspace's articles. */
export class RecordReferenceProvider implements vscode.ReferenceProvider {
  constructor(private readonly deps: ReferencesDeps) {}

  async provideReferences(
    document: vscode.TextDocument,
    position: vscode.Position,
    context: vscode.ReferenceContext,
    token: vscode.CancellationToken,
  ): Promise<vscode.Location[] | undefined> {
    if (!(await corpusReadyFor(this.deps.corpus, token))) return undefined;
    const reference = referenceAtOffset(this.deps.analyses.get(document).references, document.offsetAt(position));
    const id = reference?.id;
    const record = id ? this.deps.corpus.index.get(id) : undefined;
    if (!id || !record) return undefined;
    const locations: vscode.Location[] = [];
    if (context.includeDeclaration) locations.push(recordLocation(record));
    const openDocuments = new Map(vscode.workspace.textDocuments.map((open) => [open.uri.toString(), open]));
    const files = await vscode.workspace.findFiles(ARTICLE_GLOB, NOT_ARTICLES, 5_000, token);
    if (token.isCancellationRequested) return undefined;
    // The current document first, even when it is not saved in the workspace.
    const uris = [document.uri, ...files.filter((uri) => uri.toString() !== document.uri.toString())];
    for (const uri of uris) {
      // Corpus files are records, not articles.
      if (this.deps.corpus.store.hasFile(uri.toString())) continue;
      const open = openDocuments.get(uri.toString());
      let analysis;
      if (open) analysis = this.deps.analyses.get(open);
      else {
        let bytes: Uint8Array;
        try {
          bytes = await vscode.workspace.fs.readFile(uri);
        } catch {
          continue;
        }
        if (token.isCancellationRequested) return undefined;
        if (bytes.byteLength > 5 * 1024 * 1024 || bytes.includes(0)) continue;
        analysis = this.deps.analyses.analyzeText(new TextDecoder().decode(bytes), uri);
      }
      for (const found of analysis.references) {
        if (found.id !== id) continue;
        locations.push(new vscode.Location(uri, open ? toVsRange(open, found.start, found.end) : offsetsToRange(analysis.article.lines, found.start, found.end)));
      }
    }
    return locations;
  }
}

function offsetsToRange(lines: readonly Line[], start: number, end: number): vscode.Range {
  const from = positionAt(lines, start);
  const to = positionAt(lines, end);
  return new vscode.Range(from.line, from.character, to.line, to.character);
}

export function registerReferenceSupport(selector: vscode.DocumentSelector, deps: ReferencesDeps): vscode.Disposable {
  return vscode.languages.registerReferenceProvider(selector, new RecordReferenceProvider(deps));
}
