import * as vscode from 'vscode';
import { TAG_COMMANDS } from '../vscode/commandIds';
import { findArticleTags } from '../core/tags/articleTags';
import { suggestTags } from '../core/tags/suggestTags';
import { addTagToTaxonomy } from '../core/tags/taxonomyEdit';
import type { TagService } from '../core/tags/tagService';
import type { CorpusService } from '../core/corpus/corpusService';
import type { ArticleAnalyses } from '../vscode/articleAnalyses';
import { localized } from '../vscode/l10n';
import type { Settings } from '../vscode/settings';


export interface TagCommandDeps {
  readonly corpus: CorpusService;
  readonly tags: TagService;
  readonly analyses: ArticleAnalyses;
  readonly settings: Settings;
}

/** "Suggest Tags for This Article" and "Add Tag to the Workspace Taxonomy", with a code action for the first. */
export function registerTagCommands(selector: vscode.DocumentSelector, deps: TagCommandDeps): vscode.Disposable {
  const suggest = async () => {
    const editor = vscode.window.activeTextEditor;
    if (!editor || vscode.languages.match(selector, editor.document) === 0) {
      void vscode.window.showInformationMessage(vscode.l10n.t('Policy Annotator: open a Markdown article to suggest tags for it.'));
      return;
    }
    await deps.corpus.whenReady();
    const document = editor.document;
    const analysis = deps.analyses.get(document);
    const suggestions = suggestTags(analysis, deps.tags.vocabulary, deps.corpus.index);
    if (suggestions.length === 0) {
      void vscode.window.showInformationMessage(vscode.l10n.t('Policy Annotator: no taxonomy tag fits this article beyond the ones it has.'));
      return;
    }
    const picked = await vscode.window.showQuickPick(
      suggestions.map((suggestion) => ({
        label: suggestion.definition.tag,
        description: suggestion.definition.label,
        detail: [suggestion.records.length > 0 ? vscode.l10n.t('sources: {0}', suggestion.records.join(', ')) : '', suggestion.occurrences > 0 ? vscode.l10n.t('named {0}× in the text', suggestion.occurrences) : ''].filter(Boolean).join(' · '),
        picked: suggestion === suggestions[0],
      })),
      { canPickMany: true, title: vscode.l10n.t('Suggested tags for this article') },
    );
    if (!picked || picked.length === 0) return;
    await insertTags(editor, picked.map((item) => item.label), deps);
  };
  const addToTaxonomy = async (tag: unknown) => {
    if (typeof tag !== 'string') return;
    const existing = deps.tags.taxonomyUri;
    const folder = vscode.workspace.workspaceFolders?.[0];
    if (!existing && !folder) {
      void vscode.window.showWarningMessage(vscode.l10n.t('Policy Annotator: open a folder to keep a workspace taxonomy.'));
      return;
    }
    const uri = existing ? vscode.Uri.parse(existing) : vscode.Uri.joinPath(folder!.uri, 'corpus', 'tags.yaml');
    let text: string | undefined;
    try {
      text = new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
    } catch {
      text = undefined;
    }
    // The file's own format: a tags.json stays JSON, a flow list stays a flow list, comments stay.
    const edit = addTagToTaxonomy(text, tag, uri.path);
    const where = vscode.workspace.asRelativePath(uri);
    if (edit.kind === 'error') {
      void vscode.window.showWarningMessage(vscode.l10n.t('Policy Annotator: {0} was not changed. {1}', where, localized(edit.message, '')));
      return;
    }
    if (edit.kind === 'unchanged') {
      void vscode.window.showInformationMessage(vscode.l10n.t('Policy Annotator: {0} already has this tag.', where));
      return;
    }
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(edit.text));
    // The tag is article text: notifications render [text](command:…) links, so the message never quotes it.
    void vscode.window.showInformationMessage(vscode.l10n.t('Policy Annotator: added the tag to {0}.', where));
  };
  return vscode.Disposable.from(
    vscode.commands.registerCommand(TAG_COMMANDS.suggest, suggest),
    vscode.commands.registerCommand(TAG_COMMANDS.addToTaxonomy, addToTaxonomy),
    vscode.languages.registerCodeActionsProvider(
      selector,
      {
        provideCodeActions: (document, range) => {
          // Code actions are asked for on every cursor move: the parse is enough to know the section.
          const inTags = deps.analyses.article(document).sections.some((section) => section.kind === 'tags' && range.start.line >= section.headerLine && range.start.line < section.endLine);
          if (!inTags) return [];
          const action = new vscode.CodeAction(vscode.l10n.t('Suggest tags for this article'), vscode.CodeActionKind.Refactor);
          action.command = { command: TAG_COMMANDS.suggest, title: action.title };
          return [action];
        },
      },
      { providedCodeActionKinds: [vscode.CodeActionKind.Refactor] },
    ),
  );
}

/** Appends tags to the 文章標籤 section (one a line, as the seed writes them), or adds the section at the end. */
async function insertTags(editor: vscode.TextEditor, tags: readonly string[], deps: TagCommandDeps): Promise<void> {
  const document = editor.document;
  const analysis = deps.analyses.get(document);
  const section = analysis.article.sections.find((candidate) => candidate.kind === 'tags');
  const existing = findArticleTags(analysis.article, false).filter((tag) => tag.place === 'section');
  const lastTag = existing[existing.length - 1];
  await editor.edit((edit) => {
    if (section && lastTag) edit.insert(document.positionAt(lastTag.end), tags.map((tag) => `\n\n${tag}`).join(''));
    else if (section) edit.insert(new vscode.Position(section.headerLine, document.lineAt(section.headerLine).text.length), tags.map((tag) => `\n\n${tag}`).join(''));
    else edit.insert(document.lineAt(document.lineCount - 1).range.end, `\n\n文章標籤\n${tags.map((tag) => `\n${tag}\n`).join('')}`);
  });
}
