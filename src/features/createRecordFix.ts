import * as vscode from 'vscode';
import type { Article } from '../core/article/article';
import type { ArticleDiagnostic } from '../core/article/checks';
import type { CorpusService } from '../core/corpus/corpusService';
import { draftFromCitation, draftFromLinkText, draftJsonLine, draftMarkdown, type RecordDraft } from '../core/corpus/recordDraft';
import type { ArticleAnalyses } from '../vscode/articleAnalyses';
import { corpusReadyFor } from '../vscode/commandContext';
import { RECORD_DRAFT_COMMANDS } from '../vscode/commandIds';
import { toVsDiagnostics } from '../vscode/diagnostics';
import type { Settings } from '../vscode/settings';

export interface CreateRecordDeps {
  readonly corpus: CorpusService;
  readonly analyses: ArticleAnalyses;
  readonly settings: Settings;
}

/** Where the command writes: a new Markdown record file, or a line appended to a JSON Lines file. */
export type DraftDestination = { readonly kind: 'markdown' } | { readonly kind: 'jsonl'; readonly uri: string };

/**
 * "Create corpus record…" on an unresolved citation line and on an unresolved placeholder link: a record
 * filled from what the line says, written to the corpus and opened; the corpus watcher indexes it, so the
 * reference resolves at once.
 */
export class CreateRecordFixProvider implements vscode.CodeActionProvider {
  static readonly kinds = [vscode.CodeActionKind.QuickFix];

  constructor(private readonly deps: CreateRecordDeps) {}

  async provideCodeActions(document: vscode.TextDocument, range: vscode.Range | vscode.Selection, _context: vscode.CodeActionContext, token: vscode.CancellationToken): Promise<vscode.CodeAction[]> {
    if (!(await corpusReadyFor(this.deps.corpus, token))) return [];
    const analysis = this.deps.analyses.get(document);
    const actions: vscode.CodeAction[] = [];
    for (const diagnostic of analysis.diagnostics) {
      if (!isUnresolved(diagnostic)) continue;
      const start = document.positionAt(diagnostic.start);
      const end = document.positionAt(diagnostic.end);
      if (!new vscode.Range(start, end).intersection(range)) continue;
      const draft = draftFor(analysis.article, diagnostic, this.deps.corpus);
      if (!draft) continue;
      const action = new vscode.CodeAction(vscode.l10n.t('Create corpus record…'), vscode.CodeActionKind.QuickFix);
      action.command = { command: RECORD_DRAFT_COMMANDS.create, title: action.title, arguments: [draft] };
      action.diagnostics = toVsDiagnostics(document, [diagnostic], this.deps.settings);
      actions.push(action);
    }
    return actions;
  }
}

/** An unresolved citation line, or a placeholder link no record gives a URL for (such a link has no fix). */
function isUnresolved(diagnostic: ArticleDiagnostic): boolean {
  return diagnostic.code === 'unresolved-citation' || (diagnostic.code === 'placeholder-link' && diagnostic.fix === undefined);
}

function draftFor(article: Article, diagnostic: ArticleDiagnostic, corpus: CorpusService): RecordDraft | undefined {
  const line = article.citationLines.find((candidate) => diagnostic.start >= candidate.start && diagnostic.start < candidate.end);
  if (line) return draftFromCitation(line.text, line.parsed, corpus.index);
  const link = article.links.find((candidate) => candidate.start === diagnostic.start);
  // A placeholder link whose text names a record that has no URL: not ours (the record exists).
  if (!link || corpus.index.lookupName(link.text).length > 0) return undefined;
  return draftFromLinkText(link.text, corpus.index);
}

async function exists(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}

/** The folder of the first workspace corpus file in Markdown (else of any), else `corpus/` in the first workspace folder. */
function firstCorpusFolder(corpus: CorpusService): vscode.Uri | undefined {
  const files = corpus.store
    .fileUris()
    .map((uri) => vscode.Uri.parse(uri))
    .filter((uri) => vscode.workspace.getWorkspaceFolder(uri) !== undefined);
  const file = files.find((uri) => uri.path.toLowerCase().endsWith('.md')) ?? files[0];
  if (file) return vscode.Uri.joinPath(file, '..');
  const folder = vscode.workspace.workspaceFolders?.[0];
  return folder ? vscode.Uri.joinPath(folder.uri, 'corpus') : undefined;
}

async function chooseDestination(corpus: CorpusService, folder: vscode.Uri): Promise<DraftDestination | undefined> {
  const jsonl = corpus.store
    .fileUris()
    .filter((uri) => uri.toLowerCase().endsWith('.jsonl') && vscode.workspace.getWorkspaceFolder(vscode.Uri.parse(uri)) !== undefined);
  if (jsonl.length === 0) return { kind: 'markdown' };
  const markdownItem = { label: vscode.l10n.t('New Markdown record file'), description: vscode.workspace.asRelativePath(folder), destination: { kind: 'markdown' } as DraftDestination };
  const jsonlItems = jsonl.map((uri) => ({ label: vscode.l10n.t('Append to {0}', vscode.workspace.asRelativePath(vscode.Uri.parse(uri))), description: 'JSON Lines', destination: { kind: 'jsonl', uri } as DraftDestination }));
  const picked = await vscode.window.showQuickPick([markdownItem, ...jsonlItems], { title: vscode.l10n.t('Where should the new record go?') });
  return picked?.destination;
}

/** Writes the draft (asking where when the corpus has JSON Lines files) and opens it. `destination` skips the question. */
async function createRecord(corpus: CorpusService, draft: RecordDraft, destination?: DraftDestination): Promise<vscode.Uri | undefined> {
  const folder = firstCorpusFolder(corpus);
  if (!folder) {
    void vscode.window.showWarningMessage(vscode.l10n.t('Policy Annotator: open a workspace folder to create corpus records.'));
    return undefined;
  }
  const target = destination ?? (await chooseDestination(corpus, folder));
  if (!target) return undefined;
  if (target.kind === 'jsonl') {
    const uri = vscode.Uri.parse(target.uri);
    const before = new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
    const separator = before === '' || before.endsWith('\n') ? '' : '\n';
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(`${before}${separator}${draftJsonLine(draft)}`));
    const document = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(document, { selection: new vscode.Range(document.lineCount - 2, 0, document.lineCount - 2, 0) });
    return uri;
  }
  let uri = vscode.Uri.joinPath(folder, `${draft.id}.md`);
  for (let number = 2; await exists(uri); number++) uri = vscode.Uri.joinPath(folder, `${draft.id}-${number}.md`);
  await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(draftMarkdown(draft)));
  await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
  return uri;
}

export function registerCreateRecordFix(selector: vscode.DocumentSelector, deps: CreateRecordDeps): vscode.Disposable {
  return vscode.Disposable.from(
    vscode.languages.registerCodeActionsProvider(selector, new CreateRecordFixProvider(deps), { providedCodeActionKinds: CreateRecordFixProvider.kinds }),
    vscode.commands.registerCommand(RECORD_DRAFT_COMMANDS.create, (draft: RecordDraft, destination?: DraftDestination) => createRecord(deps.corpus, draft, destination)),
  );
}
