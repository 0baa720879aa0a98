import * as vscode from 'vscode';
import type MarkdownIt from 'markdown-it';
import type { CorpusService } from '../core/corpus/corpusService';
import type { ReferenceLinkPlan, ReferenceSpan } from '../core/publish/referenceLinks';
import type { ArticleAnalyses } from '../vscode/articleAnalyses';
import { runDetached } from '../vscode/detached';
import { loadPreview } from '../vscode/previewLoader';
import type { Settings } from '../vscode/settings';
import type { StatuteAnalyses } from '../vscode/workspaceLaws';
import type { DecisionAnalyses } from '../vscode/workspaceDecisions';

export const PREVIEW_SETTING = 'policyAnnotator.preview.enabled';

export interface PreviewReferencesDeps {
  readonly corpus: CorpusService;
  readonly analyses: ArticleAnalyses;
  readonly settings: Settings;
  readonly statutes: StatuteAnalyses;
  readonly decisions: DecisionAnalyses;
  readonly extensionPath: string;
  /** Events after which the preview is rendered again (the law library reloaded). */
  readonly refreshOn: ReadonlyArray<(listener: () => void) => vscode.Disposable>;
  readonly log: (message: string) => void;
}

export interface PreviewReferences extends vscode.Disposable {
  /** What activate() returns to VS Code's Markdown preview (`markdown.markdownItPlugins`). */
  extendMarkdownIt(md: MarkdownIt): MarkdownIt;
}

const REFRESH_DELAY_MS = 400;
/** Larger articles take their statute references from the finished statute analysis only (no scan while rendering). */
const MAX_SCANNED_IN_RENDER = 200_000;

/**
 * References linked in VS Code's Markdown preview: the core's markdown-it plugin on the preview's own instance,
 * planned from the analyses the editor already keeps (a warm document costs no new analysis). Rendering never
 * waits: before the corpus is loaded the article renders plain, and a statute whose law text is not read yet
 * gets its link without the text; both are read in the background and the preview is refreshed once they are.
 */
export function registerPreviewReferences(selector: vscode.DocumentSelector, deps: PreviewReferencesDeps): PreviewReferences {
  let used = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const warmed = new Set<string>();
  const refresh = () => {
    if (!used) return;
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => {
      timer = undefined;
      runDetached('refresh the Markdown preview', Promise.resolve(vscode.commands.executeCommand('markdown.preview.refresh')));
    }, REFRESH_DELAY_MS);
  };

  const documentOf = (text: string): vscode.TextDocument | undefined => {
    const candidates = [vscode.window.activeTextEditor?.document, ...vscode.workspace.textDocuments];
    for (const document of candidates) {
      if (!document || vscode.languages.match(selector, document) === 0) continue;
      // The length first (no copy of the text), the text only when it could be the one.
      const last = document.lineAt(document.lineCount - 1);
      if (document.offsetAt(last.range.end) === text.length && document.getText() === text) return document;
    }
    return undefined;
  };

  /**
   * Statute links: from the document's statute analysis when it is done for this version (the diagnostics run
   * it), else a scan of the text when it is small; a large article renders without them and again when its
   * analysis is done (a scan of 1 MB takes a quarter of a second).
   */
  const statuteSpans = (text: string, document: vscode.TextDocument | undefined, skipped: { contains(offset: number): boolean }): ReferenceSpan[] => {
    const api = deps.statutes.api;
    const library = deps.statutes.library;
    const index = library.loadedIndex;
    if (!index) {
      warm(`index:${library.generation}`, () => library.index());
      return [];
    }
    let references = document ? deps.statutes.settled(document)?.citations.references : undefined;
    if (!references && document && text.length > MAX_SCANNED_IN_RENDER) {
      warm(`statutes:${deps.analyses.documentKey(document)}:${document.version}:${library.generation}`, () => deps.statutes.get(document));
      return [];
    }
    references ??= api.findStatuteCitations(text, index, skipped).references;
    const missing = [...new Set(references.flatMap((reference) => (reference.pcode && reference.article && !library.cached(reference.pcode) ? [reference.pcode] : [])))];
    if (missing.length > 0) warm(`laws:${library.generation}:${missing.join(',')}`, () => Promise.all(missing.map((pcode) => library.law(pcode))));
    return api.statuteLinkSpans(references, (pcode) => index.get(pcode), (pcode) => library.cached(pcode));
  };

  /** Loads what a render lacked, once per need, and renders again when it is there. */
  const warm = (key: string, load: () => Promise<unknown>) => {
    if (warmed.has(key)) return;
    warmed.add(key);
    if (warmed.size > 256) warmed.delete(warmed.values().next().value!);
    runDetached('load what the preview links', load().then(refresh));
  };

  const plan = (text: string): ReferenceLinkPlan | undefined => {
    const document = documentOf(text);
    if (!deps.settings.isPreviewEnabled(document?.uri)) return undefined;
    if (!deps.corpus.isReady) {
      warm('corpus', () => deps.corpus.whenReady());
      return undefined;
    }
    const resource = document?.uri ?? vscode.workspace.workspaceFolders?.[0]?.uri ?? vscode.Uri.parse('untitled:preview');
    // The front matter's bibliography is read once (asynchronously); meanwhile the preview shows what is known and renders again.
    if (document && !deps.analyses.isPrepared(document)) warm(`bibliography:${deps.analyses.documentKey(document)}:${document.version}:${deps.analyses.bibliographyGeneration}`, () => deps.analyses.prepare(document));
    const analysis = document ? deps.analyses.get(document) : deps.analyses.analyzeText(text, resource);
    const { article } = analysis;
    const decisions = document ? deps.decisions.get(document).references : deps.decisions.api.analyzeDecisions(text, article.skipped, undefined, new Date()).references;
    const language = deps.settings.uiLanguage();
    return loadPreview(deps.extensionPath).planReferenceLinks({
      analysis,
      language,
      extraSpans: [...statuteSpans(text, document, article.skipped), ...deps.decisions.api.decisionLinkSpans(decisions, (id) => analysis.record(id), language)],
    });
  };

  const disposables = [
    vscode.workspace.onDidChangeConfiguration((event) => {
      if (event.affectsConfiguration(PREVIEW_SETTING)) refresh();
    }),
    new vscode.Disposable(deps.corpus.onDidUpdate(refresh).dispose),
    ...deps.refreshOn.map((subscribe) => subscribe(refresh)),
    { dispose: () => timer && clearTimeout(timer) },
  ];
  return {
    extendMarkdownIt(md) {
      used = true;
      loadPreview(deps.extensionPath).markdownItReferences(md, {
        plan: (text) => {
          try {
            return plan(text);
          } catch (error) {
            // The preview must render whatever happens here: plain, with the failure in the log.
            deps.log(`Preview references: ${error instanceof Error ? error.message : String(error)}`);
            return undefined;
          }
        },
      });
      return md;
    },
    dispose: () => vscode.Disposable.from(...disposables).dispose(),
  };
}
