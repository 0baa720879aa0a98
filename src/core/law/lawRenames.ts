import { decodeJson, fileName, type LawProblem } from './lawFiles';
import { PCODE } from './lawTypes';
export type { LawNote } from './lawTypes';

/** renames.json (built by scripts/laws/make-renames.mjs from the database's history): old names of today's laws. */
export interface LawRenames {
  /** A law's former name (性別工作平等法 → N0030014, renamed on 2023-08-16). */
  readonly renamed: ReadonlyArray<{ readonly old: string; readonly pcode: string; readonly date: string }>;
  /** An abolished law replaced by another on the day of its abolition (遺產稅法 → 遺產及贈與稅法). */
  readonly replaced: ReadonlyArray<{ readonly old: string; readonly oldPcode: string; readonly pcode: string; readonly date: string }>;
}

/** Why a name leads to a law other than the one it names literally; shown on the card. */

const DATE = /^\d{8}$/;
const MAX_NAME = 120;

/** Reads renames.json; malformed entries are skipped and reported, never thrown. */
export function parseRenamesJson(uri: string, bytes: Uint8Array): { renames: LawRenames; problems: LawProblem[] } {
  const empty: LawRenames = { renamed: [], replaced: [] };
  const decoded = decodeJson(uri, bytes);
  if ('problem' in decoded) return { renames: empty, problems: [decoded.problem] };
  const value = decoded.value as { renamed?: unknown; replaced?: unknown } | null;
  if (!value || typeof value !== 'object' || !Array.isArray(value.renamed ?? []) || !Array.isArray(value.replaced ?? [])) {
    return { renames: empty, problems: [{ uri, line: 0, message: `${fileName(uri)} must hold an object with "renamed" and "replaced" lists.` }] };
  }
  let skipped = 0;
  const isName = (name: unknown): name is string => typeof name === 'string' && name.trim().length >= 2 && name.length <= MAX_NAME;
  const renamed: Array<LawRenames['renamed'][number]> = [];
  for (const item of (value.renamed ?? []) as unknown[]) {
    const entry = item as Record<string, unknown> | null;
    if (entry && isName(entry.old) && typeof entry.pcode === 'string' && PCODE.test(entry.pcode) && typeof entry.date === 'string' && DATE.test(entry.date)) renamed.push({ old: entry.old.trim(), pcode: entry.pcode, date: entry.date });
    else skipped++;
  }
  const replaced: Array<LawRenames['replaced'][number]> = [];
  for (const item of (value.replaced ?? []) as unknown[]) {
    const entry = item as Record<string, unknown> | null;
    if (entry && isName(entry.old) && typeof entry.pcode === 'string' && PCODE.test(entry.pcode) && typeof entry.oldPcode === 'string' && PCODE.test(entry.oldPcode) && typeof entry.date === 'string' && DATE.test(entry.date)) replaced.push({ old: entry.old.trim(), oldPcode: entry.oldPcode, pcode: entry.pcode, date: entry.date });
    else skipped++;
  }
  const problems: LawProblem[] = skipped > 0 ? [{ uri, line: 0, message: `${fileName(uri)}: ${skipped} malformed entries skipped.` }] : [];
  return { renames: { renamed, replaced }, problems };
}
