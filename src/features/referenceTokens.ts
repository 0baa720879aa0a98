import * as vscode from 'vscode';
import type { CorpusService } from '../core/corpus/corpusService';
import type { ArticleAnalyses } from '../vscode/articleAnalyses';

export interface ReferenceTokenDeps {
  readonly corpus: CorpusService;
  readonly analyses: ArticleAnalyses;
}

/** One token type, mapped to the grammar's entity.name.term.policy scope in package.json (semanticTokenScopes). */
export const REFERENCE_TOKEN_LEGEND = new vscode.SemanticTokensLegend(['policyReference'], []);

/**
 * Colours each name that resolved to a record over its exact range: the TextMate grammar cannot know where a
 * Chinese term starts (承認先進人工智慧), the resolver does. Weak aliases without support are not references,
 * so they are not coloured either. Reads the cached analysis: no I/O, no scan beyond the references.
 */
export class ReferenceTokensProvider implements vscode.DocumentSemanticTokensProvider {
  constructor(private readonly deps: ReferenceTokenDeps) {}

  async provideDocumentSemanticTokens(document: vscode.TextDocument, token: vscode.CancellationToken): Promise<vscode.SemanticTokens | undefined> {
    await this.deps.corpus.whenReady();
    if (token.isCancellationRequested) return undefined;
    const builder = new vscode.SemanticTokensBuilder(REFERENCE_TOKEN_LEGEND);
    let lastEnd = -1;
    for (const reference of this.deps.analyses.get(document).references) {
      // Mentions only (links and citations have Markdown's own colours); nested or overlapping ones once.
      if (reference.kind !== 'mention' || !reference.id || reference.start < lastEnd) continue;
      const start = document.positionAt(reference.start);
      const end = document.positionAt(reference.end);
      if (start.line !== end.line) continue;
      builder.push(new vscode.Range(start, end), 'policyReference');
      lastEnd = reference.end;
    }
    return builder.build();
  }
}

export function registerReferenceTokens(selector: vscode.DocumentSelector, deps: ReferenceTokenDeps): vscode.Disposable {
  return vscode.languages.registerDocumentSemanticTokensProvider(selector, new ReferenceTokensProvider(deps), REFERENCE_TOKEN_LEGEND);
}
