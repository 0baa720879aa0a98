import type { DiagnosticSeverity } from '../core/article/checks';
import type { ProjectConfig } from '../core/config';
import { renderDecisionCard } from '../core/decision/decisionCard';
import { analyzeDecisions } from '../core/decision/decisionAnalysis';
import type { DecisionRecords } from '../core/decision/decisionRecords';
import type { CorpusIndex } from '../core/search/corpusIndex';
import type { ArticleResult } from './articles';
import { diagnosticJson, rangeJson, type FileJson, type RangeJson } from './output';

/**
 * Adds an article's decision references (`"kind": "decision"` with `court`, `courtName`, `year`, `caseType`,
 * `number`, `decisionType`, `matter` as far as the citation gives them, and `id` when the decisions corpus has
 * the decision) and the decision checks to its annotate/check JSON, in text order.
 */
export function withDecisions(json: FileJson, result: ArticleResult, index: CorpusIndex, records: DecisionRecords, config: ProjectConfig, cards: boolean, today: Date, keepReferences = true): FileJson {
  if ('error' in result) return json;
  const { article } = result.analysis;
  const analysis = analyzeDecisions(article.text, article.skipped, records, today);
  const references: FileJson['references'] = (keepReferences ? analysis.references : []).map((reference) => {
    const { line, column, endLine, endColumn } = rangeJson(article.lines, reference.start, reference.end);
    return {
    line,
    column,
    endLine,
    endColumn,
    text: reference.text,
    kind: 'decision',
    id: reference.id ?? null,
    score: reference.id ? 1 : 0,
    match: reference.via ?? null,
    ...(reference.court ? { court: reference.court } : {}),
    ...(reference.courtName ? { courtName: reference.courtName } : {}),
    ...(reference.year !== undefined ? { year: reference.year } : {}),
    caseType: reference.caseType,
    ...(reference.number !== undefined ? { number: reference.number } : {}),
    ...(reference.decisionType ? { decisionType: reference.decisionType } : {}),
    ...(reference.matter ? { matter: reference.matter } : {}),
    ...(cards ? { card: renderDecisionCard(reference, reference.id ? index.get(reference.id) : undefined, 'zh') } : {}),
    };
  });
  const diagnostics = analysis.diagnostics.flatMap((diagnostic) => {
    const chosen = config.severity?.[diagnostic.code];
    if (chosen === 'off') return [];
    const severity: DiagnosticSeverity = chosen === undefined ? diagnostic.severity : chosen === 'hint' ? 'info' : chosen;
    return [diagnosticJson(article.lines, diagnostic.start, diagnostic.end, severity, diagnostic.code, diagnostic.message, null)];
  });
  const byPosition = (a: RangeJson, b: RangeJson) => a.line - b.line || a.column - b.column;
  return { ...json, references: [...json.references, ...references].sort(byPosition), diagnostics: [...json.diagnostics, ...diagnostics].sort(byPosition) };
}
