import * as vscode from 'vscode';
import { corpusReadyFor } from '../vscode/commandContext';
import type { CorpusService } from '../core/corpus/corpusService';
import type { ArticleAnalyses } from '../vscode/articleAnalyses';
import { toVsRange } from '../vscode/convert';
import { recordLocation } from '../vscode/recordLocation';
import { resolvedReferenceAt } from '../vscode/referenceAtPosition';

export interface DefinitionDeps {
  readonly corpus: CorpusService;
  readonly analyses: ArticleAnalyses;
}

/** F12 / Ctrl+click on any reference opens the record at its line (embedded records as read-only documents). */
export class RecordDefinitionProvider implements vscode.DefinitionProvider {
  constructor(private readonly deps: DefinitionDeps) {}

  async provideDefinition(document: vscode.TextDocument, position: vscode.Position, token: vscode.CancellationToken): Promise<vscode.DefinitionLink[] | undefined> {
    if (!(await corpusReadyFor(this.deps.corpus, token))) return undefined;
    const resolved = await resolvedReferenceAt(this.deps.analyses, document, position, token);
    if (!resolved) return undefined;
    const { reference, record } = resolved;
    const location = recordLocation(record);
    return [{ originSelectionRange: toVsRange(document, reference.start, reference.end), targetUri: location.uri, targetRange: location.range }];
  }
}

export function registerDefinitionSupport(selector: vscode.DocumentSelector, deps: DefinitionDeps): vscode.Disposable {
  return vscode.languages.registerDefinitionProvider(selector, new RecordDefinitionProvider(deps));
}
