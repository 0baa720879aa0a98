// dist/incrementalAnalysis.js: the incremental article analysis, required on the first analysis of an open article
// (src/incrementalAnalysis/lazy.ts), so the startup bundle stays within its limit.
export { IncrementalAnalysis } from '../core/article/incrementalAnalysis';
