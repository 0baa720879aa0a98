import { isMap, isScalar, isSeq, LineCounter, parseDocument } from 'yaml';
import type { CorpusProblem } from '../corpus/problems';
import type { TagDefinition } from './builtinTaxonomy';

/** A workspace taxonomy (`corpus/tags.yaml`): tags that extend the built-in taxonomy, or replace it. */
export interface TaxonomyFile {
  readonly uri: string;
  readonly mode: 'extend' | 'replace';
  readonly tags: readonly TagDefinition[];
}

/** Parses a taxonomy file (YAML, or JSON, which is YAML too). Every problem has its line; good tags are kept. */
export function parseTaxonomyFile(uri: string, text: string): { taxonomy: TaxonomyFile; problems: CorpusProblem[] } {
  const problems: CorpusProblem[] = [];
  const lineCounter = new LineCounter();
  const problem = (offset: number | undefined, severity: CorpusProblem['severity'], code: string, message: string) =>
    problems.push({ uri, line: offset === undefined ? 0 : Math.max(0, lineCounter.linePos(offset).line - 1), severity, code, message });
  const empty = { taxonomy: { uri, mode: 'extend' as const, tags: [] }, problems };
  const document = parseDocument(text.replace(/^\uFEFF/, ''), { schema: 'core', uniqueKeys: true, lineCounter, prettyErrors: false });
  for (const error of document.errors) problem(error.pos[0], 'error', 'taxonomy-syntax', `Taxonomy: ${error.message.split('\n')[0]}`);
  if (document.errors.length > 0) return empty;
  const root = document.contents;
  if (!isMap(root)) {
    problem(0, 'error', 'taxonomy-invalid', 'A taxonomy file is a map with "tags" (a list) and optionally "mode: extend | replace".');
    return empty;
  }
  const modeNode = root.get('mode', true);
  const mode: unknown = modeNode && isScalar(modeNode) ? modeNode.value : undefined;
  if (mode !== undefined && mode !== 'extend' && mode !== 'replace') problem(modeNode?.range?.[0], 'error', 'taxonomy-invalid', `"mode" is extend or replace, not "${String(mode)}"; extend is used.`);
  const list = root.get('tags', true);
  if (!isSeq(list)) {
    problem(list?.range?.[0] ?? 0, 'error', 'taxonomy-invalid', '"tags" must be a list of tags.');
    return { taxonomy: { uri, mode: mode === 'replace' ? 'replace' : 'extend', tags: [] }, problems };
  }
  const tags: TagDefinition[] = [];
  const seen = new Map<string, number>();
  for (const item of list.items) {
    const offset = (item as { range?: [number, number, number] }).range?.[0];
    let raw: unknown;
    try {
      raw = (item as { toJSON(): unknown }).toJSON?.() ?? item;
    } catch {
      problem(offset, 'error', 'taxonomy-invalid', 'This entry could not be read.');
      continue;
    }
    const definition = toDefinition(typeof raw === 'string' ? { tag: raw } : raw);
    if (typeof definition === 'string') {
      problem(offset, 'error', 'taxonomy-invalid', definition);
      continue;
    }
    const key = definition.tag.toLowerCase();
    if (seen.has(key)) {
      problem(offset, 'warning', 'taxonomy-duplicate', `"${definition.tag}" is already defined on line ${seen.get(key)! + 1}; this entry is ignored.`);
      continue;
    }
    seen.set(key, offset === undefined ? 0 : lineCounter.linePos(offset).line - 1);
    tags.push(definition);
  }
  return { taxonomy: { uri, mode: mode === 'replace' ? 'replace' : 'extend', tags }, problems };
}

function toDefinition(raw: unknown): TagDefinition | string {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return 'A tag entry is text or a map with "tag", "label", "description", "synonyms", "broader".';
  const entry = raw as Record<string, unknown>;
  const tag = typeof entry.tag === 'string' || typeof entry.tag === 'number' ? String(entry.tag).trim() : '';
  if (!tag) return 'A tag entry needs "tag".';
  if (tag.length > 60) return `"${tag.slice(0, 30)}…" is longer than 60 characters.`;
  const synonyms = Array.isArray(entry.synonyms) ? entry.synonyms.filter((synonym): synonym is string => typeof synonym === 'string' && synonym.trim() !== '').map((synonym) => synonym.trim()) : [];
  return {
    tag,
    label: typeof entry.label === 'string' && entry.label.trim() ? entry.label.trim() : tag,
    ...(typeof entry.description === 'string' && entry.description.trim() ? { description: entry.description.trim() } : {}),
    synonyms,
    ...(typeof entry.broader === 'string' && entry.broader.trim() ? { broader: entry.broader.trim() } : {}),
  };
}

/** The taxonomy in force: the built-in one, extended (a workspace tag overrides a built-in one) or replaced. */
export function combineTaxonomies(builtin: readonly TagDefinition[], workspace: TaxonomyFile | undefined): TagDefinition[] {
  if (!workspace) return [...builtin];
  if (workspace.mode === 'replace') return [...workspace.tags];
  const own = new Set(workspace.tags.map((definition) => definition.tag));
  return [...builtin.filter((definition) => !own.has(definition.tag)), ...workspace.tags];
}
