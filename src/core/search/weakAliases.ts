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
/** The last character of every Chinese head and the last word of every English one: most names end otherwise, and are rejected at once. */
const ZH_HEAD_ENDS = new Set(GENERIC_HEADS_ZH.map((head) => head[head.length - 1]!));
const EN_HEAD_ENDS = new Set(GENERIC_HEADS_EN.map((head) => head.slice(head.lastIndexOf(' ') + 1)));
const CJK_ONLY = /^[\u3400-\u9fff\uf900-\ufaff]+$/u;
const LATIN_ONLY = /^[a-z0-9 .\-–]+$/;

/**
 * The built-in rule, on a name normalised with normalizeKey: a generic head noun with only generic
 * modifiers before it (合作備忘錄, 安全研究所, joint statement), a Chinese name of two characters or fewer,
 * or a Latin name of three letters or fewer (MOU, UK).
 */
export function isGenericName(key: string): boolean {
  // Keys from normalizeKey are collapsed and trimmed already: no regex replace for them.
  const compact = /\s\s|[\t\n\v\f\r\u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff]/.test(key) ? key.replace(/\s+/g, ' ').trim() : key.trim();
  if (compact.length === 0) return true;
  if (CJK_ONLY.test(compact)) return compact.length <= 2 || onlyGenericZh(compact);
  if (LATIN_ONLY.test(compact)) {
    if (compact.replace(/[^a-z0-9]/g, '').length <= 3) return true;
    return onlyGenericEn(compact);
  }
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
  if (!ZH_HEAD_ENDS.has(text[text.length - 1]!)) return false;
  const head = ZH_HEADS_LONGEST_FIRST.find((candidate) => text.endsWith(candidate));
  if (!head) return false;
  let rest = text.slice(0, text.length - head.length);
  // Peel modifiers from the end; bounded by the text's length (each step removes at least one character).
  while (rest.length > 0) {
    const modifier = ZH_MODIFIERS_LONGEST_FIRST.find((candidate) => rest.endsWith(candidate)) ?? ZH_HEADS_LONGEST_FIRST.find((candidate) => rest.endsWith(candidate));
    if (!modifier) return false;
    rest = rest.slice(0, rest.length - modifier.length);
  }
  return true;
}

function onlyGenericEn(text: string): boolean {
  const lastWord = /([^ \-–]*)[ \-–]*$/.exec(text)![1]!;
  if (!EN_HEAD_ENDS.has(lastWord)) return false;
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
