import type { DiagnosticSeverity } from '../core/article/checks';
import type { CorpusProblem } from '../core/corpus/problems';
import type { FileJson } from './output';
import { problemRow } from './output';
import { jsonSafe, terminalSafe } from '../core/util/controlText';

export interface CheckRow {
  file: string;
  line: number;
  column: number;
  endLine?: number;
  endColumn?: number;
  severity: DiagnosticSeverity;
  code: string;
  message: string;
  /** On a `more-problems` row: the problems it stands for, by severity. */
  hidden?: Record<DiagnosticSeverity, number>;
}

/** More problems than this in one file are summed up in one row: 150,000 lines of the same problem help nobody. */
export const MAX_PROBLEMS_PER_FILE = 1_000;

/**
 * The per-file cap, one row at a time: `add` says whether the row is shown; `tail` gives the `more-problems`
 * rows, one per file that went over. Streamed output and `checkRows` both use it, so they cannot differ.
 */
export class RowCap {
  private readonly perFile = new Map<string, { shown: number; hidden: Record<DiagnosticSeverity, number>; last: CheckRow }>();

  add(row: CheckRow): boolean {
    let count = this.perFile.get(row.file);
    if (!count) this.perFile.set(row.file, (count = { shown: 0, hidden: { error: 0, warning: 0, info: 0 }, last: row }));
    if (count.shown < MAX_PROBLEMS_PER_FILE) {
      count.shown++;
      return true;
    }
    count.hidden[row.severity]++;
    count.last = row;
    return false;
  }

  tail(): CheckRow[] {
    const rows: CheckRow[] = [];
    for (const [file, count] of this.perFile) {
      const { error, warning, info } = count.hidden;
      const hidden = error + warning + info;
      if (hidden === 0) continue;
      const severity: DiagnosticSeverity = error > 0 ? 'error' : warning > 0 ? 'warning' : 'info';
      rows.push({ file, line: count.last.line, column: 1, severity, code: 'more-problems', message: `… and ${hidden.toLocaleString('en-US')} more problems in this file (${error} errors, ${warning} warnings, ${info} infos); the first ${MAX_PROBLEMS_PER_FILE} are listed.`, hidden: { ...count.hidden } });
    }
    return rows;
  }
}

export function checkRows(files: readonly FileJson[], corpusProblems: readonly CorpusProblem[], cwd: string): CheckRow[] {
  const rows: CheckRow[] = [];
  const cap = new RowCap();
  const add = (row: CheckRow) => {
    if (cap.add(row)) rows.push(row);
  };
  // Loops, never push(...list): a list of 150,000 problems would overflow the call stack as arguments.
  for (const problem of corpusProblems) add(problemRow(problem, cwd));
  for (const file of files) for (const diagnostic of file.diagnostics) add({ file: file.file, ...diagnostic });
  for (const row of cap.tail()) rows.push(row);
  return rows;
}

const COLORS = { error: '\u001b[31m', warning: '\u001b[33m', info: '\u001b[36m', reset: '\u001b[0m', dim: '\u001b[2m' };

/** `file:line:column severity code message` lines and a summary. */
export function formatText(rows: readonly CheckRow[], fileCount: number, color: boolean): string {
  const counts = new SeverityCounts();
  const lines = rows.map((row) => {
    counts.add(row);
    return textLine(row, color);
  });
  lines.push(counts.summary(fileCount));
  return lines.join('\n');
}

/** One row as a text line. File names, codes and messages carry data: escaped, so they can neither drive the terminal nor forge a line. */
export function textLine(row: CheckRow, color: boolean): string {
  const severity = color ? `${COLORS[row.severity]}${row.severity}${COLORS.reset}` : row.severity;
  return `${terminalSafe(row.file)}:${row.line}:${row.column} ${severity} ${terminalSafe(row.code)} ${terminalSafe(row.message)}`;
}

/** The summary line's totals, counting what a `more-problems` row stands for. */
export class SeverityCounts {
  private readonly counts: Record<DiagnosticSeverity, number> = { error: 0, warning: 0, info: 0 };

  add(row: CheckRow): void {
    if (row.hidden) for (const severity of ['error', 'warning', 'info'] as const) this.counts[severity] += row.hidden[severity];
    else this.counts[row.severity]++;
  }

  summary(fileCount: number): string {
    return `${fileCount} ${fileCount === 1 ? 'file' : 'files'} checked: ${this.counts.error} errors, ${this.counts.warning} warnings, ${this.counts.info} infos`;
  }
}

/** SARIF 2.1.0, for code-scanning dashboards. */
export function formatSarif(rows: readonly CheckRow[], version: string): string {
  const level = { error: 'error', warning: 'warning', info: 'note' } as const;
  const rules = [...new Set(rows.map((row) => row.code))].sort();
  return jsonSafe(JSON.stringify(
    {
      $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
      version: '2.1.0',
      runs: [
        {
          tool: { driver: { name: 'policy-annotator', version, informationUri: 'https://github.com/policy-annotator/policy-annotator', rules: rules.map((id) => ({ id })) } },
          results: rows.map((row) => ({
            ruleId: row.code,
            level: level[row.severity],
            message: { text: row.message },
            locations: [
              {
                physicalLocation: {
                  artifactLocation: { uri: row.file.split('/').map(encodeURIComponent).join('/') },
                  region: { startLine: row.line, startColumn: row.column, ...(row.endLine ? { endLine: row.endLine, endColumn: row.endColumn } : {}) },
                },
              },
            ],
          })),
        },
      ],
    },
    null,
    2,
  ));
}
