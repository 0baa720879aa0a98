import type { CorpusIndex } from '../search/corpusIndex';
import { LayeredIndex, type ReferenceIndex } from '../search/layeredIndex';
import type { CorpusRecord } from '../corpus/record';
import { parseArticle, type Article } from './article';
import { checkArticleSteps, type ArticleDiagnostic } from './checks';
import { resolveArticleWithHints, resolveWithCandidates, type ArticleReference, type MentionCandidates, type NearMiss, type ResolutionMemo, type ResolveOptions } from './resolve';
import { findArticleTags } from '../tags/articleTags';
import { checkTags, type TagVerdict } from '../tags/tagChecks';
import type { TagVocabulary } from '../tags/vocabulary';

/** Everything the features need about one version of one article. */
export interface ArticleAnalysis {
  readonly article: Article;
  /** Sorted by start. */
  readonly references: readonly ArticleReference[];
  readonly diagnostics: readonly ArticleDiagnostic[];
  /** How many references resolve to each record id. */
  readonly counts: ReadonlyMap<string, number>;
  /** The article's tags and what the taxonomy says of each (empty without a vocabulary). */
  readonly tags: readonly TagVerdict[];
  /** A record by id as this article sees it: its own bibliography first, then the corpus. */
  readonly record: (id: string) => CorpusRecord | undefined;
}

/** An article's front-matter bibliography, loaded (see corpus/articleBibliography.ts). */
export interface LoadedBibliography {
  /** Its records; undefined when no file could be read. */
  readonly index?: CorpusIndex;
  /** Problems of the `bibliography:` field and its files, on the field's lines. */
  readonly diagnostics: readonly ArticleDiagnostic[];
}

export interface TagOptions {
  readonly vocabulary: TagVocabulary;
  /** Whether #hashtags in the text count as tags (setting policyAnnotator.tags.hashtags). */
  readonly hashtags: boolean;
}

/** `parsed`: the article already parsed from `text` (the editor caches the parse per version). */
export function analyzeArticle(text: string, corpus: ReferenceIndex, options: ResolveOptions, tagOptions?: TagOptions, parsed?: Article, bibliography?: LoadedBibliography): ArticleAnalysis {
  return completeAnalysis(parsed ?? parseArticle(text), indexWithBibliography(corpus, bibliography), options, tagOptions, bibliography);
}

/** The index an article's references resolve against: its own bibliography first, then the corpus. */
export function indexWithBibliography(corpus: ReferenceIndex, bibliography?: LoadedBibliography): ReferenceIndex {
  return bibliography?.index && bibliography.index.size > 0 ? new LayeredIndex(bibliography.index, corpus) : corpus;
}

/**
 * The analysis of a parsed article: resolution, checks and tags. `candidates`: the names in its prose when
 * already found (block by block, see incrementalAnalysis.ts); `memo`: resolutions kept from earlier versions.
 */
export function completeAnalysis(article: Article, index: ReferenceIndex, options: ResolveOptions, tagOptions?: TagOptions, bibliography?: LoadedBibliography, candidates?: MentionCandidates, memo?: ResolutionMemo): ArticleAnalysis {
  const resolved = candidates ? resolveWithCandidates(article, index, options, options.kinds.has('mention') ? candidates : { mentions: [], fuzzy: [] }, memo) : resolveArticleWithHints(article, index, options);
  const checked = checkResolved(article, index, resolved);
  return withTags(checked, tagOptions, bibliography);
}

/** The checks of a resolved article (the second of completeAnalysis's three steps; the sliced analysis yields between them). */
export function checkResolved(article: Article, index: ReferenceIndex, resolved: { readonly references: ArticleReference[]; readonly nearMisses: readonly NearMiss[] }): ArticleAnalysis {
  const steps = checkResolvedSteps(article, index, resolved);
  for (let step = steps.next(); ; step = steps.next()) if (step.done) return step.value;
}

/** checkResolved in steps (the sliced analysis yields between them: see checkArticleSteps). */
export function* checkResolvedSteps(article: Article, index: ReferenceIndex, resolved: { readonly references: ArticleReference[]; readonly nearMisses: readonly NearMiss[] }): Generator<void, ArticleAnalysis> {
  const { references, nearMisses } = resolved;
  const counts = new Map<string, number>();
  // By index: this generator may run unoptimised, where a for…of makes an iterator result per reference.
  for (let at = 0; at < references.length; at++) {
    const id = references[at]!.id;
    if (id) counts.set(id, (counts.get(id) ?? 0) + 1);
  }
  const diagnostics = yield* checkArticleSteps(article, references, index, nearMisses);
  return { article, references, diagnostics, counts, tags: [], record: (id) => index.get(id) };
}

/** The bibliography's problems and the tags' verdicts added (the last step). */
export function withTags(checked: ArticleAnalysis, tagOptions?: TagOptions, bibliography?: LoadedBibliography): ArticleAnalysis {
  const { article } = checked;
  const diagnostics = checked.diagnostics as ArticleDiagnostic[];
  for (const diagnostic of bibliography?.diagnostics ?? []) diagnostics.push(diagnostic);
  if (bibliography?.diagnostics.length) diagnostics.sort((a, b) => a.start - b.start);
  let tags: TagVerdict[] = [];
  if (tagOptions) {
    const result = checkTags(article, findArticleTags(article, tagOptions.hashtags), tagOptions.vocabulary);
    tags = result.verdicts;
    for (const diagnostic of result.diagnostics) diagnostics.push(diagnostic);
    diagnostics.sort((a, b) => a.start - b.start);
  }
  return { ...checked, diagnostics, tags };
}

/** The innermost reference holding `offset` (references may nest: a key inside a link's text is rare but legal). */
export function referenceAtOffset(references: readonly ArticleReference[], offset: number): ArticleReference | undefined {
  // Binary search for the last reference starting at or before offset, then walk back over overlapping ones.
  let low = 0;
  let high = references.length - 1;
  let last = -1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    if (references[middle]!.start <= offset) {
      last = middle;
      low = middle + 1;
    } else high = middle - 1;
  }
  let best: ArticleReference | undefined;
  for (let index = last; index >= 0 && index > last - 16; index--) {
    const candidate = references[index]!;
    if (offset >= candidate.start && offset < candidate.end && (!best || candidate.end - candidate.start < best.end - best.start)) best = candidate;
  }
  return best;
}
