import { isMap, isSeq, LineCounter, parseDocument, type Node } from 'yaml';
import { msg, type Localizable } from '../util/messages';

/** The result of adding a tag to a taxonomy file's text: the new text, nothing to do, or why it cannot be done. */
export type TaxonomyEdit =
  | { readonly kind: 'edited'; readonly text: string }
  | { readonly kind: 'unchanged' }
  | { readonly kind: 'error'; readonly message: Localizable };

const YAML_TEMPLATE = '# Workspace tag taxonomy: extends the built-in one (mode: replace to use only these).\nmode: extend\ntags:\n';

/**
 * Adds `tag` to a workspace taxonomy (`tags:` list) in the file's own format: YAML through yaml's Document
 * API, which keeps comments, key order and block or flow style; JSON edited as JSON text, so a `tags.json`
 * stays JSON and keeps its layout. `text` undefined means the file does not exist yet. Messages never quote
 * the file's content (it is untrusted), only line numbers.
 */
export function addTagToTaxonomy(text: string | undefined, tag: string, fileName: string): TaxonomyEdit {
  const name = tag.trim();
  if (name === '' || name.length > 60) return { kind: 'error', message: msg('A tag is 1 to 60 characters.') };
  const json = /\.json$/i.test(fileName);
  const entry = { tag: name, label: name, synonyms: [] as string[] };
  if (text === undefined || text.trim() === '') {
    return { kind: 'edited', text: json ? `${JSON.stringify({ mode: 'extend', tags: [entry] }, null, 2)}\n` : `${YAML_TEMPLATE}  - ${yamlEntry(entry)}\n` };
  }
  const bom = text.startsWith('\uFEFF') ? '\uFEFF' : '';
  const body = text.slice(bom.length);
  const lineCounter = new LineCounter();
  const document = parseDocument(body, { schema: 'core', uniqueKeys: true, lineCounter, prettyErrors: false });
  if (document.errors.length > 0) {
    const line = lineCounter.linePos(document.errors[0]!.pos[0]).line;
    return { kind: 'error', message: msg('The taxonomy file is not valid {0} at line {1}: fix it first.', json ? 'JSON' : 'YAML', line) };
  }
  const root = document.contents;
  if (!isMap(root)) return { kind: 'error', message: msg('The taxonomy file is not a map with a "tags" list.') };
  const list = root.get('tags', true);
  if (list !== undefined && !isSeq(list)) return { kind: 'error', message: msg('The taxonomy file\'s "tags" is not a list.') };
  if (list && list.items.some((item) => sameTag(item, name))) return { kind: 'unchanged' };

  if (json) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(body);
    } catch (error) {
      // YAML read it, JSON does not (comments, unquoted keys): report where JSON.parse stopped.
      const position = Number(/position (\d+)/.exec(String(error))?.[1] ?? 0);
      const line = body.slice(0, position).split('\n').length;
      return { kind: 'error', message: msg('The taxonomy file is not valid {0} at line {1}: fix it first.', 'JSON', line) };
    }
    return { kind: 'edited', text: bom + addToJson(body, parsed as Record<string, unknown>, list, entry) };
  }
  if (list) list.add(document.createNode(entry));
  else document.set('tags', document.createNode([entry]));
  return { kind: 'edited', text: bom + document.toString() };
}

function yamlEntry(entry: { tag: string; label: string }): string {
  return `tag: ${JSON.stringify(entry.tag)}\n    label: ${JSON.stringify(entry.label)}\n    synonyms: []`;
}

function sameTag(item: unknown, name: string): boolean {
  const value = (item as { toJSON?: () => unknown }).toJSON?.() ?? item;
  const tag = typeof value === 'string' ? value : typeof value === 'object' && value !== null ? (value as { tag?: unknown }).tag : undefined;
  return typeof tag === 'string' && tag.trim().toLowerCase() === name.toLowerCase();
}

/**
 * Inserts the entry as JSON text after the list's last item (or inside an empty list), indented like its
 * neighbours. A file without a "tags" list is written back whole, in the indentation it used: JSON has no
 * comments to lose.
 */
function addToJson(text: string, parsed: Record<string, unknown>, list: Node | undefined, entry: object): string {
  const range = list?.range;
  if (!list || !isSeq(list) || !range) {
    const indent = /\n([ \t]+)"/.exec(text)?.[1] ?? '  ';
    return `${JSON.stringify({ ...parsed, tags: [entry] }, null, indent)}\n`;
  }
  const closing = text.lastIndexOf(']', range[1] - 1);
  const last = list.items[list.items.length - 1] as Node | undefined;
  const lineStart = (offset: number) => text.lastIndexOf('\n', offset - 1) + 1;
  const indentAt = (offset: number) => /^[ \t]*/.exec(text.slice(lineStart(offset)))![0];
  if (!last?.range) {
    const indent = indentAt(closing);
    return `${text.slice(0, closing)}\n${indent}  ${JSON.stringify(entry)}\n${indent}${text.slice(closing)}`;
  }
  const after = last.range[1];
  const multiline = text.slice(range[0], closing).includes('\n');
  const separator = multiline ? `,\n${indentAt(last.range[0])}` : ', ';
  return `${text.slice(0, after)}${separator}${JSON.stringify(entry)}${text.slice(after)}`;
}
