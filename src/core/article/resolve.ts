import type { CorpusRecord } from '../corpus/record';
import type { ReferenceIndex } from '../search/layeredIndex';
import type { AliasMatch } from '../search/aliasMatcher';
import { normalizeKey, normalizeWithOffsets } from '../search/normalize';
import type { FuzzyMention } from '../search/fuzzyMentions';
import { isGenericName } from '../search/weakAliases';
import type { Article, CitationLine } from './article';
import type { ParsedCitation } from './citationLine';
import type { Line, RangeSet } from './lines';
import type { CitationKey, MarkdownLink } from './links';
import { detached, trimEndChars } from '../util/text';
import type { MatchKind, NameLookups, Resolution, ResolutionMemo, WeakPolicy } from './resolutionMemo';

export { ResolutionMemo, type MatchKind, type Resolution } from './resolutionMemo';

export type ReferenceKind = 'mention' | 'link' | 'citation' | 'key';
export const REFERENCE_KINDS: readonly ReferenceKind[] = ['mention', 'link', 'citation', 'key'];

/** A reference in an article and the record it resolves to (if any). */
export interface ArticleReference {
  readonly kind: ReferenceKind;
  /** UTF-16 offsets of what a hover or a link covers; end exclusive. */
  readonly start: number;
  readonly end: number;
  readonly text: string;
  readonly id?: string;
  /** Confidence from 0 to 1; 1 for keys, URLs and exact aliases. */
  readonly score: number;
  readonly match?: MatchKind;
  /** Two or more records fit equally well: no card, a diagnostic names them. */
  readonly candidates?: readonly string[];
  readonly link?: MarkdownLink;
  readonly citation?: CitationLine;
  readonly key?: CitationKey;
}

export interface ResolveOptions {
  /** Below this score nothing is resolved (setting policyAnnotator.resolution.threshold). */
  readonly threshold: number;
  readonly kinds: ReadonlySet<ReferenceKind>;
}

/** Record types that are documents: a citation or link should land on these before a person or a place. */
const DOCUMENT_TYPES = new Set(['agreement', 'declaration', 'press-release', 'statement', 'article', 'report', 'law', 'regulation', 'case', 'website', 'bill', 'book', 'chapter', 'speech', 'interview']);
const NON_DOCUMENT_PENALTY = 0.75;


/** A bracketed title close to a record's name but below the threshold: a hint, not a reference. */
export interface NearMiss {
  readonly start: number;
  readonly end: number;
  readonly id: string;
  readonly score: number;
}

/**
 * Resolves every reference of the article against the index, sorted by position.
 * Weak aliases (合作備忘錄, MOU) are left out first; when the article then refers to some record strongly,
 * it is resolved once more with weak aliases allowed for those records and the records related to them.
 */
export function resolveArticle(article: Article, index: ReferenceIndex, options: ResolveOptions): ArticleReference[] {
  return resolveArticleWithHints(article, index, options).references;
}

/** The references, and the near misses among bracketed titles (see src/core/search/fuzzyMentions.ts). */
export function resolveArticleWithHints(article: Article, index: ReferenceIndex, options: ResolveOptions): { references: ArticleReference[]; nearMisses: NearMiss[] } {
  const candidates = options.kinds.has('mention') ? findMentionCandidates(article.text, article.lines, article.notProse, index) : NO_MENTIONS;
  return resolveWithCandidates(article, index, options, candidates);
}

/** Names found in an article's prose, before the weak-alias policy and the threshold decide which count. */
export interface MentionCandidates {
  readonly mentions: readonly AliasMatch[];
  readonly fuzzy: readonly FuzzyMention[];
}

const NO_MENTIONS: MentionCandidates = { mentions: [], fuzzy: [] };

/**
 * Exact and fuzzy name matches in the prose, matched paragraph by paragraph: a name never spans a blank line
 * (as a link never does), which is also what lets the incremental analysis match one block at a time and
 * find exactly what a whole-text pass finds (src/core/article/incrementalAnalysis.ts).
 */
export function findMentionCandidates(text: string, lines: readonly Line[], notProse: RangeSet, index: ReferenceIndex): MentionCandidates {
  const mentions: AliasMatch[] = [];
  const fuzzy: FuzzyMention[] = [];
  const inProse = (match: { start: number; end: number }) => !notProse.overlaps(match.start, match.end);
  let first = -1;
  for (let number = 0; number <= lines.length; number++) {
    const line = lines[number];
    if (line && !isBlank(line.text)) {
      if (first === -1) first = number;
      continue;
    }
    if (first === -1) continue;
    const start = lines[first]!.start;
    const last = lines[number - 1]!;
    first = -1;
    const matching = index.matchingText(normalizeWithOffsets(text.slice(start, last.start + last.text.length)));
    for (const match of index.findMentions(matching)) {
      const shifted = { ...match, start: match.start + start, end: match.end + start };
      if (inProse(shifted)) mentions.push(shifted);
    }
    for (const mention of index.findFuzzyMentions(matching)) {
      const shifted = { ...mention, start: mention.start + start, end: mention.end + start };
      if (inProse(shifted)) fuzzy.push(shifted);
    }
  }
  return { mentions, fuzzy };
}

function isBlank(text: string): boolean {
  for (let index = 0; index < text.length; index++) {
    const unit = text.charCodeAt(index);
    if (unit !== 0x20 && unit !== 0x09 && unit !== 0x0b && unit !== 0x0c && unit !== 0x0d && unit !== 0xa0 && unit !== 0x3000 && unit !== 0xfeff) return false;
  }
  return true;
}

/** The references from the candidates of `findMentionCandidates` on the same article. `memo`: see ResolutionMemo. */
export function resolveWithCandidates(article: Article, index: ReferenceIndex, options: ResolveOptions, candidates: MentionCandidates, memo?: ResolutionMemo): { references: ArticleReference[]; nearMisses: NearMiss[] } {
  const { mentions, fuzzy } = candidates;
  // A name written exactly wins over a fuzzy span around it, unless that name is weak (合作備忘錄 in 英美 AI 安全研究合作備忘錄).
  const strongExact = mentions.filter((match) => match.ids.some((id) => !index.isWeak(match.alias, id)));
  const overlapsStrong = (mention: FuzzyMention) => strongExact.some((match) => match.start < mention.end && mention.start < match.end);
  const accepted = fuzzy.filter((mention) => !mention.nearMiss && mention.score >= options.threshold && !overlapsStrong(mention));
  const nearMisses = fuzzy.filter((mention) => mention.nearMiss && !overlapsStrong(mention)).map(({ start, end, id, score }) => ({ start, end, id, score }));
  const exact = mentions.filter((match) => !accepted.some((mention) => mention.start < match.end && match.start < mention.end));
  let weakSkipped = false;
  const strongOnly: WeakPolicy = () => {
    weakSkipped = true;
    return false;
  };
  const first = resolutionsOf(article, index, options, exact, strongOnly, memo);
  if (!weakSkipped) return { references: referencesOf(article, options, exact, accepted, first), nearMisses };
  const strong = strongIds(article, options.threshold, accepted, first);
  if (strong.size === 0) return { references: referencesOf(article, options, exact, accepted, first), nearMisses };
  const relatedToStrong = new Set([...strong].flatMap((id) => index.get(id)?.related ?? []));
  const supported: WeakPolicy = (id) => strong.has(id) || relatedToStrong.has(id) || (index.get(id)?.related.some((related) => strong.has(related)) ?? false);
  return { references: referencesOf(article, options, exact, accepted, resolutionsOf(article, index, options, exact, supported, memo)), nearMisses };
}

/** Fills the memo with the resolutions of these links and citations (the sliced analysis does it block by block). */
export function prewarmResolutions(links: readonly MarkdownLink[], citations: readonly CitationLine[], index: ReferenceIndex, memo: ResolutionMemo): void {
  const never: WeakPolicy = () => false;
  for (const link of links) memo.link(link, never, (link, weakOk) => resolveLink(link, index, weakOk, memo.names));
  for (const citation of citations) memo.citation(citation, never, (citation, weakOk) => resolveCitation(citation.parsed, index, weakOk, memo.names));
}

/**
 * What one pass under a weak-alias policy resolves (the first pass decides whether there is a second): found
 * keys, each link's and citation's resolution (the threshold not yet applied), each exact mention's ids.
 */
interface Resolutions {
  readonly keysFound: readonly boolean[];
  readonly links: readonly Resolution[];
  readonly citations: readonly Resolution[];
  readonly mentionIds: ReadonlyArray<readonly string[]>;
}

/** Resolutions in the order the policy is asked: keys, links, citations, then mentions (the memo relies on it). */
function resolutionsOf(article: Article, index: ReferenceIndex, options: ResolveOptions, mentions: readonly AliasMatch[], weakOk: WeakPolicy, memo?: ResolutionMemo): Resolutions {
  const keysFound = options.kinds.has('key') ? article.keys.map((key) => index.get(key.id) !== undefined) : [];
  const linkResolution = (link: MarkdownLink, policy: WeakPolicy) => resolveLink(link, index, policy, memo?.names);
  const citationResolution = (citation: CitationLine, policy: WeakPolicy) => resolveCitation(citation.parsed, index, policy, memo?.names);
  // Arrays made at their final length and filled by index: this runs twice per keystroke over every link and citation.
  const links: Resolution[] = options.kinds.has('link') ? new Array<Resolution>(article.links.length) : [];
  for (let at = 0; at < links.length; at++) {
    const link = article.links[at]!;
    links[at] = memo ? memo.link(link, weakOk, linkResolution) : linkResolution(link, weakOk);
  }
  const citations: Resolution[] = options.kinds.has('citation') ? new Array<Resolution>(article.citationLines.length) : [];
  for (let at = 0; at < citations.length; at++) {
    const citation = article.citationLines[at]!;
    citations[at] = memo ? memo.citation(citation, weakOk, citationResolution) : citationResolution(citation, weakOk);
  }
  // A weak alias the article gives no support to is not a reference at all: no card, no diagnostic.
  const mentionIds = mentions.map((match) => match.ids.filter((id) => !index.isWeak(match.alias, id) || weakOk(id)));
  return { keysFound, links, citations, mentionIds };
}

/** The ids the references of `resolved` would carry. */
function strongIds(article: Article, threshold: number, fuzzy: readonly FuzzyMention[], resolved: Resolutions): Set<string> {
  const ids = new Set<string>();
  resolved.keysFound.forEach((found, position) => found && ids.add(article.keys[position]!.id));
  for (const resolutions of [resolved.links, resolved.citations]) {
    for (let at = 0; at < resolutions.length; at++) {
      const resolution = resolutions[at]!;
      if (resolution.id !== undefined && resolution.score >= threshold) ids.add(resolution.id);
    }
  }
  for (const found of resolved.mentionIds) if (found.length === 1) ids.add(found[0]!);
  for (const mention of fuzzy) ids.add(mention.id);
  return ids;
}

/** The references, sorted by position. Built with their properties in one fixed order (see linkReference). */
function referencesOf(article: Article, options: ResolveOptions, mentions: readonly AliasMatch[], fuzzy: readonly FuzzyMention[], resolved: Resolutions): ArticleReference[] {
  const references: ArticleReference[] = [];
  if (options.kinds.has('key')) {
    article.keys.forEach((key, position) => {
      const text = article.text.slice(key.start, key.end);
      references.push(resolved.keysFound[position] ? { kind: 'key', start: key.start, end: key.end, text, key, score: 1, id: key.id, match: 'key' } : { kind: 'key', start: key.start, end: key.end, text, key, score: 0 });
    });
  }
  // By index, each reference made at once: a literal per link to spread, and a closure per call, were garbage on
  // every keystroke for every link and citation.
  for (let position = 0; position < resolved.links.length; position++) {
    const link = article.links[position]!;
    references.push(linkReference(link, resolved.links[position]!, options.threshold));
  }
  for (let position = 0; position < resolved.citations.length; position++) {
    const citation = article.citationLines[position]!;
    references.push(citationReference(citation, resolved.citations[position]!, options.threshold));
  }
  mentions.forEach((match, position) => {
    const ids = resolved.mentionIds[position]!;
    if (ids.length === 0) return;
    const text = article.text.slice(match.start, match.end);
    references.push(
      ids.length === 1
        ? { kind: 'mention', start: match.start, end: match.end, text, id: ids[0]!, score: 1, match: 'alias' }
        : { kind: 'mention', start: match.start, end: match.end, text, score: 1, candidates: ids },
    );
  });
  for (const mention of fuzzy) {
    references.push({ kind: 'mention', start: mention.start, end: mention.end, text: article.text.slice(mention.start, mention.end), id: mention.id, score: mention.score, match: 'fuzzy' });
  }
  return references.sort((a, b) => a.start - b.start || b.end - a.end);
}

/**
 * A link's reference, written out for the three shapes this file gives resolutions ({ id, score, match },
 * { score, candidates }, { score }) with the properties in one fixed order: a spread copies property by property
 * at run time, and every link gets a new reference on every keystroke. A record found below the threshold is not
 * referred to: only the score stays.
 */
function linkReference(link: MarkdownLink, resolution: Resolution, threshold: number): ArticleReference {
  const { id, score, match, candidates } = resolution;
  const start = link.textStart;
  const end = link.textEnd;
  const text = link.text;
  if ((id !== undefined && score < threshold) || (id === undefined && match === undefined && !candidates)) return { kind: 'link', start, end, text, link, score };
  if (id !== undefined && match !== undefined && !candidates) return { kind: 'link', start, end, text, link, id, score, match };
  if (id === undefined && match === undefined) return { kind: 'link', start, end, text, link, score, candidates };
  return { kind: 'link', start, end, text, link, ...resolution };
}

/** A citation's reference: see linkReference. */
function citationReference(citation: CitationLine, resolution: Resolution, threshold: number): ArticleReference {
  const { id, score, match, candidates } = resolution;
  const start = citation.start;
  const end = citation.end;
  const text = citation.text;
  if ((id !== undefined && score < threshold) || (id === undefined && match === undefined && !candidates)) return { kind: 'citation', start, end, text, citation, score };
  if (id !== undefined && match !== undefined && !candidates) return { kind: 'citation', start, end, text, citation, id, score, match };
  if (id === undefined && match === undefined) return { kind: 'citation', start, end, text, citation, score, candidates };
  return { kind: 'citation', start, end, text, citation, ...resolution };
}

function resolveLink(link: MarkdownLink, index: ReferenceIndex, weakOk: WeakPolicy, lookups?: NameLookups): Resolution {
  const destination = link.destination.trim();
  if (/^https?:/i.test(destination)) {
    const byUrl = byUrlOf(destination, index);
    if (byUrl) return byUrl;
    if (link.form === 'autolink' || link.form === 'bare') return { score: 0 };
  }
  return resolveNames(namesOfLinkText(link.text), index, weakOk, lookups);
}

function resolveCitation(parsed: ParsedCitation, index: ReferenceIndex, weakOk: WeakPolicy, lookups?: NameLookups): Resolution {
  if (parsed.url) {
    const byUrl = byUrlOf(parsed.url.text, index);
    if (byUrl) return byUrl;
  }
  return resolveNames([parsed.shortTitle?.text, parsed.title?.text], index, weakOk, lookups);
}

function byUrlOf(url: string, index: ReferenceIndex): Resolution | undefined {
  const ids = index.lookupUrl(url);
  if (ids.length === 1) return { id: ids[0]!, score: 1, match: 'url' };
  if (ids.length > 1) return { score: 1, candidates: ids };
  return undefined;
}

/** A link text may itself be a citation ("Title(2023, November 1), Full title, Publisher"): try its parts. */
function namesOfLinkText(text: string): Array<string | undefined> {
  const unescaped = text.replace(/\\([!-/:-@[-`{-~])/g, '$1');
  const segments = unescaped.split(/[,，]/).map((segment) => trimEndChars(cutAtParenthesis(segment).trim(), '.。'));
  return [unescaped.trim(), ...segments];
}

function cutAtParenthesis(text: string): string {
  const open = text.indexOf('(');
  return open === -1 ? text : text.slice(0, open);
}

/** Exact names first, then fuzzy search; documents are preferred over people and places; ties are ambiguous. */
function resolveNames(names: ReadonlyArray<string | undefined>, index: ReferenceIndex, weakOk: WeakPolicy, lookups?: NameLookups): Resolution {
  const scores = new Map<string, { score: number; match: MatchKind }>();
  const offer = (id: string, score: number, match: MatchKind) => {
    const record = index.get(id);
    if (!record) return;
    const weighted = score * (isDocument(record) ? 1 : NON_DOCUMENT_PENALTY);
    const previous = scores.get(id);
    if (!previous || weighted > previous.score) scores.set(id, { score: weighted, match });
  };
  const candidates = names.filter((name): name is string => name !== undefined && name.trim().length >= 2).slice(0, 6);
  const keys = candidates.map(normalizeKey);
  const lookupOf = (name: string, key: string) => {
    let lookup = lookups?.get(name);
    if (!lookup) {
      // By its key, normalised above: lookupName would normalise the name a second time.
      lookup = { exact: index.lookupKey(key) };
      // A copy: the name is a slice of one version of the document (see detached).
      lookups?.set(detached(name), lookup);
    }
    return lookup;
  };
  candidates.forEach((name, position) => {
    for (const id of lookupOf(name, keys[position]!).exact) if (!index.isWeak(keys[position]!, id) || weakOk(id)) offer(id, 1, 'alias');
  });
  if (![...scores.values()].some((entry) => entry.score === 1)) {
    candidates.forEach((name, position) => {
      // A generic name (合作備忘錄) is never searched fuzzily: any record's title contains some such phrase.
      if (isGenericName(keys[position]!)) return;
      const lookup = lookupOf(name, keys[position]!);
      lookup.hits ??= index.search(name, 3);
      for (const hit of lookup.hits) if (!index.isWeak(keys[position]!, hit.id) || weakOk(hit.id)) offer(hit.id, hit.score, hit.score === 1 ? 'alias' : 'fuzzy');
    });
  }
  const ranked = [...scores.entries()].sort((a, b) => b[1].score - a[1].score || (a[0] < b[0] ? -1 : 1));
  const [best, second] = ranked;
  if (!best) return { score: 0 };
  if (second && Math.abs(second[1].score - best[1].score) < 1e-6) {
    return { score: best[1].score, candidates: ranked.filter(([, entry]) => Math.abs(entry.score - best[1].score) < 1e-6).map(([id]) => id) };
  }
  return { id: best[0], score: best[1].score, match: best[1].match };
}

export function isDocument(record: CorpusRecord): boolean {
  return DOCUMENT_TYPES.has(record.type);
}
