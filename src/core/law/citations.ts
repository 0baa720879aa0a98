import { type ArticleNumber } from './numerals';
import { readChain, type Cite } from './citeGrammar';
import { definitionAt } from './definedNames';
import { isForeignLaw } from './foreignLaws';
import { lawBefore, lawsNamedIn, type BoundLaw, type LawBefore, type NameContext } from './lawName';
import { squeezeSpaces } from './pdfSpaces';
import { parseSectionCite } from './sectionSign';
import type { CitationProblem } from './citeGrammar';
import type { LawNameLookup, LawNote, LawVia } from './lawTypes';
import { spanAt } from '../util/spans';
export type { LawNameHit, LawNameLookup, LawVia } from './lawTypes';


/** One cited article (or range of articles) of one law. */
export interface StatuteReference {
  readonly start: number;
  readonly end: number;
  readonly text: string;
  /** The law's name as written: 個人資料保護法, 個資法, 同法, 本法. */
  readonly lawText: string;
  /** Where the law's name is written, when this reference includes it. */
  readonly nameStart?: number;
  readonly nameEnd?: number;
  /** The law (its PCode), when the name is known. */
  readonly pcode?: string;
  readonly via?: LawVia;
  /** Undefined for a bracketed law name cited without an article (《個人資料保護法》). */
  readonly article?: ArticleNumber;
  /** The last article of a range (第6條至第8條). */
  readonly through?: ArticleNumber;
  readonly paragraph?: number;
  readonly item?: number;
  readonly subitem?: number;
  readonly qualifier?: '但書' | '前段' | '後段' | '本文';
  /** A short name several laws share, that the document did not decide (no pcode then). */
  readonly candidates?: readonly string[];
  /** The name is an old one of today's law. */
  readonly note?: LawNote;
}

/** A name that looks like a law's (in 《》/「」, or ending in 法, 條例, 規則…) followed by an article, but is not in the index. */
export interface UnknownLawName {
  readonly start: number;
  readonly end: number;
  readonly name: string;
}

// Defined beside the grammar that reports it, so the grammar does not import this file back.
export type { CitationProblem } from './citeGrammar';

/** A short name several laws share, which no other citation in the document decides. */
export interface AmbiguousLawName {
  readonly start: number;
  readonly end: number;
  readonly name: string;
  readonly candidates: readonly string[];
}

export interface StatuteCitations {
  /** Sorted by start. */
  readonly references: StatuteReference[];
  readonly ambiguousLaws?: AmbiguousLawName[];
  readonly unknownLaws: UnknownLawName[];
  readonly problems: CitationProblem[];
}

export interface SkippedRanges {
  contains(offset: number): boolean;
}

const OPENERS: Record<string, string> = { '《': '》', '「': '」', '〈': '〉', '『': '』' };
const MAX_BRACKET_NAME = 80;
/** After 條, a noun that makes 第N條 a count of things, not an article (第三條路, 第一條線). */
const NOT_AN_ARTICLE = /^[路線街船命魚心河龍狗蛇巷腿褲裙繩鍊]/;
const HEADING = /^ {0,3}(#{1,6})[ \t]+(.*)$/;
const FRONT_MATTER_KEY = /^(title|law|laws|標題|法規)\s*:\s*(.*)$/;

interface Current {
  pcode?: string;
  lawText: string;
  article?: ArticleNumber;
  foreign?: boolean;
  candidates?: readonly string[];
  /** The heading level of the section where the law was cited: a heading of this level or higher ends it. */
  level: number;
}

type MutableReference = { -readonly [K in keyof StatuteReference]: StatuteReference[K] };

/**
 * Finds statute citations in one linear pass: each 第, § or 民法184條-style number starts at most one chain of
 * cites, and the law is read from the at most `maxNameLength` characters before the chain. 同法 and 本法
 * take the law cited last in the section (never across a heading of the same or a higher level); a bare 第N條
 * or § takes the section's or document's law when exactly one is in scope (its heading, the front matter's
 * title or law key, the section's only cited law). Text copied from PDFs is read without the spaces between
 * its ideographs.
 */
export function findStatuteCitations(original: string, lookup: LawNameLookup, skipped?: SkippedRanges): StatuteCitations {
  const squeezed = squeezeSpaces(original);
  if (squeezed.text === original) return scan(original, lookup, skipped);
  const found = scan(squeezed.text, lookup, skipped ? { contains: (offset) => skipped.contains(squeezed.toOriginal(offset)) } : undefined);
  const start = (offset: number) => squeezed.toOriginal(offset);
  const end = (offset: number) => (offset === 0 ? 0 : squeezed.toOriginal(offset - 1) + 1);
  const span = <T extends { start: number; end: number }>(item: T): T => ({ ...item, start: start(item.start), end: end(item.end) });
  return {
    references: found.references.map((reference) => {
      const mapped = span(reference);
      return { ...mapped, text: original.slice(mapped.start, mapped.end), ...(reference.nameStart !== undefined ? { nameStart: start(reference.nameStart), nameEnd: end(reference.nameEnd!) } : {}) };
    }),
    unknownLaws: found.unknownLaws.map(span),
    ...(found.ambiguousLaws ? { ambiguousLaws: found.ambiguousLaws.map(span) } : {}),
    problems: found.problems.map(span),
  };
}

function scan(text: string, lookup: LawNameLookup, skipped?: SkippedRanges): StatuteCitations {
  const references: MutableReference[] = [];
  const unknownLaws: UnknownLawName[] = [];
  const problems: CitationProblem[] = [];
  const defined = new Map<string, BoundLaw>();
  let current: Current | undefined;
  let level = 0;
  let sectionLaws = new Set<string>();
  const headingLaws: Array<Set<string> | undefined> = [];
  const explicitLaws = new Set<string>();
  let pending: Array<{ cites: Cite[]; law: LawBefore }> = [];
  const frontMatter = readFrontMatter(text);
  const keyLaws = frontMatter ? frontMatterLaws(frontMatter.keys, lookup, { defined }, ['law', 'laws', '法規']) : new Set<string>();
  const titleLaws = frontMatter ? frontMatterLaws(frontMatter.keys, lookup, { defined }, ['title', '標題']) : new Set<string>();

  const ownLaw = keyLaws.size === 1 ? [...keyLaws][0] : undefined;
  const context = (): NameContext => ({ ...(current ? { current } : {}), defined, ...(ownLaw ? { ownLaw } : {}) });
  const scopeLaw = (): string | undefined => {
    for (let heading = level; heading >= 1; heading--) {
      const laws = headingLaws[heading];
      if (laws && laws.size > 0) return laws.size === 1 ? [...laws][0] : undefined;
    }
    // The law the author declared (`law:`) comes before what the section happens to cite, the title after.
    for (const laws of [keyLaws, sectionLaws, titleLaws]) if (laws.size > 0) return laws.size === 1 ? [...laws][0] : undefined;
    return undefined;
  };
  const closeSection = () => {
    const scope = pending.length > 0 ? scopeLaw() : undefined;
    if (scope) for (const { cites, law } of pending) emit(text, cites, { ...law, pcode: scope, lawText: law.lawText || (lookup.nameOf?.(scope) ?? ''), via: 'context' }, references);
    pending = [];
  };
  const cited = (law: LawBefore, cites: readonly Cite[]) => {
    if (law.explicit && law.pcode) {
      sectionLaws.add(law.pcode);
      explicitLaws.add(law.pcode);
    }
    const last = cites[cites.length - 1];
    const article = last ? (last.through ?? last.article ?? law.sameArticle) : undefined;
    current = { ...(law.pcode ? { pcode: law.pcode } : {}), lawText: law.lawText, ...(article ? { article } : {}), ...(law.foreign ? { foreign: true } : {}), ...(law.candidates ? { candidates: law.candidates } : {}), level };
  };
  const line = (lineStart: number) => {
    if (skipped?.contains(lineStart)) return;
    const lineEnd = text.indexOf('\n', lineStart);
    const heading = HEADING.exec(text.slice(lineStart, lineEnd === -1 ? text.length : lineEnd).replace(/\r$/, ''));
    if (!heading) return;
    closeSection();
    const headingLevel = heading[1]!.length;
    headingLaws[headingLevel] = lawsNamedIn(heading[2]!, lookup, context());
    headingLaws.length = headingLevel + 1;
    level = headingLevel;
    sectionLaws = new Set();
    if (current && current.level >= headingLevel) current = undefined;
  };

  let consumedUntil = frontMatter?.end ?? 0;
  if (!frontMatter) line(0);
  const candidates = /[第《「〈『§（(\n]|[0-9０-９]{1,6} ?條/g;
  candidates.lastIndex = consumedUntil;
  for (let match = candidates.exec(text); match; match = candidates.exec(text)) {
    const at = match.index;
    const char = match[0];
    if (char === '\n') {
      line(at + 1);
      continue;
    }
    if (at < consumedUntil || skipped?.contains(at)) continue;
    if (char === '（' || char === '(') {
      const definition = definitionAt(text, at);
      if (!definition) continue;
      const law = lawBefore(text, at, lookup, context());
      if (law && law !== 'skip' && !law.unknown && !law.fromScope && (law.pcode || law.candidates || law.foreign)) {
        defined.set(definition.name, { ...(law.pcode ? { pcode: law.pcode } : {}), ...(law.candidates ? { candidates: law.candidates } : {}), ...(law.foreign ? { foreign: true } : {}) });
        cited(law, []);
      }
      consumedUntil = definition.end;
      candidates.lastIndex = Math.max(candidates.lastIndex, definition.end);
      continue;
    }
    if (char === '§') {
      const chain = readSectionChain(text, at);
      consumedUntil = chain.end;
      candidates.lastIndex = Math.max(candidates.lastIndex, chain.end);
      if (chain.cites.length === 0) continue;
      handle(chain.cites, lawBefore(text, at, lookup, context()), true);
      continue;
    }
    if (char !== '第' && !OPENERS[char]) {
      // 民法184條: only after a known name, and not inside a longer number.
      if (/[0-9０-９]/.test(text[at - 1] ?? '')) continue;
      const law = lawBefore(text, at, lookup, context(), false);
      if (!law || law === 'skip' || law.fromScope) continue;
      const chain = readChain(text, at, undefined, problems, true);
      consumedUntil = chain.end;
      candidates.lastIndex = Math.max(candidates.lastIndex, chain.end);
      if (chain.cites.length > 0) handle(chain.cites, law, false);
      continue;
    }
    if (char !== '第') {
      // Only a short window is searched: a text of ten thousand 《 must not be scanned ten thousand times.
      const inWindow = text.slice(at + 1, at + 2 + MAX_BRACKET_NAME).indexOf(OPENERS[char]!);
      if (inWindow === -1) continue;
      const closer = at + 1 + inWindow;
      const name = text.slice(at + 1, closer);
      if (name.includes('\n')) continue;
      const hit = defined.has(name) ? undefined : lookup.find(name);
      if (!hit || isForeignLaw(text, at, name, true)) continue;
      const law: LawBefore = { lawText: name, pcode: hit.pcode, via: 'bracket', nameStart: at + 1, nameEnd: closer, spanStart: at, explicit: true, ...(hit.note ? { note: hit.note } : {}) };
      cited(law, []);
      // A known name in brackets is one name: a 第 inside it (違反公平交易法第九條…辦法) is not a citation.
      consumedUntil = closer + 1;
      candidates.lastIndex = Math.max(candidates.lastIndex, closer + 1);
      // Followed by an article, the chain reads the name itself; alone, the name is a reference to the whole law.
      const next = text.slice(closer + 1, closer + 3).trimStart();
      if (!next.startsWith('第') && !next.startsWith('（') && !next.startsWith('(')) references.push({ start: at, end: closer + 1, text: text.slice(at, closer + 1), lawText: name, nameStart: at + 1, nameEnd: closer, pcode: hit.pcode, via: 'bracket', ...(hit.note ? { note: hit.note } : {}) });
      continue;
    }
    const chain = readChain(text, at, undefined, problems);
    consumedUntil = chain.end;
    candidates.lastIndex = Math.max(candidates.lastIndex, chain.end);
    if (chain.cites.length === 0) continue;
    handle(chain.cites, lawBefore(text, at, lookup, context()), true);
  }
  closeSection();

  function handle(cites: Cite[], law: LawBefore | 'skip' | undefined, bareAllowed: boolean): void {
    if (law === 'skip') return;
    if (!law) {
      // A bare 第N條: the section's or document's law, decided when the section ends.
      const last = cites[cites.length - 1]!;
      if (bareAllowed && cites[0]!.article && !NOT_AN_ARTICLE.test(text.slice(last.end, last.end + 1))) pending.push({ cites, law: { lawText: '' } });
      return;
    }
    if (law.foreign) {
      cited(law, cites);
      return;
    }
    if (law.fromScope) {
      if (cites[0]!.article) pending.push({ cites, law });
      return;
    }
    // An unknown name is only taken for a law's when an article follows it (「第一步」第2項 is not a citation).
    if (law.unknown && !cites[0]!.article) return;
    if (law.unknown) unknownLaws.push({ start: law.nameStart!, end: law.nameEnd!, name: law.lawText });
    emit(text, cites, law, references);
    cited(law, cites);
  }

  const ambiguousLaws = decideAmbiguous(references, explicitLaws);
  references.sort((a, b) => a.start - b.start);
  return { references, unknownLaws, problems, ...(ambiguousLaws.length > 0 ? { ambiguousLaws } : {}) };
}

/** §184、§185: a list of § cites. */
function readSectionChain(text: string, at: number): { cites: Cite[]; end: number } {
  const cites: Cite[] = [];
  let position = at;
  let end = at + 1;
  for (;;) {
    const cite = parseSectionCite(text, position);
    if (!cite) break;
    cites.push(cite);
    end = cite.end;
    let next = cite.end;
    while (text[next] === ' ' || text[next] === '\u3000') next++;
    const separator = ['、', '及', '與', '和', '或', '跟', ',', '，'].find((word) => text.startsWith(word, next));
    if (!separator) break;
    next += separator.length;
    while (text[next] === ' ' || text[next] === '\u3000') next++;
    if (text[next] !== '§') break;
    position = next;
  }
  return { cites, end };
}

/** A short name several laws share resolves to the one of them the document cites by name, if exactly one. */
function decideAmbiguous(references: MutableReference[], explicitLaws: ReadonlySet<string>): AmbiguousLawName[] {
  const ambiguous: AmbiguousLawName[] = [];
  for (const reference of references) {
    if (!reference.candidates) continue;
    const cited = reference.candidates.filter((pcode) => explicitLaws.has(pcode));
    if (cited.length === 1) {
      reference.pcode = cited[0];
      delete reference.candidates;
    } else if (reference.nameStart !== undefined && reference.via !== 'context') {
      ambiguous.push({ start: reference.nameStart, end: reference.nameEnd!, name: reference.lawText, candidates: reference.candidates });
    }
  }
  return ambiguous;
}

/** The front matter's `title`, `law` and `laws` values, and where it ends. */
function readFrontMatter(text: string): { keys: Map<string, string>; end: number } | undefined {
  if (!/^---\r?\n/.test(text)) return undefined;
  const close = /\n---[ \t]*(\r?\n|$)/.exec(text.slice(0, 16_384).slice(3));
  if (!close) return undefined;
  const end = 3 + close.index + close[0].length;
  const keys = new Map<string, string>();
  for (const raw of text.slice(0, end).split('\n')) {
    const match = FRONT_MATTER_KEY.exec(raw.replace(/\r$/, ''));
    if (match) keys.set(match[1]!, match[2]!.trim().replace(/^["'[]|["'\]]$/g, ''));
  }
  return { keys, end };
}

/** The laws the front matter's `keys` name: a whole value that is a law's name, or the names inside it. */
function frontMatterLaws(keys: ReadonlyMap<string, string>, lookup: LawNameLookup, context: NameContext, names: readonly string[]): Set<string> {
  const laws = new Set<string>();
  for (const key of names) {
    for (const value of (keys.get(key) ?? '').split(/[,、，]/)) {
      const name = value.trim().replace(/^["'《「]|["'》」]$/g, '');
      const hit = name ? lookup.find(name) : undefined;
      if (hit) laws.add(hit.pcode);
      else for (const pcode of lawsNamedIn(name, lookup, context)) laws.add(pcode);
    }
  }
  return laws;
}

function emit(text: string, cites: readonly Cite[], law: LawBefore, references: MutableReference[]): void {
  cites.forEach((cite, index) => {
    const article = cite.article ?? law.sameArticle;
    if (!article) return;
    const start = index === 0 ? (law.spanStart ?? law.nameStart ?? cite.start) : cite.start;
    const shared = {
      lawText: law.lawText,
      ...(law.pcode ? { pcode: law.pcode } : {}),
      ...(law.candidates && !law.pcode ? { candidates: law.candidates } : {}),
      ...(law.via ? { via: law.via } : {}),
      ...(law.note ? { note: law.note } : {}),
    };
    const levels = { article, ...(cite.through ? { through: cite.through } : {}), ...(cite.paragraph !== undefined ? { paragraph: cite.paragraph } : {}), ...(cite.item !== undefined ? { item: cite.item } : {}), ...(cite.subitem !== undefined ? { subitem: cite.subitem } : {}) };
    const siblings = cite.siblings ?? [];
    const firstEnd = siblings.length > 0 ? siblings[0]!.start - 1 : cite.end;
    references.push({ start, end: firstEnd, text: text.slice(start, firstEnd), ...shared, ...(index === 0 && law.nameStart !== undefined ? { nameStart: law.nameStart, nameEnd: law.nameEnd! } : {}), ...levels, ...(cite.qualifier && siblings.length === 0 ? { qualifier: cite.qualifier } : {}) });
    // 第1、2項: one reference per listed number, at the cite's last level.
    siblings.forEach((sibling, position) => {
      const end = position + 1 < siblings.length ? siblings[position + 1]!.start - 1 : cite.end;
      const value = sibling.value;
      const sibLevels =
        cite.subitem !== undefined ? { ...levels, subitem: value } : cite.item !== undefined ? { ...levels, item: value } : cite.paragraph !== undefined ? { ...levels, paragraph: value } : { article: { main: value } };
      references.push({ start: sibling.start, end, text: text.slice(sibling.start, end), ...shared, ...sibLevels, ...(cite.qualifier && position === siblings.length - 1 ? { qualifier: cite.qualifier } : {}) });
    });
  });
}


/** The reference holding `offset` (references do not overlap), by binary search. */
export function statuteReferenceAt(references: readonly StatuteReference[], offset: number): StatuteReference | undefined {
  return spanAt(references, offset);
}
