import * as vscode from 'vscode';
import type { Article } from '../core/article/article';
import { positionAt } from '../core/article/lines';
import type { ArticleReference, ReferenceKind } from '../core/article/resolve';
import { groupSources, isPlaceholderLink, type SourceEntry, type SourceGroup } from '../core/article/sourceGroups';
import type { CorpusService } from '../core/corpus/corpusService';
import type { TagService } from '../core/tags/tagService';
import type { ArticleAnalyses } from '../vscode/articleAnalyses';
import type { Settings } from '../vscode/settings';
import { recordTooltip, recordTypeIcon } from '../vscode/recordPresentation';
import { snapshotTree, type ViewSnapshot } from '../vscode/treeSnapshot';

export const ARTICLE_SOURCES_VIEW_ID = 'policyAnnotator.articleSources';
export const REVEAL_REFERENCE_COMMAND = 'policyAnnotator.revealReference';

export interface ArticleSourcesDeps {
  readonly corpus: CorpusService;
  readonly tags: TagService;
  readonly analyses: ArticleAnalyses;
  readonly settings: Settings;
  readonly debounceMs?: number;
}

export interface ArticleSourcesView extends vscode.Disposable {
  /** The tree for the active editor, computed now (pending refreshes are run at once), both levels. */
  snapshot(): Promise<ViewSnapshot>;
}

/** What the tree shows: one version of one article, grouped. */
interface SourcesState {
  readonly document: vscode.TextDocument;
  readonly article: Article;
  readonly groups: readonly SourceGroup[];
  readonly byId: ReadonlyMap<string, SourceGroup>;
  /** Entry nodes per group, made once, so VS Code sees the same elements until the next refresh. */
  readonly entries: Map<SourceGroup, EntryNode[]>;
}

/** A record group is its record id (a string), so the inline "Open Source" action receives the id it expects. */
type SourcesNode = string | OtherGroupNode | EntryNode;
interface OtherGroupNode {
  readonly kind: 'unresolved' | 'placeholder';
  readonly group: SourceGroup;
}
interface EntryNode {
  readonly kind: 'entry';
  readonly groupKind: SourceGroup['kind'];
  readonly entry: SourceEntry;
  readonly uri: vscode.Uri;
  readonly range: vscode.Range;
}

const WARNING_COLOR = new vscode.ThemeColor('problemsWarningIcon.foreground');

/** The active Markdown article's references, grouped by the record they resolve to. */
export class ArticleSourcesProvider implements vscode.TreeDataProvider<SourcesNode> {
  readonly #changed = new vscode.EventEmitter<void>();
  readonly onDidChangeTreeData = this.#changed.event;
  #state: SourcesState | undefined;

  constructor(private readonly deps: ArticleSourcesDeps) {}

  get state(): SourcesState | undefined {
    return this.#state;
  }

  /** Shows `document` as analysed now (undefined: no article, an empty tree and the welcome text). */
  show(document: vscode.TextDocument | undefined): void {
    if (!document) this.#state = undefined;
    else {
      const analysis = this.deps.analyses.get(document);
      const groups = groupSources(analysis.article, analysis.references, (id) => this.deps.corpus.index.get(id));
      const byId = new Map(groups.filter((group) => group.id !== undefined).map((group) => [group.id!, group]));
      this.#state = { document, article: analysis.article, groups, byId, entries: new Map() };
    }
    this.#changed.fire();
  }

  getChildren(element?: SourcesNode): SourcesNode[] {
    const state = this.#state;
    if (!state) return [];
    if (element === undefined) return state.groups.map((group): SourcesNode => (group.kind === 'record' ? group.id! : { kind: group.kind, group }));
    const group = typeof element === 'string' ? state.byId.get(element) : element.kind === 'entry' ? undefined : element.group;
    return group ? this.#entryNodes(state, group) : [];
  }

  getTreeItem(element: SourcesNode): vscode.TreeItem {
    if (typeof element === 'string') return this.#recordItem(element);
    if (element.kind === 'entry') return entryItem(element, this.deps.corpus);
    const count = element.group.entries.length;
    const placeholder = element.kind === 'placeholder';
    const item = new vscode.TreeItem(placeholder ? vscode.l10n.t('Placeholder links') : vscode.l10n.t('Unresolved'), vscode.TreeItemCollapsibleState.Expanded);
    item.id = `group:${element.kind}`;
    item.description = String(count);
    item.iconPath = new vscode.ThemeIcon(placeholder ? 'circle-slash' : 'warning', WARNING_COLOR);
    item.tooltip = placeholder
      ? vscode.l10n.t('Links to "#" or to nothing, still to be filled in (a link whose text names a record is also listed under that record).')
      : vscode.l10n.t('References that match no corpus record: citations, links, unknown citation keys and names that fit several records.');
    item.contextValue = placeholder ? 'placeholderGroup' : 'unresolvedGroup';
    return item;
  }

  dispose(): void {
    this.#changed.dispose();
  }

  #recordItem(id: string): vscode.TreeItem {
    const group = this.#state?.byId.get(id);
    const record = group?.record;
    const count = group?.entries.length ?? 0;
    const item = new vscode.TreeItem(record?.title ?? id, vscode.TreeItemCollapsibleState.Collapsed);
    item.id = `record:${id}`;
    item.description = String(count);
    const cited = count === 1 ? vscode.l10n.t('Referred to once in this article.') : vscode.l10n.t('Referred to {0} times in this article.', count);
    if (!record) {
      // The corpus changed after this analysis; the refresh that follows every corpus update fixes it.
      item.iconPath = new vscode.ThemeIcon('warning', WARNING_COLOR);
      item.tooltip = `${vscode.l10n.t('No corpus record has the id "{0}" any more.', id)}\n${cited}`;
      return item;
    }
    item.iconPath = recordTypeIcon(record.type);
    item.tooltip = `${recordTooltip(record, this.deps.settings.uiLanguage())}\n\n${cited}`;
    item.contextValue = 'record';
    return item;
  }

  #entryNodes(state: SourcesState, group: SourceGroup): EntryNode[] {
    let nodes = state.entries.get(group);
    if (!nodes) {
      // Ranges from the analysed text's own lines: right for the version the tree shows, even if typing goes on.
      const position = (offset: number) => {
        const { line, character } = positionAt(state.article.lines, offset);
        return new vscode.Position(line, character);
      };
      nodes = group.entries.map((entry) => ({
        kind: 'entry' as const,
        groupKind: group.kind,
        entry,
        uri: state.document.uri,
        range: new vscode.Range(position(entry.reference.start), position(entry.reference.end)),
      }));
      state.entries.set(group, nodes);
    }
    return nodes;
  }
}

function entryItem(node: EntryNode, corpus: CorpusService): vscode.TreeItem {
  const { entry } = node;
  const reference = entry.reference;
  const item = new vscode.TreeItem({ label: entry.excerpt.text, highlights: [[entry.excerpt.highlightStart, entry.excerpt.highlightEnd]] }, vscode.TreeItemCollapsibleState.None);
  item.description = `${vscode.l10n.t('line {0}', entry.line + 1)} · ${kindLabel(reference.kind)}`;
  item.iconPath = entryIcon(node.groupKind, reference);
  const details = [reference.text, item.description];
  const record = reference.id ? corpus.index.get(reference.id) : undefined;
  if (record && node.groupKind !== 'record') details.push(vscode.l10n.t('Refers to {0}', record.title));
  if (reference.candidates) details.push(vscode.l10n.t('Fits several records equally well: {0}', reference.candidates.join(', ')));
  item.tooltip = details.join('\n');
  item.contextValue = isPlaceholderLink(reference) ? 'reference.placeholder' : 'reference';
  item.command = { command: REVEAL_REFERENCE_COMMAND, title: vscode.l10n.t('Reveal Reference'), arguments: [node.uri, node.range] };
  return item;
}

function entryIcon(groupKind: SourceGroup['kind'], reference: ArticleReference): vscode.ThemeIcon {
  if (groupKind === 'placeholder') return reference.id ? new vscode.ThemeIcon('link') : new vscode.ThemeIcon('circle-slash', WARNING_COLOR);
  if (groupKind === 'unresolved') return reference.candidates ? new vscode.ThemeIcon('question', WARNING_COLOR) : new vscode.ThemeIcon('warning', WARNING_COLOR);
  return new vscode.ThemeIcon(KIND_ICONS[reference.kind]);
}

const KIND_ICONS: Readonly<Record<ReferenceKind, string>> = { mention: 'mention', link: 'link', citation: 'quote', key: 'key' };

function kindLabel(kind: ReferenceKind): string {
  switch (kind) {
    case 'mention': return vscode.l10n.t('mention');
    case 'link': return vscode.l10n.t('link');
    case 'citation': return vscode.l10n.t('citation');
    case 'key': return vscode.l10n.t('citation key');
  }
}

function isMarkdown(document: vscode.TextDocument | undefined): document is vscode.TextDocument {
  return document?.languageId === 'markdown';
}

/**
 * The Article Sources view and the command its references run. It follows the active editor; it is recomputed
 * after typing stops (debounced; a run overtaken by a newer one is dropped), on corpus and tag updates, and
 * only while the view is visible (a hidden view is brought up to date when it is shown).
 */
export function registerArticleSourcesView(deps: ArticleSourcesDeps): ArticleSourcesView {
  const provider = new ArticleSourcesProvider(deps);
  const view = vscode.window.createTreeView(ARTICLE_SOURCES_VIEW_ID, { treeDataProvider: provider, showCollapseAll: true });
  let ready = false;
  let ticket = 0;
  let stale = true;
  let timer: ReturnType<typeof setTimeout> | undefined;

  const showChrome = () => {
    const state = provider.state;
    const document = state?.document ?? activeMarkdown();
    view.description = document ? document.uri.path.slice(document.uri.path.lastIndexOf('/') + 1) : undefined;
    // No message without an article: an empty tree with no message shows the contributed welcome text.
    if (!document) view.message = undefined;
    else if (!ready) view.message = vscode.l10n.t('Loading the corpus…');
    else view.message = state && state.groups.length === 0 ? vscode.l10n.t('This article has no references to sources.') : undefined;
    const attention = state?.groups.filter((group) => group.kind !== 'record').reduce((sum, group) => sum + group.entries.length, 0) ?? 0;
    view.badge = attention > 0 ? { value: attention, tooltip: vscode.l10n.t('{0} references to check (unresolved or placeholder links)', attention) } : undefined;
  };

  const refresh = async (force = false) => {
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
    if (!view.visible && !force) {
      stale = true;
      return;
    }
    stale = false;
    // Focus in the Output panel makes its log the active "editor": keep showing the article.
    if (vscode.window.activeTextEditor?.document.uri.scheme === 'output') return;
    const mine = ++ticket;
    const document = activeMarkdown();
    if (!document) {
      provider.show(undefined);
      showChrome();
      return;
    }
    if (!ready) showChrome();
    await deps.corpus.whenReady();
    ready = true;
    // Overtaken by a newer refresh (another editor, more typing) while the corpus loaded: that one draws.
    if (mine !== ticket || document.isClosed) return;
    provider.show(document);
    showChrome();
  };
  const schedule = (delay = deps.debounceMs ?? 300) => {
    if (timer !== undefined) clearTimeout(timer);
    timer = setTimeout(() => void refresh(), delay);
  };

  const revealReference = async (uri: unknown, range: unknown) => {
    // Arguments come from our own tree items; anything else is ignored.
    if (!(uri instanceof vscode.Uri) || !(range instanceof vscode.Range)) return;
    const document = await vscode.workspace.openTextDocument(uri);
    const selection = document.validateRange(range);
    const visible = vscode.window.visibleTextEditors.find((editor) => editor.document.uri.toString() === uri.toString());
    const editor = await vscode.window.showTextDocument(document, { selection, preserveFocus: false, ...(visible?.viewColumn !== undefined ? { viewColumn: visible.viewColumn } : {}) });
    editor.revealRange(selection, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  };

  const subscriptions = vscode.Disposable.from(
    view,
    provider,
    vscode.commands.registerCommand(REVEAL_REFERENCE_COMMAND, revealReference),
    vscode.window.onDidChangeActiveTextEditor(() => schedule(0)),
    vscode.workspace.onDidChangeTextDocument((event) => {
      if (event.contentChanges.length > 0 && event.document === activeMarkdown()) schedule();
    }),
    vscode.workspace.onDidChangeConfiguration((event) => {
      if (event.affectsConfiguration('policyAnnotator')) schedule();
    }),
    view.onDidChangeVisibility((event) => {
      if (event.visible && stale) schedule(0);
    }),
    new vscode.Disposable(deps.corpus.onDidUpdate(() => schedule()).dispose),
    new vscode.Disposable(deps.tags.onDidUpdate(() => schedule()).dispose),
  );
  schedule(0);

  return {
    snapshot: async () => {
      await refresh(true);
      // A refresh already waiting for the corpus may have overtaken this one: run once more, now without waiting.
      if (provider.state?.document !== activeMarkdown()) await refresh(true);
      return {
        ...(view.description !== undefined ? { description: view.description } : {}),
        ...(view.message !== undefined ? { message: view.message } : {}),
        ...(view.badge !== undefined ? { badge: view.badge.value } : {}),
        nodes: await snapshotTree(provider, 2),
      };
    },
    dispose: () => {
      if (timer !== undefined) clearTimeout(timer);
      subscriptions.dispose();
    },
  };
}

function activeMarkdown(): vscode.TextDocument | undefined {
  const document = vscode.window.activeTextEditor?.document;
  return isMarkdown(document) ? document : undefined;
}
