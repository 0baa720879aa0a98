import * as vscode from 'vscode';
import { addAliasToRecordText, addToAliasOverrideText, aliasTarget } from '../core/corpus/addAlias';
import { MAX_OVERRIDE_BYTES } from '../core/corpus/aliasOverrides';
import type { CorpusService } from '../core/corpus/corpusService';
import type { CorpusRecord } from '../core/corpus/record';
import { aliasOverrideUri } from './workspaceCorpus';
import { localized } from './l10n';
import { positionAt, splitLines } from '../core/article/lines';
import { editBetween } from '../core/util/text';

/** How the writer checks a file before writing it: the corpus's rule (no symbolic link, nothing outside the workspace). */
export type FileCheck = (uri: string) => Promise<{ readonly size: number; readonly refused?: string } | undefined>;

/** One change of a corpus file or of the alias file, to put into a WorkspaceEdit. */
export interface AliasChange {
  readonly uri: vscode.Uri;
  /** Adds the change to `edit` (with `metadata`: VS Code's refactor preview shows it for confirmation). */
  addTo(edit: vscode.WorkspaceEdit, metadata?: vscode.WorkspaceEditEntryMetadata): void;
}

export type AliasPlan = { readonly kind: 'change'; readonly change: AliasChange } | { readonly kind: 'unchanged' } | { readonly kind: 'error'; readonly message: string };

const MAX_RECORD_FILE_BYTES = 20 * 1024 * 1024;

/**
 * Plans writing `name` into a record's `aliases` (or, for `ignore`, into the alias file's ignore list): the
 * record's own file when it is one of ours in the workspace (edited in place, in its own style), else the
 * alias file of the workspace folder holding `article` (src/core/corpus/aliasOverrides.ts). The text is read
 * from the editor when the file has unsaved changes there, so they are kept.
 */
export async function planAliasChange(record: CorpusRecord, field: 'aliases' | 'ignore', names: readonly string[], article: vscode.Uri, check: FileCheck): Promise<AliasPlan> {
  const target = field === 'aliases' ? aliasTarget(record) : 'override';
  if (target !== 'override') {
    const uri = vscode.Uri.parse(record.origin.uri);
    const text = await currentText(uri, check, MAX_RECORD_FILE_BYTES);
    if (typeof text !== 'string') return text ?? { kind: 'error', message: vscode.l10n.t('Policy Annotator: the record\'s file could not be read.') };
    let edited = text;
    for (const name of names) {
      const result = addAliasToRecordText(edited, target, record, name);
      if (result.kind === 'error') return { kind: 'error', message: localized(result.message, '') };
      if (result.kind === 'edits') for (const change of [...result.edits].sort((a, b) => b.start - a.start)) edited = edited.slice(0, change.start) + change.newText + edited.slice(change.end);
    }
    return replacement(uri, text, edited);
  }
  const folder = vscode.workspace.getWorkspaceFolder(article) ?? vscode.workspace.workspaceFolders?.[0];
  if (!folder) return { kind: 'error', message: vscode.l10n.t('Policy Annotator: open a workspace folder; the alias file is kept at its root.') };
  const uri = aliasOverrideUri(folder);
  const text = await currentText(uri, check, MAX_OVERRIDE_BYTES);
  if (text !== undefined && typeof text !== 'string') return text;
  let edited = text;
  for (const name of names) {
    const result = addToAliasOverrideText(edited, record.id, field, name);
    if (result.kind === 'error') return { kind: 'error', message: localized(result.message, '') };
    if (result.kind === 'edited') edited = result.text;
  }
  if (edited === undefined || edited === text) return { kind: 'unchanged' };
  if (text !== undefined) return replacement(uri, text, edited);
  const contents = new TextEncoder().encode(edited);
  return { kind: 'change', change: { uri, addTo: (edit, metadata) => edit.createFile(uri, { contents, overwrite: false }, metadata) } };
}

/** The change from `before` to `after` as one replacement of the part between their common start and end. */
function replacement(uri: vscode.Uri, before: string, after: string): AliasPlan {
  if (before === after) return { kind: 'unchanged' };
  const { prefix, suffix } = editBetween(before, after);
  let start = prefix;
  const end = suffix;
  // Never split a surrogate pair or a CRLF.
  while (start > 0 && (/[\uDC00-\uDFFF\n]/.test(before[start] ?? '') || before[start - 1] === '\r')) start--;
  const lines = splitLines(before);
  const at = (offset: number) => {
    const { line, character } = positionAt(lines, offset);
    return new vscode.Position(line, character);
  };
  const range = new vscode.Range(at(start), at(before.length - end));
  const newText = after.slice(start, after.length - end);
  return { kind: 'change', change: { uri, addTo: (edit, metadata) => edit.replace(uri, range, newText, metadata) } };
}

/**
 * Applies a planned change at once (a quick fix): the edit, then a save of the file (when it had no unsaved
 * changes of the writer's), and the corpus re-reads it, so the article's mentions resolve before this returns.
 */
export async function applyAliasChange(corpus: CorpusService, change: AliasChange): Promise<boolean> {
  const open = vscode.workspace.textDocuments.find((document) => document.uri.toString() === change.uri.toString());
  const wasDirty = open?.isDirty ?? false;
  const edit = new vscode.WorkspaceEdit();
  change.addTo(edit);
  if (!(await vscode.workspace.applyEdit(edit))) return false;
  const document = await vscode.workspace.openTextDocument(change.uri);
  if (!wasDirty && document.isDirty) await document.save();
  corpus.fileChanged(change.uri.toString());
  await corpus.whenIdle();
  return true;
}

/** The file's text (the editor's if open), undefined when it does not exist, or why it cannot be written. */
async function currentText(uri: vscode.Uri, check: FileCheck, maxBytes: number): Promise<string | undefined | { kind: 'error'; message: string }> {
  const stat = await check(uri.toString()).catch(() => undefined);
  if (stat?.refused) return { kind: 'error', message: vscode.l10n.t('Policy Annotator: the file is a symbolic link or lies outside the workspace; it is not written.') };
  // Unsaved edits of the writer's are kept; a document that is only open (maybe of a file deleted since) is not the file.
  const open = vscode.workspace.textDocuments.find((document) => document.uri.toString() === uri.toString());
  if (open?.isDirty) return open.getText();
  if (!stat) return undefined;
  if (stat.size > maxBytes) return { kind: 'error', message: vscode.l10n.t('Policy Annotator: the file is too large to edit here.') };
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(await vscode.workspace.fs.readFile(uri));
  } catch {
    return { kind: 'error', message: vscode.l10n.t('Policy Annotator: the file could not be read as UTF-8 text; it is not written.') };
  }
}

