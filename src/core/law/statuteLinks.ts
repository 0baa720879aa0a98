import type { ReferenceSpan } from '../publish/referenceLinks';
import { tooltipText } from '../publish/referenceLinks';
import type { StatuteReference } from './citations';
import type { LawEntry } from './lawTypes';
import type { LawText } from './lawLibrary';
import { articleKey } from './numerals';
import { articleParagraphs, citeLabel, lawArticleUrl } from './statuteCard';

/** The article text in a tooltip: enough to recognise the provision, not a page of law. */
const MAX_ARTICLE_TOOLTIP = 240;

/**
 * Statute references as links to law.moj.gov.tw (the same URL forms as the statute card), with the law's name,
 * the cited article and its text as the tooltip: the cited 項 (or 款) when one is cited, else the article.
 * `lawText` answers from what is loaded already (no reading here: the preview must not wait); a law whose text
 * is not at hand gets the name and article only. Unknown and undecided laws get nothing.
 */
export function statuteLinkSpans(references: readonly StatuteReference[], lawEntry: (pcode: string) => LawEntry | undefined, lawText: (pcode: string) => LawText | undefined): ReferenceSpan[] {
  const spans: ReferenceSpan[] = [];
  for (const reference of references) {
    const entry = reference.pcode ? lawEntry(reference.pcode) : undefined;
    if (!entry) continue;
    const loaded = lawText(entry.pcode);
    // An article the law does not have gets no link (unknown-statute-article says so); a law whose text is not at hand is linked as cited.
    if (reference.article && loaded && 'law' in loaded && !loaded.law.articles.has(articleKey(reference.article))) continue;
    const label = citeLabel(reference);
    const text = reference.article ? articleExcerpt(reference, loaded) : undefined;
    const heading = label ? `${entry.name} ${label}` : entry.name;
    spans.push({ start: reference.start, end: reference.end, kind: 'statute', href: lawArticleUrl(entry.pcode, reference.article), title: tooltipText(text ? `${heading}\n${text}` : heading, MAX_ARTICLE_TOOLTIP + heading.length + 1) });
  }
  return spans;
}

function articleExcerpt(reference: StatuteReference, text: LawText | undefined): string | undefined {
  if (!text || !('law' in text) || !reference.article) return undefined;
  const article = text.law.articles.get(articleKey(reference.article));
  if (!article) return undefined;
  const paragraphs = articleParagraphs(article.text);
  const paragraph = reference.paragraph !== undefined ? paragraphs[reference.paragraph - 1] : reference.item !== undefined || paragraphs.length === 1 ? paragraphs[0] : undefined;
  // 第6條第2款 with no 項: the 款 of the first 項, as the statute card reads it.
  const item = paragraph && reference.item !== undefined ? paragraph.items[reference.item - 1] : undefined;
  const lines = item ? item.lines : paragraph ? [...paragraph.lines, ...paragraph.items.flatMap((each) => each.lines)] : article.text.split('\n');
  const joined = lines.map((line) => line.trim()).filter((line) => line !== '').join(' ');
  return tooltipText(joined, MAX_ARTICLE_TOOLTIP);
}
