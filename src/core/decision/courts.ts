/**
 * Taiwan's courts as decisions name them: the official names (with 臺, as the Judicial Yuan writes them),
 * the forms without the province (臺灣/福建), 台 for 臺, and the short forms writers use (臺北地院, 北高行).
 */

const DISTRICT_COURTS = ['臺北', '士林', '新北', '宜蘭', '基隆', '桃園', '新竹', '苗栗', '臺中', '彰化', '南投', '雲林', '嘉義', '臺南', '高雄', '橋頭', '屏東', '臺東', '花蓮', '澎湖'];
const FUKIEN_DISTRICT_COURTS = ['金門', '連江'];
const HIGH_COURT_BRANCHES = ['臺中', '臺南', '高雄', '花蓮'];

/** Official names: the Constitutional Court, the supreme and specialised courts, the high courts and their branches, the district courts. */
export const OFFICIAL_COURTS: readonly string[] = [
  '憲法法庭',
  '最高法院',
  '最高行政法院',
  '懲戒法院',
  '公務員懲戒委員會',
  '智慧財產及商業法院',
  '智慧財產法院',
  '臺灣高等法院',
  ...HIGH_COURT_BRANCHES.map((branch) => `臺灣高等法院${branch}分院`),
  '福建高等法院金門分院',
  '臺北高等行政法院',
  '臺中高等行政法院',
  '高雄高等行政法院',
  ...DISTRICT_COURTS.map((city) => `臺灣${city}地方法院`),
  ...FUKIEN_DISTRICT_COURTS.map((county) => `福建${county}地方法院`),
  '臺灣高雄少年及家事法院',
];

/** Short forms in common use, each naming one court. */
const SHORT_FORMS: ReadonlyArray<readonly [string, string]> = [
  ['最高行', '最高行政法院'],
  ['高院', '臺灣高等法院'],
  ...HIGH_COURT_BRANCHES.flatMap((branch): Array<[string, string]> => [
    [`${branch}高分院`, `臺灣高等法院${branch}分院`],
    [`高院${branch}分院`, `臺灣高等法院${branch}分院`],
  ]),
  ['北高行', '臺北高等行政法院'],
  ['中高行', '臺中高等行政法院'],
  ['高高行', '高雄高等行政法院'],
  ['智財法院', '智慧財產法院'],
  ['智商法院', '智慧財產及商業法院'],
  ['高雄少家法院', '臺灣高雄少年及家事法院'],
  ...[...DISTRICT_COURTS, ...FUKIEN_DISTRICT_COURTS].map((city): [string, string] => [`${city}地院`, DISTRICT_COURTS.includes(city) ? `臺灣${city}地方法院` : `福建${city}地方法院`]),
];

/** Written form → official name. */
const FORMS = new Map<string, string>();
for (const official of OFFICIAL_COURTS) {
  FORMS.set(official, official);
  const withoutProvince = official.replace(/^(?:臺灣|福建)/, '');
  if (withoutProvince !== official && withoutProvince.length >= 4) FORMS.set(withoutProvince, official);
}
for (const [form, official] of SHORT_FORMS) FORMS.set(form, official);
for (const [form, official] of [...FORMS]) if (form.includes('臺')) FORMS.set(form.replaceAll('臺', '台'), official);

/** Longest first, so 臺灣高等法院臺中分院 wins over 臺中分院's shorter neighbours. */
const FORMS_BY_LENGTH = [...FORMS.keys()].sort((a, b) => b.length - a.length);
export const MAX_COURT_LENGTH = FORMS_BY_LENGTH[0]!.length;

export interface CourtName {
  readonly start: number;
  /** As written, 台 → 臺 (every 台 in a court's name is 臺 in the official one). */
  readonly written: string;
  readonly official: string;
}

/** The court whose name ends exactly at `end`, if any (the longest one). Constant work: at most a few hundred short comparisons. */
export function courtEndingAt(text: string, end: number): CourtName | undefined {
  for (const form of FORMS_BY_LENGTH) {
    const start = end - form.length;
    if (start >= 0 && text.startsWith(form, start)) return { start, written: form.replaceAll('台', '臺'), official: FORMS.get(form)! };
  }
  return undefined;
}

/** The official name of a court written in any known form (for corpus records), or undefined. */
export function officialCourt(written: string): string | undefined {
  return FORMS.get(written.trim());
}

/** Case types (字別) of the Constitutional Court: its decisions need no court name to be known as its own. */
export const CONSTITUTIONAL_CASE_TYPES = new Set(['憲判', '憲裁', '憲暫裁', '審裁']);
