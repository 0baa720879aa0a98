import { readFileSync } from 'node:fs';
import path from 'node:path';

/** One labelled paragraph: its text and the records it mentions, each with the form it is written in. */
export interface MentionCase {
  readonly where: string;
  readonly text: string;
  readonly expected: ReadonlyArray<{ readonly id: string; readonly form: string }>;
  /** "~id": a near miss expected (a hint, no reference). */
  readonly hint?: string;
}

/** Reads `paragraph => id@form ; id@form` lines ("-" for none); # starts a comment line. */
export function readMentionCases(file: string): MentionCase[] {
  const cases: MentionCase[] = [];
  readFileSync(file, 'utf8').split('\n').forEach((raw, number) => {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) return;
    const arrow = line.lastIndexOf(' => ');
    if (arrow === -1) throw new Error(`${path.basename(file)}:${number + 1}: no " => "`);
    const right = line.slice(arrow + 4).trim();
    if (right.startsWith('~')) {
      cases.push({ where: `${path.basename(file)}:${number + 1}`, text: line.slice(0, arrow), expected: [], hint: right.slice(1) });
      return;
    }
    const expected =
      right === '-'
        ? []
        : right.split(' ; ').map((item) => {
            const [id, form] = item.trim().split('@');
            if (!id || !form) throw new Error(`${path.basename(file)}:${number + 1}: "${item}" is not id@form`);
            return { id, form };
          });
    cases.push({ where: `${path.basename(file)}:${number + 1}`, text: line.slice(0, arrow), expected });
  });
  return cases;
}

export interface MentionScore {
  readonly byForm: Map<string, { expected: number; found: number }>;
  readonly expected: number;
  readonly correct: number;
  /** Distinct records reported per paragraph, summed. */
  readonly reported: number;
  readonly problems: string[];
}

/** Scores records per paragraph: an expected record is found when some mention resolves to it. */
export function evaluateMentions(cases: readonly MentionCase[], find: (text: string) => ReadonlyArray<{ readonly id?: string }>): MentionScore {
  const byForm = new Map<string, { expected: number; found: number }>();
  let expected = 0;
  let correct = 0;
  let reported = 0;
  const problems: string[] = [];
  for (const item of cases) {
    const ids = new Set(find(item.text).flatMap((reference) => (reference.id ? [reference.id] : [])));
    const wanted = new Set(item.expected.map((entry) => entry.id));
    reported += ids.size;
    for (const id of ids) if (!wanted.has(id)) problems.push(`${item.where}: wrong record ${id}`);
    for (const entry of item.expected) {
      const score = byForm.get(entry.form) ?? { expected: 0, found: 0 };
      score.expected++;
      expected++;
      if (ids.has(entry.id)) {
        score.found++;
        correct++;
      } else problems.push(`${item.where}: missed ${entry.id} (${entry.form})`);
      byForm.set(entry.form, score);
    }
  }
  return { byForm, expected, correct, reported, problems };
}
