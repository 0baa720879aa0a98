import type * as vscode from 'vscode';
import { referenceAtOffset, type ArticleAnalysis } from '../core/article/analysis';
import type { ArticleReference } from '../core/article/resolve';
import type { CorpusRecord } from '../core/corpus/record';
import type { ArticleAnalyses } from './articleAnalyses';

/**
 * The resolved reference under the cursor and its record, as the article sees it (its own bibliography first,
 * then the corpus), after the document's front-matter libraries are loaded: what the hover and go-to-definition
 * show. Undefined when the request was cancelled meanwhile, or nothing resolved is there (an ambiguous or
 * unresolved reference has a diagnostic instead).
 */
export async function resolvedReferenceAt(analyses: ArticleAnalyses, document: vscode.TextDocument, position: vscode.Position, token: vscode.CancellationToken): Promise<{ readonly analysis: ArticleAnalysis; readonly reference: ArticleReference; readonly record: CorpusRecord } | undefined> {
  await analyses.prepare(document);
  if (token.isCancellationRequested) return undefined;
  const analysis = analyses.get(document);
  const reference = referenceAtOffset(analysis.references, document.offsetAt(position));
  const record = reference?.id ? analysis.record(reference.id) : undefined;
  return reference && record ? { analysis, reference, record } : undefined;
}
