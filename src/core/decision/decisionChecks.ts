import { DIAGNOSTIC_CODES, type ArticleDiagnostic } from '../article/checks';
import { formatMessage, msg, type Localizable } from '../util/messages';
import type { DecisionScan } from './decisions';

/** The last interpretation the Grand Justices issued; from 2022 the Constitutional Court decides by 憲判字 judgments. */
export const LAST_INTERPRETATION = { number: 813, date: '2021-12-24' } as const;
/** The Constitutional Court Procedure Act took effect in 2022 (民國111年): its 憲判字 and 憲裁字 start then. */
export const FIRST_CONSTITUTIONAL_COURT_YEAR = 111;

/** The ROC year of a date: 2026 → 115. */
export const rocYear = (date: Date) => date.getFullYear() - 1911;

/**
 * Numbers no decision can have (information, not warnings: the citation may still be read right):
 * 釋字 above the last one issued, a 年度 after this year or before the court's decisions began, case number 0,
 * and numbers too long to read. Forms that cannot be judged get nothing.
 */
export function checkDecisions(scan: DecisionScan, today: Date): ArticleDiagnostic[] {
  const diagnostics: ArticleDiagnostic[] = [];
  const report = (start: number, end: number, message: Localizable) =>
    diagnostics.push({ start, end, severity: DIAGNOSTIC_CODES['invalid-decision-number'], code: 'invalid-decision-number', message: formatMessage(message), localizable: message });
  for (const problem of scan.problems) report(problem.start, problem.end, problem.message);
  const thisYear = rocYear(today);
  for (const reference of scan.references) {
    // 前揭判決 repeats a citation already checked.
    if (reference.via === 'context' || reference.number === undefined) continue;
    if (reference.kind === 'interpretation') {
      if (reference.number < 1 || reference.number > LAST_INTERPRETATION.number) {
        report(reference.start, reference.end, msg('釋字 run from 1 to {0} (the last was issued on {1}); since 2022 the Constitutional Court decides by 憲判字 judgments.', LAST_INTERPRETATION.number, LAST_INTERPRETATION.date));
      }
      continue;
    }
    const year = reference.year!;
    if (year < 1 || year > thisYear) report(reference.start, reference.end, msg('年度 {0} is out of range: this year is {1} 年 ({2}).', year, thisYear, today.getFullYear()));
    else if (reference.kind === 'constitutional' && year < FIRST_CONSTITUTIONAL_COURT_YEAR) {
      report(reference.start, reference.end, msg('{0}字 decisions began in {1} 年 (2022), so {2} 年 cannot have one.', reference.caseType, FIRST_CONSTITUTIONAL_COURT_YEAR, year));
    } else if (reference.number < 1) report(reference.start, reference.end, msg('Case number {0} does not exist: numbers start at 1.', reference.number));
  }
  return diagnostics.sort((a, b) => a.start - b.start);
}
