import type { CorpusRecord } from '../corpus/record';
import { normalizeKey } from './normalize';

/**
 * Weak aliases: names that are common words (合作備忘錄, MOU, 安全研究所, 峰會, 部長). A weak alias names its
 * record only in an article that also refers to that record — or to a record `related` to it — by a strong
 * name, a link, a citation or a key (scope: the whole article; see README "Weak aliases").
 *
 * A record says which of its aliases are weak with `weakAliases`; a record without that field gets the
 * built-in rule below. The title and the original title are never weak unless listed.
 */

/** Head nouns that name a kind of thing, not one thing. */
const GENERIC_HEADS_ZH = [
  '備忘錄', '研究所', '研究院', '研究中心', '中心', '峰會', '高峰會', '會議', '宣言', '聲明', '協議', '協定', '條約', '公約', '法案',
  '計畫', '計劃', '報告', '白皮書', '框架', '指引', '原則', '委員會', '工作小組', '部長', '大臣', '首長', '部會', '政府', '機構', '夥伴關係',
];
/** Modifiers that leave a head noun generic (合作備忘錄, 安全研究所, 聯合聲明). */
const GENERIC_MODIFIERS_ZH = [
  '合作', '諒解', '安全', '研究', '聯合', '共同', '國際', '全球', '雙邊', '多邊', '策略', '戰略', '技術', '科技', '領袖', '部長級', '部長', '政策',
  '高階', '年度', '正式', '最終', '官方', '相關', '人工智慧', 'ai',
];
const GENERIC_HEADS_EN = [
  'memorandum of understanding', 'memorandum', 'mou', 'moc', 'agreement', 'declaration', 'statement', 'joint statement', 'summit', 'institute',
  'minister', 'secretary', 'report', 'framework', 'partnership', 'conference', 'committee', 'act', 'bill', 'treaty', 'convention',
];
const GENERIC_MODIFIERS_EN = ['joint', 'bilateral', 'international', 'safety', 'security', 'research', 'cooperation', 'the', 'a', 'an', 'ai', 'final', 'official'];

const ZH_HEADS_LONGEST_FIRST = [...GENERIC_HEADS_ZH].sort((a, b) => b.length - a.length);
const ZH_MODIFIERS_LONGEST_FIRST = [...GENERIC_MODIFIERS_ZH].sort((a, b) => b.length - a.length);
const EN_HEADS = new Set(GENERIC_HEADS_EN);
const EN_MODIFIERS = new Set(GENERIC_MODIFIERS_EN);
/** The last word of every English head: most names end otherwise, and are rejected at once. */
const EN_HEAD_ENDS = new Set(GENERIC_HEADS_EN.map((head) => head.slice(head.lastIndexOf(' ') + 1)));
/** The last characters of the Chinese modifiers and heads: a text left to peel that ends otherwise is not generic. */
const ZH_WORD_END_UNITS = new Set([...GENERIC_MODIFIERS_ZH, ...GENERIC_HEADS_ZH].map((word) => word.charCodeAt(word.length - 1)));

/**
 * The built-in rule, on a name normalised with normalizeKey: a generic head noun with only generic
 * modifiers before it (合作備忘錄, 安全研究所, joint statement), a Chinese name of two characters or fewer,
 * or a Latin name of three letters or fewer (MOU, UK).
 */
export function isGenericName(key: string): boolean {
  if (endsUngeneric(key)) return false;
  // Keys from normalizeKey are collapsed and trimmed already: no regex replace for them.
  const compact = needsCompacting(key) ? key.replace(/\s+/g, ' ').trim() : key.trim();
  if (compact.length === 0) return true;
  // Ending in a Latin letter or digit, only the English rule can say yes: a name of more than three letters and
  // digits whose last word ends no head is not generic (most English names), with no pass over its script.
  const last = compact.charCodeAt(compact.length - 1);
  const latinEnd = (last >= 0x61 && last <= 0x7a) || (last >= 0x30 && last <= 0x39);
  if (latinEnd && !atMostThreeLettersOrDigits(compact) && !EN_HEAD_ENDS.has(lastWordOf(compact))) return false;
  const script = scriptOf(compact);
  if (script === CJK_ONLY) return compact.length <= 2 || onlyGenericZh(compact);
  if (script === LATIN_ONLY) return atMostThreeLettersOrDigits(compact) || onlyGenericEn(compact);
  // Mixed (AI安全研究所): the Latin part must itself be a generic modifier.
  return onlyGenericZh(compact.replace(/\s+/g, ''));
}

/** Whether a Chinese text is made of generic modifiers and head nouns only (合作, 研究, 諒解備忘錄), or "ai". */
export function onlyGenericWords(text: string): boolean {
  let rest = text;
  while (rest.length > 0) {
    const word = rest.endsWith('ai') ? 'ai' : (ZH_MODIFIERS_LONGEST_FIRST.find((candidate) => rest.endsWith(candidate)) ?? ZH_HEADS_LONGEST_FIRST.find((candidate) => rest.endsWith(candidate)));
    if (!word) return false;
    rest = rest.slice(0, rest.length - word.length);
  }
  return true;
}

function onlyGenericZh(text: string): boolean {
  if (!ZH_HEAD_END_UNITS.has(text.charCodeAt(text.length - 1))) return false;
  const head = ZH_HEADS_LONGEST_FIRST.find((candidate) => text.endsWith(candidate));
  if (!head) return false;
  let rest = text.slice(0, text.length - head.length);
  // Peel modifiers from the end; bounded by the text's length (each step removes at least one character).
  while (rest.length > 0) {
    // Most names have a head at the end and a proper name before it (法國…白皮書): one Set test says no.
    if (!ZH_WORD_END_UNITS.has(rest.charCodeAt(rest.length - 1))) return false;
    const modifier = ZH_MODIFIERS_LONGEST_FIRST.find((candidate) => rest.endsWith(candidate)) ?? ZH_HEADS_LONGEST_FIRST.find((candidate) => rest.endsWith(candidate));
    if (!modifier) return false;
    rest = rest.slice(0, rest.length - modifier.length);
  }
  return true;
}

/**
 * Whether the rule says no from the ends alone (the index asks this of every name of the corpus, issue 19):
 * a name of three units or more that neither starts nor ends with a space ends as it will once compacted,
 * and the Chinese rule needs it to end in a head's last character, the English one in a Latin unit. So a
 * name ending in neither is not generic. Over-broad on purpose: "space" and "Latin" here take in more
 * than the rule's own classes, which only sends more names to the full rule.
 */
function endsUngeneric(key: string): boolean {
  if (key.length < 3 || maybeSpace(key.charCodeAt(0))) return false;
  const last = key.charCodeAt(key.length - 1);
  return !maybeSpace(last) && last >= 0x80 && last !== 0x2013 && !ZH_HEAD_END_UNITS.has(last);
}

function maybeSpace(unit: number): boolean {
  return unit <= 0x20 || (unit >= 0x7f && unit <= 0xa0) || unit === 0x1680 || (unit >= 0x2000 && unit <= 0x200a) || unit === 0x2028 || unit === 0x2029 || unit === 0x202f || unit === 0x205f || unit === 0x3000 || unit === 0xfeff;
}

/** The last characters of the Chinese heads, as units (every head is in the BMP). */
const ZH_HEAD_END_UNITS = new Set(GENERIC_HEADS_ZH.map((head) => head.charCodeAt(head.length - 1)));

/** What the built-in rule needs compacted: whitespace other than the space, or two spaces in a row (a unit loop, no regex). */
function needsCompacting(key: string): boolean {
  let previousWasSpace = false;
  for (let index = 0; index < key.length; index++) {
    const unit = key.charCodeAt(index);
    if (unit === 0x20) {
      if (previousWasSpace) return true;
      previousWasSpace = true;
    } else {
      if ((unit >= 0x09 && unit <= 0x0d) || unit === 0x85 || unit === 0xa0 || (unit >= 0x2000 && unit <= 0x200a) || unit === 0x1680 || unit === 0x2028 || unit === 0x2029 || unit === 0x202f || unit === 0x205f || unit === 0x3000 || unit === 0xfeff) return true;
      previousWasSpace = false;
    }
  }
  return false;
}

const CJK_ONLY = 1;
const LATIN_ONLY = 2;
const MIXED = 3;

/** CJK_ONLY: every unit a CJK ideograph (U+3400–9FFF, U+F900–FAFF); LATIN_ONLY: every unit in [a-z0-9 .-–]; else MIXED. */
function scriptOf(text: string): number {
  let cjk = true;
  let latin = true;
  for (let index = 0; index < text.length && (cjk || latin); index++) {
    const unit = text.charCodeAt(index);
    if (!((unit >= 0x3400 && unit <= 0x9fff) || (unit >= 0xf900 && unit <= 0xfaff))) cjk = false;
    if (!((unit >= 0x61 && unit <= 0x7a) || (unit >= 0x30 && unit <= 0x39) || unit === 0x20 || unit === 0x2e || unit === 0x2d || unit === 0x2013)) latin = false;
  }
  return cjk ? CJK_ONLY : latin ? LATIN_ONLY : MIXED;
}

function atMostThreeLettersOrDigits(text: string): boolean {
  let count = 0;
  for (let index = 0; index < text.length; index++) {
    const unit = text.charCodeAt(index);
    if (((unit >= 0x61 && unit <= 0x7a) || (unit >= 0x30 && unit <= 0x39)) && ++count > 3) return false;
  }
  return true;
}

const EN_HEAD_STARTS = new Set(GENERIC_HEADS_EN.map((head) => head.split(' ')[0]!));

/** The text before the first space, hyphen or en dash, those at the very start skipped. */
function firstWordOf(text: string): string {
  let start = 0;
  while (start < text.length && isWordSeparator(text.charCodeAt(start))) start++;
  let end = start;
  while (end < text.length && !isWordSeparator(text.charCodeAt(end))) end++;
  return text.slice(start, end);
}

/** The text after the last space, hyphen or en dash, those at the very end skipped (a loop: the regex it replaces tried every start). */
function lastWordOf(text: string): string {
  let end = text.length;
  while (end > 0 && isWordSeparator(text.charCodeAt(end - 1))) end--;
  let start = end;
  while (start > 0 && !isWordSeparator(text.charCodeAt(start - 1))) start--;
  return text.slice(start, end);
}

function isWordSeparator(unit: number): boolean {
  return unit === 0x20 || unit === 0x2d || unit === 0x2013;
}

function onlyGenericEn(text: string): boolean {
  if (!EN_HEAD_ENDS.has(lastWordOf(text))) return false;
  // The words before the head are modifiers, or there are none and the first word starts the head: a name
  // that starts otherwise (Thailand … Act) is not generic, with no split.
  const first = firstWordOf(text);
  if (!EN_MODIFIERS.has(first) && first !== 'of' && !EN_HEAD_STARTS.has(first)) return false;
  const words = text.split(/[ \-–]+/).filter(Boolean);
  for (let headLength = Math.min(3, words.length); headLength >= 1; headLength--) {
    const head = words.slice(words.length - headLength).join(' ');
    if (EN_HEADS.has(head)) return words.slice(0, words.length - headLength).every((word) => EN_MODIFIERS.has(word) || word === 'of');
  }
  return false;
}

/**
 * The normalised names of a record that are weak: its `weakAliases`, or by the built-in rule when it has none.
 * `keys`: the record's names already normalised, in namesOf order (title, original title, aliases), so the
 * index's build does not normalise every name twice.
 */
export function weakKeysOf(record: CorpusRecord, keys?: readonly string[]): Set<string> {
  return new Set(weakKeyList(record, keys));
}

const NONE: readonly string[] = [];

/** weakKeysOf as a list (duplicates possible), and one shared empty list for the many records with none: the index's build allocates nothing for them. */
export function weakKeyList(record: CorpusRecord, keys?: readonly string[]): readonly string[] {
  if (record.weakAliases !== undefined) return record.weakAliases.map(normalizeKey).filter((key) => key.length > 0);
  const titleCount = record.originalTitle ? 2 : 1;
  const names = keys ?? [record.title, ...(record.originalTitle ? [record.originalTitle] : []), ...record.aliases].map(normalizeKey);
  let weak: string[] | undefined;
  for (let position = titleCount; position < names.length; position++) {
    const key = names[position]!;
    if (key !== names[0] && (titleCount === 1 || key !== names[1]) && isGenericName(key)) (weak ??= []).push(key);
  }
  return weak ?? NONE;
}
