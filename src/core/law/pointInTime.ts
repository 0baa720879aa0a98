import type { Article } from '../article/article';
import { DIAGNOSTIC_CODES, type ArticleDiagnostic, type DiagnosticCode } from '../article/checks';
import { parseIsoDate } from '../util/dates';
import { formatMessage, msg, type Localizable } from '../util/messages';
import type { StatuteCitations } from './citations';
import { isoOfLawDate } from './lawFiles';
import type { LawIndex } from './lawIndex';
import type { LawText } from './lawLibrary';

/** When an article was written: its front matter's `date:`, or else the latest last-visit date of its sources. */
export interface ArticleDate {
  /** YYYY-MM-DD. */
  readonly iso: string;
  readonly from: 'front matter' | 'sources';
}

const FRONT_MATTER_DATE = /^date:[ \t]*["']?(\d{4}-\d{2}-\d{2})(?:[T ][^"'\n]*)?["']?[ \t]*$/m;

export function articleDate(article: Article): ArticleDate | undefined {
  const written = article.frontMatter ? FRONT_MATTER_DATE.exec(article.frontMatter.text)?.[1] : undefined;
  if (written && parseIsoDate(written)?.day !== undefined) return { iso: written, from: 'front matter' };
  let latest: string | undefined;
  for (const citation of article.citationLines) {
    const iso = citation.parsed.lastVisit?.iso;
    if (iso && /^\d{4}-\d{2}-\d{2}$/.test(iso) && (!latest || iso > latest)) latest = iso;
  }
  return latest ? { iso: latest, from: 'sources' } : undefined;
}

/** The law's last amendment when it is after the article's date (for the card and the check). */
export function amendedSince(lastUpdate: string | undefined, date: ArticleDate | undefined): string | undefined {
  const amended = isoOfLawDate(lastUpdate);
  return amended && date && amended > date.iso ? amended : undefined;
}

/**
 * statute-amended-since (information): a cited law was amended after the article's date, so the article may
 * describe an older text. statute-abolished (warning): the law database marks a cited law abolished. Each is
 * reported once per law, at its first reference.
 */
export function checkPointInTime(citations: StatuteCitations, index: LawIndex, lawText: (pcode: string) => LawText | undefined, date: ArticleDate | undefined): ArticleDiagnostic[] {
  const diagnostics: ArticleDiagnostic[] = [];
  const report = (start: number, end: number, code: DiagnosticCode, message: Localizable) => diagnostics.push({ start, end, severity: DIAGNOSTIC_CODES[code], code, message: formatMessage(message), localizable: message });
  const seen = new Set<string>();
  for (const reference of citations.references) {
    if (!reference.pcode || seen.has(reference.pcode)) continue;
    seen.add(reference.pcode);
    const entry = index.get(reference.pcode);
    if (!entry) continue;
    const text = lawText(reference.pcode);
    if (text && 'law' in text && text.law.abolished) report(reference.start, reference.end, 'statute-abolished', msg('{0} has been abolished (廢止) according to the law database.', entry.name));
    const amended = amendedSince(text && 'law' in text ? (text.law.lastUpdate ?? entry.lastUpdate) : entry.lastUpdate, date);
    if (amended && date) report(reference.start, reference.end, 'statute-amended-since', msg('{0} was amended on {1}, after this article ({2}).', entry.name, amended, date.iso));
  }
  return diagnostics;
}
