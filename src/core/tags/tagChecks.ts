import type { Article } from '../article/article';
import type { ArticleDiagnostic, TextFix } from '../article/checks';
import { DIAGNOSTIC_CODES, textFix } from '../article/checks';
import { formatMessage, msg, type Localizable } from '../util/messages';
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
  const replace = (tag: ArticleTag, newText: string): TextFix => textFix(msg('Change to {0}', newText), tag.start, tag.end, newText);
  const firstOf = new Map<string, ArticleTag>();
  // Front matter written for another site's tag list (taiwan, political): when not one of its tags is in the
  // taxonomy, the article uses another vocabulary and its front-matter tags are not checked one by one.
  // The 文章標籤 section is the house style and is always checked.
  const frontMatterTags = tags.filter((tag) => tag.place === 'front-matter');
  const foreignVocabulary = frontMatterTags.length > 0 && !frontMatterTags.some((tag) => vocabulary.resolve(tag.text));
  for (const tag of tags) {
    const resolved = vocabulary.resolve(tag.text);
    const canonical = resolved?.definition.tag;
    if (!resolved && foreignVocabulary && tag.place === 'front-matter') {
      verdicts.push({ tag, known: false, suggestion: null });
      continue;
    }
    if (!resolved) {
      const nearest = vocabulary.nearest(tag.text, 3);
      verdicts.push({ tag, known: false, suggestion: nearest[0]?.tag ?? null });
      const fixes = nearest.map((definition) => replace(tag, definition.tag));
      diagnostics.push({
        start: tag.start,
        end: tag.end,
        severity: DIAGNOSTIC_CODES['unknown-tag'],
        code: 'unknown-tag',
        ...message(nearest.length > 0 ? msg('"{0}" is not in the tag taxonomy; did you mean {1}?', short(tag.text), nearest.map((definition) => definition.tag).join('、')) : msg('"{0}" is not in the tag taxonomy.', short(tag.text))),
        ...(fixes[0] ? { fix: fixes[0], alternatives: fixes.slice(1) } : {}),
      });
    } else if (resolved.synonym && canonical !== tag.text) {
      verdicts.push({ tag, known: true, suggestion: canonical! });
      diagnostics.push({
        start: tag.start,
        end: tag.end,
        severity: DIAGNOSTIC_CODES['non-canonical-tag'],
        code: 'non-canonical-tag',
        ...message(msg('"{0}" is another name for {1}: use the taxonomy\'s tag, so the archive is not split.', tag.text, canonical!)),
        fix: replace(tag, canonical!),
      });
    } else verdicts.push({ tag, known: true, suggestion: null });
    const key = canonical ?? tag.text.trim().toLowerCase();
    const first = firstOf.get(key);
    // A synonym of a tag already there gets its non-canonical warning only: one word per tag.
    const reportedAsSynonym = resolved?.synonym === true && canonical !== tag.text;
    if (first && !reportedAsSynonym) {
      diagnostics.push({
        start: tag.start,
        end: tag.end,
        severity: DIAGNOSTIC_CODES['duplicate-tag'],
        code: 'duplicate-tag',
        ...message(msg('{0} is already tagged ("{1}").', canonical ?? tag.text, first.text)),
      });
    } else firstOf.set(key, tag);
  }
  for (const section of article.sections) {
    if (section.kind !== 'tags') continue;
    const header = article.lines[section.headerLine]!;
    const last = article.lines[section.endLine - 1] ?? header;
    if (!tags.some((tag) => tag.place === 'section' && tag.start >= header.start && tag.start <= last.start + last.text.length)) {
      diagnostics.push({ start: header.start, end: header.start + header.text.length, severity: DIAGNOSTIC_CODES['empty-tags-section'], code: 'empty-tags-section', ...message(msg('The 文章標籤 section has no tags.')) });
    }
  }
  return { diagnostics, verdicts };
}

function message(localizable: Localizable): { message: string; localizable: Localizable } {
  return { message: formatMessage(localizable), localizable };
}

function short(text: string): string {
  return text.length > 40 ? `${text.slice(0, 39)}…` : text;
}
