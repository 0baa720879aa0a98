import * as vscode from 'vscode';
import type { Article } from '../core/article/article';
import { missingSourceLines, sourceLineInsertion } from '../core/article/sourceLineCompletion';
import { BibliographyCompleter } from '../core/corpus/bibliographyCompletion';
import type { CorpusService } from '../core/corpus/corpusService';
import type { CorpusRecord, UiLanguage } from '../core/corpus/record';
import { referenceText, type ReferenceStyle } from '../core/insertReference';
import { citationContextAt, replacedLength, type CitationCandidate, type CitationCompleter, type CitationContext } from '../core/search/citationCompletion';
import { formatDateWithRoc } from '../core/util/dates';
import type { ArticleAnalyses } from '../vscode/articleAnalyses';
import { corpusReadyFor, todayIso } from '../vscode/commandContext';
import { literalMarkdown } from '../vscode/literalMarkdown';
import { recordTypeLabel } from '../vscode/recordPresentation';
import type { CitationInsertStyle, Settings } from '../vscode/settings';

export interface CitationCompletionDeps {
  readonly corpus: CorpusService;
  readonly analyses: ArticleAnalyses;
  readonly settings: Settings;
  readonly completer: CitationCompleter;
}

export const CITATION_TRIGGER_CHARACTERS = ['@'];
const LIMIT = 50;
/** At most this many characters before the cursor on a 資料來源 line still count as "a line start". */
const LINE_START = 12;

const STYLES: Readonly<Record<CitationInsertStyle, ReferenceStyle>> = { key: 'citationKey', mention: 'mention', link: 'link' };

/**
 * Citation completion: after `@` and `[@` (keys), and on an explicit request (Ctrl+Space) for the word before
 * the cursor, records ranked by CitationCompleter (names, then publisher, date, tags). At the start of a line
 * in 資料來源: whole citation lines of the records the article refers to but does not list.
 */
export class CitationCompletionProvider implements vscode.CompletionItemProvider {
  readonly #completer: BibliographyCompleter;

  constructor(private readonly deps: CitationCompletionDeps) {
    this.#completer = new BibliographyCompleter(deps.completer);
  }

  async provideCompletionItems(document: vscode.TextDocument, position: vscode.Position, token: vscode.CancellationToken, context: vscode.CompletionContext): Promise<vscode.CompletionList | undefined> {
    if (!(await corpusReadyFor(this.deps.corpus, token))) return undefined;
    // The front matter's bibliography (read once, kept until the file changes): its records are offered too.
    await this.deps.analyses.prepare(document);
    if (token.isCancellationRequested) return undefined;
    // The parse alone on every keystroke; the full analysis only for the 資料來源 offers.
    const article = this.deps.analyses.article(document);
    const offset = document.offsetAt(position);
    if (article.skipped.contains(offset)) return undefined;
    const line = document.lineAt(position.line);
    const linePrefix = line.text.slice(0, position.character);
    const sourceLines = this.#sourceLineItems(document, article, position, linePrefix);
    if (sourceLines) return sourceLines;
    const citation = citationContextAt(linePrefix, context.triggerKind === vscode.CompletionTriggerKind.Invoke);
    if (!citation) return undefined;
    // A key inside a link or an existing citation group's text is not ours to complete.
    if (citation.kind === 'word' && article.notProse.contains(offset - 1)) return undefined;
    const candidates = citation.typed.trim() === '' ? this.#referenced(document) : this.#completer.complete(citation.typed, LIMIT, this.deps.analyses.bibliographyIndex(document));
    const today = todayIso();
    const addSourceLine = this.deps.settings.citationCompletionAddsSourceLine(document.uri);
    const style = this.deps.settings.citationCompletionStyle(document.uri);
    const items = candidates.flatMap((candidate, rank) => {
      const item = this.#item(document, position, citation, candidate, style, today);
      if (!item) return [];
      item.sortText = String(rank).padStart(4, '0');
      if (addSourceLine) {
        const insertion = sourceLineInsertion(article, candidate.record, today);
        if (insertion) {
          const at = document.positionAt(insertion.offset);
          item.additionalTextEdits = [vscode.TextEdit.insert(at, insertion.text)];
        }
      }
      return [item];
    });
    // Incomplete: the ranking changes with every character typed.
    return new vscode.CompletionList(items, true);
  }

  #item(document: vscode.TextDocument, position: vscode.Position, citation: CitationContext, candidate: CitationCandidate, style: CitationInsertStyle, today: string): vscode.CompletionItem | undefined {
    const { record } = candidate;
    const line = position.line;
    let start = citation.start;
    let end = position.character;
    let insert: string | undefined;
    if (citation.kind === 'bracket') {
      insert = referenceText(record, 'citationKey', today);
      // An editor that closed the bracket itself left a `]` after the cursor: replaced too.
      if (document.lineAt(line).text[end] === ']') end++;
    } else if (citation.kind === 'groupKey') {
      insert = referenceText(record, 'citationKey', today)?.slice(1, -1);
    } else {
      insert = referenceText(record, STYLES[style], today) ?? referenceText(record, 'mention', today);
      if (citation.kind === 'word') start = position.character - replacedLength(citation.typed, candidate.name ?? record.title);
    }
    // A key the citation parser could not read back (an id with spaces) is not offered as a key.
    if (insert === undefined) return undefined;
    const range = new vscode.Range(line, start, line, end);
    const typedRange = new vscode.Range(line, start, position.line, position.character);
    const item = new vscode.CompletionItem({ label: record.title, detail: ` @${record.id}`, description: summaryLine(record, this.deps.settings.uiLanguage()) }, vscode.CompletionItemKind.Reference);
    item.range = range;
    item.insertText = insert;
    // Our order and our matching (typos, publisher, dates): filter on what was typed so every item stays.
    item.filterText = `${document.getText(typedRange)}${record.title} ${record.id}`;
    item.detail = summaryLine(record, this.deps.settings.uiLanguage());
    item.documentation = recordDocumentation(record, this.deps.settings.uiLanguage());
    return item;
  }

  /** With nothing typed after `@`: the records the article already refers to, most referred first. */
  #referenced(document: vscode.TextDocument): CitationCandidate[] {
    const counts = new Map<string, number>();
    for (const reference of this.deps.analyses.get(document).references) if (reference.id) counts.set(reference.id, (counts.get(reference.id) ?? 0) + 1);
    return [...counts]
      .sort((a, b) => b[1] - a[1])
      .flatMap(([id, count]) => {
        const record = this.deps.analyses.recordOf(document, id);
        return record ? [{ record, score: count, field: 'name' as const }] : [];
      })
      .slice(0, LIMIT);
  }

  /** At a line start in 資料來源: the citation lines of referred but unlisted records. */
  #sourceLineItems(document: vscode.TextDocument, article: Article, position: vscode.Position, linePrefix: string): vscode.CompletionList | undefined {
    const section = article.sections.find((candidate) => candidate.kind === 'sources' && position.line >= candidate.firstLine && position.line < Math.max(candidate.endLine, candidate.firstLine + 1));
    if (!section) return undefined;
    const marker = /^\s*(?:(?:[-*+]|\d{1,9}[.)])\s+)?/.exec(linePrefix)![0];
    const typed = linePrefix.slice(marker.length);
    if (typed.length > LINE_START || document.lineAt(position.line).text.length > linePrefix.length) return undefined;
    const analysis = this.deps.analyses.get(document);
    const offers = missingSourceLines(analysis, { get: analysis.record }, todayIso());
    const range = new vscode.Range(position.line, marker.length, position.line, position.character);
    const items = offers.map((offer, rank) => {
      const item = new vscode.CompletionItem({ label: offer.line.length > 80 ? `${offer.line.slice(0, 79)}…` : offer.line, description: offer.record.id }, vscode.CompletionItemKind.Reference);
      item.range = range;
      item.insertText = offer.line;
      item.filterText = `${typed}${offer.line}`;
      item.sortText = String(rank).padStart(4, '0');
      item.detail = vscode.l10n.t('Source the article refers to, not yet listed');
      item.documentation = recordDocumentation(offer.record, this.deps.settings.uiLanguage());
      return item;
    });
    return items.length > 0 ? new vscode.CompletionList(items, false) : undefined;
  }
}

/** Type · date with the ROC year · publisher, as plain text (a detail is never rendered as Markdown). */
function summaryLine(record: CorpusRecord, language: UiLanguage): string {
  const parts = [recordTypeLabel(record.type)];
  const date = record.date ? formatDateWithRoc(record.date, language) : undefined;
  if (date) parts.push(date);
  if (record.publisher ?? record.author) parts.push((record.publisher ?? record.author)!);
  return parts.join(' · ');
}

/** Corpus text is untrusted: every piece escaped (literalMarkdown), no links, no HTML. */
function recordDocumentation(record: CorpusRecord, language: UiLanguage): vscode.MarkdownString {
  const markdown = literalMarkdown();
  markdown.appendText(record.title);
  if (record.originalTitle && record.originalTitle !== record.title) markdown.appendMarkdown('\n\n').appendText(record.originalTitle);
  markdown.appendMarkdown('\n\n').appendText(summaryLine(record, language));
  const summary = record.summary[language] ?? record.summary[language === 'zh' ? 'en' : 'zh'];
  if (summary) markdown.appendMarkdown('\n\n').appendText(summary.length > 300 ? `${summary.slice(0, 299)}…` : summary);
  markdown.appendMarkdown('\n\n').appendText(`@${record.id}`);
  return markdown;
}

export function registerCitationCompletionSupport(selector: vscode.DocumentSelector, deps: CitationCompletionDeps): vscode.Disposable {
  return vscode.languages.registerCompletionItemProvider(selector, new CitationCompletionProvider(deps), ...CITATION_TRIGGER_CHARACTERS);
}
