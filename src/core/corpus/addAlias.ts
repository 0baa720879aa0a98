// jsonc-parser's default entry is a UMD build esbuild cannot follow (it requires files by computed names); the ES module build bundles.
import { findNodeAtLocation, parseTree, type Node as JsonNode } from 'jsonc-parser/lib/esm/main.js';
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Node as YamlNode, type Pair } from 'yaml';
import { normalizeKey } from '../search/normalize';
import { MAX_ALIAS_LENGTH } from '../search/aliasMatcher';
import { nameRefusal } from '../search/spoofing';
import { msg, type Localizable } from '../util/messages';
import { ALIAS_OVERRIDE_PATH } from './aliasOverrides';
import type { CorpusRecord } from './record';

/** A replacement of [start, end) of a file's text (UTF-16 offsets). */
export interface FileEdit {
  readonly start: number;
  readonly end: number;
  readonly newText: string;
}

export type AliasEdit =
  | { readonly kind: 'edits'; readonly edits: readonly FileEdit[] }
  | { readonly kind: 'unchanged' }
  | { readonly kind: 'error'; readonly message: Localizable };

/** Where a record's new alias is written: its own file (our formats), or the workspace's alias file. */
export type AliasTarget = 'markdown' | 'json' | 'jsonl' | 'override';


/** Why a name cannot become an alias, or undefined. */
export function aliasRefusal(alias: string): Localizable | undefined {
  const name = alias.trim();
  if (name.length === 0 || name.length > MAX_ALIAS_LENGTH || /[\r\n]/.test(name)) return msg('An alias is one line of 1 to {0} characters.', MAX_ALIAS_LENGTH);
  if (nameRefusal(name)) return msg('This name has one character or uses compatibility characters; it would match different everyday text, so it is not added.');
  return undefined;
}

/**
 * Where to write an alias of `record`: a workspace record in Markdown with front matter, JSON or JSON Lines
 * is edited in place; a built-in record or one from a reference library (.bib, CSL-JSON, RIS: a Zotero
 * export would overwrite an edit at its next export) gets the alias in the workspace's alias file.
 */
export function aliasTarget(record: CorpusRecord): AliasTarget {
  if (record.origin.embedded || record.imported) return 'override';
  const path = record.origin.uri.split(/[?#]/)[0]!.toLowerCase();
  if (path.endsWith('.md') || path.endsWith('.markdown')) return 'markdown';
  if (path.endsWith('.jsonl') || path.endsWith('.ndjson')) return 'jsonl';
  if (path.endsWith('.json')) return 'json';
  return 'override';
}

/** Whether the record already has this name (as its title or an alias, after normalisation). */
export function hasName(record: CorpusRecord, alias: string): boolean {
  const key = normalizeKey(alias);
  return [record.title, record.originalTitle, ...record.aliases].some((name) => name !== undefined && normalizeKey(name) === key);
}

/**
 * Adds `alias` to the record in its own file's text, keeping the file's style: only the aliases list is
 * touched (a new item in the list's own layout, or a new `aliases` field next to the title). The text is
 * untrusted: messages give lines, never content.
 */
export function addAliasToRecordText(text: string, format: Exclude<AliasTarget, 'override'>, record: CorpusRecord, alias: string): AliasEdit {
  const name = alias.trim();
  const refusal = aliasRefusal(name);
  if (refusal) return { kind: 'error', message: refusal };
  if (format === 'markdown') return addToFrontMatter(text, record, name);
  if (format === 'jsonl') {
    const lineStart = nthLineStart(text, record.origin.line);
    if (lineStart === undefined) return changed();
    const lineEnd = text.indexOf('\n', lineStart);
    const lineText = text.slice(lineStart, lineEnd === -1 ? text.length : lineEnd).replace(/\r$/, '');
    const object = parseTree(lineText);
    if (!object || object.type !== 'object' || propertyValue(object, 'id') !== record.id) return changed();
    return addToJsonObject(text, lineStart, object, name, lineText);
  }
  const root = parseTree(text, [], { disallowComments: false, allowTrailingComma: true });
  if (!root) return { kind: 'error', message: msg('The record\'s file is not valid JSON: fix it first.') };
  const object = findJsonRecord(root, record, text);
  if (!object) return changed();
  return addToJsonObject(text, 0, object, name, text);
}

function changed(): AliasEdit {
  return { kind: 'error', message: msg('The record was not found in its file (has the file changed?).') };
}

function addToFrontMatter(text: string, record: CorpusRecord, name: string): AliasEdit {
  const opening = /^(?:\uFEFF)?---[^\r\n]*\r?\n/.exec(text);
  if (!opening) return changed();
  const rest = text.slice(opening[0].length);
  const closing = /^(?:---|\.\.\.)[ \t]*$/m.exec(rest);
  if (!closing) return changed();
  const base = opening[0].length;
  const yamlText = rest.slice(0, closing.index);
  const eol = /\r\n/.test(text) ? '\r\n' : '\n';
  const lineCounter = new LineCounter();
  const document = parseDocument(yamlText, { schema: 'core', uniqueKeys: true, lineCounter, prettyErrors: false });
  if (document.errors.length > 0) return { kind: 'error', message: msg('The record\'s front matter is not valid YAML at line {0}: fix it first.', lineCounter.linePos(document.errors[0]!.pos[0]).line + 1) };
  const root = document.contents;
  const idNode = isMap(root) ? root.get('id', true) : undefined;
  if (!isMap(root) || !isScalar(idNode) || String(idNode.value) !== record.id) return changed();
  const pair = root.items.find((item) => isScalar(item.key) && item.key.value === 'aliases') as Pair<YamlNode, YamlNode | null> | undefined;
  const value = pair?.value;
  if (!pair || value === null || value === undefined || (isScalar(value) && value.value === null)) {
    // A new field after the title (or at the end of the front matter), in block style.
    const title = root.items.find((item) => isScalar(item.key) && item.key.value === 'title');
    const anchor = pair ?? title;
    const indent = anchor?.key && (anchor.key as YamlNode).range ? columnOf(yamlText, (anchor.key as YamlNode).range![0]) : '';
    const list = `${indent}aliases:${eol}${indent}  - ${yamlScalar(name)}${eol}`;
    if (pair) {
      const start = lineStartOf(yamlText, (pair.key as YamlNode).range![0]);
      const end = nextLineStart(yamlText, (pair.key as YamlNode).range![1]);
      return { kind: 'edits', edits: [{ start: base + start, end: base + end, newText: list }] };
    }
    const at = title && (title.value as YamlNode | null)?.range ? nextLineStart(yamlText, (title.value as YamlNode).range![1]) : yamlText.length;
    return { kind: 'edits', edits: [{ start: base + at, end: base + at, newText: list }] };
  }
  if (isScalar(value)) {
    // `aliases: one name` becomes a flow list keeping the name as written.
    const [start, end] = value.range!;
    return { kind: 'edits', edits: [{ start: base + start, end: base + end, newText: `[${yamlText.slice(start, end)}, ${yamlScalar(name)}]` }] };
  }
  if (!isSeq(value)) return { kind: 'error', message: msg('The record\'s aliases are not a list (line {0}): fix them first.', lineCounter.linePos(value.range?.[0] ?? 0).line + 1) };
  if (value.items.some((item) => isScalar(item) && typeof item.value === 'string' && normalizeKey(item.value) === normalizeKey(name))) return { kind: 'unchanged' };
  const [start, , nodeEnd] = value.range!;
  if (value.flow) {
    const close = yamlText.lastIndexOf(']', nodeEnd - 1);
    const empty = value.items.length === 0;
    return { kind: 'edits', edits: [{ start: base + close, end: base + close, newText: `${empty ? '' : ', '}${yamlScalar(name)}` }] };
  }
  // Block list: a new item after the last one, with the first item's indentation.
  const last = value.items[value.items.length - 1] as YamlNode;
  const indent = columnOf(yamlText, start);
  const at = nextLineStart(yamlText, last.range![1]);
  const before = at === yamlText.length && !yamlText.endsWith('\n') ? eol : '';
  return { kind: 'edits', edits: [{ start: base + at, end: base + at, newText: `${before}${indent}- ${yamlScalar(name)}${eol}` }] };
}

/** A name as a YAML scalar: plain where that reads back as the same string, else double-quoted (JSON escapes are YAML's). */
export function yamlScalar(name: string): string {
  const plain = /^[^\s\-?:,[\]{}#&*!|>'"%@`][^:#,[\]{}]*$/.test(name) && !/\s$/.test(name) && !/^(?:true|false|null|~|yes|no|on|off|[-+]?[\d.]+(?:e[-+]?\d+)?|0x[\da-f]+|0o[0-7]+|\.inf|\.nan)$/i.test(name);
  return plain ? name : JSON.stringify(name);
}

/** Adds the alias to a JSON object's `aliases` array (or a new `aliases` field after the title or id), keeping its layout. */
function addToJsonObject(text: string, base: number, object: JsonNode, name: string, local: string): AliasEdit {
  const properties = object.children ?? [];
  const aliases = properties.find((property) => property.children?.[0]?.value === 'aliases');
  const encoded = JSON.stringify(name);
  const style = jsonStyle(local, properties);
  if (aliases) {
    const list = aliases.children?.[1];
    if (!list || list.type !== 'array') return { kind: 'error', message: msg('The record\'s aliases are not a list (line {0}): fix them first.', lineNumber(text, base + (list?.offset ?? aliases.offset))) };
    const items = list.children ?? [];
    if (items.some((item) => typeof item.value === 'string' && normalizeKey(item.value) === normalizeKey(name))) return { kind: 'unchanged' };
    const last = items[items.length - 1];
    if (!last) return { kind: 'edits', edits: [{ start: base + list.offset + 1, end: base + list.offset + 1, newText: encoded }] };
    const afterLast = last.offset + last.length;
    // A list written one item per line gets one more line; a list on one line stays on one line, spaced as it is.
    const multiline = local.slice(list.offset, afterLast).includes('\n');
    const itemComma = items.length > 1 ? local.slice(items[0]!.offset + items[0]!.length, items[1]!.offset) : style.comma;
    const separator = multiline ? `,${eolOf(text)}${columnOf(local, last.offset)}` : itemComma.includes('\n') ? style.comma : itemComma;
    return { kind: 'edits', edits: [{ start: base + afterLast, end: base + afterLast, newText: `${separator}${encoded}` }] };
  }
  const field = `"aliases"${style.colon}[${encoded}]`;
  const anchor = properties.find((property) => property.children?.[0]?.value === 'title') ?? properties.find((property) => property.children?.[0]?.value === 'id') ?? properties[properties.length - 1];
  if (!anchor) return { kind: 'edits', edits: [{ start: base + object.offset + 1, end: base + object.offset + 1, newText: field }] };
  const afterAnchor = anchor.offset + anchor.length;
  const multiline = local.slice(object.offset, object.offset + object.length).includes('\n');
  const separator = multiline ? `,${eolOf(text)}${columnOf(local, anchor.offset)}` : style.comma;
  // The new field follows the anchor with its own comma before it: `"title": "…", "aliases": […], "next": …`.
  return { kind: 'edits', edits: [{ start: base + afterAnchor, end: base + afterAnchor, newText: `${separator}${field}` }] };
}

/** How the object spaces its commas and colons (`, ` or `,`; `: ` or `:`), read from its first properties. */
function jsonStyle(local: string, properties: readonly JsonNode[]): { comma: string; colon: string } {
  const first = properties[0];
  const second = properties[1];
  const between = first && second ? local.slice(first.offset + first.length, second.offset) : ', ';
  const key = first?.children?.[0];
  const value = first?.children?.[1];
  const colon = key && value ? local.slice(key.offset + key.length, value.offset) : ': ';
  return { comma: between.includes('\n') || !between.includes(',') ? ', ' : between, colon: colon.includes('\n') || !colon.includes(':') ? ': ' : colon };
}

/** The object of the record in a JSON file: a top-level object, or an item of the top-level or `records` array, with the record's id, nearest its line. */
function findJsonRecord(root: JsonNode, record: CorpusRecord, text: string): JsonNode | undefined {
  const container = root.type === 'array' ? root : root.type === 'object' ? (findNodeAtLocation(root, ['records']) ?? root) : undefined;
  if (!container) return undefined;
  const candidates = container.type === 'array' ? (container.children ?? []) : [container];
  const matching = candidates.filter((node) => node.type === 'object' && propertyValue(node, 'id') === record.id);
  return matching.find((node) => lineNumber(text, node.offset) - 1 === record.origin.line) ?? matching[0];
}

function propertyValue(object: JsonNode, key: string): unknown {
  return object.children?.find((property) => property.children?.[0]?.value === key)?.children?.[1]?.value;
}

function nthLineStart(text: string, line: number): number | undefined {
  let offset = 0;
  for (let current = 0; current < line; current++) {
    const next = text.indexOf('\n', offset);
    if (next === -1) return undefined;
    offset = next + 1;
  }
  return offset;
}

function lineStartOf(text: string, offset: number): number {
  return text.lastIndexOf('\n', offset - 1) + 1;
}

function nextLineStart(text: string, offset: number): number {
  const newline = text.indexOf('\n', offset);
  return newline === -1 ? text.length : newline + 1;
}

/** The whitespace from the line's start to `offset` (the indentation of what stands there). */
function columnOf(text: string, offset: number): string {
  const start = lineStartOf(text, offset);
  return /^[ \t]*/.exec(text.slice(start, offset))![0];
}

function lineNumber(text: string, offset: number): number {
  let line = 1;
  for (let index = text.indexOf('\n'); index !== -1 && index < offset; index = text.indexOf('\n', index + 1)) line++;
  return line;
}

function eolOf(text: string): string {
  return /\r\n/.test(text) ? '\r\n' : '\n';
}

/** Header of a new alias file. */
const OVERRIDE_HEADER = `# Policy Annotator: names added to records whose own file this workspace does not edit (built-in records,
# reference libraries), and near misses that are not the record ("ignore"). See the README, "Adding aliases".
records:
`;

/**
 * The alias file's text with `name` added to the record's `aliases` or `ignore` list (`text` undefined: a new
 * file). Through yaml's Document API, so comments and the order of entries are kept.
 */
export function addToAliasOverrideText(text: string | undefined, id: string, field: 'aliases' | 'ignore', name: string): { kind: 'edited'; text: string } | { kind: 'unchanged' } | { kind: 'error'; message: Localizable } {
  const trimmed = name.trim();
  if (field === 'aliases') {
    const refusal = aliasRefusal(trimmed);
    if (refusal) return { kind: 'error', message: refusal };
  } else if (trimmed.length === 0 || trimmed.length > MAX_ALIAS_LENGTH || /[\r\n]/.test(trimmed)) return { kind: 'error', message: msg('An alias is one line of 1 to {0} characters.', MAX_ALIAS_LENGTH) };
  const source = text === undefined || text.trim() === '' ? OVERRIDE_HEADER : text;
  const bom = source.startsWith('\uFEFF') ? '\uFEFF' : '';
  const lineCounter = new LineCounter();
  const document = parseDocument(source.slice(bom.length), { schema: 'core', uniqueKeys: true, lineCounter, prettyErrors: false });
  if (document.errors.length > 0) return { kind: 'error', message: msg('{0} is not valid YAML at line {1}: fix it first.', ALIAS_OVERRIDE_PATH, lineCounter.linePos(document.errors[0]!.pos[0]).line) };
  const empty = (node: unknown) => node === undefined || node === null || (isScalar(node) && node.value === null);
  // A file of comments only: the records map is added below them.
  if (empty(document.contents)) return addToAliasOverrideText(`${source}${source.endsWith('\n') || source === '' ? '' : '\n'}records:\n`, id, field, trimmed);
  const notMap = () => ({ kind: 'error' as const, message: msg('{0} must be a map with a "records" map (record id → aliases and ignore lists): fix it first.', ALIAS_OVERRIDE_PATH) });
  if (!isMap(document.contents)) return notMap();
  const records = document.getIn(['records'], true);
  if (empty(records)) {
    document.setIn(['records'], document.createNode({ [id]: { [field]: [trimmed] } }));
    return { kind: 'edited', text: bom + document.toString({ lineWidth: 0 }) };
  }
  if (!isMap(records)) return notMap();
  const entry = document.getIn(['records', id], true);
  if (empty(entry)) {
    document.setIn(['records', id], document.createNode({ [field]: [trimmed] }));
    return { kind: 'edited', text: bom + document.toString({ lineWidth: 0 }) };
  }
  if (!isMap(entry)) return notMap();
  const list = document.getIn(['records', id, field], true);
  if (empty(list)) {
    document.setIn(['records', id, field], document.createNode([trimmed]));
    return { kind: 'edited', text: bom + document.toString({ lineWidth: 0 }) };
  }
  if (!isSeq(list)) return { kind: 'error', message: msg('{0}: a record\'s "{1}" is not a list: fix it first.', ALIAS_OVERRIDE_PATH, field) };
  if (list.items.some((item) => isScalar(item) && normalizeKey(String(item.value)) === normalizeKey(trimmed))) return { kind: 'unchanged' };
  list.add(document.createNode(trimmed));
  return { kind: 'edited', text: bom + document.toString({ lineWidth: 0 }) };
}
