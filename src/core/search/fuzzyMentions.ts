import type { NormalizedText } from './normalize';
import { toOriginalRange } from './normalize';
import { commonWeightsByEnd, insertedRuns, isIdeograph, nameTokens, similarity, totalWeight, type NameToken } from './nameTokens';
import { isGenericName, onlyGenericWords } from './weakAliases';
import type { AnchoredName } from './nameAnchors';

/**
 * Mentions that are not written exactly as a title or alias:
 * - bracketed: the text inside 《》〈〉「」『』“” and English title-case phrases (strong signals of a name),
 *   compared with the titles and aliases of the records that have a name starting with a pair of its tokens;
 * - inserted: an unbracketed span that starts with a name's first two tokens and ends with its last token, a
 *   few tokens longer or shorter (英國 AI 安全研究所 for 英國人工智慧安全研究所).
 * Names are found by their first two tokens in a map (nameAnchors.ts), so a position costs one lookup and the
 * corpus is never scanned; a pair shared by more than 32 names is no anchor (such names are never fuzzy).
 * A span resolves at FUZZY_MENTION_THRESHOLD and above; bracketed spans between NEAR_MISS_THRESHOLD and it are
 * near misses ("possibly …"). Weak aliases and generic names never take part (see weakAliases.ts).
 */
export const FUZZY_MENTION_THRESHOLD = 0.8;
export const NEAR_MISS_THRESHOLD = 0.65;
/** How many tokens a span may have more than the name (inserted words) or fewer (dropped ones). */
const MAX_INSERTED = 4;
const MAX_DROPPED = 2;
const MAX_BRACKETED = 80;

export type FuzzyForm = 'bracketed' | 'inserted';

export interface FuzzyMention {
  /** Range in the original text. */
  readonly start: number;
  readonly end: number;
  readonly id: string;
  readonly score: number;
  /** The normalised title or alias the span was compared with. */
  readonly name: string;
  readonly form: FuzzyForm;
  /** Below the threshold: not a reference, a hint. */
  readonly nearMiss: boolean;
}

/** What the fuzzy pass reads from the corpus index. */
export interface FuzzyMentionSource {
  /** Names (normalised) whose first two tokens are these, or undefined when there are none or too many. */
  anchored(first: string, second: string): readonly AnchoredName[] | undefined;
  /** The normalised titles and aliases of a record that may be matched fuzzily (no weak or generic names). */
  strongNames(id: string): readonly string[];
  /** Whether the normalised span is a weak alias of the record or a generic name. */
  refused(key: string, id: string): boolean;
}

/** Every fuzzy mention and near miss in `text` (normalised, maybe converted), best first where spans overlap. */
export function findFuzzyMentions(text: NormalizedText, source: FuzzyMentionSource): FuzzyMention[] {
  const found: FuzzyMention[] = [];
  const tokensOf = (key: string) => nameInfo(key).tokens;
  for (const span of bracketedSpans(text)) {
    const spanTokens = nameTokens(text.text, span.start, span.end);
    const spanWeight = totalWeight(spanTokens);
    if (spanWeight < 3) continue;
    const key = text.text.slice(span.start, span.end).trim();
    let best: { id: string; score: number; name: string } | undefined;
    let tie = false;
    // Candidates: the records with a name starting with some pair of the span's tokens, the second up to two
    // tokens further (Bletchley AI Safety Declaration: bletchley … declaration). Three lookups a token.
    const candidates = new Set<string>();
    for (let position = 0; position + 1 < spanTokens.length; position++) {
      for (let gap = 1; gap <= 3 && position + gap < spanTokens.length; gap++) {
        for (const entry of source.anchored(spanTokens[position]!.value, spanTokens[position + gap]!.value) ?? []) candidates.add(entry.id);
      }
    }
    for (const id of candidates) {
      if (source.refused(key, id)) continue;
      for (const name of source.strongNames(id)) {
        const info = nameInfo(name);
        // The score (Dice) is at most 2·min / sum of the two weights: a name far longer or shorter than the span
        // cannot reach the near-miss threshold, nor the best score so far (it could neither win nor tie), so its
        // table is not worth filling. Most candidates' names are such (a bracket shares a pair of tokens with them).
        const bound = (2 * Math.min(spanWeight, info.weight)) / (spanWeight + info.weight);
        if (bound < NEAR_MISS_THRESHOLD - 1e-9 || (best && bound < best.score - 1e-9)) continue;
        const score = similarity(spanTokens, info.tokens);
        if (score < 1 && !plausible(spanTokens, name)) continue;
        if (!best || score > best.score + 1e-9) {
          tie = best !== undefined && best.id !== id && Math.abs(best.score - score) < 1e-9;
          best = { id, score, name };
        } else if (Math.abs(score - best.score) < 1e-9 && id !== best.id) tie = true;
      }
    }
    if (!best || tie || best.score < NEAR_MISS_THRESHOLD) continue;
    // A hint needs the name's specific start in the span: sharing a generic tail (…合作夥伴關係) is no sign.
    if (best.score < FUZZY_MENTION_THRESHOLD && !startsSomewhere(spanTokens, tokensOf(best.name))) continue;
    found.push(mentionAt(text, span.start, span.end, best.id, best.score, best.name, 'bracketed', best.score < FUZZY_MENTION_THRESHOLD));
  }
  const tokens = nameTokens(text.text);
  for (let index = 0; index + 1 < tokens.length; index++) {
    if (!isIdeograph(tokens[index]!.value.charCodeAt(0)) && tokens[index]!.value !== 'ai') continue;
    const names = source.anchored(tokens[index]!.value, tokens[index + 1]!.value);
    if (!names) continue;
    for (const { id, key, count, last, cjk } of names) {
      // Short or Latin names take part in brackets only: four CJK tokens or more say enough on their own.
      if (count < 4 || !cjk) continue;
      const to = Math.min(tokens.length, index + count + MAX_INSERTED);
      // No span ends on the name's last token within reach: nothing to score (the common case, and cheap).
      let ends = false;
      for (let position = index + Math.max(1, count - MAX_DROPPED - 1); position < to && !ends; position++) ends = tokens[position]!.value === last;
      if (!ends) continue;
      const name = tokensOf(key);
      const common = commonWeightsByEnd(tokens, index, to, name);
      const nameWeight = totalWeight(name);
      let best: { end: number; score: number } | undefined;
      for (let count = Math.max(2, name.length - MAX_DROPPED); index + count <= to; count++) {
        if (tokens[index + count - 1]!.value !== last) continue;
        const score = (2 * common[count]!) / (totalWeight(tokens, index, index + count) + nameWeight);
        if (score < FUZZY_MENTION_THRESHOLD || (best && score <= best.score)) continue;
        if (score < 1 && !plausible(tokens.slice(index, index + count), key)) continue;
        best = { end: index + count, score };
      }
      if (!best) continue;
      const start = tokens[index]!.start;
      const end = tokens[best.end - 1]!.end;
      if (source.refused(text.text.slice(start, end), id)) continue;
      found.push(mentionAt(text, start, end, id, best.score, key, 'inserted', false));
    }
  }
  return withoutOverlaps(found);
}

/**
 * A mention at a range of the normalised text, in one object shape: a spread of the range into a literal was a
 * slow path, about a third of this pass's time in a profile of `check`.
 */
function mentionAt(text: NormalizedText, start: number, end: number, id: string, score: number, name: string, form: FuzzyForm, nearMiss: boolean): FuzzyMention {
  const range = toOriginalRange(text, start, end);
  return { start: range.start, end: range.end, id, score, name, form, nearMiss };
}

/**
 * A name whose only specific part is its first two tokens (英美合作備忘錄: 英美 + a generic tail) says little
 * once words are inserted: 英美貿易合作備忘錄 is another memorandum. Such a name matches a span with other
 * words only when every inserted word is generic too (英美 AI 安全研究合作備忘錄: 研究).
 */
function plausible(span: readonly NameToken[], key: string): boolean {
  const name = nameInfo(key);
  if (!name.genericTail) return true;
  return insertedRuns(span, name.tokens).every(onlyGenericWords);
}

interface NameInfo {
  readonly tokens: NameToken[];
  readonly weight: number;
  /** More than two tokens, and all after the first two generic (see plausible). */
  readonly genericTail: boolean;
}

/**
 * Names' tokens and whether their tail is generic, kept between analyses: a function of the name's text alone,
 * asked for by every bracket and every inserted-word candidate of every analysis. Bounded: cleared when full.
 */
const nameInfos = new Map<string, NameInfo>();
const MAX_NAME_INFOS = 20_000;

function nameInfo(key: string): NameInfo {
  let info = nameInfos.get(key);
  if (!info) {
    const tokens = nameTokens(key);
    info = { tokens, weight: totalWeight(tokens), genericTail: tokens.length > 2 && isGenericName(tokens.slice(2).map((token) => token.value).join('')) };
    if (nameInfos.size >= MAX_NAME_INFOS) nameInfos.clear();
    nameInfos.set(key, info);
  }
  return info;
}

function startsSomewhere(span: readonly NameToken[], name: readonly NameToken[]): boolean {
  if (name.length < 2) return false;
  for (let index = 0; index + 1 < span.length; index++) if (span[index]!.value === name[0]!.value && span[index + 1]!.value === name[1]!.value) return true;
  return false;
}

/** Of overlapping mentions, the resolved one with the best score (then the longest) stays. */
function withoutOverlaps(mentions: FuzzyMention[]): FuzzyMention[] {
  const ranked = [...mentions].sort((a, b) => Number(a.nearMiss) - Number(b.nearMiss) || b.score - a.score || b.end - b.start - (a.end - a.start) || a.start - b.start);
  const kept: FuzzyMention[] = [];
  for (const mention of ranked) if (!kept.some((other) => other.start < mention.end && mention.start < other.end)) kept.push(mention);
  return kept.sort((a, b) => a.start - b.start);
}

/** The closing mark of each opening one, by UTF-16 unit: 《》〈〉「」『』“” and <> (NFKC's 〈〉). */
const CLOSING = new Map<number, number>([...'《》〈〉「」『』“”<>'.matchAll(/../g)].map(([pair]) => [pair.charCodeAt(0), pair.charCodeAt(1)]));
const LESS_THAN = 0x3c;
const LINE_FEED = 0x0a;

/** Ranges (in the normalised text) inside brackets and quotes, and of English title-case phrases. */
function* bracketedSpans(text: NormalizedText): Generator<{ start: number; end: number }> {
  // By code unit, not by character: `source[index]` made a string of every CJK character of every paragraph.
  const source = text.text;
  for (let index = 0; index < source.length; index++) {
    const open = source.charCodeAt(index);
    // Every opening mark but < is at or above “ (U+201C): the rest of the text costs a comparison a unit.
    if (open < 0x201c && open !== LESS_THAN) continue;
    const close = CLOSING.get(open);
    // NFKC turns 〈〉 into <>: keep those only around CJK text (a <tag> or <url> is no title).
    if (close === undefined) continue;
    // The closing mark is looked for within MAX_BRACKETED units only: a text of unclosed 《 stays linear.
    let end = -1;
    let lineFeed = false;
    for (let position = index + 1, limit = Math.min(source.length, index + MAX_BRACKETED + 2); position < limit; position++) {
      const unit = source.charCodeAt(position);
      if (unit === close) {
        end = position;
        break;
      }
      lineFeed ||= unit === LINE_FEED;
    }
    if (end === -1 || end - index - 1 < 2 || lineFeed || source.charCodeAt(index + 1) === open) continue;
    if (open === LESS_THAN && !/[\u3400-\u9fff]/.test(source.slice(index + 1, end))) continue;
    yield { start: index + 1, end };
  }
  for (const phrase of titleCasePhrases(text)) yield phrase;
}

const TITLE_WORD = /(?:U\.S\.|U\.K\.|[A-Z][A-Za-z0-9'’-]*)/.source;
const SMALL_WORD = '(?:of|on|the|a|an|and|for|in|to|by|at)';
const TITLE_CASE = new RegExp(`${TITLE_WORD}(?:[ \\t]+(?:${SMALL_WORD}[ \\t]+)*${TITLE_WORD})+`, 'g');

/** English title-case phrases of three or more capitalised words, read in the original text. */
function* titleCasePhrases(text: NormalizedText): Generator<{ start: number; end: number }> {
  for (const match of text.original.matchAll(TITLE_CASE)) {
    const capitalised = match[0].split(/[ \t]+/).filter((word) => /^[A-Z]/.test(word)).length;
    if (capitalised < 3 || match[0].length > MAX_BRACKETED * 2) continue;
    const start = normalizedOffset(text, match.index);
    const end = normalizedOffset(text, match.index + match[0].length);
    if (end > start) yield { start, end };
  }
}

/** The first normalised unit at or after original offset `offset` (offsets only grow). */
function normalizedOffset(text: NormalizedText, offset: number): number {
  let low = 0;
  let high = text.text.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (text.offsets[middle]! < offset) low = middle + 1;
    else high = middle;
  }
  return low;
}
