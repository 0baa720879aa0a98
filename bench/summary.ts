// The bench's one-line-per-number summary (issue 19): the figures the README's performance table and a
// reviewer compare run to run. Built from the bench's detailed results by a pure function, so a unit test
// pins the key set without running the bench.

/** Exactly these keys, in this order; milliseconds unless the name says otherwise. */
export const SUMMARY_KEYS = [
  'buildMs100k',
  'buildMapMs100k',
  'buildHeapMB100k',
  'buildMapHeapMB100k',
  'fuzzyP95Ms100k',
  'fuzzyHitAt10_100k',
  'fuseHitAt10_100k',
  'mentionsP95Ms100k',
  'tagTypoP95Ms50k',
  'tagPrefixP95Ms50k',
  'longestStallMs1MBArticle',
  'keystrokeP95Ms100KB',
  'referencesP95Ms5000',
  'checkArticlesPerSecond1Worker',
  'checkArticlesPerSecondAllWorkers',
  'workers',
  'lawColdLoadMs',
  'lawFirstUseMaxMs',
] as const;

export type SummaryKey = (typeof SUMMARY_KEYS)[number];
/**
 * A number for every key. A part of the bench that did not run (no law database, --no-articles) gives NaN,
 * which JSON writes as null: a missing measurement is never shown as a good one.
 */
export type BenchSummary = Record<SummaryKey, number>;

/** What the summary is read from: the parts of the bench's results it needs, each optional (a part may be skipped). */
export interface SummaryInputs {
  /** The largest corpus size measured (100k in a full run). */
  readonly largest?: {
    readonly buildMs: number;
    readonly buildHeapMB: number;
    readonly mapBuildMs: number;
    readonly mapHeapMB: number;
    readonly fuzzyP95Ms: number;
    /** The index's hit@10 on the queries the fuse.js baseline ran, and the baseline's. */
    readonly fuzzyHitAt10: number;
    readonly fuseHitAt10: number;
    readonly mentionsP95Ms: number;
  };
  readonly tags?: { readonly typoP95Ms: number; readonly prefixP95Ms: number };
  readonly scale?: {
    readonly longestStallMs: number;
    readonly keystrokeP95Ms: number;
    readonly referencesP95Ms: number;
  };
  readonly check?: { readonly articlesPerSecond1Worker: number; readonly articlesPerSecondAllWorkers: number; readonly workers: number };
  readonly laws?: { readonly coldLoadMs: number; readonly firstUseMaxMs: number };
}

export function buildSummary(inputs: SummaryInputs): BenchSummary {
  const { largest, tags, scale, check, laws } = inputs;
  const value = (number: number | undefined): number => (number === undefined || !Number.isFinite(number) ? Number.NaN : number);
  return {
    buildMs100k: value(largest?.buildMs),
    buildMapMs100k: value(largest?.mapBuildMs),
    buildHeapMB100k: value(largest?.buildHeapMB),
    buildMapHeapMB100k: value(largest?.mapHeapMB),
    fuzzyP95Ms100k: value(largest?.fuzzyP95Ms),
    fuzzyHitAt10_100k: value(largest?.fuzzyHitAt10),
    fuseHitAt10_100k: value(largest?.fuseHitAt10),
    mentionsP95Ms100k: value(largest?.mentionsP95Ms),
    tagTypoP95Ms50k: value(tags?.typoP95Ms),
    tagPrefixP95Ms50k: value(tags?.prefixP95Ms),
    longestStallMs1MBArticle: value(scale?.longestStallMs),
    keystrokeP95Ms100KB: value(scale?.keystrokeP95Ms),
    referencesP95Ms5000: value(scale?.referencesP95Ms),
    checkArticlesPerSecond1Worker: value(check?.articlesPerSecond1Worker),
    checkArticlesPerSecondAllWorkers: value(check?.articlesPerSecondAllWorkers),
    workers: value(check?.workers),
    lawColdLoadMs: value(laws?.coldLoadMs),
    lawFirstUseMaxMs: value(laws?.firstUseMaxMs),
  };
}
