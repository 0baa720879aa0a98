import type { CorpusRecord } from '../corpus/record';
import type { CorpusIndex } from '../search/corpusIndex';
import { findDecisions, type DecisionReference } from './decisions';
import { namesOf } from '../search/recordNames';

/** What identifies a decision whatever the court's name is written as: 釋字 by number, others by year, 字別 and number. */
export function decisionKey(reference: Pick<DecisionReference, 'caseType' | 'year' | 'number'>): string | undefined {
  if (reference.number === undefined) return undefined;
  return reference.caseType === '釋' ? `釋:${reference.number}` : `${reference.caseType}:${reference.year ?? ''}:${reference.number}`;
}

interface Candidate {
  readonly id: string;
  readonly courtName?: string;
}

/**
 * The decisions corpus: records of `type: case` whose title, original title or an alias is a decision's
 * citation (最高法院109年度台上字第1234號民事判決). Built once per corpus generation from those records only,
 * so resolving a reference is a map lookup.
 */
export class DecisionRecords {
  #generation = -1;
  #byKey = new Map<string, Candidate[]>();

  constructor(private readonly index: CorpusIndex) {}

  #build(): void {
    if (this.#generation === this.index.generation) return;
    this.#generation = this.index.generation;
    this.#byKey = new Map();
    for (const record of this.index.records()) {
      if (record.type !== 'case') continue;
      const seen = new Set<string>();
      for (const name of namesOf(record)) {
        for (const reference of findDecisions(name).references) {
          const key = decisionKey(reference);
          if (!key || seen.has(key)) continue;
          seen.add(key);
          this.#byKey.set(key, [...(this.#byKey.get(key) ?? []), { id: record.id, ...(reference.courtName ? { courtName: reference.courtName } : {}) }]);
        }
      }
    }
  }

  /** The record of this decision: the one with its key, or among several, the one of its court. */
  resolve(reference: DecisionReference): CorpusRecord | undefined {
    this.#build();
    const key = decisionKey(reference);
    const candidates = key ? this.#byKey.get(key) : undefined;
    if (!candidates) return undefined;
    const sameCourt = reference.courtName ? candidates.filter((candidate) => candidate.courtName === reference.courtName) : [];
    const chosen = sameCourt.length === 1 ? sameCourt[0] : candidates.length === 1 && (!reference.courtName || !candidates[0]!.courtName) ? candidates[0] : undefined;
    return chosen ? this.index.get(chosen.id) : undefined;
  }
}
