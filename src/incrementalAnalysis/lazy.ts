import { requireBundle } from '../lazyBundles/requireBundle';
import type { IncrementalAnalysis } from '../core/article/incrementalAnalysis';

/** Requires dist/incrementalAnalysis.js on first use: it stays out of the startup bundle (the web build bundles it in). */
export function loadIncrementalAnalysis(): Promise<typeof IncrementalAnalysis> {
  return requireBundle<typeof IncrementalAnalysis>('incrementalAnalysis.js', 'IncrementalAnalysis');
}
