import * as vscode from 'vscode';
import type { CorpusService } from '../core/corpus/corpusService';
import type { HarvestArticle } from '../core/harvest/harvest';
import { loadHarvest } from '../harvest/lazy';
import { SOURCES_COMMANDS } from '../vscode/commandIds';
import { corpusLoaded } from '../vscode/commandContext';

/** What the command did: for the status message, and for tests. */
export interface HarvestSummary {
  readonly written: string;
  readonly records: number;
  readonly known: number;
  readonly conflicts: number;
  readonly articles: number;
}

/** Articles larger than this are skipped (the extension's limit for articles). */
const MAX_ARTICLE_BYTES = 2 * 1024 * 1024;
/** A folder yields at most this many articles. */
const MAX_ARTICLES = 20_000;

/**
 * "Harvest Sources from Articles…": the chosen Markdown files (or every Markdown file of the chosen folders)
 * become corpus/harvested.jsonl in the workspace, one record per cited source (src/core/harvest/). A test or
 * a keybinding can pass the files as arguments instead of picking them.
 */
export function registerHarvestCommand(corpus: CorpusService): vscode.Disposable {
  return vscode.commands.registerCommand(SOURCES_COMMANDS.harvest, async (given?: readonly vscode.Uri[]): Promise<HarvestSummary | undefined> => {
    const folder = vscode.workspace.workspaceFolders?.[0];
    if (!folder) {
      void vscode.window.showInformationMessage(vscode.l10n.t('Policy Annotator: open a folder first; the harvest is written into it.'));
      return undefined;
    }
    const picked =
      given ??
      (await vscode.window.showOpenDialog({ canSelectFiles: true, canSelectFolders: true, canSelectMany: true, defaultUri: folder.uri, openLabel: vscode.l10n.t('Harvest'), filters: { Markdown: ['md', 'markdown'] } }));
    if (!picked || picked.length === 0) return undefined;
    await corpusLoaded(corpus);
    const out = vscode.Uri.joinPath(folder.uri, 'corpus', 'harvested.jsonl');
    const articles = await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Policy Annotator: reading the articles…') }, () => readArticles(picked, out));
    const { harvestArticles, formatHarvestJsonLines } = await loadHarvest();
    const result = harvestArticles(articles, corpus.index, { replacing: out.toString() });
    await vscode.workspace.fs.writeFile(out, new TextEncoder().encode(formatHarvestJsonLines(result.records)));
    const summary: HarvestSummary = { written: out.toString(), records: result.records.length, known: result.known.length, conflicts: result.conflicts.length, articles: result.articles };
    void vscode.window
      .showInformationMessage(vscode.l10n.t('Policy Annotator: {0} sources harvested from {1} articles into corpus/harvested.jsonl; {2} already in the corpus, {3} conflicting facts kept as notes.', summary.records, summary.articles, summary.known, summary.conflicts), vscode.l10n.t('Open'))
      .then((choice) => (choice ? vscode.window.showTextDocument(out) : undefined));
    return summary;
  });
}

/** The Markdown files among `picked` and inside its folders (regular files only, size-capped), as text. */
async function readArticles(picked: readonly vscode.Uri[], out: vscode.Uri): Promise<HarvestArticle[]> {
  const files: vscode.Uri[] = [];
  for (const uri of picked) {
    const stat = await vscode.workspace.fs.stat(uri);
    if (stat.type === vscode.FileType.Directory) files.push(...(await vscode.workspace.findFiles(new vscode.RelativePattern(uri, '**/*.{md,markdown}'), '**/{node_modules,.git}/**', MAX_ARTICLES)));
    else if (stat.type === vscode.FileType.File) files.push(uri);
  }
  const articles: HarvestArticle[] = [];
  const decoder = new TextDecoder('utf-8');
  for (const uri of files) {
    if (uri.toString() === out.toString()) continue;
    const stat = await vscode.workspace.fs.stat(uri);
    if (stat.type !== vscode.FileType.File || stat.size > MAX_ARTICLE_BYTES) continue;
    articles.push({ path: uri.toString(), text: decoder.decode(await vscode.workspace.fs.readFile(uri)) });
  }
  return articles;
}
