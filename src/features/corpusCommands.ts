import * as vscode from 'vscode';
import { CORPUS_COMMANDS } from '../vscode/commandIds';
import type { CorpusService } from '../core/corpus/corpusService';
import type { CorpusRecord } from '../core/corpus/record';
import { REFERENCE_STYLES, referenceText, type ReferenceStyle } from '../core/insertReference';
import { activeArticleEditor, corpusLoaded, todayIso } from '../vscode/commandContext';
import { pickRecord } from '../vscode/recordPicker';
import type { ArticleAnalyses } from '../vscode/articleAnalyses';
import type { Settings } from '../vscode/settings';


export interface CorpusCommandDeps {
  readonly corpus: CorpusService;
  readonly analyses: ArticleAnalyses;
  readonly settings: Settings;
  readonly output: vscode.LogOutputChannel;
}

/** Arguments a keybinding or a script may pass instead of picking: `{ "id": "…", "style": "link" }`. */
interface InsertArgs {
  readonly id?: unknown;
  readonly style?: unknown;
}

/** "Search Corpus…", "Insert Citation…" and "Rebuild Corpus Index". */
export function registerCorpusCommands(selector: vscode.DocumentSelector, deps: CorpusCommandDeps): vscode.Disposable {
  const { corpus, settings } = deps;

  const chooseRecord = async (args: InsertArgs | undefined, title: string): Promise<CorpusRecord | undefined> => {
    await corpusLoaded(corpus);
    if (args && args.id !== undefined) {
      const record = typeof args.id === 'string' ? corpus.index.get(args.id) : undefined;
      if (!record) {
        // The id comes from a keybinding or a script: logged, never quoted in a notification (they render links).
        deps.output.warn(`no corpus record has the id ${JSON.stringify(String(args.id).slice(0, 200))}`);
        void vscode.window.showWarningMessage(vscode.l10n.t('Policy Annotator: no corpus record has that id (see the log).'));
      }
      return record;
    }
    if (corpus.index.size === 0) {
      void vscode.window.showInformationMessage(vscode.l10n.t('Policy Annotator: the corpus is empty. Add corpus files or turn the embedded corpus on.'));
      return undefined;
    }
    return pickRecord(corpus.index, settings.uiLanguage(), title);
  };

  const insert = async (editor: vscode.TextEditor, record: CorpusRecord, style: ReferenceStyle) => {
    const text = referenceText(record, style, todayIso());
    if (text === undefined) {
      // Corpus text stays out of notifications (they render links); the log names the record.
      deps.output.warn(`${record.id}: ${style === 'link' ? 'no URL' : 'id not usable as a citation key'}; nothing inserted`);
      if (style === 'link') void vscode.window.showWarningMessage(vscode.l10n.t('Policy Annotator: this record has no URL in the corpus; nothing inserted.'));
      else void vscode.window.showWarningMessage(vscode.l10n.t('Policy Annotator: this record\'s id cannot be written as a citation key; nothing inserted.'));
      return false;
    }
    return editor.edit((builder) => {
      for (const selection of editor.selections) builder.replace(selection, text);
    });
  };

  const styleOf = (args: InsertArgs | undefined, fallback: ReferenceStyle): ReferenceStyle =>
    REFERENCE_STYLES.find((style) => style === args?.style) ?? fallback;

  const search = async (args?: InsertArgs) => {
    const editor = activeArticleEditor(selector);
    if (!editor) return false;
    const record = await chooseRecord(args, vscode.l10n.t('Search Corpus'));
    if (!record || editor.document.isClosed) return false;
    return insert(editor, record, styleOf(args, settings.insertReferenceStyle(editor.document.uri)));
  };

  /** A citation key in the text; a whole citation line inside the sources section. */
  const insertCitation = async (args?: InsertArgs) => {
    const editor = activeArticleEditor(selector);
    if (!editor) return false;
    const record = await chooseRecord(args, vscode.l10n.t('Insert Citation'));
    if (!record || editor.document.isClosed) return false;
    const article = deps.analyses.article(editor.document);
    const line = editor.selection.active.line;
    const inSources = article.sections.some((section) => section.kind === 'sources' && line >= section.headerLine && line < Math.max(section.endLine, section.headerLine + 2));
    return insert(editor, record, styleOf(args, inSources ? 'citationLine' : 'citationKey'));
  };

  const rebuild = async () => {
    const started = Date.now();
    await vscode.window.withProgress({ location: vscode.ProgressLocation.Window, title: vscode.l10n.t('Rebuilding the corpus index…') }, () => corpus.rescan());
    const message = vscode.l10n.t('Policy Annotator: corpus index rebuilt: {0} records in {1} ms.', corpus.index.size, Date.now() - started);
    deps.output.info(message);
    void vscode.window.setStatusBarMessage(message, 5000);
    return corpus.index.size;
  };

  return vscode.Disposable.from(
    vscode.commands.registerCommand(CORPUS_COMMANDS.search, search),
    vscode.commands.registerCommand(CORPUS_COMMANDS.insertCitation, insertCitation),
    vscode.commands.registerCommand(CORPUS_COMMANDS.rebuild, rebuild),
  );
}
