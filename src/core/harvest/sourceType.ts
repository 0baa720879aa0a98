import { parseHttpUrl } from '../search/urls';

/** Words of a title that say what kind of document it is, most specific first. */
const TITLE_RULES: ReadonlyArray<readonly [RegExp, string]> = [
  [/判決|裁定|釋字|憲判字|\bv\.\s|\bvs\.\s|\bcourt of\b|\bjudgment\b|\bruling\b/i, 'case'],
  [/草案|\bbill\b/i, 'bill'],
  [/(?:法|條例|通則)$|(?:法|條例)(?:施行細則|修正)|\bact\b|\bstatute\b|\bcode of\b|\bdirective\b/i, 'law'],
  [/(?:規則|辦法|要點|準則|標準)$|\bregulation\b|\brules?\b/i, 'regulation'],
  [/宣言|\bdeclaration\b/i, 'declaration'],
  [/備忘錄|協定|協議|條約|公約|\bmemorandum\b|\bagreement\b|\btreaty\b|\bconvention\b|\bmou\b/i, 'agreement'],
  [/新聞稿|\bpress release\b|\bannounces?\b/i, 'press-release'],
  [/聲明|\bstatement\b/i, 'statement'],
  [/報告|白皮書|\breport\b|\bwhite paper\b/i, 'report'],
  [/演講|致詞|\bspeech\b|\bremarks\b/i, 'speech'],
  [/專訪|訪談|\binterview\b/i, 'interview'],
];

/** Sites whose pages are laws (the national law database, the Legislative Yuan's, legislation.gov.uk …). */
const LAW_HOSTS = /(?:^|\.)(?:law\.moj\.gov\.tw|lis\.ly\.gov\.tw|legislation\.gov\.uk|eur-lex\.europa\.eu|congress\.gov|law\.cornell\.edu)$/;
const CASE_HOSTS = /(?:^|\.)(?:judgment\.judicial\.gov\.tw|cons\.judicial\.gov\.tw|supremecourt\.gov|curia\.europa\.eu)$/;
/** News sites, and any host whose name says it. */
const NEWS_HOSTS =
  /(?:^|\.)(?:reuters\.com|apnews\.com|bbc\.co\.uk|bbc\.com|nytimes\.com|theguardian\.com|ft\.com|wsj\.com|washingtonpost\.com|bloomberg\.com|cnn\.com|theverge\.com|techcrunch\.com|wired\.com|cna\.com\.tw|udn\.com|ltn\.com\.tw|chinatimes\.com|storm\.mg|technews\.tw|ithome\.com\.tw|bnext\.com\.tw|cw\.com\.tw|twreporter\.org)$|news/;
const GOVERNMENT_HOST = /(?:^|\.)(?:gov|gov\.[a-z]{2}|gouv\.[a-z]{2}|go\.[a-z]{2}|europa\.eu|parliament\.uk|ly\.gov\.tw)$/;

/**
 * A harvested source's record type, from the words of its title first (a declaration on GOV.UK is a
 * declaration), then its site and path (law.moj.gov.tw → law, a news site → article, …/press-releases/ →
 * press release, a written statement in Parliament → statement); a page of any other site is a website.
 */
export function guessSourceType(title: string, url: string | undefined): string {
  for (const [pattern, type] of TITLE_RULES) if (pattern.test(title)) return type;
  const parsed = url ? parseHttpUrl(url) : undefined;
  if (!parsed) return 'report';
  const host = parsed.hostname.toLowerCase();
  const path = parsed.pathname.toLowerCase();
  if (LAW_HOSTS.test(host)) return 'law';
  if (CASE_HOSTS.test(host)) return 'case';
  if (/press-?releases?|\/press\//.test(path)) return 'press-release';
  if (/statements?\b/.test(path)) return 'statement';
  if (NEWS_HOSTS.test(host)) return 'article';
  if (GOVERNMENT_HOST.test(host) && /\/news\//.test(path)) return 'press-release';
  if (/\/(?:publications?|reports?)\//.test(path)) return 'report';
  return 'website';
}
