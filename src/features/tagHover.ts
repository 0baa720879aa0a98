import * as vscode from 'vscode';
import { corpusReadyFor } from '../vscode/commandContext';
import type { Article } from '../core/article/article';
import { findArticleTags, type ArticleTag } from '../core/tags/articleTags';
import type { CorpusService } from '../core/corpus/corpusService';
import type { TagService } from '../core/tags/tagService';
import type { ArticleAnalyses } from '../vscode/articleAnalyses';
import { toVsRange } from '../vscode/convert';
import { registerHoverWhenEnabled } from '../vscode/hovers';
import { literalMarkdown } from '../vscode/literalMarkdown';
import type { Settings } from '../vscode/settings';

export interface TagHoverDeps {
  readonly corpus: CorpusService;
  readonly tags: TagService;
  readonly analyses: ArticleAnalyses;
  readonly settings: Pick<Settings, 'isHoverEnabled'>;
}

/** Hover on a tag: its label, description, synonyms, how often it is used and by which articles. */
export class TagHoverProvider implements vscode.HoverProvider {
  /** Each parsed article's tags, #hashtags included: found once per version, not on every hover (a scan of the text). */
  readonly #tagsOf = new WeakMap<Article, readonly ArticleTag[]>();

  constructor(private readonly deps: TagHoverDeps) {}

  async provideHover(document: vscode.TextDocument, position: vscode.Position, token: vscode.CancellationToken): Promise<vscode.Hover | undefined> {
    const offset = document.offsetAt(position);
    // Not on a tag (counting #hashtags too, whatever the setting): nothing to wait for. The parse alone says so,
    // so a hover elsewhere does not wait for the corpus (VS Code shows a hover once every provider has answered).
    const article = this.deps.analyses.article(document);
    let tags = this.#tagsOf.get(article);
    if (!tags) this.#tagsOf.set(article, (tags = findArticleTags(article, true)));
    if (!tags.some((tag) => offset >= tag.start && offset < tag.end)) return undefined;
    if (!(await corpusReadyFor(this.deps.corpus, token))) return undefined;
    const verdict = this.deps.analyses.get(document).tags.find((candidate) => offset >= candidate.tag.start && offset < candidate.tag.end);
    if (!verdict) return undefined;
    const vocabulary = this.deps.tags.vocabulary;
    const definition = vocabulary.resolve(verdict.tag.text)?.definition;
    const markdown = literalMarkdown();
    // Tag text comes from articles and taxonomy files: appended as text, never as Markdown.
    if (!definition) {
      markdown.appendText(vscode.l10n.t('"{0}" is not in the tag taxonomy.', verdict.tag.text));
      if (verdict.suggestion) markdown.appendMarkdown('\n\n').appendText(vscode.l10n.t('Nearest: {0}', verdict.suggestion));
    } else {
      markdown.appendMarkdown('**').appendText(definition.tag).appendMarkdown('** · ').appendText(definition.label);
      if (definition.description) markdown.appendMarkdown('\n\n').appendText(definition.description);
      if (definition.synonyms.length > 0) markdown.appendMarkdown('\n\n').appendText(vscode.l10n.t('Synonyms: {0}', definition.synonyms.join('、')));
      const usage = vocabulary.usage(definition.tag);
      const articles = usage.sources.filter((source) => !source.startsWith('record:')).map((source) => vscode.workspace.asRelativePath(vscode.Uri.parse(source)));
      markdown.appendMarkdown('\n\n').appendText(vscode.l10n.t('Used {0}× ({1} articles, {2} corpus records)', usage.count, articles.length, usage.sources.length - articles.length));
      if (articles.length > 0) markdown.appendMarkdown('\n\n').appendText(articles.slice(0, 8).join(', ') + (articles.length > 8 ? vscode.l10n.t(' and {0} more', articles.length - 8) : ''));
    }
    markdown.isTrusted = false;
    return new vscode.Hover(markdown, toVsRange(document, verdict.tag.start, verdict.tag.end));
  }
}

export function registerTagHoverSupport(selector: vscode.DocumentSelector, deps: TagHoverDeps): vscode.Disposable {
  return registerHoverWhenEnabled(selector, deps.settings, new TagHoverProvider(deps), 'tag');
}
