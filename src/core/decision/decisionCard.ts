import type { CorpusRecord, UiLanguage } from '../corpus/record';
import { escapeMarkdownText, safeHttpUrl } from '../util/markdownEscape';
import type { DecisionReference } from './decisions';

/**
 * Where decisions can be read. Only the interpretation page is addressed by the citation itself; these forms
 * were checked against public code that links them (see README, "Court decisions"):
 * - https://cons.judicial.gov.tw/jcc/zh-tw/jep03/show?expno=<釋字 number>
 * - the Constitutional Court's judgments are at docdata.aspx?fid=38&id=<internal id>, an id the citation does
 *   not give: the card says so and links the court's site;
 * - judgments of the other courts are at FJUD/data.aspx?ty=JD&id=<court code>,<year>,<字別>,<number>,<date>,<sequence>:
 *   the date and sequence are not in the citation, so the card links the search page instead.
 */
export const INTERPRETATION_URL = (number: number) => `https://cons.judicial.gov.tw/jcc/zh-tw/jep03/show?expno=${number}`;
export const CONSTITUTIONAL_COURT_SITE = 'https://cons.judicial.gov.tw/';
export const JUDGMENT_SEARCH_URL = 'https://judgment.judicial.gov.tw/FJUD/default.aspx';

const ENGLISH_COURTS: Record<string, string> = {
  司法院: 'Judicial Yuan',
  憲法法庭: 'Constitutional Court',
  最高法院: 'Supreme Court',
  最高行政法院: 'Supreme Administrative Court',
  懲戒法院: 'Disciplinary Court',
  智慧財產及商業法院: 'Intellectual Property and Commercial Court',
  智慧財產法院: 'Intellectual Property Court',
  臺灣高等法院: 'Taiwan High Court',
};
const ENGLISH_TYPES: Record<string, string> = { 判決: 'judgment', 裁定: 'ruling', 判例: 'precedent', 決議: 'resolution', 解釋: 'interpretation', 裁判: 'decision' };
const ENGLISH_MATTERS: Record<string, string> = { 民事: 'civil', 刑事: 'criminal', 行政: 'administrative', 家事: 'family', 少年: 'juvenile', 懲戒: 'disciplinary', 憲法: 'constitutional', 職務: 'judicial conduct' };

/** The citation in its full form: 最高法院109年度台上字第1234號民事判決, 司法院釋字第603號解釋. */
export function decisionLabel(reference: DecisionReference): string {
  if (reference.kind === 'interpretation') return `司法院釋字第${reference.number ?? '?'}號解釋`;
  const court = reference.courtName ?? reference.court ?? '';
  const year = reference.kind === 'constitutional' ? `${reference.year}年` : `${reference.year}年度`;
  return `${court}${year}${reference.caseType}字第${reference.number ?? '?'}號${reference.matter ?? ''}${reference.decisionType ?? ''}`;
}

/**
 * The hover card of a decision reference: what the citation says in words (court, year with its Gregorian
 * year, case type, number, kind), the corpus record when the workspace has one, and where to read it. Every
 * piece of text from the article or the corpus is escaped; links are http(s) only.
 */
export function renderDecisionCard(reference: DecisionReference, record: CorpusRecord | undefined, language: UiLanguage): string {
  const zh = language === 'zh';
  const parts: string[] = [];
  parts.push(`**${escapeMarkdownText(record?.title ?? decisionLabel(reference))}**`);
  if (reference.via === 'context') parts.push(zh ? `*指本節前文引用的${escapeMarkdownText(decisionLabel(reference))}*` : `*Refers to ${escapeMarkdownText(decisionLabel(reference))}, cited earlier in this section*`);
  const court = reference.courtName ?? reference.court;
  const facts: string[] = [];
  if (court) facts.push(zh ? `法院：${escapeMarkdownText(court)}` : `Court: ${escapeMarkdownText(court)}${ENGLISH_COURTS[court] ? ` (${ENGLISH_COURTS[court]})` : ''}`);
  if (reference.year !== undefined) facts.push(zh ? `年度：民國${reference.year}年（${reference.year + 1911}年）` : `Year: ROC ${reference.year} (${reference.year + 1911})`);
  facts.push(zh ? `字別：${escapeMarkdownText(reference.caseType)}` : `Case type (字別): ${escapeMarkdownText(reference.caseType)}`);
  if (reference.number !== undefined) facts.push(zh ? `號次：第${reference.number}號` : `Number: ${reference.number}`);
  const kind = kindText(reference, zh);
  if (kind) facts.push(kind);
  parts.push(facts.join(' · '));
  if (record) {
    const summary = zh ? (record.summary.zh ?? record.summary.en) : (record.summary.en ?? record.summary.zh);
    if (summary) parts.push(escapeMarkdownText(summary.length > 600 ? `${summary.slice(0, 599)}…` : summary));
    if (record.date) parts.push(`${zh ? '日期' : 'Date'}: ${escapeMarkdownText(record.date)}`);
  }
  parts.push(linkText(reference, record, zh));
  return parts.join('\n\n');
}

function kindText(reference: DecisionReference, zh: boolean): string | undefined {
  if (reference.kind === 'interpretation') return zh ? '種類：大法官解釋' : 'Kind: interpretation of the Grand Justices';
  const type = reference.decisionType;
  if (!type && !reference.matter) return undefined;
  if (zh) return `種類：${escapeMarkdownText(`${reference.matter ?? ''}${type ?? ''}`)}`;
  const words = [reference.matter ? ENGLISH_MATTERS[reference.matter] : undefined, type ? ENGLISH_TYPES[type] : undefined].filter(Boolean).join(' ');
  return `Kind: ${escapeMarkdownText(words || `${reference.matter ?? ''}${type ?? ''}`)}`;
}

function linkText(reference: DecisionReference, record: CorpusRecord | undefined, zh: boolean): string {
  const recordUrl = safeHttpUrl(record?.url);
  if (recordUrl) return `[${zh ? '閱讀全文' : 'Read the decision'}](${recordUrl})`;
  if (reference.kind === 'interpretation' && reference.number !== undefined) {
    return `[${zh ? `憲法法庭網站：釋字第${reference.number}號` : `Constitutional Court: Interpretation No. ${reference.number}`}](${INTERPRETATION_URL(reference.number)})`;
  }
  if (reference.kind === 'constitutional') {
    return zh
      ? `*憲法法庭的判決網址以內部編號排列，無法由字號得出穩定連結；請在[憲法法庭網站](${CONSTITUTIONAL_COURT_SITE})查詢。*`
      : `*No stable link can be made from the case number (the Constitutional Court's pages use internal ids); search on [the Constitutional Court's site](${CONSTITUTIONAL_COURT_SITE}).*`;
  }
  return zh
    ? `*裁判書網址需要法院代碼、裁判日期與序號，字號中沒有，無法得出穩定連結；請在[司法院裁判書查詢](${JUDGMENT_SEARCH_URL})以字號查詢。*`
    : `*No stable link can be made from the citation (a judgment's address needs its court code, date and a sequence number); search by case number in [the Judicial Yuan's judgment search](${JUDGMENT_SEARCH_URL}).*`;
}
