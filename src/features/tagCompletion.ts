import * as vscode from 'vscode';
import { corpusReadyFor } from '../vscode/commandContext';
import type { CorpusService } from '../core/corpus/corpusService';
import { findArticleTags, tagContextAt } from '../core/tags/articleTags';
import type { TagService } from '../core/tags/tagService';
import type { ArticleAnalyses } from '../vscode/articleAnalyses';
import { toVsRange } from '../vscode/convert';
import type { Settings } from '../vscode/settings';

export interface TagCompletionDeps {
  readonly corpus: CorpusService;
  readonly tags: TagService;
  readonly analyses: ArticleAnalyses;
  readonly settings: Settings;
}

/** Characters after which a new tag starts (Chinese input methods send none of the usual trigger characters). */
export const TAG_TRIGGER_CHARACTERS = ['、', '，', ',', '#', '['];

/**
 * Tag completion in tag positions only (the 文章標籤 section, front matter `tags:`, #hashtags when enabled):
 * prefix matches, then typo-tolerant ones, each ranked by usage; tags already in the article are left out;
 * accepting replaces the whole partly typed tag.
 */
export class TagCompletionProvider implements vscode.CompletionItemProvider {
  constructor(private readonly deps: TagCompletionDeps) {}

  async provideCompletionItems(document: vscode.TextDocument, position: vscode.Position, token: vscode.CancellationToken): Promise<vscode.CompletionList | undefined> {
    if (!(await corpusReadyFor(this.deps.corpus, token))) return undefined;
    // The parse alone: completion runs on every keystroke and needs no resolution or checks.
    const article = this.deps.analyses.article(document);
    const hashtags = this.deps.settings.hashtagsEnabled(document.uri);
    const context = tagContextAt(article, document.offsetAt(position), hashtags);
    if (!context) return undefined;
    const vocabulary = this.deps.tags.vocabulary;
    const present = new Set(
      findArticleTags(article, hashtags)
        .filter((tag) => tag.start !== context.start)
        .map((tag) => vocabulary.resolve(tag.text)?.definition.tag ?? tag.text),
    );
    const range = toVsRange(document, context.start, context.end);
    const items = vocabulary.complete(context.typed, present, 50).map((candidate, rank) => {
      const { definition } = candidate;
      const item = new vscode.CompletionItem({ label: definition.tag, description: definition.label }, vscode.CompletionItemKind.Keyword);
      item.range = range;
      // Our order, not VS Code's: prefix, synonym and fuzzy matches are ranked here.
      item.sortText = String(rank).padStart(4, '0');
      // A synonym or a typo does not start like the tag: filter on what was typed so the item stays.
      item.filterText = candidate.match === 'prefix' ? definition.tag : `${context.typed}${definition.tag}`;
      item.detail = candidate.usage > 0 ? vscode.l10n.t('{0} · used {1}×', definition.label, candidate.usage) : definition.label;
      const documentation = new vscode.MarkdownString();
      documentation.appendText(definition.description ?? '');
      if (definition.synonyms.length > 0) documentation.appendMarkdown('\n\n').appendText(vscode.l10n.t('Synonyms: {0}', definition.synonyms.join('、')));
      if (candidate.match !== 'prefix') documentation.appendMarkdown('\n\n').appendText(candidate.match === 'synonym' ? `"${context.typed}" → ${definition.tag}` : vscode.l10n.t('closest to "{0}"', context.typed));
      item.documentation = documentation;
      return item;
    });
    // Incomplete: the ranking changes with every character typed.
    return new vscode.CompletionList(items, true);
  }
}

export function registerTagCompletionSupport(selector: vscode.DocumentSelector, deps: TagCompletionDeps): vscode.Disposable {
  return vscode.languages.registerCompletionItemProvider(selector, new TagCompletionProvider(deps), ...TAG_TRIGGER_CHARACTERS);
}
