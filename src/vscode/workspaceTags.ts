import * as vscode from 'vscode';
import { parseArticle } from '../core/article/article';
import type { CorpusService } from '../core/corpus/corpusService';
import { Slicer } from '../core/util/slicer';
import { findArticleTags } from '../core/tags/articleTags';
import type { TagService } from '../core/tags/tagService';
import { runDetached } from './detached';
import { problemsToVsDiagnostics } from './diagnostics';
import type { Settings } from './settings';

const ARTICLES = '**/*.{md,markdown}';
const NOT_ARTICLES = '{**/node_modules/**,**/.git/**}';
const MAX_ARTICLE_BYTES = 2 * 1024 * 1024;
const MAX_TAXONOMY_BYTES = 5 * 1024 * 1024;

/**
 * Feeds the tag service: the workspace taxonomy file (first match of policyAnnotator.tags.taxonomyFile),
 * and the tags of the workspace's articles for usage counts, re-read when files change.
 */
export function registerWorkspaceTags(tags: TagService, corpus: CorpusService, settings: Settings, log: vscode.LogOutputChannel, projectConfigChanged: vscode.Event<void>): vscode.Disposable {
  const problems = vscode.languages.createDiagnosticCollection('policy-annotator-taxonomy');
  const decoder = new TextDecoder();
  const loadTaxonomy = async () => {
    const [file] = await vscode.workspace.findFiles(settings.taxonomyFile(), NOT_ARTICLES, 1);
    // The same rule as the CLI's for files from the repository: a regular file, not a symbolic link (it may
    // lead out of the workspace or to a device such as /dev/zero), at most 5 MB.
    const stat = file ? await Promise.resolve(vscode.workspace.fs.stat(file)).catch(() => undefined) : undefined;
    const refusal = !file || !stat ? undefined : stat.type & vscode.FileType.SymbolicLink ? 'The taxonomy file is a symbolic link; it is not read.' : !(stat.type & vscode.FileType.File) ? 'The taxonomy file is not a regular file; it is not read.' : stat.size > MAX_TAXONOMY_BYTES ? 'The taxonomy file is over 5 MB; it is not read.' : undefined;
    if (!file || refusal) tags.setTaxonomyFile(undefined);
    else {
      try {
        tags.setTaxonomyFile(file.toString(), decoder.decode(await vscode.workspace.fs.readFile(file)));
        log.info(`tag taxonomy: ${tags.vocabulary.size} tags (${vscode.workspace.asRelativePath(file)})`);
      } catch (error) {
        log.error(`tag taxonomy ${file.toString()}: ${error instanceof Error ? error.message : String(error)}`);
        tags.setTaxonomyFile(undefined);
      }
    }
    problems.clear();
    if (file && refusal) {
      const diagnostic = new vscode.Diagnostic(new vscode.Range(0, 0, 0, 1), refusal, vscode.DiagnosticSeverity.Error);
      diagnostic.code = 'taxonomy-refused';
      diagnostic.source = 'Policy Annotator';
      problems.set(file, [diagnostic]);
    }
    for (const problem of tags.problems()) {
      const uri = vscode.Uri.parse(problem.uri);
      problems.set(uri, [...(problems.get(uri) ?? []), ...problemsToVsDiagnostics([problem])]);
    }
  };
  const readArticle = async (uri: vscode.Uri) => {
    if (corpus.store.hasFile(uri.toString())) return;
    try {
      const bytes = await vscode.workspace.fs.readFile(uri);
      if (bytes.byteLength > MAX_ARTICLE_BYTES || bytes.includes(0)) return;
      const article = parseArticle(decoder.decode(bytes));
      tags.setArticleTags(uri.toString(), findArticleTags(article, settings.hashtagsEnabled(uri)).map((tag) => tag.text));
    } catch {
      tags.deleteArticle(uri.toString());
    }
  };
  const scanArticles = async () => {
    const slicer = new Slicer();
    for (const uri of await vscode.workspace.findFiles(ARTICLES, NOT_ARTICLES, 20_000)) {
      await readArticle(uri);
      await slicer.maybeYield();
    }
    tags.refreshUsage();
  };
  let refresh: ReturnType<typeof setTimeout> | undefined;
  const refreshSoon = () => {
    if (refresh !== undefined) clearTimeout(refresh);
    refresh = setTimeout(() => {
      refresh = undefined;
      tags.refreshUsage();
    }, 300);
  };
  // Event handlers run detached: a failure is logged, never an unhandled rejection.
  const run = (what: string, work: () => Promise<void>) => runDetached(what, work);
  run('tag taxonomy and article tags', async () => {
    await corpus.whenReady();
    await loadTaxonomy();
    await scanArticles();
  });
  // The taxonomy watcher follows the setting (and .policy-annotator.json's "taxonomy"): recreated when it changes.
  let taxonomyGlob = settings.taxonomyFile();
  let taxonomyWatcher = watchTaxonomy(taxonomyGlob, () => run('tag taxonomy', loadTaxonomy));
  const articleWatcher = vscode.workspace.createFileSystemWatcher(ARTICLES);
  const onArticle = (uri: vscode.Uri) =>
    run('article tags', async () => {
      await readArticle(uri);
      refreshSoon();
    });
  const onSettingsChanged = () => {
    const glob = settings.taxonomyFile();
    if (glob !== taxonomyGlob) {
      taxonomyGlob = glob;
      taxonomyWatcher.dispose();
      taxonomyWatcher = watchTaxonomy(glob, () => run('tag taxonomy', loadTaxonomy));
    }
    run('tag taxonomy and article tags', async () => {
      await loadTaxonomy();
      await scanArticles();
    });
  };
  return vscode.Disposable.from(
    problems,
    { dispose: () => taxonomyWatcher.dispose() },
    articleWatcher,
    articleWatcher.onDidCreate(onArticle),
    articleWatcher.onDidChange(onArticle),
    articleWatcher.onDidDelete((uri) => {
      tags.deleteArticle(uri.toString());
      refreshSoon();
    }),
    corpus.onDidUpdate(refreshSoon),
    vscode.workspace.onDidChangeConfiguration((event) => {
      if (event.affectsConfiguration('policyAnnotator.tags')) onSettingsChanged();
    }),
    projectConfigChanged(onSettingsChanged),
    { dispose: () => refresh !== undefined && clearTimeout(refresh) },
  );
}

function watchTaxonomy(glob: string, reload: () => void): vscode.Disposable {
  const watcher = vscode.workspace.createFileSystemWatcher(glob);
  return vscode.Disposable.from(watcher, watcher.onDidCreate(reload), watcher.onDidChange(reload), watcher.onDidDelete(reload));
}
