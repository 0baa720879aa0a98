import * as vscode from 'vscode';
import { registerSearchWarmUp } from './vscode/searchWarmUp';
import { CorpusService } from './core/corpus/corpusService';
import { registerArticleDiagnostics } from './features/articleDiagnostics';
import { toVsDiagnostics } from './vscode/diagnostics';
import { registerCorpusCommands } from './features/corpusCommands';
import { registerCorpusDiagnostics } from './features/corpusDiagnostics';
import { registerDefinitionSupport } from './features/definition';
import { registerDocumentLinkSupport } from './features/documentLinks';
import { registerHoverSupport } from './features/hover';
import { registerQuickFixSupport } from './features/quickFixes';
import { registerDisableCheckFix } from './features/disableCheckFix';
import { registerReferenceTokens } from './features/referenceTokens';
import { registerRecordCommands } from './features/recordCommands';
import { registerStatuteDiagnostics, registerStatuteQuickFixes } from './features/statuteDiagnostics';
import { registerStatuteHoverSupport } from './features/statuteHover';
import { createLawLibrary, StatuteAnalyses } from './vscode/workspaceLaws';
import { registerReferenceSupport } from './features/references';
import { registerSourcesCommands } from './features/sourcesCommands';
import { registerHarvestCommand } from './features/harvestCommand';
import { registerTagAutoSuggest } from './features/tagAutoSuggest';
import { registerTagCommands } from './features/tagCommands';
import { registerTagCompletionSupport } from './features/tagCompletion';
import { registerTagHoverSupport } from './features/tagHover';
import { TagService } from './core/tags/tagService';
import { registerWorkspaceTags } from './vscode/workspaceTags';
import { ArticleAnalyses } from './vscode/articleAnalyses';
import { ArticleBibliographies } from './core/corpus/articleBibliography';
import { BibliographyFileWatchers, registerBibliographyWatcher, WorkspaceBibliographyFileSystem } from './vscode/workspaceBibliographies';
import { ProjectConfigs } from './vscode/projectConfigs';
import { setDetachedErrorLog } from './vscode/detached';
import { createSettings } from './vscode/settings';
import { registerCorpusWatcher, WorkspaceCorpusFileSystem } from './vscode/workspaceCorpus';
import { registerArticleSourcesView } from './features/articleSourcesView';
import { registerCorpusView } from './features/corpusView';
import type { ViewSnapshot } from './vscode/treeSnapshot';
import { registerStatusBar, type StatusBarSnapshot } from './features/statusBar';
import { registerDecisionHoverSupport } from './features/decisionHover';
import { registerDecisionDiagnostics } from './features/decisionDiagnostics';
import { DecisionAnalyses } from './vscode/workspaceDecisions';
import { loadLibraryReaders } from './libraryReaders/lazy';
import { registerLawDownloadCommands } from './features/lawDownloadCommands';
import { OFFICIAL_LAWS_AVAILABLE } from './vscode/officialLawsLoader';
import { registerPreviewReferences } from './features/previewReferences';
import type MarkdownIt from 'markdown-it';
import { loadWritingFlow } from './writingFlow/lazy';
import { loadAliasFileReader, loadMentionVariants } from './mentionVariants/lazy';
import { loadCrossStrait } from './crossStrait/lazy';
import { WorkspaceReferences } from './vscode/workspaceReferenceIndex';
import { startup } from './vscode/startup';
import { Slicer, yieldToEventLoop } from './core/util/slicer';
import type { TimelineMark } from './core/util/startupTimeline';

/** What the extension exports: tests await readiness and updates instead of sleeping. */
export interface PolicyAnnotatorApi {
  whenReady(): Promise<void>;
  /** Resolves once every pending corpus file event has been applied. */
  whenIdle(): Promise<void>;
  onDidUpdateCorpus(listener: () => void): vscode.Disposable;
  hasRecord(id: string): boolean;
  corpusSize(): number;
  /** How many tags the taxonomy in force has (built-in plus or instead of the workspace's). */
  tagVocabularySize(): number;
  onDidUpdateTags(listener: () => void): vscode.Disposable;
  /** Resolves once every change so far (files, edits, corpus) is in the workspace reference index. */
  whenReferencesIdle(): Promise<void>;
  /** Fires when a round of changes is in the workspace reference index (Find All References, backlinks). */
  onDidUpdateReferences(listener: () => void): vscode.Disposable;
  /** How long activate() took, in milliseconds. */
  readonly activationMs: number;
  /** The CPU time of the extension host's thread during activate(), in milliseconds (what a busy machine stretches least); undefined in the web host. */
  readonly activationCpuMs: number | undefined;
  /** The startup timeline so far (`performance.now()` of the extension host): activate(), corpus, law index, first hovers. */
  startupTimeline(): TimelineMark[];
  /** Resolves with the time of a step of the startup timeline once it has happened. */
  whenStartupStep(step: string): Promise<number>;
  /** What the views and the status bar item show, for tests: no public command returns a view's contents. */
  readonly views: {
    articleSources(): Promise<ViewSnapshot>;
    corpus(): Promise<ViewSnapshot & { readonly searching: boolean }>;
    statusBar(): Promise<StatusBarSnapshot>;
  };
  /** The document's diagnostics computed afresh (no cache): what the published ones must equal once edits settle. */
  freshDiagnostics(document: vscode.TextDocument): vscode.Diagnostic[];
  /** VS Code's Markdown preview calls this (`markdown.markdownItPlugins`): references become links there. */
  extendMarkdownIt(md: MarkdownIt): MarkdownIt;
}

startup.mark('extension bundle evaluated');

/** Only Markdown: no work at all for other documents. */
const MARKDOWN: vscode.DocumentSelector = [{ language: 'markdown' }];

export function activate(context: vscode.ExtensionContext): PolicyAnnotatorApi {
  const started = performance.now();
  const cpuStarted = cpuMicroseconds();
  startup.mark('activate() started', started);
  // The next turn of the event loop, asked for first: what activate() leaves for it runs before anything that
  // activate() starts and that waits a turn itself (the corpus load does), so the watchers registered then are
  // there before the corpus files are listed, and no file event falls between the listing and the watching.
  const nextTurn = yieldToEventLoop();
  const output = vscode.window.createOutputChannel('Policy Annotator', { log: true });
  setDetachedErrorLog((message) => output.error(message));
  const projectConfigs = new ProjectConfigs();
  const settings = createSettings((resource) => projectConfigs.get(resource));
  const corpusFiles = new WorkspaceCorpusFileSystem(settings);
  const corpus = new CorpusService({
    fileSystem: corpusFiles,
    embeddedEnabled: () => settings.embeddedCorpusEnabled(),
    maxBytes: () => settings.maxCorpusFileBytes(),
    log: { info: (message) => output.info(message), error: (message) => output.error(message) },
    readers: loadLibraryReaders,
    crossStrait: loadCrossStrait,
    mentionVariants: loadMentionVariants,
    aliasFileReader: loadAliasFileReader,
    mark: (step) => startup.mark(step),
  });
  const tags = new TagService(corpus.index, { onVocabularyBuilt: () => startup.mark('tag vocabulary built') });
  // Front matter `bibliography:` files, per article (like Pandoc), read under the corpus's rules.
  // Each file named is also watched on its own (BibliographyFileWatchers); the callbacks run after setup.
  const bibliographies = new ArticleBibliographies(new WorkspaceBibliographyFileSystem(corpusFiles), { maxBytes: () => settings.maxCorpusFileBytes(), readers: loadLibraryReaders, onFile: (uri) => bibliographyFileWatchers.watch(uri) });
  const analyses = new ArticleAnalyses(corpus.index, tags, settings, bibliographies);
  const bibliographyFileWatchers = new BibliographyFileWatchers((uri) => analyses.bibliographyFileChanged(uri));
  context.subscriptions.push(bibliographyFileWatchers);
  const references = new WorkspaceReferences({ corpus, analyses, onDidChangeProjectConfig: projectConfigs.onDidChange });
  context.subscriptions.push(references);
  const deps = { corpus, tags, analyses, settings };
  const log = { info: (message: string) => output.info(message), error: (message: string) => output.error(message) };
  const laws = createLawLibrary(context.extensionUri, settings, log, context.globalStorageUri);
  // An imported law database becomes ready later: every open article's statute checks run again then.
  // A card without article text offers the download where it can run: the desktop build, a trusted workspace.
  const canDownloadLaws = () => OFFICIAL_LAWS_AVAILABLE && vscode.workspace.isTrusted;
  const statuteDeps = { statutes: new StatuteAnalyses(laws.library, analyses), settings, recomputeOn: [(listener: () => void) => laws.onDidReload(listener)], canDownloadLaws };
  const decisions = new DecisionAnalyses(corpus.index, analyses, context.extensionUri.fsPath);
  const preview = registerPreviewReferences(MARKDOWN, { ...deps, statutes: statuteDeps.statutes, decisions, extensionPath: context.extensionUri.fsPath, refreshOn: statuteDeps.recomputeOn, log: (message) => output.error(message) });

  const statusBar = registerStatusBar({ corpus, output });
  context.subscriptions.push(statusBar);
  // What no hover and no command of the palette needs when activate() returns (issue 19, activate() ≤ 20 ms):
  // the views, the file watchers and the workspace's tags are registered on the next turn of the event loop.
  const deferred = nextTurn.then(() => {
    const articleSourcesView = registerArticleSourcesView(deps);
    const corpusView = registerCorpusView({ ...deps, references });
    context.subscriptions.push(
      articleSourcesView,
      corpusView,
      registerCorpusWatcher(corpus, settings, projectConfigs.onDidChange),
      registerBibliographyWatcher((uri) => analyses.bibliographyFileChanged(uri)),
      registerWorkspaceTags(tags, corpus, settings, output, projectConfigs.onDidChange),
    );
    startup.mark('deferred registrations done');
    return { articleSourcesView, corpusView };
  });
  deferred.catch((error: unknown) => output.error(`the views, watchers and workspace tags could not be registered: ${String(error)}`));
  const views = {
    articleSources: async () => (await deferred).articleSourcesView.snapshot(),
    corpus: async () => (await deferred).corpusView.snapshot(),
    statusBar: () => statusBar.snapshot(),
  };

  context.subscriptions.push(
    vscode.Disposable.from(
      output,
      projectConfigs,
      { dispose: () => corpus.dispose() },
      registerSearchWarmUp(corpus),
      registerCorpusDiagnostics(corpus),
      registerRecordCommands(corpus, settings, output),
      registerHoverSupport(MARKDOWN, deps),
      registerDocumentLinkSupport(MARKDOWN, deps),
      registerDefinitionSupport(MARKDOWN, deps),
      registerReferenceSupport(MARKDOWN, { ...deps, references }),
      registerArticleDiagnostics(MARKDOWN, deps),
      registerQuickFixSupport(MARKDOWN, deps),
      registerDisableCheckFix(MARKDOWN),
      registerReferenceTokens(MARKDOWN, deps),
      registerTagCompletionSupport(MARKDOWN, deps),
      registerTagAutoSuggest(MARKDOWN, analyses, settings),
      registerTagHoverSupport(MARKDOWN, deps),
      registerTagCommands(MARKDOWN, deps),
      registerCorpusCommands(MARKDOWN, { ...deps, output }),
      registerSourcesCommands(MARKDOWN, deps),
      registerHarvestCommand(corpus),
      laws.disposable,
      registerStatuteHoverSupport(MARKDOWN, statuteDeps),
      registerStatuteDiagnostics(MARKDOWN, statuteDeps),
      registerStatuteQuickFixes(MARKDOWN, statuteDeps),
      registerLawDownloadCommands({ extensionUri: context.extensionUri, storage: context.globalStorageUri, settings, log, reload: laws.reload }),
      registerDecisionHoverSupport(MARKDOWN, { decisions, settings }),
      registerDecisionDiagnostics(MARKDOWN, { decisions, corpus, settings }),
      preview,
    ),
  );

  // Load in the background: activation must not wait for the corpus (nor the reference index for it).
  references.start();
  // The built-in tag vocabulary, in slices after activation (the first analysis finishes it if it comes first).
  const tagSlicer = new Slicer();
  void tags.prepare(() => tagSlicer.maybeYield());
  void corpus.whenReady().then(
    // The writing-flow features (a bundle of their own) once the corpus is there: they all wait for it anyway.
    () => context.subscriptions.push(...loadWritingFlow().registerWritingFlow(MARKDOWN, { ...deps, statutes: statuteDeps.statutes, checkFile: (uri) => corpusFiles.stat(uri) })),
    (error: unknown) => output.error(`the corpus did not load: ${String(error)}`),
  );
  const activationMs = performance.now() - started;
  const cpuEnded = cpuMicroseconds();
  const activationCpuMs = cpuStarted !== undefined && cpuEnded !== undefined ? (cpuEnded - cpuStarted) / 1000 : undefined;
  startup.mark('activate() returned', started + activationMs);
  output.info(`activate() took ${activationMs.toFixed(1)} ms${activationCpuMs === undefined ? '' : ` (${activationCpuMs.toFixed(1)} ms CPU)`}`);
  return {
    views,
    activationMs,
    activationCpuMs,
    startupTimeline: () => startup.marks(),
    whenStartupStep: (step) => startup.whenMarked(step),
    whenReady: () => corpus.whenReady(),
    whenIdle: () => corpus.whenIdle(),
    onDidUpdateCorpus: (listener) => new vscode.Disposable(corpus.onDidUpdate(listener).dispose),
    hasRecord: (id) => corpus.index.get(id) !== undefined,
    corpusSize: () => corpus.index.size,
    tagVocabularySize: () => tags.vocabulary.size,
    onDidUpdateTags: (listener) => new vscode.Disposable(tags.onDidUpdate(listener).dispose),
    whenReferencesIdle: () => references.whenIdle(),
    onDidUpdateReferences: (listener) => references.onDidUpdate(listener),
    extendMarkdownIt: (md) => preview.extendMarkdownIt(md),
    freshDiagnostics: (document) => toVsDiagnostics(document, analyses.analyzeText(document.getText(), document.uri).diagnostics, settings),
  };
}

interface CpuUsage {
  readonly user: number;
  readonly system: number;
}

/** CPU time (user and system) in microseconds; undefined where there is no `process` (the web host). */
function cpuMicroseconds(): number | undefined {
  // The extension host's thread where Node tells it (process.threadCpuUsage), else its process (GC threads included).
  const host = (globalThis as { process?: { threadCpuUsage?: () => CpuUsage; cpuUsage?: () => CpuUsage } }).process;
  const usage = host?.threadCpuUsage?.() ?? host?.cpuUsage?.();
  return usage && usage.user + usage.system;
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}
