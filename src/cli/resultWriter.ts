import type { CorpusProblem } from '../core/corpus/problems';
import { jsonSafe, terminalSafe } from '../core/util/controlText';
import type { CliArgs } from './args';
import { checkRows, formatSarif, RowCap, SeverityCounts, textLine, type CheckRow } from './check';
import { problemRow, type FileJson } from './output';

/** Where the results go: `out` and `err` write one line each (main.ts's Io). */
interface WriterIo {
  readonly cwd: string;
  out(text: string): void;
  err(text: string): void;
  readonly isTty: boolean;
}

// The results are written as they come, file by file in input order, and not kept: 100,000 files' output is
// never held whole. Every format prints exactly what formatting the whole list at once would print.

const isUnreadable = (code: string) => code === 'file-not-found' || code === 'read-error';

/** `check`: text and JSON rows streamed; SARIF lists its rules first, so its rows are kept and written at the end. Returns the exit code. */
export async function writeCheck(results: AsyncIterable<FileJson>, fileCount: number, problems: readonly CorpusProblem[], args: CliArgs, io: WriterIo, version: string): Promise<number> {
  const color = args.color ?? io.isTty;
  const cap = new RowCap();
  const counts = new SeverityCounts();
  // A file's lines go out in one write: a write per line was a system call per line (stdout to a file or a
  // pipe is written synchronously), 330,000 of them for 10,000 articles.
  const lines = new LineBuffer(io.out);
  const array = new JsonArrayWriter((line) => lines.push(line));
  const sarifRows: CheckRow[] = [];
  let failing = false;
  const write = (row: CheckRow) => {
    failing ||= row.severity === 'error' || (args.strict && row.severity === 'warning');
    counts.add(row);
    if (args.format === 'json') array.push(row);
    else if (args.format === 'sarif') sarifRows.push(row);
    else lines.push(textLine(row, color));
  };
  const add = (row: CheckRow) => {
    if (cap.add(row)) write(row);
  };
  for (const problem of problems) add(problemRow(problem, io.cwd));
  lines.flush();
  let missing = false;
  for await (const file of results) {
    for (const diagnostic of file.diagnostics) {
      if (isUnreadable(diagnostic.code)) {
        missing = true;
        io.err(`policy-annotator: ${terminalSafe(diagnostic.message)}`);
      }
      add({ file: file.file, ...diagnostic });
    }
    lines.flush();
  }
  for (const row of cap.tail()) write(row);
  if (args.format === 'json') array.close();
  else if (args.format === 'sarif') lines.push(formatSarif(sarifRows, version));
  else lines.push(counts.summary(fileCount));
  lines.flush();
  if (missing) return 2;
  return failing ? 1 : 0;
}

/** `annotate`: one file at a time, as text or as one JSON array; corpus and configuration problems go to stderr at the end. */
export async function writeAnnotations(results: AsyncIterable<FileJson>, files: readonly string[], problems: readonly CorpusProblem[], args: CliArgs, io: WriterIo): Promise<number> {
  const array = new JsonArrayWriter(io.out);
  let missing = false;
  let errors = false;
  for await (const result of results) {
    for (const diagnostic of result.diagnostics) {
      if (isUnreadable(diagnostic.code)) {
        missing = true;
        io.err(`policy-annotator: ${terminalSafe(diagnostic.message)}`);
      }
      errors ||= diagnostic.severity === 'error';
    }
    if (args.json) array.push(result);
    else io.out(formatAnnotation(result));
  }
  // Corpus and configuration problems are not part of the per-article output: they go to stderr.
  const articleFiles = new Set(files);
  const corpusRows = checkRows([], problems, io.cwd).filter((row) => !articleFiles.has(row.file));
  if (corpusRows.length > 0) io.err(corpusRows.map((row) => textLine(row, false)).join('\n'));
  if (args.json) array.close();
  if (missing) return 2;
  return errors ? 1 : 0;
}

/** Lines gathered and written together (`out` ends each write with a line feed, so they are joined by one). */
class LineBuffer {
  readonly #lines: string[] = [];

  constructor(private readonly out: (text: string) => void) {}

  push(line: string): void {
    this.#lines.push(line);
  }

  flush(): void {
    if (this.#lines.length === 0) return;
    this.out(this.#lines.join('\n'));
    this.#lines.length = 0;
  }
}

/**
 * A JSON array written element by element, byte for byte what `safeJsonStringify(list, 2)` writes: each
 * element waits until the next one arrives, to know whether it takes a comma.
 */
class JsonArrayWriter {
  private pending: string | undefined;
  private empty = true;

  constructor(private readonly out: (line: string) => void) {}

  push(value: unknown): void {
    if (this.pending !== undefined) this.out(`${this.pending},`);
    else this.out('[');
    this.empty = false;
    // Nested one level: every line of the element two more spaces in (strings never hold a raw line feed).
    this.pending = `  ${jsonSafe(JSON.stringify(value, null, 2)).replace(/\n/g, '\n  ')}`;
  }

  close(): void {
    if (this.empty) return this.out('[]');
    this.out(this.pending!);
    this.out(']');
  }
}

/** One file's annotations as text lines. */
function formatAnnotation(result: FileJson): string {
  // Every piece of data (file names, article text, ids, tags, messages) is escaped: a title holding ESC or a
  // line feed must not drive the terminal or forge an output line.
  const safe = terminalSafe;
  const lines: string[] = [];
  lines.push(safe(result.file));
  for (const reference of result.references) {
    const text = JSON.stringify(reference.text.length > 50 ? `${reference.text.slice(0, 49)}…` : reference.text);
    const target = reference.id ?? (reference.candidates ? `ambiguous: ${reference.candidates.join(', ')}` : 'unresolved');
    lines.push(`  ${reference.line}:${reference.column} ${safe(reference.kind)} ${safe(text)} → ${safe(target)}${reference.match ? ` (${safe(reference.match)} ${reference.score})` : ''}`);
  }
  for (const tag of result.tags) lines.push(`  ${tag.line}:${tag.column} tag ${safe(tag.text)}`);
  for (const diagnostic of result.diagnostics) lines.push(`  ${diagnostic.line}:${diagnostic.column} ${diagnostic.severity} ${safe(diagnostic.code)} ${safe(diagnostic.message)}`);
  return lines.join('\n');
}
