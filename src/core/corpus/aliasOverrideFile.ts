import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Node } from 'yaml';
import { MAX_ALIAS_LENGTH } from '../search/aliasMatcher';
import { nameRefusal } from '../search/spoofing';
import { MAX_OVERRIDE_BYTES, type AliasOverride, type AliasOverrides } from './aliasOverrides';
import type { ParsedCorpusFile } from './parseFile';
import type { CorpusProblem } from './problems';

// The alias file's reader (its format: aliasOverrides.ts). Bundled with the fuzzy mention pass
// (src/mentionVariants/), which every session loads on its first analysis, so the startup bundle stays small.

const MAX_OVERRIDE_RECORDS = 5_000;
const MAX_NAMES_PER_LIST = 200;
// The matcher's own bound: a longer name would be accepted and never match.
const MAX_NAME_LENGTH = MAX_ALIAS_LENGTH;
const ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,199}$/;

/** Reads the alias file; never throws. Every problem has its line and quotes nothing of the file. */
export function parseAliasOverrideFile(uri: string, bytes: Uint8Array): { file: ParsedCorpusFile; overrides: AliasOverrides } {
  const problems: CorpusProblem[] = [];
  const problem = (line: number, severity: CorpusProblem['severity'], code: string, message: string) => problems.push({ uri, line, severity, code, message });
  const overrides = new Map<string, AliasOverride>();
  const done = () => ({ file: { uri, records: [], problems: problems.sort((a, b) => a.line - b.line) }, overrides });
  if (bytes.byteLength > MAX_OVERRIDE_BYTES) {
    problem(0, 'error', 'aliases-file-too-large', `The alias file is over ${MAX_OVERRIDE_BYTES / 1024 / 1024} MB; it is not read.`);
    return done();
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    problem(0, 'error', 'aliases-invalid-utf8', 'The alias file is not valid UTF-8; it is not read.');
    return done();
  }
  const lineCounter = new LineCounter();
  const document = parseDocument(text, { schema: 'core', uniqueKeys: true, lineCounter, prettyErrors: false });
  const lineOf = (node: { range?: [number, number, number] | null } | null | undefined) => (node?.range ? lineCounter.linePos(node.range[0]).line - 1 : 0);
  if (document.errors.length > 0) {
    problem(lineCounter.linePos(document.errors[0]!.pos[0]).line - 1, 'error', 'aliases-yaml-syntax', 'The alias file is not valid YAML here; it is not read until this is fixed.');
    return done();
  }
  const root = document.contents;
  if (root === null || (isScalar(root) && root.value === null)) return done();
  const records = isMap(root) ? root.get('records', true) : undefined;
  if (!isMap(root) || (records !== undefined && records !== null && !isMap(records))) {
    problem(lineOf(root), 'error', 'aliases-invalid', 'The alias file must be a map with a "records" map (record id → aliases and ignore lists); it is not read.');
    return done();
  }
  for (const item of root.items) {
    if (!isScalar(item.key) || item.key.value !== 'records') problem(lineOf(item.key as Node), 'warning', 'aliases-unknown-key', 'Only "records" is read in the alias file; this key is ignored.');
  }
  if (!records) return done();
  for (const entry of records.items) {
    const keyNode = entry.key as Node | null;
    const id = isScalar(keyNode) ? String(keyNode.value) : '';
    const line = lineOf(keyNode);
    if (!ID_PATTERN.test(id)) {
      problem(line, 'warning', 'aliases-invalid-id', 'This is not a valid record id (letters, digits, . _ : -); the entry is ignored.');
      continue;
    }
    if (overrides.size >= MAX_OVERRIDE_RECORDS) {
      problem(line, 'warning', 'aliases-too-many', `The alias file lists more than ${MAX_OVERRIDE_RECORDS} records; the rest are ignored.`);
      break;
    }
    const value = entry.value as Node | null;
    if (!isMap(value)) {
      problem(line, 'warning', 'aliases-invalid', 'A record entry must be a map with "aliases" and/or "ignore" lists; it is ignored.');
      continue;
    }
    const lists: { aliases: string[]; ignore: string[] } = { aliases: [], ignore: [] };
    for (const field of value.items) {
      const name = isScalar(field.key) ? String(field.key.value) : '';
      const fieldLine = lineOf(field.key as Node);
      if (name !== 'aliases' && name !== 'ignore') {
        problem(fieldLine, 'warning', 'aliases-unknown-key', 'Only "aliases" and "ignore" are read for a record; this key is ignored.');
        continue;
      }
      lists[name] = readNames(field.value as Node | null, name, fieldLine, lineOf, problem);
    }
    overrides.set(id, lists);
  }
  return done();
}

function readNames(node: Node | null, field: string, line: number, lineOf: (node: Node) => number, problem: (line: number, severity: CorpusProblem['severity'], code: string, message: string) => void): string[] {
  const items = isSeq(node) ? node.items : isScalar(node) && node.value !== null ? [node] : [];
  if (!isSeq(node) && !(isScalar(node) && typeof node.value === 'string') && !(isScalar(node) && node.value === null)) {
    problem(line, 'warning', 'aliases-invalid', `"${field}" must be a list of names; it is ignored.`);
    return [];
  }
  const names: string[] = [];
  for (const item of items) {
    const itemLine = lineOf(item as Node) || line;
    if (!isScalar(item) || (typeof item.value !== 'string' && typeof item.value !== 'number')) {
      problem(itemLine, 'warning', 'aliases-invalid', `An entry of "${field}" is not a name; it is ignored.`);
      continue;
    }
    const name = String(item.value).trim();
    if (name.length === 0 || name.length > MAX_NAME_LENGTH) {
      problem(itemLine, 'warning', 'aliases-invalid-name', `A name must have 1 to ${MAX_NAME_LENGTH} characters; this one is ignored.`);
      continue;
    }
    if (field === 'aliases' && nameRefusal(name)) {
      problem(itemLine, 'warning', 'corpus-name-spoofing', 'This name has one character or uses compatibility characters that would match different everyday text; it is not matched in articles.');
      continue;
    }
    if (names.length >= MAX_NAMES_PER_LIST) {
      problem(itemLine, 'warning', 'aliases-too-many', `A record lists more than ${MAX_NAMES_PER_LIST} names in "${field}"; the rest are ignored.`);
      break;
    }
    if (!names.includes(name)) names.push(name);
  }
  return names;
}
