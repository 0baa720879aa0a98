import { isLatinWordUnit } from './aliasMatcher';

/**
 * Names compared token by token for fuzzy mentions: a CJK character is a token of weight 1, a Latin word
 * (letters and digits) one token weighing its length, so "Bletchley AI Safety Declaration" and
 * 布萊切利 AI 宣言 are compared word by word and character by character. Spaces, punctuation and middle
 * dots are no tokens (英國 AI 安全研究所 = 英國AI安全研究所), and 人工智慧 is the token "ai" of weight 2:
 * Taiwanese writers use the two interchangeably in names (AI 安全研究所, 人工智慧安全研究所).
 */
export interface NameToken {
  readonly value: string;
  readonly weight: number;
  /** Range in the text tokenised (UTF-16 units, end exclusive). */
  readonly start: number;
  readonly end: number;
}

const AI_WORD = '人工智慧';

/** Tokens of `text` (normalised: lower case) between `from` and `to`. */
export function nameTokens(text: string, from = 0, to = text.length): NameToken[] {
  const tokens: NameToken[] = [];
  let index = from;
  while (index < to) {
    const unit = text.charCodeAt(index);
    if (isLatinWordUnit(unit)) {
      let end = index + 1;
      while (end < to && isLatinWordUnit(text.charCodeAt(end))) end++;
      tokens.push({ value: text.slice(index, end), weight: end - index, start: index, end });
      index = end;
    } else if (isIdeograph(unit)) {
      if (unit === 0x4eba && text.startsWith(AI_WORD, index) && index + AI_WORD.length <= to) {
        tokens.push({ value: 'ai', weight: 2, start: index, end: index + AI_WORD.length });
        index += AI_WORD.length;
      } else {
        tokens.push({ value: text[index]!, weight: 1, start: index, end: index + 1 });
        index++;
      }
    } else index++;
  }
  return tokens;
}

export function isIdeograph(unit: number): boolean {
  return (unit >= 0x3400 && unit <= 0x9fff) || (unit >= 0xf900 && unit <= 0xfaff);
}

export function totalWeight(tokens: readonly NameToken[], from = 0, to = tokens.length): number {
  let sum = 0;
  for (let index = from; index < to; index++) sum += tokens[index]!.weight;
  return sum;
}

/**
 * Similarity of a span of text to a name, from 0 to 1: twice the weight of their longest common
 * subsequence of tokens over the sum of their weights (Dice). One inserted word costs little in a long name
 * (布萊切利 AI 宣言 ~ 布萊切利宣言: 0.92); a name sharing only a generic tail scores low.
 */
export function similarity(span: readonly NameToken[], name: readonly NameToken[]): number {
  const total = totalWeight(span) + totalWeight(name);
  return total === 0 ? 0 : (2 * commonWeight(span, 0, span.length, name)) / total;
}

/** Weight of the longest common subsequence of span[from, to) and name (one row of the table at a time). */
export function commonWeight(span: readonly NameToken[], from: number, to: number, name: readonly NameToken[]): number {
  return commonWeightsByEnd(span, from, to, name)[to - from]!;
}

/**
 * Two rows reused by every call: the inserted-word pass calls this for each candidate name at each position of
 * an article, and two fresh arrays per call were the largest share of the fuzzy pass's garbage (about 0.3 MB
 * per analysis of a 5 KB article, so a young-generation collection every few analyses).
 */
let rowA = new Float64Array(64);
let rowB = new Float64Array(64);

/**
 * For each k, the common weight of span[from, from + k) and name: one table for every end of a span at once.
 * The result is one of two shared rows: read it before the next call (every caller does, right away).
 */
export function commonWeightsByEnd(span: readonly NameToken[], from: number, to: number, name: readonly NameToken[]): Float64Array {
  const width = to - from;
  if (rowA.length < width + 1) {
    rowA = new Float64Array(Math.max(width + 1, rowA.length * 2));
    rowB = new Float64Array(rowA.length);
  }
  // table[i][k]: name[0, i) against span[from, from + k); rows rolled.
  let previous = rowA;
  let current = rowB;
  previous.fill(0, 0, width + 1);
  for (let row = 0; row < name.length; row++) {
    const token = name[row]!;
    current[0] = 0;
    for (let column = 1; column <= width; column++) {
      const other = span[from + column - 1]!;
      current[column] = other.value === token.value ? previous[column - 1]! + token.weight : Math.max(previous[column]!, current[column - 1]!);
    }
    const swap = previous;
    previous = current;
    current = swap;
  }
  return previous;
}

/** The runs of span tokens outside one longest common subsequence with the name (the inserted words), as text. */
export function insertedRuns(span: readonly NameToken[], name: readonly NameToken[]): string[] {
  const rows = name.length + 1;
  const columns = span.length + 1;
  const table = new Float64Array(rows * columns);
  for (let row = 1; row < rows; row++) {
    for (let column = 1; column < columns; column++) {
      table[row * columns + column] =
        name[row - 1]!.value === span[column - 1]!.value
          ? table[(row - 1) * columns + column - 1]! + name[row - 1]!.weight
          : Math.max(table[(row - 1) * columns + column]!, table[row * columns + column - 1]!);
    }
  }
  const inserted = new Array<boolean>(span.length).fill(false);
  let row = name.length;
  let column = span.length;
  while (column > 0) {
    if (row > 0 && name[row - 1]!.value === span[column - 1]!.value && table[row * columns + column] === table[(row - 1) * columns + column - 1]! + name[row - 1]!.weight) {
      row--;
      column--;
    } else if (row > 0 && table[(row - 1) * columns + column] === table[row * columns + column]) row--;
    else {
      inserted[column - 1] = true;
      column--;
    }
  }
  const runs: string[] = [];
  let run = '';
  span.forEach((token, index) => {
    if (inserted[index]) run += token.value;
    else if (run) {
      runs.push(run);
      run = '';
    }
  });
  if (run) runs.push(run);
  return runs;
}
