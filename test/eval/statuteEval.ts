import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseArticle } from '../../src/core/article/article';
import { findStatuteCitations, type StatuteReference } from '../../src/core/law/citations';
import type { LawIndex } from '../../src/core/law/lawIndex';
import { articleKey } from '../../src/core/law/numerals';

/** One labelled case: a text and the citations it holds (law, article, 項, 款). */
export interface EvalCase {
  readonly file: string;
  readonly line: number;
  readonly form: string;
  readonly text: string;
  readonly expected: ReadonlyArray<{ key: string; form: string }>;
}

/** Forms whose law is written in the reference; the others take it from the context. */
export const CONTEXT_FORMS = new Set(['same-law', 'same-article', 'scope', 'crossref-context']);
/** Forms labelled from the law database's texts rather than written for the set. */
export const DATABASE_FORMS = new Set(['crossref-context']);
export const NO_CITATION_FORMS = new Set(['foreign', 'near-miss']);

/** `民法 184-1.2.3` → the key of a reference: law, article, 項, 款 (the law by its official name). */
export function parseExpected(item: string, index: LawIndex): string {
  const match = /^(.+?)\s+(\d+(?:-\d+)?)(?:\.(\d*))?(?:\.(\d+))?$/.exec(item.trim());
  if (!match) throw new Error(`cannot read the expected citation "${item}"`);
  const pcode = [...index.entries()].find((entry) => entry.name === match[1])?.pcode;
  if (!pcode) throw new Error(`no law named ${match[1]} in the index`);
  return `${pcode} ${match[2]}${match[3] ? `.${match[3]}` : match[4] ? '.' : ''}${match[4] ? `.${match[4]}` : ''}`;
}

export function referenceKey(reference: StatuteReference): string | undefined {
  if (!reference.pcode || !reference.article) return undefined;
  const levels = `${reference.paragraph !== undefined ? `.${reference.paragraph}` : reference.item !== undefined ? '.' : ''}${reference.item !== undefined ? `.${reference.item}` : ''}`;
  return `${reference.pcode} ${articleKey(reference.article)}${levels}`;
}

/** Reads every eval-*.txt of `folder`. */
export function readCases(folder: string, index: LawIndex): EvalCase[] {
  const names = new Map<string, string>();
  for (const entry of index.entries()) names.set(entry.name, entry.pcode);
  const cases: EvalCase[] = [];
  for (const file of readdirSync(folder).filter((name) => /^eval-.*\.txt$/.test(name)).sort()) {
    let form = 'name';
    readFileSync(path.join(folder, file), 'utf8').split('\n').forEach((raw, number) => {
      const line = raw.trimEnd();
      // A comment starts with # and holds no " => " (a case may start with a Markdown heading).
      if (line === '' || (line.startsWith('#') && !line.includes(' => '))) return;
      const header = /^\[([a-z-]+)\]$/.exec(line);
      if (header) {
        form = header[1]!;
        return;
      }
      const arrow = line.lastIndexOf(' => ');
      if (arrow === -1) throw new Error(`${file}:${number + 1}: no " => "`);
      const text = line.slice(0, arrow).replaceAll('\\n', '\n');
      const right = line.slice(arrow + 4).trim();
      const expected = right === '-' ? [] : right.split(' ; ').map((item) => (item.startsWith('+') ? { key: parseExpected(item.slice(1), index), form: 'name' } : { key: parseExpected(item, index), form }));
      cases.push({ file, line: number + 1, form, text, expected });
    });
  }
  return cases;
}

export interface FormScore {
  expected: number;
  found: number;
  /** Found with the right law, article, 項 and 款. */
  correct: number;
  /** References reported in the form's cases that no label holds. */
  wrong: number;
}

export interface EvalResult {
  readonly byForm: Map<string, FormScore>;
  readonly misses: string[];
}

/** Scores the detector on the cases: a reference is right when law, article, 項 and 款 all match a label. */
export function evaluate(cases: readonly EvalCase[], index: LawIndex): EvalResult {
  const byForm = new Map<string, FormScore>();
  const score = (form: string) => {
    let entry = byForm.get(form);
    if (!entry) byForm.set(form, (entry = { expected: 0, found: 0, correct: 0, wrong: 0 }));
    return entry;
  };
  const misses: string[] = [];
  for (const item of cases) {
    const found = findStatuteCitations(item.text, index, parseArticle(item.text).skipped).references.map(referenceKey).filter((key): key is string => key !== undefined);
    const remaining = [...found];
    for (const expected of item.expected) {
      const entry = score(expected.form);
      entry.expected++;
      const at = remaining.indexOf(expected.key);
      if (at !== -1) {
        entry.correct++;
        entry.found++;
        remaining.splice(at, 1);
      } else misses.push(`${item.file}:${item.line} [${item.form}] missed ${expected.key}: ${item.text.replaceAll('\n', '⏎').slice(0, 80)} → ${found.join(', ') || 'nothing'}`);
    }
    for (const extra of remaining) {
      const entry = score(item.form);
      entry.found++;
      entry.wrong++;
      misses.push(`${item.file}:${item.line} [${item.form}] wrong ${extra}: ${item.text.replaceAll('\n', '⏎').slice(0, 80)}`);
    }
    if (item.expected.length === 0) score(item.form);
  }
  return { byForm, misses };
}
