import * as vscode from 'vscode';
import { SOURCES_COMMANDS } from '../vscode/commandIds';
import { formatCitationLine, planSourcesSection } from '../core/article/sourcesSection';
import type { ArticleAnalysis } from '../core/article/analysis';
import type { CorpusRecord } from '../core/corpus/record';
import { MAX_STYLE_BYTES, styleTextProblem } from '../core/styles/citationStyles';
import { withArchivedCopy } from '../core/styles/styledSources';
import { loadCitationStyles } from '../citationStyles/lazy';
import type { Settings } from '../vscode/settings';
import type { CorpusService } from '../core/corpus/corpusService';
import { toVsRange } from '../vscode/convert';
import { activeArticleEditor, corpusLoaded, todayIso } from '../vscode/commandContext';
import type { ArticleAnalyses } from '../vscode/articleAnalyses';


export interface SourcesCommandDeps {
  readonly corpus: CorpusService;
  readonly analyses: ArticleAnalyses;
  readonly settings: Settings;
}

/** "Generate Sources Section" and "Fix All Placeholder Links": whole-article edits, each one undo step. */
export function registerSourcesCommands(selector: vscode.DocumentSelector, deps: SourcesCommandDeps): vscode.Disposable {
  /** The editor and its analysis once the corpus is loaded; undefined (after saying why) otherwise. */
  const prepare = async () => {
    const editor = activeArticleEditor(selector);
    if (!editor) return undefined;
    await corpusLoaded(deps.corpus);
    // The front matter's bibliography: its records are cited like the corpus's.
    await deps.analyses.prepare(editor.document);
    if (editor.document.isClosed) return undefined;
    const version = editor.document.version;
    return { editor, version, analysis: deps.analyses.get(editor.document) };
  };

  const generate = async () => {
    const prepared = await prepare();
    if (!prepared) return 0;
    const { editor, version, analysis } = prepared;
    const today = todayIso();
    const format = await entryFormatter(editor.document, analysis, today);
    if (editor.document.isClosed) return 0;
    const edit = planSourcesSection(analysis, { get: analysis.record }, today, format);
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

  /**
   * The text of each entry Generate Sources Section adds, in the style of policyAnnotator.sources.style: the
   * CSL processor, loaded on first use from its own bundle file, renders the records to add; when it cannot
   * (the web extension, an unusable style file) the house formatter writes them and a style other than the
   * house style is reported.
   */
  const entryFormatter = async (document: vscode.TextDocument, analysis: ArticleAnalysis, today: string): Promise<(record: CorpusRecord) => string> => {
    const index = { get: analysis.record };
    const archive = deps.settings.sourcesArchiveLinks(document.uri) ? (record: CorpusRecord, line: string) => withArchivedCopy(line, record, today) : (_record: CorpusRecord, line: string) => line;
    const house = (record: CorpusRecord) => archive(record, formatCitationLine(record, today));
    const adding = (planSourcesSection(analysis, index, today)?.added ?? []).flatMap((id) => index.get(id) ?? []);
    if (adding.length === 0) return house;
    const name = deps.settings.sourcesStyle(document.uri);
    try {
      const styles = await loadCitationStyles();
      const style = styles.builtIn(name) ?? (await readWorkspaceStyle(name, document));
      const lines = styles.renderRecords(adding, style, today, name === 'house');
      return (record) => archive(record, lines.get(record.id) || formatCitationLine(record, today));
    } catch (error) {
      if (name !== 'house') void vscode.window.showWarningMessage(vscode.l10n.t('Policy Annotator: the citation style {0} cannot be used ({1}); the house style is written.', name, error instanceof Error ? error.message : String(error)));
      return house;
    }
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

/** A .csl file named by the setting: inside the article's workspace folder, a regular file, size-capped. */
async function readWorkspaceStyle(name: string, document: vscode.TextDocument): Promise<string> {
  const folder = vscode.workspace.getWorkspaceFolder(document.uri) ?? vscode.workspace.workspaceFolders?.[0];
  if (!folder || !/\.csl$/i.test(name) || name.split(/[\\/]/).includes('..') || /^([a-z]:|[\\/])/i.test(name)) {
    throw new Error(vscode.l10n.t('not a shipped style (house, apa) nor a .csl file inside the workspace'));
  }
  const uri = vscode.Uri.joinPath(folder.uri, name);
  const stat = await vscode.workspace.fs.stat(uri);
  if (stat.type !== vscode.FileType.File || stat.size > MAX_STYLE_BYTES) throw new Error(vscode.l10n.t('the style file is not a regular file of at most 512 KB'));
  const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
  const problem = styleTextProblem(text);
  if (problem) throw new Error(problem);
  return text;
}
