import { LineCounter, parseDocument, isMap, isScalar } from 'yaml';
import { findRecordObjects, LineTable } from './jsonPositions';
import type { CorpusProblem } from './problems';
import type { CorpusRecord } from './record';
import { validateRecord, type RawLocation } from './validate';
import { looksLikeCslJson } from './formats/cslDetect';
import type { LibraryReaders } from './formats/libraryReaders';

export type { LibraryReaders } from './formats/libraryReaders';

export interface ParseOptions {
  /** Files larger than this are not read (default 5 MB). */
  readonly maxBytes: number;
  readonly embedded?: boolean;
  /** Readers of library formats (CSL-JSON, BibTeX), loaded on first use: without them such a file is not read. */
  readonly readers?: LibraryReaders;
  /**
   * A memo the readers keep between parses of one file (the loader keeps one per file): the BibTeX reader
   * keeps the parser's answer for each LaTeX value there, so a change to one entry parses that entry's values only.
   */
  readonly readerCache?: Map<string, unknown>;
}

export interface ParsedCorpusFile {
  readonly uri: string;
  readonly records: CorpusRecord[];
  readonly problems: CorpusProblem[];
  /** Set when the file is in a library format and no readers were given: load them and parse again. */
  readonly needsReaders?: boolean;
}

export const DEFAULT_MAX_BYTES = 5 * 1024 * 1024;
/** A YAML document may use aliases, but never enough to blow up when expanded (billion laughs). */
const MAX_YAML_ALIASES = 100;
const CORPUS_EXTENSIONS = /\.(md|markdown|json|jsonl|ndjson|bib|ris)$/i;

/** Whether a file is in a library format whose reader is loaded on first use (LibraryReaders). */
export function needsLibraryReaders(path: string): boolean {
  return /\.(bib|ris|csl\.json)$/i.test(path);
}

export function isCorpusFileName(path: string): boolean {
  return CORPUS_EXTENSIONS.test(path);
}

/** Parses one corpus file. Never throws: every problem is reported with its line; good records are kept. */
export function parseCorpusFile(uri: string, bytes: Uint8Array, options: ParseOptions = { maxBytes: DEFAULT_MAX_BYTES }): ParsedCorpusFile {
  const steps = parseCorpusFileSteps(uri, bytes, options);
  let next = steps.next();
  while (!next.done) next = steps.next();
  return next.value;
}

/**
 * parseCorpusFile in steps: it yields after every few records of a JSON or JSON Lines file, so the loader
 * can give the event loop a turn in the middle of a file holding thousands of records.
 */
export function* parseCorpusFileSteps(uri: string, bytes: Uint8Array, options: ParseOptions = { maxBytes: DEFAULT_MAX_BYTES }): Generator<void, ParsedCorpusFile> {
  const problems: CorpusProblem[] = [];
  // Problems in file order, as the Problems panel lists them.
  let needsReaders = false;
  const result = (records: CorpusRecord[] = []): ParsedCorpusFile => ({ uri, records, problems: problems.sort((a, b) => a.line - b.line), ...(needsReaders ? { needsReaders } : {}) });
  const readersMissing = () => {
    needsReaders = true;
    problem(0, 'error', 'corpus-reader-unavailable', 'The readers of library formats (CSL-JSON, BibTeX, RIS) could not be loaded here; the file is not read.');
  };
  const addLibraryRecord = (record: CorpusRecord | undefined, found: readonly CorpusProblem[]) => {
    for (const each of found) problems.push(each);
    if (record) records.push(record);
  };
  const problem = (line: number, severity: CorpusProblem['severity'], code: string, message: string) => problems.push({ uri, line, severity, code, message });

  if (bytes.byteLength > options.maxBytes) return fileTooLarge(uri, bytes.byteLength, options.maxBytes);
  const nul = bytes.indexOf(0);
  if (nul !== -1) {
    problem(lineOfByte(bytes, nul), 'error', 'corpus-binary-file', 'The file is binary (it holds NUL bytes), not a corpus file; it is not read.');
    return result();
  }
  // Decoded strictly, in one call: the first invalid byte is looked for only when there is one. One call, not
  // slices: slices (streamed, then joined) cost twice the CPU time, and a 5 MB file (the default cap) decodes in
  // ~30 ms; even a 20 MB library's decoding is a shorter step than its JSON.parse.
  let text: string;
  try {
    text = new TextDecoder('utf-8', { ignoreBOM: true, fatal: true }).decode(bytes);
    yield;
  } catch {
    const invalidAt = Math.max(0, firstInvalidUtf8(bytes));
    problem(lineOfByte(bytes, invalidAt), 'error', 'corpus-invalid-utf8', `The file is not valid UTF-8 (byte ${invalidAt}); save it as UTF-8. It is not read.`);
    return result();
  }
  if (text.charCodeAt(0) === 0xfeff) {
    problem(0, 'info', 'corpus-bom', 'The file starts with a byte-order mark; it is ignored (UTF-8 needs none).');
    text = text.slice(1);
  }
  const location = (line: number, fieldLines: Record<string, number> = fieldMap()): RawLocation => ({ uri, line, fieldLines, embedded: options.embedded ?? false });
  const records: CorpusRecord[] = [];
  const accept = (raw: unknown, where: RawLocation, body?: string) => {
    const validated = validateRecord(raw, where, body);
    for (const problem of validated.problems) problems.push(problem);
    if (validated.record) records.push(validated.record);
  };

  if (/\.(md|markdown)$/i.test(uri)) parseMarkdown(text, problem, location, accept);
  else if (/\.json$/i.test(uri)) {
    yield* parseJson(text, problem, location, accept, (items, positions, lines) => {
      if (!looksLikeCslJson(uri, items)) return undefined;
      if (!options.readers) {
        readersMissing();
        return 'skip';
      }
      return options.readers.cslJson(items, positions, { uri, text, embedded: options.embedded ?? false, lineOf: (offset) => lines.lineOf(offset), add: addLibraryRecord });
    });
  }
  else if (/\.(jsonl|ndjson)$/i.test(uri)) yield* parseJsonLines(text, problem, location, accept);
  else if (/\.bib$/i.test(uri)) {
    if (options.readers) yield* options.readers.bibtex(text, { uri, embedded: options.embedded ?? false, add: addLibraryRecord, ...(options.readerCache ? { cache: options.readerCache } : {}) });
    else readersMissing();
  }
  else if (/\.ris$/i.test(uri)) {
    if (options.readers) yield* options.readers.ris(text, { uri, embedded: options.embedded ?? false, add: addLibraryRecord });
    else readersMissing();
  }
  else problem(0, 'error', 'corpus-unknown-format', 'Corpus files are Markdown (.md), JSON (.json), JSON Lines (.jsonl), CSL-JSON (.json), BibTeX (.bib) or RIS (.ris).');
  return result(records);
}

/** The result for a file over the size limit, reported without reading it. */
export function fileTooLarge(uri: string, size: number, maxBytes: number): ParsedCorpusFile {
  return {
    uri,
    records: [],
    problems: [
      {
        uri,
        line: 0,
        severity: 'error',
        code: 'corpus-file-too-large',
        message: `The file is ${formatBytes(size)}, over the ${formatBytes(maxBytes)} limit (setting policyAnnotator.corpus.maxFileSize); it is not read.`,
      },
    ],
  };
}

type Report = (line: number, severity: CorpusProblem['severity'], code: string, message: string) => void;
type Locate = (line: number, fieldLines?: Record<string, number>) => RawLocation;
type Accept = (raw: unknown, where: RawLocation, body?: string) => void;

function parseMarkdown(text: string, problem: Report, location: Locate, accept: Accept): void {
  const opening = /^---([^\r\n]*)\r?\n/.exec(text);
  if (!opening) {
    problem(0, 'info', 'corpus-no-front-matter', 'This Markdown file has no YAML front matter (--- at the top), so it holds no record.');
    return;
  }
  const language = opening[1]!.trim().toLowerCase();
  if (language !== '' && language !== 'yaml' && language !== 'yml') {
    // gray-matter would run ---js front matter as code; we never evaluate anything.
    problem(0, 'error', 'corpus-front-matter-language', `Front matter written as "---${language}" is not supported (only YAML); it is never run. The file is not read.`);
    return;
  }
  const closing = /^(?:---|\.\.\.)[ \t]*$/m;
  const rest = text.slice(opening[0].length);
  const end = closing.exec(rest);
  if (!end) {
    problem(0, 'error', 'corpus-unclosed-front-matter', 'The front matter is not closed by a --- line; the file is not read.');
    return;
  }
  const yamlText = rest.slice(0, end.index);
  const body = rest.slice(end.index + end[0].length).replace(/^\r?\n/, '');
  const lineCounter = new LineCounter();
  const document = parseDocument(yamlText, { schema: 'core', uniqueKeys: true, lineCounter, prettyErrors: false, strict: true });
  // Line 0 is the opening ---, so front matter line n is file line n + 1.
  const fileLine = (offset: number) => lineCounter.linePos(offset).line; // 1-based in the YAML = 0-based + 1 in the file
  // One fault often yields several errors on one line ("nested mappings…", "implicit keys…"): the first is enough.
  const reportedLines = new Set<number>();
  for (const error of document.errors) {
    const line = fileLine(error.pos[0]);
    if (reportedLines.has(line)) continue;
    reportedLines.add(line);
    problem(line, 'error', error.code === 'DUPLICATE_KEY' ? 'corpus-duplicate-key' : 'corpus-yaml-syntax', `YAML: ${firstLine(error.message)}`);
  }
  if (document.errors.length > 0) return;
  for (const warning of document.warnings) problem(fileLine(warning.pos[0]), 'warning', 'corpus-yaml-warning', `YAML: ${firstLine(warning.message)}`);
  let raw: unknown;
  try {
    raw = document.toJS({ maxAliasCount: MAX_YAML_ALIASES });
  } catch (error) {
    problem(1, 'error', 'corpus-yaml-aliases', `YAML: ${error instanceof Error ? firstLine(error.message) : 'the document could not be read'}; the file is not read.`);
    return;
  }
  const fieldLines = fieldMap();
  if (isMap(document.contents)) {
    for (const item of document.contents.items) {
      if (isScalar(item.key) && item.key.range) fieldLines[String(item.key.value)] = fileLine(item.key.range[0]);
    }
  }
  accept(raw, location(0, fieldLines), body);
}

/** Records validated between two yields of a JSON or JSON Lines file. */
const RECORDS_PER_STEP = 64;

/** A reader for another JSON format (CSL-JSON), or undefined when the items are our own records. */
type JsonFormat = (items: unknown[], positions: ReturnType<typeof findRecordObjects>, lines: LineTable) => Generator<void, void> | 'skip' | undefined;

function* parseJson(text: string, problem: Report, location: Locate, accept: Accept, otherFormat: JsonFormat): Generator<void, void> {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    problem(jsonErrorLine(text, message), 'error', 'corpus-json-syntax', `JSON: ${describeJsonError(text, message)}; the file is not read.`);
    return;
  }
  const items = Array.isArray(data) ? data : isObject(data) && Array.isArray(data.records) ? data.records : [data];
  const lines = new LineTable(text);
  const positions = findRecordObjects(text);
  yield;
  const other = otherFormat(items, positions, lines);
  if (other === 'skip') return;
  if (other) return yield* other;
  let nextPosition = 0;
  for (let index = 0; index < items.length; index++) {
    if (index % RECORDS_PER_STEP === RECORDS_PER_STEP - 1) yield;
    const item: unknown = items[index];
    // A cursor, not shift(): shifting a 20,000-element array each time is quadratic.
    const position = isObject(item) ? positions[nextPosition++] : undefined;
    const line = position ? lines.lineOf(position.start) : 0;
    const fieldLines = fieldMap();
    for (const key of position?.keys ?? []) if (!Object.hasOwn(fieldLines, key.name)) fieldLines[key.name] = lines.lineOf(key.offset);
    for (const duplicate of position?.duplicateKeys ?? []) {
      problem(lines.lineOf(duplicate.offset), 'warning', 'corpus-duplicate-key', `"${duplicate.name}" is written twice in record ${index + 1}; the last one is used.`);
    }
    accept(item, location(line, fieldLines));
  }
}

function* parseJsonLines(text: string, problem: Report, location: Locate, accept: Accept): Generator<void, void> {
  const lines = text.split('\n');
  for (let line = 0; line < lines.length; line++) {
    if (line % RECORDS_PER_STEP === RECORDS_PER_STEP - 1) yield;
    const lineText = lines[line]!;
    if (lineText.trim() === '') continue;
    let data: unknown;
    try {
      data = JSON.parse(lineText);
    } catch (error) {
      problem(line, 'error', 'corpus-json-syntax', `JSON Lines: ${describeJsonError(lineText, error instanceof Error ? error.message : String(error)).replace(/ at line 1(?=$|,)/, '')}; this line is skipped.`);
      continue;
    }
    const [position] = isObject(data) ? findRecordObjects(lineText) : [];
    for (const duplicate of position?.duplicateKeys ?? []) {
      problem(line, 'warning', 'corpus-duplicate-key', `"${duplicate.name}" is written twice on this line; the last one is used.`);
    }
    const fieldLines = fieldMap();
    for (const key of Object.keys(isObject(data) ? data : {})) fieldLines[key] = line;
    accept(data, location(line, fieldLines));
  }
}

/** Field name → line, with no prototype: a field named `constructor` or `__proto__` is just a field. */
function fieldMap(): Record<string, number> {
  return Object.create(null) as Record<string, number>;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** V8 reports "… at position N" or "… (line L column C)". */
/**
 * What is wrong with a JSON text, in words, never quoting it: V8's messages quote the text (`Unexpected token
 * 'r', "root:x:0:0:"... is not valid JSON`), and the file may be a secret a symbolic link pointed at.
 */
export function describeJsonError(text: string, message: string): string {
  const line = jsonErrorLine(text, message) + 1;
  const column = /line \d+ column (\d+)/.exec(message)?.[1];
  const what = /Unexpected end/.test(message) ? 'the JSON ends too early' : /Bad control character/.test(message) ? 'a control character inside a string' : /after JSON/.test(message) ? 'text after the JSON value' : 'not valid JSON';
  return `${what} at line ${line}${column ? `, column ${column}` : ''}`;
}

export function jsonErrorLine(text: string, message: string): number {
  const lineColumn = /line (\d+) column \d+/.exec(message);
  if (lineColumn) return Number(lineColumn[1]) - 1;
  const position = /position (\d+)/.exec(message);
  if (position) return new LineTable(text).lineOf(Number(position[1]));
  return 0;
}

/** Offset of the first byte that breaks UTF-8 (overlong forms and surrogates included), or -1. */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  for (let index = 0; index < bytes.length; ) {
    const byte = bytes[index]!;
    if (byte < 0x80) {
      index++;
      continue;
    }
    let length: number;
    let min: number;
    if (byte >= 0xc2 && byte <= 0xdf) [length, min] = [2, 0x80];
    else if (byte >= 0xe0 && byte <= 0xef) [length, min] = [3, 0x800];
    else if (byte >= 0xf0 && byte <= 0xf4) [length, min] = [4, 0x10000];
    else return index;
    if (index + length > bytes.length) return index;
    let codePoint = byte & (0xff >> (length + 1));
    for (let next = 1; next < length; next++) {
      const continuation = bytes[index + next]!;
      if ((continuation & 0xc0) !== 0x80) return index;
      codePoint = (codePoint << 6) | (continuation & 0x3f);
    }
    if (codePoint < min || codePoint > 0x10ffff || (codePoint >= 0xd800 && codePoint <= 0xdfff)) return index;
    index += length;
  }
  return -1;
}

/** 0-based line of a byte offset. */
export function lineOfByte(bytes: Uint8Array, offset: number): number {
  let line = 0;
  for (let index = 0; index < offset; index++) if (bytes[index] === 0x0a) line++;
  return line;
}

function firstLine(message: string): string {
  return message.split('\n')[0]!.slice(0, 300);
}

function formatBytes(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.ceil(bytes / 1024)} KB`;
}
