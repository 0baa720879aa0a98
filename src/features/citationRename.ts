import * as vscode from 'vscode';
import { referenceAtOffset } from '../core/article/analysis';
import { positionAt, splitLines } from '../core/article/lines';
import type { CorpusService } from '../core/corpus/corpusService';
import type { CorpusRecord } from '../core/corpus/record';
import { citationKeyRanges, corpusFormat, idValueOnLine, newIdRefusal, writtenId, type RenameRefusal } from '../core/corpus/renameRecord';
import { hasName } from '../core/corpus/addAlias';
import type { ArticleReference } from '../core/article/resolve';
import { planAliasChange, type FileCheck } from '../vscode/aliasWriter';
import type { ArticleAnalyses } from '../vscode/articleAnalyses';
import { corpusReadyFor } from '../vscode/commandContext';
import { toVsRange } from '../vscode/convert';
import { truncate } from '../core/util/text';

export interface CitationRenameDeps {
  readonly corpus: CorpusService;
  readonly analyses: ArticleAnalyses;
  /** The corpus's file check, applied before a mention's rename writes an alias. */
  readonly checkFile: FileCheck;
}

const ARTICLE_GLOB = '**/*.{md,markdown}';
const NOT_ARTICLES = '{**/node_modules/**,**/.git/**}';
const MAX_ARTICLE_BYTES = 5 * 1024 * 1024;

/** Where F2 was pressed: the record and the range of its id there, or a mention of it (a name, not an id). */
interface RenameTarget {
  readonly record: CorpusRecord;
  readonly range: vscode.Range;
  readonly mention?: ArticleReference;
}

/**
 * F2 on a citation key `[@id]` in an article, or on a record's `id` in a corpus file (Markdown front matter,
 * JSON, JSON Lines): the record's id and every key naming it in the workspace's articles change in one
 * workspace edit.
 *
 * A mention is a name, not an id: F2 there changes how this article writes the name — every mention of the
 * record written the same way in the article becomes the new name — and, so that the new name still
 * resolves, adds it to the record's aliases when the record does not know it (and the old name too when it
 * was only matched as a variant: other articles that write it so then match exactly). The alias change is
 * marked as needing confirmation, so VS Code shows it in the refactor preview where it can be unchecked. A new
 * name that is another record's name is not added (the mention then simply refers to that record).
 */
export class CitationRenameProvider implements vscode.RenameProvider {
  constructor(private readonly deps: CitationRenameDeps) {}

  async prepareRename(document: vscode.TextDocument, position: vscode.Position, token: vscode.CancellationToken): Promise<vscode.Range | { range: vscode.Range; placeholder: string } | undefined> {
    if (!(await corpusReadyFor(this.deps.corpus, token))) return undefined;
    await this.deps.analyses.prepare(document);
    if (token.isCancellationRequested) return undefined;
    const target = this.#target(document, position);
    return target.mention ? { range: target.range, placeholder: target.mention.text } : target.range;
  }

  async provideRenameEdits(document: vscode.TextDocument, position: vscode.Position, newName: string, token: vscode.CancellationToken): Promise<vscode.WorkspaceEdit | undefined> {
    if (!(await corpusReadyFor(this.deps.corpus, token))) return undefined;
    await this.deps.analyses.prepare(document);
    if (token.isCancellationRequested) return undefined;
    const { record, mention } = this.#target(document, position);
    if (mention) return this.#renameMention(document, record, mention, newName, token);
    const newId = newName.trim();
    const refusal = newIdRefusal(record, newId, this.deps.corpus.index);
    if (refusal) {
      // Not thrown: VS Code would pass a refused rename on to the next provider (the Markdown extension's
      // rename of link labels), which would then rename `[@id]` as a label. An empty edit ends it here.
      void vscode.window.showErrorMessage(refusalMessage(refusal));
      return new vscode.WorkspaceEdit();
    }
    const edit = new vscode.WorkspaceEdit();
    await this.#renameInCorpusFile(edit, record, newId);
    if (token.isCancellationRequested) return undefined;
    const openDocuments = new Map(vscode.workspace.textDocuments.map((open) => [open.uri.toString(), open]));
    const files = await vscode.workspace.findFiles(ARTICLE_GLOB, NOT_ARTICLES, 5_000, token);
    if (token.isCancellationRequested) return undefined;
    for (const uri of files) {
      // Corpus records in Markdown are records, not articles.
      if (this.deps.corpus.store.hasFile(uri.toString())) continue;
      const open = openDocuments.get(uri.toString());
      const text = open ? open.getText() : await readArticle(uri);
      if (token.isCancellationRequested) return undefined;
      if (text === undefined || !text.includes(`@${record.id}`)) continue;
      const lines = splitLines(text);
      for (const range of citationKeyRanges(text, record.id)) {
        const from = positionAt(lines, range.start);
        const to = positionAt(lines, range.end);
        edit.replace(uri, new vscode.Range(from.line, from.character, to.line, to.character), newId);
      }
    }
    return edit;
  }

  /** The record under the cursor, or an error whose message VS Code shows (why this cannot be renamed). */
  #target(document: vscode.TextDocument, position: vscode.Position): RenameTarget {
    const index = this.deps.corpus.index;
    const offset = document.offsetAt(position);
    if (this.deps.corpus.store.hasFile(document.uri.toString())) {
      const uri = document.uri.toString();
      // F2 is rare: finding the file's record at this line by a pass over the records is fine here.
      for (const record of index.records()) {
        if (record.origin.uri !== uri || record.origin.fieldLines.id !== position.line) continue;
        const format = corpusFormat(uri);
        const value = format ? idValueOnLine(document.lineAt(position.line).text, record.id, format) : undefined;
        if (!format || !value) throw renameError(refusalMessage('not-our-format'));
        const range = new vscode.Range(position.line, value.start, position.line, value.end);
        if (range.contains(position)) return { record, range };
      }
      throw renameError(vscode.l10n.t("Policy Annotator: put the cursor on a record's id to rename it."));
    }
    const article = this.deps.analyses.article(document);
    const key = article.keys.find((candidate) => offset >= candidate.start && offset <= candidate.end);
    if (key) {
      // As the article sees it: a key naming a record of its front matter's bibliography is that record.
      const record = this.deps.analyses.recordOf(document, key.id);
      if (!record) throw renameError(vscode.l10n.t('Policy Annotator: no corpus record has the id "{0}", so there is nothing to rename.', key.id));
      if (record.origin.embedded) throw renameError(refusalMessage('embedded'));
      return { record, range: toVsRange(document, key.start + 1, key.end) };
    }
    const analysis = this.deps.analyses.get(document);
    const reference = referenceAtOffset(analysis.references, offset);
    const mentioned = reference?.kind === 'mention' && reference.id ? analysis.record(reference.id) : undefined;
    if (reference && mentioned) return { record: mentioned, range: toVsRange(document, reference.start, reference.end), mention: reference };
    throw renameError(vscode.l10n.t('Policy Annotator: put the cursor on a citation key [@id] or on a record\'s id in a corpus file to rename it.'));
  }

  /** The mention's rename: the article's mentions written so, and the alias change (to confirm). */
  async #renameMention(document: vscode.TextDocument, record: CorpusRecord, mention: ArticleReference, newName: string, token: vscode.CancellationToken): Promise<vscode.WorkspaceEdit | undefined> {
    const name = newName.trim();
    const edit = new vscode.WorkspaceEdit();
    if (name === '' || /[\r\n]/.test(name)) {
      void vscode.window.showErrorMessage(vscode.l10n.t('Policy Annotator: a name is one line of text.'));
      return edit;
    }
    if (name === mention.text) return edit;
    const analysis = this.deps.analyses.get(document);
    for (const reference of analysis.references) {
      if (reference.kind === 'mention' && reference.id === record.id && reference.text === mention.text) edit.replace(document.uri, toVsRange(document, reference.start, reference.end), name);
    }
    // A record of the article's own bibliography (front matter) is not the corpus's: the alias file does not
    // reach it (the near-miss fixes skip it the same way), so only the mentions change.
    if (this.deps.corpus.index.get(record.id) !== record) return edit;
    const names: string[] = [];
    const otherRecord = this.deps.corpus.index.lookupName(name).some((id) => id !== record.id);
    if (!hasName(record, name) && !otherRecord) names.push(name);
    if (mention.match === 'fuzzy' && !hasName(record, mention.text)) names.push(mention.text);
    if (names.length === 0) return edit;
    const plan = await planAliasChange(record, 'aliases', names, document.uri, this.deps.checkFile);
    if (token.isCancellationRequested) return undefined;
    if (plan.kind === 'error') void vscode.window.showWarningMessage(plan.message);
    if (plan.kind !== 'change') return edit;
    const label =
      names.length === 1
        ? vscode.l10n.t('Add “{0}” as an alias of {1}', truncate(names[0]!, 60), truncate(record.title, 60))
        : vscode.l10n.t('Add “{0}” and “{1}” as aliases of {2}', truncate(names[0]!, 60), truncate(names[1]!, 60), truncate(record.title, 60));
    plan.change.addTo(edit, { needsConfirmation: true, label, description: vscode.workspace.asRelativePath(plan.change.uri) });
    return edit;
  }

  async #renameInCorpusFile(edit: vscode.WorkspaceEdit, record: CorpusRecord, newId: string): Promise<void> {
    const format = corpusFormat(record.origin.uri);
    const line = record.origin.fieldLines.id;
    if (!format || line === undefined) throw renameError(refusalMessage('not-our-format'));
    const uri = vscode.Uri.parse(record.origin.uri);
    const document = await vscode.workspace.openTextDocument(uri);
    const value = line < document.lineCount ? idValueOnLine(document.lineAt(line).text, record.id, format) : undefined;
    if (!value) throw renameError(refusalMessage('id-not-found'));
    edit.replace(uri, new vscode.Range(line, value.start, line, value.end), writtenId(newId, format));
  }
}

/** VS Code shows the message of an error named "Rename" in the rename box (any other error is only logged). */
function renameError(message: string): Error {
  const error = new Error(message);
  error.name = 'Rename';
  return error;
}

async function readArticle(uri: vscode.Uri): Promise<string | undefined> {
  try {
    const bytes = await vscode.workspace.fs.readFile(uri);
    if (bytes.byteLength > MAX_ARTICLE_BYTES || bytes.includes(0)) return undefined;
    return new TextDecoder().decode(bytes);
  } catch {
    return undefined;
  }
}

// The messages name no id: ids come from corpus files (and the new one from the user), and messages never
// quote file content.
function refusalMessage(refusal: RenameRefusal): string {
  switch (refusal) {
    case 'embedded':
      return vscode.l10n.t('Policy Annotator: this is a built-in record; ids of built-in records cannot be renamed.');
    case 'invalid-id':
      return vscode.l10n.t('Policy Annotator: the new id is not valid: use letters, digits and . _ : -, starting with a letter or digit.');
    case 'id-in-use':
      return vscode.l10n.t('Policy Annotator: another record already has the new id.');
    case 'not-our-format':
      return vscode.l10n.t('Policy Annotator: this record comes from a reference library; rename it in that library.');
    case 'id-not-found':
      return vscode.l10n.t('Policy Annotator: the record\'s id was not found in its corpus file (has the file changed?).');
  }
}

export function registerCitationRename(selector: vscode.DocumentSelector, deps: CitationRenameDeps): vscode.Disposable {
  // Corpus files in JSON and JSON Lines as well as Markdown articles and records.
  const selectors = [...(Array.isArray(selector) ? selector : [selector]), { language: 'json' }, { language: 'jsonl' }, { pattern: '**/*.jsonl' }];
  return vscode.languages.registerRenameProvider(selectors, new CitationRenameProvider(deps));
}
