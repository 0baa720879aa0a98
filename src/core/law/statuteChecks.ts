import { DIAGNOSTIC_CODES, textFix, type ArticleDiagnostic, type DiagnosticCode, type TextFix } from '../article/checks';
import { findStatuteCitations, type SkippedRanges, type StatuteCitations, type StatuteReference } from './citations';
import type { LawIndex } from './lawIndex';
import type { LawLibrary, LawText } from './lawLibrary';
import { articleKey, articleLabel } from './numerals';
import { articleParagraphs } from './statuteCard';
import { checkPointInTime, type ArticleDate } from './pointInTime';
import { formatMessage, msg, type Localizable } from '../util/messages';

/** Statute references of one article version and their checks. */
export interface StatuteAnalysis {
  readonly citations: StatuteCitations;
  readonly diagnostics: readonly ArticleDiagnostic[];
  /** The article's date the point-in-time checks used, if it has one. */
  readonly date?: ArticleDate;
}

/** Detects the citations, reads the laws they cite (lazily, cached) and checks them. */
export async function analyzeStatutes(text: string, library: LawLibrary, skipped?: SkippedRanges, date?: ArticleDate): Promise<StatuteAnalysis> {
  const index = await library.index();
  const citations = findStatuteCitations(text, index, skipped);
  const texts = new Map<string, LawText>();
  const missing: string[] = [];
  for (const pcode of new Set(citations.references.flatMap((reference) => (reference.pcode && reference.article ? [reference.pcode] : [])))) {
    // Cached laws are taken at once; the others are read together.
    const cached = library.cached(pcode);
    if (cached) texts.set(pcode, cached);
    else missing.push(pcode);
  }
  for (const [position, text] of (await Promise.all(missing.map((pcode) => library.law(pcode)))).entries()) texts.set(missing[position]!, text);
  const lawText = (pcode: string) => texts.get(pcode) ?? library.cached(pcode);
  const diagnostics = [...checkStatutes(citations, index, lawText), ...checkPointInTime(citations, index, lawText, date)].sort((a, b) => a.start - b.start);
  return { citations, diagnostics, ...(date ? { date } : {}) };
}

const INTERNATIONAL_INSTRUMENT = /(?:公約|條約|議定書|憲章|協定)$/;

/** Unknown articles and laws, numbers too long to read, law files that cannot be read. */
export function checkStatutes(citations: StatuteCitations, index: LawIndex, lawText: (pcode: string) => LawText | undefined): ArticleDiagnostic[] {
  const diagnostics: ArticleDiagnostic[] = [];
  const report = (start: number, end: number, code: DiagnosticCode, message: Localizable, fixes: TextFix[] = []) =>
    diagnostics.push({ start, end, severity: DIAGNOSTIC_CODES[code], code, message: formatMessage(message), localizable: message, ...(fixes[0] ? { fix: fixes[0] } : {}), ...(fixes.length > 1 ? { alternatives: fixes.slice(1) } : {}) });

  for (const problem of citations.problems) report(problem.start, problem.end, problem.code, problem.message);
  for (const unknown of citations.unknownLaws) {
    // Treaties and other international instruments (公民與政治權利國際公約第17條) are not in the national
    // law database: a citation of one is not an unknown law.
    if (INTERNATIONAL_INSTRUMENT.test(unknown.name)) continue;
    const suggestions = index.suggest(unknown.name);
    const fixes = suggestions.map((suggestion) => textFix(msg('Change to {0}', suggestion.name), unknown.start, unknown.end, suggestion.name));
    report(unknown.start, unknown.end, 'unknown-law', suggestions.length > 0 ? msg('No law named "{0}" in the law index. Did you mean {1}?', short(unknown.name), suggestions.map((suggestion) => suggestion.name).join('、')) : msg('No law named "{0}" in the law index.', short(unknown.name)), fixes);
  }
  // A short name several laws share, which no other citation in the document decides: the candidates, each a fix.
  for (const ambiguous of citations.ambiguousLaws ?? []) {
    const names = ambiguous.candidates.map((pcode) => index.get(pcode)?.name).filter((name): name is string => name !== undefined);
    const fixes = names.map((name) => textFix(msg('Change to {0}', name), ambiguous.start, ambiguous.end, name));
    report(ambiguous.start, ambiguous.end, 'ambiguous-law', msg('"{0}" may be any of {1}; write the full name once (or cite one of them) to decide.', short(ambiguous.name), names.join('、')), fixes);
  }
  const reportedFiles = new Set<string>();
  for (const reference of citations.references) {
    if (!reference.pcode || !reference.article) continue;
    const text = lawText(reference.pcode);
    if (!text || 'unavailable' in text) continue;
    if ('problem' in text) {
      if (reportedFiles.has(reference.pcode)) continue;
      reportedFiles.add(reference.pcode);
      report(reference.start, reference.end, 'law-file-problem', msg('{0} ({1}, line {2}); the citation is not checked.', text.problem.message, text.problem.uri, text.problem.line + 1));
      continue;
    }
    checkArticle(reference, text.law, report);
  }
  return diagnostics.sort((a, b) => a.start - b.start);
}

type Report = (start: number, end: number, code: DiagnosticCode, message: Localizable) => void;

function checkArticle(reference: StatuteReference, law: Extract<LawText, { law: unknown }>['law'], report: Report): void {
  for (const number of [reference.article!, ...(reference.through ? [reference.through] : [])]) {
    if (!law.articles.has(articleKey(number))) {
      report(reference.start, reference.end, 'unknown-statute-article', law.order.length > 0 ? msg('{0} has no {1} (its articles run from {2} to {3}).', law.name, articleLabel(number), label(law.order[0]!), label(law.order[law.order.length - 1]!)) : msg('{0} has no {1}.', law.name, articleLabel(number)));
      return;
    }
  }
  if (reference.paragraph === undefined || reference.through) return;
  const paragraphs = articleParagraphs(law.articles.get(articleKey(reference.article!))!.text);
  const paragraph = paragraphs[reference.paragraph - 1];
  if (!paragraph) {
    report(reference.start, reference.end, 'unknown-statute-article', msg('{0} {1} has {2} 項, not 第{3}項.', law.name, articleLabel(reference.article!), paragraphs.length, reference.paragraph));
    return;
  }
  if (reference.item !== undefined && paragraph.items.length > 0 && reference.item > paragraph.items.length) {
    report(reference.start, reference.end, 'unknown-statute-article', msg('{0} {1}第{2}項 has {3} 款, not 第{4}款.', law.name, articleLabel(reference.article!), reference.paragraph, paragraph.items.length, reference.item));
  }
}

function label(key: string): string {
  const [main, sub] = key.split('-');
  return articleLabel(sub === undefined ? { main: Number(main) } : { main: Number(main), sub: Number(sub) });
}

function short(text: string): string {
  return text.length > 40 ? `${text.slice(0, 37)}…` : text;
}
