import * as vscode from 'vscode';
import type { CorpusService } from '../core/corpus/corpusService';
import { applyAliasChange, planAliasChange, type FileCheck } from '../vscode/aliasWriter';
import type { ArticleAnalyses } from '../vscode/articleAnalyses';
import { corpusReadyFor } from '../vscode/commandContext';
import { ALIAS_COMMANDS } from '../vscode/commandIds';
import { toVsRange } from '../vscode/convert';
import { toVsDiagnostics } from '../vscode/diagnostics';
import type { Settings } from '../vscode/settings';
import { truncate } from '../core/util/text';

export interface AliasFixDeps {
  readonly corpus: CorpusService;
  readonly analyses: ArticleAnalyses;
  readonly settings: Settings;
  /** The corpus's file check (no symbolic links, nothing outside the workspace), applied before writing. */
  readonly checkFile: FileCheck;
}

/** What the two commands get: the article, the record and the name as the article writes it. */
interface NearMissArguments {
  readonly article: string;
  readonly id: string;
  readonly name: string;
}

/**
 * The quick fixes of a near miss ("Possibly <title>"): add the name as an alias of the record — in the
 * record's own file when the workspace holds it in one of our formats, else in the workspace's alias file
 * (.policy-annotator/aliases.yaml) — or ignore the name for that record (remembered in the alias file, so
 * no article in the workspace reports it again). Either way the corpus re-reads the file at once.
 */
export class AliasFixProvider implements vscode.CodeActionProvider {
  static readonly kinds = [vscode.CodeActionKind.QuickFix];

  constructor(private readonly deps: AliasFixDeps) {}

  async provideCodeActions(document: vscode.TextDocument, range: vscode.Range | vscode.Selection, _context: vscode.CodeActionContext, token: vscode.CancellationToken): Promise<vscode.CodeAction[]> {
    if (!(await corpusReadyFor(this.deps.corpus, token))) return [];
    const analysis = this.deps.analyses.get(document);
    const actions: vscode.CodeAction[] = [];
    for (const diagnostic of analysis.diagnostics) {
      const possible = diagnostic.possibleRecord;
      if (diagnostic.code !== 'possible-mention' || !possible) continue;
      if (!toVsRange(document, diagnostic.start, diagnostic.end).intersection(range)) continue;
      const record = analysis.record(possible.id);
      // A record of the article's own bibliography (front matter) is not the corpus's: the alias file does not reach it.
      if (!record || this.deps.corpus.index.get(record.id) !== record) continue;
      const args: NearMissArguments = { article: document.uri.toString(), id: record.id, name: possible.alias };
      const diagnostics = toVsDiagnostics(document, [diagnostic], this.deps.settings);
      const add = new vscode.CodeAction(vscode.l10n.t('Add “{0}” as an alias of {1}', truncate(possible.alias, 60), truncate(record.title, 60)), vscode.CodeActionKind.QuickFix);
      add.command = { command: ALIAS_COMMANDS.add, title: add.title, arguments: [args] };
      add.diagnostics = diagnostics;
      add.isPreferred = true;
      const ignore = new vscode.CodeAction(vscode.l10n.t('Ignore “{0}” for {1} in this workspace', truncate(possible.alias, 60), truncate(record.title, 60)), vscode.CodeActionKind.QuickFix);
      ignore.command = { command: ALIAS_COMMANDS.ignore, title: ignore.title, arguments: [args] };
      ignore.diagnostics = diagnostics;
      actions.push(add, ignore);
    }
    return actions;
  }
}

/** Runs one of the two fixes; resolves once the corpus has the change (true) or the writer was told why not (false). */
async function runFix(deps: AliasFixDeps, field: 'aliases' | 'ignore', args: NearMissArguments | undefined): Promise<boolean> {
  if (!args || typeof args.id !== 'string' || typeof args.name !== 'string' || typeof args.article !== 'string') return false;
  await deps.corpus.whenReady();
  const record = deps.corpus.index.get(args.id);
  if (!record) {
    void vscode.window.showWarningMessage(vscode.l10n.t('Policy Annotator: the record is no longer in the corpus.'));
    return false;
  }
  const plan = await planAliasChange(record, field, [args.name], vscode.Uri.parse(args.article), deps.checkFile);
  if (plan.kind === 'error') {
    void vscode.window.showErrorMessage(plan.message);
    return false;
  }
  if (plan.kind === 'unchanged') return true;
  return applyAliasChange(deps.corpus, plan.change);
}

export function registerAliasFixes(selector: vscode.DocumentSelector, deps: AliasFixDeps): vscode.Disposable {
  return vscode.Disposable.from(
    vscode.languages.registerCodeActionsProvider(selector, new AliasFixProvider(deps), { providedCodeActionKinds: AliasFixProvider.kinds }),
    vscode.commands.registerCommand(ALIAS_COMMANDS.add, (args?: NearMissArguments) => runFix(deps, 'aliases', args)),
    vscode.commands.registerCommand(ALIAS_COMMANDS.ignore, (args?: NearMissArguments) => runFix(deps, 'ignore', args)),
  );
}
