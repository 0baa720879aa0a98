/**
 * Short names derived from official names by the rules Taiwanese writers follow (證券交易法 → 證交法), not
 * listed by hand. A law's name is cut into words (two characters each; 者 joins the word before it, 消費者;
 * 及, 與, 暨 and 和 join words and are dropped; a last single character stays a word, 遺產及贈與稅), then:
 *
 * - A `initials`: the first characters of the first two words, then the kind (證券交易法 → 證交法, 稅捐稽徵法 →
 *   稅稽法, 勞工保險條例 → 勞保條例).
 * - B `first-last`: the first characters of the first and of the last word, for three words or more
 *   (納稅者權利保護法 → 納保法, 社會秩序維護法 → 社維法, 環境影響評估法 → 環評法).
 * - C `every-word`: the first character of every word, a one-character word whole, when a word was joined by
 *   及/與 or a one-character word ends the name (遺產及贈與稅法 → 遺贈稅法); and the name without its joiners
 *   (遺產及贈與稅法 → 遺產贈與稅法).
 * - D `scope-dropped`: without a leading word of scope (使用, 全民, 政府, 公職人員 …), whole and by rule A
 *   (使用牌照稅法 → 牌照稅法, 全民健康保險法 → 健保法).
 * - E `first-word`: the first word and 條例, for 條例 only (毒品危害防制條例 → 毒品條例).
 *
 * Every candidate is checked against all the index's names and aliases by the caller: a candidate that is a
 * name already means that law; one that two laws produce is ambiguous and resolved by the document only.
 */
export const DERIVED_NAME_RULES = ['initials', 'first-last', 'every-word', 'scope-dropped', 'first-word'] as const;
export type DerivedNameRule = (typeof DERIVED_NAME_RULES)[number];

const KINDS = ['條例', '法'] as const;
const JOINERS = new Set(['及', '與', '暨', '和']);
const SCOPE_WORDS = ['公職人員', '使用', '全民', '政府', '國家'];
/** Names of these sorts are about an agency or a rule's application, not what writers shorten. */
const NOT_SHORTENED = /^中華民國|辦法$|方法$|組織|施行|自治|暫行|第|[（(]|特別條例$|臺灣省|台灣省|福建省|直轄市/;
/** Forms that name a field of law, not a law (行政法, 勞動法): never a derived short name. */
const FIELD_NAMES = new Set(['行政法', '勞動法', '民事法', '刑事法', '憲法', '國際法', '經濟法', '財政法', '稅法', '教育法', '社會法', '環境法', '科技法', '資訊法', '醫療法', '商事法', '公法', '私法', '程序法', '實體法', '特別法', '基本法', '母法', '子法']);

function isIdeographs(text: string): boolean {
  for (const char of text) {
    const code = char.codePointAt(0)!;
    if (!((code >= 0x4e00 && code <= 0x9fff) || (code >= 0x3400 && code <= 0x4dbf))) return false;
  }
  return true;
}

/** Cuts a name's stem (the name without its kind) into words; `joined` says whether 及/與 joined two. */
export function wordsOf(stem: string): { words: string[]; joined: boolean } {
  const words: string[] = [];
  let joined = false;
  const chars = [...stem];
  let at = 0;
  while (at < chars.length) {
    if (JOINERS.has(chars[at]!) && words.length > 0) {
      joined = true;
      at++;
      continue;
    }
    const left = chars.length - at;
    let take = left >= 2 ? 2 : 1;
    // 消費者, 納稅者, 身心障礙者: 者 belongs to the word before it.
    if (chars[at + 2] === '者') take = 3;
    words.push(chars.slice(at, at + take).join(''));
    at += take;
  }
  return { words, joined };
}

/** The candidate short names of one official name, each with the rule that made it. */
export function deriveShortNames(name: string): Array<{ form: string; rule: DerivedNameRule }> {
  const kind = KINDS.find((candidate) => name.endsWith(candidate));
  if (!kind || NOT_SHORTENED.test(name) || !isIdeographs(name)) return [];
  const stem = name.slice(0, -kind.length);
  if (stem.length < 4) return [];
  const out: Array<{ form: string; rule: DerivedNameRule }> = [];
  const add = (form: string, rule: DerivedNameRule) => {
    if (form !== name && form.length >= kind.length + 2 && !FIELD_NAMES.has(form) && !out.some((known) => known.form === form)) out.push({ form, rule });
  };
  const initials = (words: string[]) => words.map((word) => word[0]!).join('');
  const { words, joined } = wordsOf(stem);
  if (words.length >= 2) add(initials(words.slice(0, 2)) + kind, 'initials');
  if (words.length >= 3) {
    const last = [...words].reverse().find((word) => word.length >= 2);
    if (last && last !== words[0]) add(words[0]![0]! + last[0]! + kind, 'first-last');
  }
  // 遺產及贈與稅法 → 遺產贈與稅法: the joiners dropped.
  if (joined) add(words.join('') + kind, 'every-word');
  if (words.length >= 2 && (joined || words[words.length - 1]!.length === 1)) add(words.map((word) => (word.length === 1 ? word : word[0]!)).join('') + kind, 'every-word');
  const scope = SCOPE_WORDS.find((word) => stem.startsWith(word) && stem.length - word.length >= 2);
  if (scope) {
    const rest = stem.slice(scope.length);
    add(rest + kind, 'scope-dropped');
    const restWords = wordsOf(rest).words;
    if (restWords.length >= 2) add(initials(restWords.slice(0, 2)) + kind, 'scope-dropped');
  }
  if (kind === '條例' && words.length >= 2 && words[0]!.length >= 2) add(words[0]! + kind, 'first-word');
  // An odd number of characters may start with a one-character word (水|污染|防治 → 水污法, 性|騷擾|防治 → 性騷法).
  if (!joined && stem.length % 2 === 1 && !stem.includes('者')) {
    const alternative = [stem[0]!, ...wordsOf(stem.slice(1)).words];
    if (alternative.length >= 3) add(alternative[0]! + alternative[1]![0]! + kind, 'initials');
  }
  return out;
}
