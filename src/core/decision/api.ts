// What the editor uses of decisions, as one module: the desktop extension loads it from its own bundle
// (dist/decisions.js) on first use, so the startup bundle stays small.
export { analyzeDecisions, type DecisionAnalysis, type ResolvedDecision } from './decisionAnalysis';
export { DecisionRecords } from './decisionRecords';
export { renderDecisionCard } from './decisionCard';
export { decisionAt } from './decisions';
export { decisionLinkSpans } from './decisionLinks';
