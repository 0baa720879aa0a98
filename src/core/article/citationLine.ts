// Parses one free-text citation line of a 資料來源 (sources) section, or a 相關連結 link text, into spans.
// Strategy: find the unambiguous parts first (URL, last-visit note, marked title, dates), blank them out of a
// working copy that keeps the input's length, then split what is left on commas and give roles by position.
// Because the copy never changes length, every offset found in it is a UTF-16 offset into the input.
// Every regular expression uses bounded or non-overlapping quantifiers only, so matching stays linear.
import { parseIsoDate } from '../util/dates';

export interface TextSpan { readonly text: string; readonly start: number; readonly end: number } // UTF-16 offsets into the input line, end exclusive
export interface ParsedCitation {
  readonly shortTitle?: TextSpan; // before the date parenthesis or first comma: "The Bletchley Declaration"
  readonly author?: TextSpan; // "Michelle Donelan" in "Michelle Donelan, *Title*": then there is no shortTitle
  readonly title?: TextSpan; // from *…*, _…_, 《》, 「」, [title](url), or the second segment of a link text
  readonly publisher?: TextSpan; // the segment after the title: "GOV.UK", "行政院"
  readonly date?: { readonly iso: string; readonly span: TextSpan }; // publication date: YYYY-MM-DD, YYYY-MM or YYYY
  readonly url?: TextSpan; // without <>
  readonly lastVisit?: { readonly iso?: string; readonly span: TextSpan }; // the whole "(last visit June 30, 2024)"
}

interface Range { start: number; end: number }
interface Candidate { outer: Range; inner: Range } // a title run: its marks, and the text within

const MASK = '\u0000'; // a blanked-out character of the working copy: it also ends a field
const SEP = ',;:.()。、' + MASK; // what may stand next to a field that fills a whole segment
const isSpace = (c: string | undefined): boolean => c !== undefined && (c <= ' ' ? c === ' ' || (c >= '\t' && c <= '\r') : c > '\x7f' && /\s/.test(c));

const MONTHS = 'janfebmaraprmayjunjulaugsepoctnovdec';
const MONTH = '(january|february|march|april|may|june|july|august|september|october|november|december|sept|jan|feb|mar|apr|jun|jul|aug|sep|oct|nov|dec)\\b\\.?';
const G = '\\s{0,3}'; // bounded gaps: a run of spaces can never be re-split in many ways
const DAY = '(\\d{1,2})(?:st|nd|rd|th)?(?!\\d)';
const YEAR = '(\\d{4})(?!\\d)';
const num = (s: string | undefined): number | undefined => (s === undefined ? undefined : Number(s));
const mon = (s: string | undefined): number | undefined => (s === undefined ? undefined : MONTHS.indexOf(s.slice(0, 3).toLowerCase()) / 3 + 1);
type Ymd = readonly [number | undefined, number | undefined, number | undefined];

// Most specific first: at one position the first alternative that matches wins.
const PATTERNS: readonly { source: string; ymd: (g: RegExpExecArray) => Ymd }[] = [
  { source: '(?<!\\d)(\\d{4})[-/.](\\d{1,2})(?:[-/.](\\d{1,2}))?(?!\\d)', ymd: (g) => [num(g[1]), num(g[2]), num(g[3])] },
  // A year after 民國, or of two or three digits before 年, is an ROC year: 113年 = 2024.
  {
    source: `(民國${G})?(?<!\\d)(\\d{2,4})${G}年(?:${G}(\\d{1,2})${G}月(?:${G}(\\d{1,2})${G}[日號]?)?)?`,
    ymd: (g) => [(g[1] !== undefined || (g[2] ?? '').length < 4 ? 1911 : 0) + Number(g[2]), num(g[3]), num(g[4])],
  },
  { source: `\\b${MONTH}${G}${DAY}${G},?${G}${YEAR}`, ymd: (g) => [num(g[3]), mon(g[1]), num(g[2])] },
  { source: `(?<!\\d)${DAY}${G}${MONTH},?${G}${YEAR}`, ymd: (g) => [num(g[3]), mon(g[2]), num(g[1])] },
  { source: `(?<!\\d)(\\d{4})${G},?${G}${MONTH}(?:${G}${DAY})?`, ymd: (g) => [num(g[1]), mon(g[2]), num(g[3])] },
  { source: `\\b${MONTH},?${G}${YEAR}`, ymd: (g) => [num(g[2]), mon(g[1]), undefined] },
  { source: `(?<!\\d)${YEAR}`, ymd: (g) => [num(g[1]), undefined, undefined] },
];
const ANCHORED = PATTERNS.map((p) => new RegExp(`^(?:${p.source})$`, 'i'));
const LOCATOR = new RegExp(PATTERNS.map((p) => `(?:${p.source})`).join('|'), 'gi');

const VISIT =
  /\b(?:last[ \t]{0,3}(?:visited|visit|accessed|viewed)|accessed|retrieved|visited|viewed)(?:[ \t]{1,3}(?:on|from))?\b|最後瀏覽日期|最後瀏覽日|最後瀏覽|最後造訪日期|瀏覽日期|瀏覽日|造訪日期|檢索日期|擷取日期|查閱日期|上網日期/gi;
const URL_RE = /<(https?:\/\/[^\s<>]+)>|https?:\/\/[\w\-.~:/?#[\]@!$&'()*+,;=%]+/gi;
const MD_LINK = /\[([^[\]\n]*)\]\(([^()\s]*)\)/dg;
const TITLE = /\*\*?([^*\n]+)\*\*?|(?<!\w)__?([^_\n]+)__?(?!\w)|《([^《》\n]+)》|「([^「」\n]+)」|『([^『』\n]+)』|〈([^〈〉\n]+)〉|“([^“”\n]+)”|"([^"\n]+)"/dg;
const PREFIX = /^\s{0,8}(?:[-+*]\s|\d{1,3}[.)]\s|\[\^[^\]\s]{1,32}\]:|\[\d{1,3}\](?!\())/; // list marker, footnote label

/** Full-width ASCII to ASCII and markdown escapes made inert, one code unit for one, so offsets survive. */
function normalize(text: string): string {
  const codes = new Uint16Array(text.length);
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x5c && i + 1 < text.length) {
      // "\(" reads as " (" so a link text's escaped date parenthesis still counts; other escapes turn inert.
      const next = text.charCodeAt(i + 1);
      const paren = next === 0x28 || next === 0x29;
      codes[i] = paren ? 0x20 : 0xe000;
      codes[++i] = paren ? next : 0xe000;
    } else codes[i] = c >= 0xff01 && c <= 0xff5e ? c - 0xfee0 : c === 0x3000 || c === 0xa0 ? 0x20 : c;
  }
  let out = '';
  // `apply` reads the typed array as it is (a spread would box every unit through an iterator first).
  for (let i = 0; i < codes.length; i += 8192) out += String.fromCharCode.apply(null, codes.subarray(i, i + 8192) as unknown as number[]);
  return out;
}

function toIso([year, month, day]: Ymd): string | undefined {
  if (year === undefined || year < 1000 || year > 2999) return undefined;
  const pad = (n: number): string => String(n).padStart(2, '0');
  const iso = String(year) + (month === undefined ? '' : `-${pad(month)}` + (day === undefined ? '' : `-${pad(day)}`));
  return parseIsoDate(iso) ? iso : undefined;
}

/** ISO form of a string that is exactly one date (see PATTERNS). */
function tokenIso(token: string): string | undefined {
  for (let i = 0; i < ANCHORED.length; i++) {
    const match = ANCHORED[i]!.exec(token);
    if (match) return toIso(PATTERNS[i]!.ymd(match));
  }
  return undefined;
}

/** A loose date (`April 1, 2024`, `1 Apr. 2024`, `2024, April 1`, `2024-04-01`, `2024/4/1`, `2024年4月1日`, `民國113年4月1日`, `113年4月1日`, `(2024)`) as ISO YYYY-MM-DD, YYYY-MM or YYYY. */
export function parseLooseDate(text: string): string | undefined {
  if (typeof text !== 'string' || text.length > 120) return undefined; // no date is longer: skip the work
  const t = normalize(text);
  const r = trimSpaces(t, { start: 0, end: t.length }, '()[].,。'); // "(2024, April 1)." is still a date
  return tokenIso(t.slice(r.start, r.end));
}

/** The dates of `w` between from and to, in order; with `whole`, only those that fill a whole segment. */
function* datesIn(w: string, from: number, to: number, whole = false): Generator<Range & { iso: string }> {
  for (const m of w.slice(from, to).matchAll(LOCATOR)) {
    const found = { iso: '', start: from + m.index!, end: from + m.index! + m[0].length };
    if (whole && !fillsSegment(w, found)) continue;
    found.iso = tokenIso(m[0]) ?? '';
    if (found.iso) yield found;
  }
}

/** Whether the range stands alone between separators, e.g. ", April 16, 2024," or "，《標題》，". */
function fillsSegment(w: string, r: Range): boolean {
  let [i, j] = [r.start - 1, r.end];
  while (isSpace(w[i])) i--;
  while (isSpace(w[j])) j++;
  return (i < 0 || SEP.includes(w[i]!)) && (j >= w.length || SEP.includes(w[j]!));
}

function blank(w: string, ranges: readonly Range[]): string {
  let out = '';
  let at = 0;
  for (const r of [...ranges].sort((a, b) => a.start - b.start)) {
    if (r.end <= at) continue;
    const start = Math.max(r.start, at);
    out += w.slice(at, start) + MASK.repeat(r.end - start);
    at = r.end;
  }
  return out + w.slice(at);
}

/** Trims spaces and field punctuation, but keeps the '.' of an abbreviation ("U.S.", "M.", "Inc."). */
function trimField(w: string, s: number, e: number): Range {
  while (s < e && (isSpace(w[s]) || '.:;'.includes(w[s]!))) s++;
  for (;;) {
    const c = w[e - 1];
    if (e <= s) break;
    if (isSpace(c) || c === ':' || c === '。') e--;
    else if (c === '.' && !/(?:^|[\s.])[a-z]\.$|\b(?:inc|co|ltd|corp|jr|sr|st|etc|no)\.$/i.test(w.slice(Math.max(s, e - 6), e))) e--;
    else break;
  }
  return { start: s, end: e };
}

/** False for "()", "—" and other runs without a letter or digit (a fast path first: this runs per segment). */
function namesSomething(w: string, r: Range): boolean {
  const c = w.charCodeAt(r.start);
  return (c >= 0x30 && c <= 0x39) || ((c | 0x20) >= 0x61 && (c | 0x20) <= 0x7a) || (c >= 0x3400 && c < 0xd800) || /[\p{L}\p{N}]/u.test(w.slice(r.start, r.end));
}

/** Comma-separated fields of what is left; blanked parts also end a field. */
function segments(w: string): Range[] {
  const out: Range[] = [];
  let s = 0;
  for (let i = 0; i <= w.length; i++) {
    const c = w.charCodeAt(i); // NaN at the end
    if (i === w.length || c === 0x2c || c === 0x3b || c === 0x3002 || c === 0) {
      const r = trimField(w, s, i);
      if (r.end > r.start && namesSomething(w, r)) out.push(r);
      s = i + 1;
    }
  }
  return out;
}

function trimSpaces(w: string, r: Range, extra = ''): Range {
  let { start, end } = r;
  while (start < end && (isSpace(w[start]) || extra.includes(w[start]!))) start++;
  while (end > start && (isSpace(w[end - 1]) || extra.includes(w[end - 1]!))) end--;
  return { start, end };
}

/** Parses one citation line. Never throws; every span satisfies `span.text === text.slice(span.start, span.end)`. */
export function parseCitationLine(text: string): ParsedCitation {
  try {
    return typeof text === 'string' ? parse(text) : {};
  } catch {
    return {};
  }
}

function parse(text: string): ParsedCitation {
  const out: { -readonly [K in keyof ParsedCitation]: ParsedCitation[K] } = {};
  const at = (r: Range): TextSpan => ({ text: text.slice(r.start, r.end), start: r.start, end: r.end });
  let w = normalize(text);
  w = blank(w, [{ start: 0, end: PREFIX.exec(w)?.[0].length ?? 0 }]);

  // Markdown links: an http target is the URL and its text a title candidate; others ("(#)") are unwrapped.
  // A link around a whole citation ("[Short(2024), Title, GOV.UK](url)") is a wrapper, not a title.
  const content = trimSpaces(w, { start: 0, end: w.length }, MASK);
  const candidates: Candidate[] = [];
  const unwrap: Range[] = [];
  for (const m of w.matchAll(MD_LINK)) {
    const [inner, target] = [m.indices![1]!, m.indices![2]!];
    const end = m.index! + m[0].length;
    unwrap.push({ start: m.index!, end: inner[0] }, { start: inner[1], end });
    if (!/^https?:\/\//i.test(m[2]!)) continue;
    const wrapper = m.index! <= content.start && end >= content.end && /[,;]/.test(m[1]!);
    if (/^\s*https?:\/\//i.test(m[1]!)) unwrap.push({ start: inner[0], end: inner[1] });
    else if (m[1]!.trim() && !wrapper) candidates.push({ outer: { start: m.index!, end }, inner: { start: inner[0], end: inner[1] } });
    out.url ??= at({ start: target[0], end: target[1] });
  }
  let urlOuter: Range | undefined;
  if (!out.url) {
    // Matched on the input itself, whose ASCII URL class stops at a full-width （ or ，.
    for (const m of text.matchAll(URL_RE)) {
      if (w[m.index!] === MASK) continue; // inside an unwrapped markdown link
      const [s, e] = [m.index!, m.index! + m[0].length];
      out.url = at(m[1] !== undefined ? { start: s + 1, end: e - 1 } : { start: s, end: trimUrlEnd(text, s, e) });
      urlOuter = m[1] !== undefined ? { start: s, end: e } : out.url;
      break;
    }
  }
  w = blank(w, urlOuter ? [...unwrap, urlOuter] : unwrap);

  // Last visit: prefer a note in brackets, else the last keyword of the line.
  let visit: RegExpMatchArray | undefined;
  let visitOpen = -1;
  for (const m of w.matchAll(VISIT)) {
    let j = m.index! - 1;
    while (j >= 0 && j >= m.index! - 3 && isSpace(w[j])) j--;
    const open = w[j] === '(' || w[j] === '[' ? j : -1;
    if (open >= 0 || visitOpen < 0) [visit, visitOpen] = [m, open];
  }
  if (visit) {
    const kwEnd = visit.index! + visit[0].length;
    const close = visitOpen >= 0 ? w.indexOf(w[visitOpen] === '(' ? ')' : ']', kwEnd) : -1;
    const bracketed = close >= 0 && close - kwEnd <= 80;
    const date = datesIn(w, kwEnd, bracketed ? close : Math.min(w.length, kwEnd + 64)).next().value;
    const usable = date && (bracketed || /^[\s:,]*$/.test(w.slice(kwEnd, date.start)));
    let start = visitOpen >= 0 ? visitOpen - (text[visitOpen - 1] === '\\' ? 1 : 0) : visit.index!;
    let end = bracketed ? close + 1 : usable ? date.end : kwEnd;
    if (!bracketed && visitOpen >= 0 && !usable) start = visit.index!;
    if (!bracketed) end += /^,?\s{0,3}from\b/i.exec(w.slice(end, end + 12))?.[0].length ?? 0; // "Retrieved June 30, 2024, from"
    // A bare "visited" with neither date nor brackets is prose ("Most Visited Sites"), unless it is "Retrieved from".
    if (bracketed || usable || /from$/i.test(visit[0])) {
      out.lastVisit = { ...(usable ? { iso: date.iso } : {}), span: at({ start, end }) };
      w = blank(w, [{ start, end }]);
    }
  }

  // Full title: the first marked run that fills a whole comma segment, else the first marked run.
  const whole = (c: Candidate): boolean => fillsSegment(w, c.outer);
  let firstRun: Candidate | undefined;
  let wholeRun: Candidate | undefined;
  for (const m of w.matchAll(TITLE)) {
    const inner = m.indices!.slice(1).find((g) => g !== undefined)!;
    const run = { outer: { start: m.index!, end: m.index! + m[0].length }, inner: { start: inner[0], end: inner[1] } };
    firstRun ??= run;
    wholeRun = whole(run) ? run : undefined;
    if (wholeRun) break; // stop early: a long line need not be scanned to its end
  }
  const earliest = (a: Candidate | undefined, b: Candidate | undefined) => (a && b ? (a.outer.start <= b.outer.start ? a : b) : (a ?? b));
  const marked = earliest(candidates.find(whole), wholeRun) ?? earliest(candidates[0], firstRun);
  if (marked) {
    const inner = trimSpaces(w, marked.inner, ',*_');
    if (inner.end > inner.start) out.title = at(inner);
    w = blank(w, [marked.outer]);
  }

  // Publication date: the first parenthesis that holds only a date (innermost pairs, one linear pass)…
  let paren: Range | undefined;
  for (let i = 0, open = -1; i < w.length && !paren; i++) {
    if (w[i] === '(') open = i;
    else if (w[i] === ')' && open >= 0) {
      const iso = i - open <= 64 ? parseLooseDate(w.slice(open + 1, i)) : undefined;
      if (iso !== undefined) {
        out.date = { iso, span: at(trimSpaces(w, { start: open + 1, end: i })) };
        paren = { start: open - (text[open - 1] === '\\' ? 1 : 0), end: i + 1 };
      }
      open = -1;
    }
  }
  if (paren) w = blank(w, [paren]);
  // …else a date that is a whole segment ("UK Parliament, April 16, 2024,"); such dates never name a field.
  const bare = [...datesIn(w, 0, w.length, true)];
  if (!out.date && bare[0]) out.date = { iso: bare[0].iso, span: at(bare[0]) };
  w = blank(w, bare);

  const segs = segments(w);
  let rest = segs;
  const first = segs[0];
  const gap = paren && first && first.end <= paren.start ? trimField(w, first.end, paren.start) : undefined;
  if (first && gap && gap.start === gap.end) {
    out.shortTitle = at(first); // "Short Title(2024, April 1)": the text before the date
    rest = segs.slice(1);
  }
  if (out.title && marked) {
    const before = rest.filter((s) => s.end <= marked.outer.start);
    if (!out.shortTitle && before.length > 0) out.author = at({ start: before[0]!.start, end: before[before.length - 1]!.end });
    const publisher = rest.find((s) => s.start >= marked.outer.end);
    if (publisher) out.publisher = at(publisher);
  } else {
    // Unmarked (link-text) form: "Short(date), Title, Publisher" or "Author, Title, Publisher, date".
    const roles = out.shortTitle ? (['title', 'publisher'] as const) : rest[2] ? (['author', 'title', 'publisher'] as const) : (['shortTitle', 'publisher'] as const);
    roles.forEach((key, i) => {
      if (rest[i]) out[key] = at(rest[i]);
    });
  }
  return out;
}

/** A bare URL's end without trailing punctuation or an unbalanced ')' (counts kept, so this stays linear). */
function trimUrlEnd(text: string, s: number, e: number): number {
  let unmatched = 0; // ')' without its '('
  for (let i = s; i < e; i++) unmatched += text[i] === ')' ? 1 : text[i] === '(' ? -1 : 0;
  for (let c = text[e - 1]!; e > s + 8 && (c === ')' ? unmatched > 0 : ".,;:!?'*[](".includes(c)); c = text[--e - 1]!) {
    unmatched += c === ')' ? -1 : c === '(' ? 1 : 0;
  }
  return e;
}
