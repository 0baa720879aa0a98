import { normalizeKey } from '../search/normalize';
import type { ParsedCorpusFile } from './parseFile';
import type { CorpusRecord } from './record';

/**
 * The workspace's alias override file, `.policy-annotator/aliases.yaml` at a workspace folder's (the
 * repository's) root: names added to records whose own file the workspace cannot edit (built-in records,
 * records of a reference library such as a Zotero export, which the next export would overwrite) and near
 * misses the writer said are not the record. The extension and the CLI both read it, so editor and CI agree.
 *
 * ```yaml
 * records:
 *   bletchley-declaration-2023:
 *     aliases: [布萊切利 AI 宣言]
 *     ignore: [布萊切利公園導覽手冊]
 * ```
 * The file comes with a cloned repository: it is validated, capped, and every problem is reported with its
 * line, never quoting the file.
 */
export const ALIAS_OVERRIDE_FOLDER = '.policy-annotator';
export const ALIAS_OVERRIDE_NAME = 'aliases.yaml';
export const ALIAS_OVERRIDE_PATH = `${ALIAS_OVERRIDE_FOLDER}/${ALIAS_OVERRIDE_NAME}`;

/** A file from a repository must not make the index grow without bound (the other caps: aliasOverrideFile.ts). */
export const MAX_OVERRIDE_BYTES = 1024 * 1024;

/** What the file says of one record. */
export interface AliasOverride {
  readonly aliases: readonly string[];
  /** Names (as written) that are not this record: no "possibly …" hint for them. */
  readonly ignore: readonly string[];
}

export type AliasOverrides = ReadonlyMap<string, AliasOverride>;

/**
 * Reads an alias file: its problems go with a ParsedCorpusFile of no records, so they show as the corpus
 * files' do. The reader (aliasOverrideFile.ts) is loaded with the fuzzy mention pass, out of the startup bundle.
 */
export type AliasFileReader = (uri: string, bytes: Uint8Array) => { readonly file: ParsedCorpusFile; readonly overrides: AliasOverrides };

export function isAliasOverrideFile(uri: string): boolean {
  return uri.split(/[?#]/)[0]!.endsWith(`/${ALIAS_OVERRIDE_PATH}`);
}

/**
 * The record as the workspace sees it: its aliases plus the file's, and the names to ignore as near misses
 * (normalised, as the check compares them). The record itself is never changed.
 */
export function withOverride(record: CorpusRecord, override: AliasOverride): CorpusRecord {
  const added = override.aliases.filter((alias) => !record.aliases.includes(alias) && alias !== record.title);
  const ignored = override.ignore.map(normalizeKey);
  return {
    ...record,
    ...(added.length > 0 ? { aliases: [...record.aliases, ...added] } : {}),
    ...(ignored.length > 0 ? { ignoredNearMisses: [...(record.ignoredNearMisses ?? []), ...ignored] } : {}),
  };
}

/** Merges the override files of several workspace folders (later files add to earlier ones). */
export function mergeOverrides(files: Iterable<AliasOverrides>): Map<string, AliasOverride> {
  const merged = new Map<string, AliasOverride>();
  for (const file of files) {
    for (const [id, entry] of file) {
      const before = merged.get(id);
      merged.set(id, before ? { aliases: [...new Set([...before.aliases, ...entry.aliases])], ignore: [...new Set([...before.ignore, ...entry.ignore])] } : entry);
    }
  }
  return merged;
}
