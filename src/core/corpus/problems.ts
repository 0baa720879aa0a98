export type ProblemSeverity = 'error' | 'warning' | 'info';

/** Something wrong with a corpus file, reported with its file and (0-based) line. */
export interface CorpusProblem {
  readonly uri: string;
  readonly line: number;
  readonly severity: ProblemSeverity;
  /** Stable code, e.g. `corpus-yaml-syntax`, `corpus-missing-id`, `corpus-duplicate-id`. */
  readonly code: string;
  readonly message: string;
}
