import type { ArticleAnalysis } from '../core/article/analysis';
import type { DiagnosticSeverity } from '../core/article/checks';
import { withConfiguredSeverity, type ProjectConfig } from '../core/config';
import type { CorpusProblem } from '../core/corpus/problems';
import { renderHoverCard } from '../core/hoverCard';
import { positionOf, type ArticleResult } from './articles';
import type { Line } from '../core/article/lines';
import { toPath } from './nodeFiles';

export interface RangeJson {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

export interface DiagnosticJson extends RangeJson {
  severity: DiagnosticSeverity;
  code: string;
  message: string;
  fix: string | null;
}

/** What a `"kind": "law"` reference adds: the cited article ("6", "1-1") and, when cited, 項, 款, 目. */
export interface StatuteFields {
  article?: string;
  through?: string;
  paragraph?: number;
  item?: number;
  subitem?: number;
  qualifier?: string;
}

/** What a `"kind": "decision"` reference adds (see src/cli/decisions.ts). */
export interface DecisionFields {
  court?: string;
  courtName?: string;
  year?: number;
  caseType?: string;
  number?: number;
  decisionType?: string;
  matter?: string;
}

export interface FileJson {
  file: string;
  references: Array<RangeJson & { text: string; kind: string; id: string | null; score: number; match: string | null; candidates?: readonly string[]; card?: string } & StatuteFields & DecisionFields>;
  tags: Array<RangeJson & { text: string; known: boolean; suggestion: string | null }>;
  diagnostics: DiagnosticJson[];
}

/**
 * A diagnostic's JSON, made in one literal: `{ ...range(…), severity, … }` (a spread followed by properties the
 * spread object lacks) took V8's slow path, some 70 times the cost of this, for each of 330,000 diagnostics in a
 * `check` of 10,000 articles.
 */
export function diagnosticJson(lines: readonly Line[], start: number, end: number, severity: DiagnosticSeverity, code: string, message: string, fix: string | null): DiagnosticJson {
  const from = positionOf(lines, start);
  const to = positionOf(lines, end);
  return { line: from.line, column: from.column, endLine: to.line, endColumn: to.column, severity, code, message, fix };
}

/** A range's JSON (1-based lines and UTF-16 columns, end exclusive). */
export function rangeJson(lines: readonly Line[], start: number, end: number): RangeJson {
  const from = positionOf(lines, start);
  const to = positionOf(lines, end);
  return { line: from.line, column: from.column, endLine: to.line, endColumn: to.column };
}

/** The `annotate --json` shape for one file (lines and columns 1-based, UTF-16 columns, end exclusive). */
/** `keepReferences` false: only the diagnostics (what `check` prints); the references and tags stay empty. */
export function fileJson(result: ArticleResult, config: ProjectConfig, cards: boolean, keepReferences = true): FileJson {
  if ('error' in result) {
    return { file: result.file, references: [], tags: [], diagnostics: [{ line: result.error.line + 1, column: 1, endLine: result.error.line + 1, endColumn: 1, severity: 'error', code: result.error.code, message: result.error.message, fix: null }] };
  }
  const { analysis } = result;
  const lines = analysis.article.lines;
  return {
    file: result.file,
    references: !keepReferences ? [] : analysis.references.map((reference) => {
      const record = reference.id ? analysis.record(reference.id) : undefined;
      const { line, column, endLine, endColumn } = rangeJson(lines, reference.start, reference.end);
      return {
        line,
        column,
        endLine,
        endColumn,
        text: reference.text,
        kind: reference.kind,
        id: reference.id ?? null,
        score: Math.round(reference.score * 1000) / 1000,
        match: reference.match ?? null,
        ...(reference.candidates ? { candidates: reference.candidates } : {}),
        ...(cards && record
          ? { card: renderHoverCard(record, 'zh', { citedCount: analysis.counts.get(record.id) ?? 0, ...(reference.citation?.parsed.lastVisit ? { lastVisit: reference.citation.parsed.lastVisit.iso ?? reference.citation.parsed.lastVisit.span.text } : {}) }) }
          : {}),
      };
    }),
    tags: !keepReferences ? [] : analysis.tags.map((verdict) => {
      const { line, column, endLine, endColumn } = rangeJson(lines, verdict.tag.start, verdict.tag.end);
      return { line, column, endLine, endColumn, text: verdict.tag.text, known: verdict.known, suggestion: verdict.suggestion };
    }),
    diagnostics: diagnosticsOf(analysis, config).map((diagnostic) => diagnosticJson(lines, diagnostic.start, diagnostic.end, diagnostic.severity, diagnostic.code, diagnostic.message, diagnostic.fix?.newText ?? null)),
  };
}

/** Diagnostics with the configuration's severities (see withConfiguredSeverity). */
export function diagnosticsOf(analysis: ArticleAnalysis, config: ProjectConfig) {
  return withConfiguredSeverity(analysis.diagnostics, config);
}

/** A corpus or configuration problem as a check line's parts. */
export function problemRow(problem: CorpusProblem, cwd: string): { file: string; line: number; column: number; severity: DiagnosticSeverity; code: string; message: string } {
  return { file: relative(toPath(problem.uri), cwd), line: problem.line + 1, column: 1, severity: problem.severity, code: problem.code, message: problem.message };
}

function relative(file: string, cwd: string): string {
  return file.startsWith(`${cwd}/`) ? file.slice(cwd.length + 1) : file;
}
