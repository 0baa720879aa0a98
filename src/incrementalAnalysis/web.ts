import { IncrementalAnalysis } from '../core/article/incrementalAnalysis';

/** The web build's loader (a web worker cannot require a file): the analysis is bundled in. */
export function loadIncrementalAnalysis(): Promise<typeof IncrementalAnalysis> {
  return Promise.resolve(IncrementalAnalysis);
}
