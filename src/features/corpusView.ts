import * as vscode from 'vscode';
import type { CorpusService } from '../core/corpus/corpusService';
import type { CorpusRecord } from '../core/corpus/record';
import { RECORD_TYPES } from '../core/corpus/validate';
import { CORPUS_VIEW_COMMANDS } from '../vscode/commandIds';
import { runDetached } from '../vscode/detached';
import { recordTooltip, recordTypeIcon, recordTypeLabel } from '../vscode/recordPresentation';
import { snapshotTree, type ViewSnapshot } from '../vscode/treeSnapshot';
import type { Settings } from '../vscode/settings';
import type { WorkspaceReferences } from '../vscode/workspaceReferenceIndex';

export const CORPUS_VIEW_ID = 'policyAnnotator.corpus';
const SEARCHING_CONTEXT = 'policyAnnotator.corpusView.searching';

/** A type group shows at most this many records; the rest are one search away. */
export const MAX_RECORDS_PER_TYPE = 2_000;
const SEARCH_LIMIT = 200;
const MAX_QUERY_LENGTH = 200;

export interface CorpusViewDeps {
  readonly corpus: CorpusService;
  readonly settings: Settings;
  /** The articles citing each record (backlinks under a record). */
  readonly references?: WorkspaceReferences;
  readonly debounceMs?: number;
}

export interface CorpusView extends vscode.Disposable {
  /** Both levels of the tree as it is now (after the first corpus load), plus the view's description and message. */
  snapshot(): Promise<ViewSnapshot & { readonly searching: boolean }>;
}

/** A record is its id (a string), so the inline "Open Source" action receives the id it expects. */
type CorpusNode = string | TypeNode | MoreNode | BacklinkNode;
interface TypeNode {
  readonly kind: 'type';
  readonly type: string;
  readonly count: number;
}
/** An article citing a record: `count` references, the first at `first`. */
interface BacklinkNode {
  readonly kind: 'backlink';
  readonly id: string;
  readonly uri: string;
  readonly count: number;
  readonly first: vscode.Range;
}
interface MoreNode {
  readonly kind: 'more';
  readonly type: string;
  readonly hidden: number;
}

/**
 * The corpus by record type, or the ranked results of a search. Counting and each type's children are built
 * only when asked (a collapsed view costs nothing) and reused until the index changes.
 */
export class CorpusTreeProvider implements vscode.TreeDataProvider<CorpusNode> {
  readonly #changed = new vscode.EventEmitter<void>();
  readonly onDidChangeTreeData = this.#changed.event;
  #query: string | undefined;
  #hits: string[] = [];
  #counts: { readonly generation: number; readonly byType: ReadonlyMap<string, number> } | undefined;
  readonly #children = new Map<string, { readonly generation: number; readonly nodes: CorpusNode[] }>();

  constructor(private readonly deps: CorpusViewDeps) {}

  get query(): string | undefined {
    return this.#query;
  }

  get hitCount(): number {
    return this.#hits.length;
  }

  /** Filters the tree to the index's fuzzy-search results for `query`, best first; undefined shows every type. */
  async setQuery(query: string | undefined): Promise<void> {
    this.#query = query;
    await this.#search();
    this.#changed.fire();
  }

  /** After a corpus update: searches again and redraws. */
  async refresh(): Promise<void> {
    await this.#search();
    this.#changed.fire();
  }

  /** Record counts by type, in RECORD_TYPES order and then other types alphabetically. */
  typeCounts(): ReadonlyMap<string, number> {
    const index = this.deps.corpus.index;
    if (this.#counts?.generation !== index.generation) {
      const byType = new Map<string, number>();
      for (const record of index.records()) byType.set(record.type, (byType.get(record.type) ?? 0) + 1);
      const ordered = [...byType.keys()].sort((a, b) => typeRank(a) - typeRank(b) || (a < b ? -1 : a > b ? 1 : 0));
      this.#counts = { generation: index.generation, byType: new Map(ordered.map((type) => [type, byType.get(type)!])) };
    }
    return this.#counts.byType;
  }

  async getChildren(element?: CorpusNode): Promise<CorpusNode[]> {
    // The tree may be opened before the first load is done: wait (the view shows its progress bar) instead of
    // showing a half-loaded corpus.
    await this.deps.corpus.whenReady();
    if (element === undefined) {
      if (this.#query !== undefined) return this.#hits.filter((id) => this.deps.corpus.index.get(id) !== undefined);
      return [...this.typeCounts()].map(([type, count]) => ({ kind: 'type', type, count }));
    }
    if (typeof element === 'string') return this.#backlinks(element);
    if (element.kind !== 'type') return [];
    return this.#recordsOfType(element.type);
  }

  getTreeItem(element: CorpusNode): vscode.TreeItem {
    if (typeof element === 'string') return this.#recordItem(element);
    if (element.kind === 'backlink') return backlinkItem(element);
    if (element.kind === 'type') {
      const item = new vscode.TreeItem(recordTypeLabel(element.type), vscode.TreeItemCollapsibleState.Collapsed);
      item.id = `type:${element.type}`;
      item.description = element.count.toLocaleString();
      item.iconPath = recordTypeIcon(element.type);
      item.contextValue = 'typeGroup';
      return item;
    }
    const item = new vscode.TreeItem(vscode.l10n.t('… {0} more, use Search', element.hidden.toLocaleString()), vscode.TreeItemCollapsibleState.None);
    item.id = `more:${element.type}`;
    item.iconPath = new vscode.ThemeIcon('search');
    item.tooltip = vscode.l10n.t('Only the first {0} records of a type are listed. Search the corpus to find the others.', MAX_RECORDS_PER_TYPE.toLocaleString());
    item.command = { command: CORPUS_VIEW_COMMANDS.search, title: vscode.l10n.t('Search the Corpus View') };
    item.contextValue = 'more';
    return item;
  }

  dispose(): void {
    this.#changed.dispose();
  }

  #recordItem(id: string): vscode.TreeItem {
    const record = this.deps.corpus.index.get(id);
    const cited = this.deps.references?.index.isCited(id) ?? false;
    const item = new vscode.TreeItem(record?.title ?? id, cited ? vscode.TreeItemCollapsibleState.Collapsed : vscode.TreeItemCollapsibleState.None);
    item.id = `record:${id}`;
    if (!record) {
      // Removed since the tree was drawn; the refresh after the update is on its way.
      item.description = vscode.l10n.t('removed');
      return item;
    }
    item.description = [record.date, record.publisher ?? record.author].filter((part) => part).join(' · ') || undefined;
    item.tooltip = recordTooltip(record, this.deps.settings.uiLanguage());
    item.iconPath = recordTypeIcon(record.type);
    item.contextValue = 'record';
    item.command = { command: CORPUS_VIEW_COMMANDS.showRecord, title: vscode.l10n.t('Show Corpus Record'), arguments: [record.id] };
    return item;
  }

  #backlinks(id: string): BacklinkNode[] {
    return (this.deps.references?.index.citingArticles(id) ?? []).map(({ uri, count, first }) => ({
      kind: 'backlink',
      id,
      uri,
      count,
      first: new vscode.Range(first.startLine, first.startCharacter, first.endLine, first.endCharacter),
    }));
  }

  /** After the reference index changed: the same tree, new backlinks (no search again). */
  redraw(): void {
    this.#changed.fire();
  }

  #recordsOfType(type: string): CorpusNode[] {
    const index = this.deps.corpus.index;
    const cached = this.#children.get(type);
    if (cached?.generation === index.generation) return cached.nodes;
    const shown: CorpusRecord[] = [];
    let hidden = 0;
    // Index order, cut at the cap, then sorted: sorting a type of 100,000 records by title would take seconds
    // and nobody scrolls that far; search finds the rest.
    for (const record of index.records()) {
      if (record.type !== type) continue;
      if (shown.length < MAX_RECORDS_PER_TYPE) shown.push(record);
      else hidden++;
    }
    const collator = new Intl.Collator(this.deps.settings.uiLanguage() === 'zh' ? 'zh-Hant-TW' : 'en');
    shown.sort((a, b) => collator.compare(a.title, b.title) || (a.id < b.id ? -1 : 1));
    const nodes: CorpusNode[] = shown.map((record) => record.id);
    if (hidden > 0) nodes.push({ kind: 'more', type, hidden });
    this.#children.set(type, { generation: index.generation, nodes });
    return nodes;
  }

  async #search(): Promise<void> {
    if (this.#query === undefined) {
      this.#hits = [];
      return;
    }
    await this.deps.corpus.whenReady();
    this.#hits = this.deps.corpus.index.search(this.#query, SEARCH_LIMIT).map((hit) => hit.id);
  }
}

export function registerCorpusView(deps: CorpusViewDeps): CorpusView {
  const provider = new CorpusTreeProvider(deps);
  const view = vscode.window.createTreeView(CORPUS_VIEW_ID, { treeDataProvider: provider, showCollapseAll: true });
  const showState = () => {
    const query = provider.query;
    void vscode.commands.executeCommand('setContext', SEARCHING_CONTEXT, query !== undefined);
    view.description = query;
    if (query !== undefined) {
      const count = provider.hitCount;
      view.message =
        count === 0 ? vscode.l10n.t('No record matches "{0}".', query) : count === 1 ? vscode.l10n.t('1 record matches "{0}".', query) : vscode.l10n.t('{0} records match "{1}".', count, query);
    } else {
      view.message = deps.corpus.index.size === 0 ? vscode.l10n.t('The corpus has no records yet.') : undefined;
    }
  };
  const search = async (argument?: unknown) => {
    // A string argument (a keybinding, a test) searches at once; from the view's title bar, ask.
    const query =
      typeof argument === 'string'
        ? argument
        : await vscode.window.showInputBox({
            title: vscode.l10n.t('Search the Corpus View'),
            prompt: vscode.l10n.t('A title, an alias or an id; misspellings are tolerated.'),
            placeHolder: vscode.l10n.t('e.g. 布萊切利宣言'),
            value: provider.query ?? '',
          });
    if (query === undefined) return;
    const trimmed = query.trim().slice(0, MAX_QUERY_LENGTH);
    await provider.setQuery(trimmed === '' ? undefined : trimmed);
    showState();
  };
  const clearSearch = async () => {
    await provider.setQuery(undefined);
    showState();
  };
  let redrawTimer: ReturnType<typeof setTimeout> | undefined;
  const scheduleRedraw = () => {
    redrawTimer ??= setTimeout(() => {
      redrawTimer = undefined;
      provider.redraw();
    }, deps.debounceMs ?? 300);
  };
  let timer: ReturnType<typeof setTimeout> | undefined;
  const scheduleRefresh = () => {
    if (timer !== undefined) clearTimeout(timer);
    timer = setTimeout(() => {
      timer = undefined;
      runDetached('Corpus view refresh', provider.refresh().then(showState));
    }, deps.debounceMs ?? 300);
  };
  const subscriptions = vscode.Disposable.from(
    view,
    provider,
    vscode.commands.registerCommand(CORPUS_VIEW_COMMANDS.search, search),
    vscode.commands.registerCommand(CORPUS_VIEW_COMMANDS.clearSearch, clearSearch),
    new vscode.Disposable(deps.corpus.onDidUpdate(scheduleRefresh).dispose),
    ...(deps.references ? [deps.references.onDidUpdate(scheduleRedraw)] : []),
  );
  runDetached('Corpus view', deps.corpus.whenReady().then(showState));
  return {
    snapshot: async () => {
      await deps.corpus.whenReady();
      showState();
      return {
        searching: provider.query !== undefined,
        ...(view.description !== undefined ? { description: view.description } : {}),
        ...(view.message !== undefined ? { message: view.message } : {}),
        nodes: await snapshotTree(provider, 2),
      };
    },
    dispose: () => {
      if (timer !== undefined) clearTimeout(timer);
      if (redrawTimer !== undefined) clearTimeout(redrawTimer);
      subscriptions.dispose();
      void vscode.commands.executeCommand('setContext', SEARCHING_CONTEXT, false);
    },
  };
}

/** Where a type sits among the groups: the known types in their documented order, then the others. */
function typeRank(type: string): number {
  const rank = RECORD_TYPES.indexOf(type);
  return rank === -1 ? RECORD_TYPES.length : rank;
}

/** "3 references" under a record; a click opens the article with its first reference selected. */
function backlinkItem(node: BacklinkNode): vscode.TreeItem {
  const uri = vscode.Uri.parse(node.uri);
  const item = new vscode.TreeItem(vscode.workspace.asRelativePath(uri), vscode.TreeItemCollapsibleState.None);
  item.id = `backlink:${node.id}:${node.uri}`;
  item.resourceUri = uri;
  item.description = node.count === 1 ? vscode.l10n.t('1 reference') : vscode.l10n.t('{0} references', node.count.toLocaleString());
  item.iconPath = new vscode.ThemeIcon('references');
  item.contextValue = 'backlink';
  const options: vscode.TextDocumentShowOptions = { selection: node.first };
  item.command = { command: 'vscode.open', title: vscode.l10n.t('Open the Article at the Reference'), arguments: [uri, options] };
  return item;
}
