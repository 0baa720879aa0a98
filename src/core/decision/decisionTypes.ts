// Its own file so that both findDecisions (decisions.ts) and the readers of other forms (otherForms.ts) can name it.

/**
 * Court decisions and constitutional interpretations cited in prose: 釋字第603號, 憲法法庭111年憲判字第13號判決,
 * 最高法院109年度台上字第1234號民事判決, 最高法院109台上1234, lists (釋字第603號、第689號) and 前揭判決.
 */
export interface DecisionReference {
  readonly start: number;
  readonly end: number;
  readonly text: string;
  /** 釋字 (the Grand Justices' interpretations), the Constitutional Court's decisions, or another court's. */
  readonly kind: 'interpretation' | 'constitutional' | 'court';
  /** The court as written (台 → 臺), or inherited from the list it is in; undefined when not written. */
  readonly court?: string;
  /** The court's official name, when the written one is known (or implied: 憲判字 is the Constitutional Court's). */
  readonly courtName?: string;
  /** The ROC year (年度); undefined for 釋字. */
  readonly year?: number;
  /** The 字別 without 字 ("台上", "上易", "憲判"), "釋" for 釋字. 臺 is written 台 as the Judicial Yuan's data do. */
  readonly caseType: string;
  /** Undefined when the number cannot be read (too long): a problem says so. */
  readonly number?: number;
  /** 判決, 裁定, 判例, 解釋 … when written (the last item of a list gives its own to the others). */
  readonly decisionType?: string;
  /** 民事, 刑事, 行政 … when written. */
  readonly matter?: string;
  /** How this reference was found beyond its own words: a list item inherits the first's court, 前揭判決 refers back. */
  readonly via?: 'list' | 'context';
}
