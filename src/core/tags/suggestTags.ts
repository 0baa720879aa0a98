import type { ArticleAnalysis } from '../article/analysis';
import type { CorpusIndex } from '../search/corpusIndex';
import { normalizeKey } from '../search/normalize';
import type { TagDefinition } from './builtinTaxonomy';
import type { TagVocabulary } from './vocabulary';

export interface TagSuggestion {
  readonly definition: TagDefinition;
  readonly score: number;
  /** Why: the records referred to that carry the tag, and how often the tag's names occur in the text. */
  readonly records: readonly string[];
  readonly occurrences: number;
}

/**
 * Taxonomy tags ranked for an article's content: each reference to a record that carries a tag counts 2,
 * each occurrence of a tag's name or synonym in the text counts 1. Tags the article has are left out.
 */
export function suggestTags(analysis: ArticleAnalysis, vocabulary: TagVocabulary, index: CorpusIndex, limit = 10): TagSuggestion[] {
  const present = new Set(analysis.tags.map((verdict) => vocabulary.resolve(verdict.tag.text)?.definition.tag ?? verdict.tag.text));
  const scores = new Map<string, { definition: TagDefinition; score: number; records: Set<string>; occurrences: number }>();
  const entry = (definition: TagDefinition) => {
    let found = scores.get(definition.tag);
    if (!found) scores.set(definition.tag, (found = { definition, score: 0, records: new Set(), occurrences: 0 }));
    return found;
  };
  for (const reference of analysis.references) {
    const record = reference.id ? index.get(reference.id) : undefined;
    for (const tag of record?.tags ?? []) {
      const definition = vocabulary.resolve(tag)?.definition;
      if (!definition) continue;
      const found = entry(definition);
      found.score += 2;
      found.records.add(record!.id);
    }
  }
  const text = normalizeKey(analysis.article.text);
  for (const definition of vocabulary.definitions()) {
    for (const name of [definition.tag, ...definition.synonyms]) {
      const key = normalizeKey(name);
      // Very short names (AI, 5G) occur by accident: only names of two or more CJK or three or more other characters count.
      if (key.length < (/[\u3400-\u9fff]/.test(key) ? 2 : 3)) continue;
      const count = countOccurrences(text, key);
      if (count === 0) continue;
      const found = entry(definition);
      found.score += count;
      found.occurrences += count;
    }
  }
  return [...scores.values()]
    .filter((found) => !present.has(found.definition.tag) && found.score > 0)
    .sort((a, b) => b.score - a.score || a.definition.tag.localeCompare(b.definition.tag))
    .slice(0, limit)
    .map((found) => ({ definition: found.definition, score: found.score, records: [...found.records], occurrences: found.occurrences }));
}

function countOccurrences(text: string, key: string): number {
  let count = 0;
  for (let index = text.indexOf(key); index !== -1 && count < 1_000; index = text.indexOf(key, index + key.length)) count++;
  return count;
}
