import type { Article } from '../article/article';
import type { ArticleDiagnostic, TextFix } from '../article/checks';
import { DIAGNOSTIC_CODES } from '../article/checks';
import type { ArticleTag } from './articleTags';
import type { TagVocabulary } from './vocabulary';

/** What the tag checks found out about each tag (the CLI's `known` and `suggestion`). */
export interface TagVerdict {
  readonly tag: ArticleTag;
  readonly known: boolean;
  /** The canonical tag to use instead (for a synonym or a near miss), if any. */
  readonly suggestion: string | null;
}

/** Unknown, non-canonical and duplicate tags, and an empty 文章標籤 section. */
export function checkTags(article: Article, tags: readonly ArticleTag[], vocabulary: TagVocabulary): { diagnostics: ArticleDiagnostic[]; verdicts: TagVerdict[] } {
  const diagnostics: ArticleDiagnostic[] = [];
  const verdicts: TagVerdict[] = [];
  const replace = (tag: ArticleTag, newText: string): TextFix => ({ title: `Change to ${newText}`, start: tag.start, end: tag.end, newText });
  const firstOf = new Map<string, ArticleTag>();
  for (const tag of tags) {
    const resolved = vocabulary.resolve(tag.text);
    const canonical = resolved?.definition.tag;
    if (!resolved) {
      const nearest = vocabulary.nearest(tag.text, 3);
      verdicts.push({ tag, known: false, suggestion: nearest[0]?.tag ?? null });
      const fixes = nearest.map((definition) => replace(tag, definition.tag));
      diagnostics.push({
        start: tag.start,
        end: tag.end,
        severity: DIAGNOSTIC_CODES['unknown-tag'],
        code: 'unknown-tag',
        message: `"${short(tag.text)}" is not in the tag taxonomy${nearest.length > 0 ? `; did you mean ${nearest.map((definition) => definition.tag).join('、')}?` : '.'}`,
        ...(fixes[0] ? { fix: fixes[0], alternatives: fixes.slice(1) } : {}),
      });
    } else if (resolved.synonym && canonical !== tag.text) {
      verdicts.push({ tag, known: true, suggestion: canonical! });
      diagnostics.push({
        start: tag.start,
        end: tag.end,
        severity: DIAGNOSTIC_CODES['non-canonical-tag'],
        code: 'non-canonical-tag',
        message: `"${tag.text}" is another name for ${canonical}: use the taxonomy's tag, so the archive is not split.`,
        fix: replace(tag, canonical!),
      });
    } else verdicts.push({ tag, known: true, suggestion: null });
    const key = canonical ?? tag.text.trim().toLowerCase();
    const first = firstOf.get(key);
    if (first) {
      diagnostics.push({
        start: tag.start,
        end: tag.end,
        severity: DIAGNOSTIC_CODES['duplicate-tag'],
        code: 'duplicate-tag',
        message: `${canonical ?? tag.text} is already tagged ("${first.text}").`,
      });
    } else firstOf.set(key, tag);
  }
  for (const section of article.sections) {
    if (section.kind !== 'tags') continue;
    const header = article.lines[section.headerLine]!;
    const last = article.lines[section.endLine - 1] ?? header;
    if (!tags.some((tag) => tag.place === 'section' && tag.start >= header.start && tag.start <= last.start + last.text.length)) {
      diagnostics.push({ start: header.start, end: header.start + header.text.length, severity: DIAGNOSTIC_CODES['empty-tags-section'], code: 'empty-tags-section', message: 'The 文章標籤 section has no tags.' });
    }
  }
  return { diagnostics, verdicts };
}

function short(text: string): string {
  return text.length > 40 ? `${text.slice(0, 39)}…` : text;
}
