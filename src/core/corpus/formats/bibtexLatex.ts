import type { Creator, Entry, Library, Options } from '@retorquere/bibtex-parser' with { 'resolution-mode': 'import' };
import { fieldMode, isCreatorField, isKeywordsField, keywordList, piecesAsBibtex, plainCreatorName, plainFieldValue, resolvePieces, type PlainValue } from './bibtexPlain';
import type { ScannedEntry, ScannedField } from './bibtexScan';

/**
 * Entries are mapped field by field: values without LaTeX here (bibtexPlain.ts), the others by Better BibTeX's
 * parser. The parser reads each distinct LaTeX value once — a name (`M{\"u}ller, Hans`) or a field's text —
 * written back as a one-field entry under a key of our own, and its answer is kept for the rest of the file:
 * a library names the same authors and journals again and again.
 */

/** The month macros every BibTeX style defines (the parser's own table gives the same values). */
export function defaultStrings(): Map<string, string> {
  const months = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
  const full = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
  const strings = new Map<string, string>();
  months.forEach((month, index) => {
    const number = String(index + 1).padStart(2, '0');
    strings.set(month.toUpperCase(), number);
    strings.set(full[index]!.toUpperCase(), number);
  });
  return strings;
}

/** Better BibTeX's parse function, passed in: it is loaded on first use in a separate file of the bundle. */
export type BibtexParse = (input: string, options?: Options) => Library;

const MAX_CACHED_ANSWERS = 100_000;

type Part = { readonly plain: Creator } | { readonly job: string };
type Slot =
  | { readonly kind: 'creators'; readonly field: string; readonly parts: Part[] }
  | { readonly kind: 'fields'; readonly job: string };

interface Answer {
  readonly fields?: Record<string, unknown>;
  readonly mode?: Record<string, string>;
  readonly fault?: string;
  readonly warning?: string;
}

/** An entry with every field that holds no LaTeX already mapped; `latex` lists the fields the parser must read. */
export function plainEntry(scanned: ScannedEntry, strings: ReadonlyMap<string, string>): { entry: Entry; latex: ScannedField[] } {
  const fields: Record<string, PlainValue> = {};
  const mode: Record<string, string> = {};
  const latex: ScannedField[] = [];
  const keywords: string[] = [];
  const keywordFields: ScannedField[] = [];
  let keywordsNeedParser = false;
  for (const field of scanned.fields) {
    const value = resolvePieces(field.pieces, strings);
    const plain = value === undefined ? undefined : plainFieldValue(field.name, value);
    if (isKeywordsField(field.name)) {
      keywordFields.push(field);
      if (plain === undefined) keywordsNeedParser = true;
      else if (typeof plain === 'string') keywords.push(plain);
    } else if (plain === undefined) latex.push(field);
    else if (plain !== '') {
      fields[field.name] = plain;
      mode[field.name] = fieldMode(field.name);
    }
  }
  if (keywordsNeedParser) latex.push(...keywordFields);
  else {
    const list = keywordList(keywords);
    if (list.length > 0) {
      fields.keywords = list;
      mode.keywords = 'verbatimlist';
    }
  }
  return { entry: { type: scanned.type, key: scanned.key, fields: fields as Entry['fields'], mode: mode as Entry['mode'], input: scanned.input }, latex };
}

export class LatexValues {
  readonly #answers: Map<string, Answer>;
  /** Job key → the fields of its one-field entry, written as BibTeX. */
  #jobs = new Map<string, string>();
  #entries: Array<{ scanned: ScannedEntry; entry: Entry; slots: Slot[] }> = [];

  constructor(
    private readonly parse: BibtexParse,
    private readonly strings: ReadonlyMap<string, string>,
    cache?: Map<string, unknown>,
  ) {
    // A file's answers are few (distinct LaTeX values); a cache that grew past its bound starts over.
    if (cache && cache.size > MAX_CACHED_ANSWERS) cache.clear();
    this.#answers = (cache ?? new Map()) as Map<string, Answer>;
  }

  add(scanned: ScannedEntry, entry: Entry, latex: readonly ScannedField[]): void {
    const slots: Slot[] = [];
    const keywordFields = latex.filter((field) => isKeywordsField(field.name));
    if (keywordFields.length > 0) slots.push({ kind: 'fields', job: this.#job(keywordFields.map((field) => `keywords = ${piecesAsBibtex(field.pieces, this.strings)}`).join(',\n')) });
    for (const field of latex) {
      if (isKeywordsField(field.name)) continue;
      const value = isCreatorField(field.name) ? resolvePieces(field.pieces, this.strings) : undefined;
      if (value === undefined) {
        slots.push({ kind: 'fields', job: this.#job(`${field.name} = ${piecesAsBibtex(field.pieces, this.strings)}`) });
        continue;
      }
      const parts = splitNames(value).map((name): Part => {
        const plain = plainCreatorName(name);
        return plain ? { plain } : { job: this.#job(`${field.name} = {${name}}`) };
      });
      slots.push({ kind: 'creators', field: field.name, parts });
    }
    this.#entries.push({ scanned, entry, slots });
  }

  #job(fields: string): string {
    if (!this.#answers.has(fields)) this.#jobs.set(fields, fields);
    return fields;
  }

  /** Parses the values not seen before (one parser call) and completes the entries added since the last run. */
  run(): Array<{ offset: number; entry?: Entry; fault?: string; warning?: string }> {
    this.#parseJobs();
    const entries = this.#entries;
    this.#entries = [];
    return entries.map(({ scanned, entry, slots }) => {
      const fields: Record<string, unknown> = { ...entry.fields };
      const mode: Record<string, string> = { ...entry.mode };
      let warning: string | undefined;
      for (const slot of slots) {
        if (slot.kind === 'fields') {
          const answer = this.#answers.get(slot.job)!;
          if (answer.fault) return { offset: scanned.offset, fault: answer.fault };
          warning ??= answer.warning;
          Object.assign(fields, answer.fields);
          Object.assign(mode, answer.mode);
          continue;
        }
        const creators: unknown[] = [];
        for (const part of slot.parts) {
          if ('plain' in part) {
            if (Object.keys(part.plain).length > 0) creators.push(part.plain);
            continue;
          }
          const answer = this.#answers.get(part.job)!;
          if (answer.fault) return { offset: scanned.offset, fault: answer.fault };
          warning ??= answer.warning;
          const parsed = answer.fields?.[slot.field];
          if (Array.isArray(parsed)) creators.push(...(parsed as unknown[]));
        }
        if (creators.length > 0) {
          fields[slot.field] = creators;
          mode[slot.field] = 'creatorlist';
        }
      }
      return { offset: scanned.offset, entry: { ...entry, fields: fields as Entry['fields'], mode: mode as Entry['mode'] }, ...(warning ? { warning } : {}) };
    });
  }

  #parseJobs(): void {
    if (this.#jobs.size === 0) return;
    const jobs = [...this.#jobs.keys()];
    this.#jobs = new Map();
    const text = jobs.map((fields, index) => `@misc{job${index},\n${fields}\n}\n`).join('\n');
    let library: Library;
    try {
      library = this.parse(text, { english: false, sentenceCase: false, caseProtection: false, unsupported: 'ignore', applyCrossRef: false });
    } catch {
      for (const job of jobs) this.#answers.set(job, { fault: 'the parser gave up on this entry' });
      return;
    }
    const parsed = new Map(library.entries.map((entry) => [entry.key, entry] as const));
    const failed = new Set<string>();
    const warned = new Set<string>();
    for (const error of library.errors) {
      const key = /^@misc\{(job\d+),/.exec(error.input ?? '');
      if (key) failed.add(key[1]!);
      // A name of more than three comma-separated parts: the parser keeps the entry and drops the extra parts.
      const name = /^@(job\d+): unexpected/.exec(error.error);
      if (name) warned.add(name[1]!);
    }
    jobs.forEach((job, index) => {
      const key = `job${index}`;
      const answer = parsed.get(key);
      if (!answer || failed.has(key)) this.#answers.set(job, { fault: 'a field the LaTeX reader cannot read' });
      else this.#answers.set(job, { fields: answer.fields as Record<string, unknown>, mode: answer.mode, ...(warned.has(key) ? { warning: 'a name has more than three comma-separated parts; the extra parts are dropped' } : {}) });
    });
  }
}

/** A name list cut at each `and` outside braces, as the parser cuts it. */
function splitNames(value: string): string[] {
  const names: string[] = [];
  let depth = 0;
  let start = 0;
  for (let index = 0; index < value.length; index++) {
    const char = value[index];
    if (char === '\\') index++;
    else if (char === '{') depth++;
    else if (char === '}') depth--;
    else if (depth === 0 && /\s/.test(char!)) {
      const and = /^\s+and\s+/i.exec(value.slice(index, index + 16));
      if (and) {
        names.push(value.slice(start, index));
        index += and[0].length - 1;
        start = index + 1;
      }
    }
  }
  names.push(value.slice(start));
  return names;
}
