import type { ArticleDiagnostic } from '../article/checks';
import { checkDecisions } from './decisionChecks';
import type { DecisionRecords } from './decisionRecords';
import { findDecisions, type DecisionReference, type SkippedOffsets } from './decisions';

/** A decision reference with the corpus record it resolves to, if the workspace has one. */
export interface ResolvedDecision extends DecisionReference {
  readonly id?: string;
}

export interface DecisionAnalysis {
  /** Sorted by start. */
  readonly references: readonly ResolvedDecision[];
  readonly diagnostics: readonly ArticleDiagnostic[];
}

/** Detects an article's decision references, resolves them against the decisions corpus, and checks their numbers. */
export function analyzeDecisions(text: string, skipped: SkippedOffsets | undefined, records: DecisionRecords | undefined, today: Date): DecisionAnalysis {
  const scan = findDecisions(text, skipped);
  const references = scan.references.map((reference): ResolvedDecision => {
    const record = records?.resolve(reference);
    return record ? { ...reference, id: record.id } : reference;
  });
  return { references, diagnostics: checkDecisions(scan, today) };
}
