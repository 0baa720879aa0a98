import * as vscode from 'vscode';
import { SOURCES_COMMANDS } from '../vscode/commandIds';
import { planSourcesSection } from '../core/article/sourcesSection';
import type { CorpusService } from '../core/corpus/corpusService';
import { toVsRange } from '../vscode/convert';
import { activeArticleEditor, corpusLoaded, todayIso } from '../vscode/commandContext';
import type { ArticleAnalyses } from '../vscode/articleAnalyses';


export interface SourcesCommandDeps {
  readonly corpus: CorpusService;
  readonly analyses: ArticleAnalyses;
}

/** "Generate Sources Section" and "Fix All Placeholder Links": whole-article edits, each one undo step. */
export function registerSourcesCommands(selector: vscode.DocumentSelector, deps: SourcesCommandDeps): vscode.Disposable {
  /** The editor and its analysis once the corpus is loaded; undefined (after saying why) otherwise. */
  const prepare = async () => {
    const editor = activeArticleEditor(selector);
    if (!editor) return undefined;
    await corpusLoaded(deps.corpus);
    if (editor.document.isClosed) return undefined;
    const version = editor.document.version;
    return { editor, version, analysis: deps.analyses.get(editor.document) };
  };

  const generate = async () => {
    const prepared = await prepare();
    if (!prepared) return 0;
    const { editor, version, analysis } = prepared;
    const edit = planSourcesSection(analysis, deps.corpus.index, todayIso());
    if (!edit) {
      if (analysis.article.text.trim() === '') void vscode.window.showInformationMessage(vscode.l10n.t('Policy Annotator: the article is empty; there is nothing to cite.'));
      else void vscode.window.showInformationMessage(vscode.l10n.t('Policy Annotator: the sources section is up to date.'));
      return 0;
    }
    if (editor.document.version !== version) return 0;
    const document = editor.document;
    await editor.edit((builder) => builder.replace(toVsRange(document, edit.start, edit.end), edit.newText));
    void vscode.window.setStatusBarMessage(
      edit.added.length > 0
        ? vscode.l10n.t('Policy Annotator: {0} sources added to 資料來源.', edit.added.length)
        : vscode.l10n.t('Policy Annotator: 資料來源 reordered.'),
      5000,
    );
    return edit.added.length;
  };

  const fixPlaceholders = async () => {
    const prepared = await prepare();
    if (!prepared) return 0;
    const { editor, version, analysis } = prepared;
    const placeholders = analysis.diagnostics.filter((diagnostic) => diagnostic.code === 'placeholder-link');
    const fixes = placeholders.flatMap((diagnostic) => (diagnostic.fix ? [diagnostic.fix] : []));
    const unfixable = placeholders.length - fixes.length;
    if (placeholders.length === 0) {
      void vscode.window.showInformationMessage(vscode.l10n.t('Policy Annotator: this article has no placeholder links.'));
      return 0;
    }
    if (fixes.length > 0 && editor.document.version === version) {
      const document = editor.document;
      await editor.edit((builder) => {
        for (const fix of fixes) builder.replace(toVsRange(document, fix.start, fix.end), fix.newText);
      });
    }
    if (unfixable > 0) void vscode.window.showWarningMessage(vscode.l10n.t('Policy Annotator: {0} placeholder links fixed; {1} have no URL in the corpus.', fixes.length, unfixable));
    else void vscode.window.setStatusBarMessage(vscode.l10n.t('Policy Annotator: {0} placeholder links fixed.', fixes.length), 5000);
    return fixes.length;
  };

  return vscode.Disposable.from(
    vscode.commands.registerCommand(SOURCES_COMMANDS.generate, generate),
    vscode.commands.registerCommand(SOURCES_COMMANDS.fixPlaceholders, fixPlaceholders),
  );
}
