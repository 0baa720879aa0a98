import type { CorpusRecord, UiLanguage } from './corpus/record';
import { formatCitationLine } from './article/sourcesSection';
import { normalizeKey } from './search/normalize';
import type { CorpusIndex } from './search/corpusIndex';
import { parseHttpUrl } from './search/urls';

/** What "Search Corpus…" inserts (setting policyAnnotator.insert.referenceStyle). */
export type ReferenceStyle = 'mention' | 'citationKey' | 'citationLine' | 'link';
export const REFERENCE_STYLES: readonly ReferenceStyle[] = ['mention', 'citationKey', 'citationLine', 'link'];

const CJK = /[\u3400-\u9fff]/;
/** Ids the citation-key parser reads back whole. */
const KEY_ID = /^[A-Za-z0-9_][A-Za-z0-9_:.#$%&+?<>~/-]*$/;

/** The name an article in Chinese would use: the first Chinese alias, else the title. */
export function mentionName(record: CorpusRecord): string {
  if (CJK.test(record.title)) return record.title;
  return record.aliases.find((alias) => CJK.test(alias)) ?? record.title;
}

/** The text to insert for a record, or undefined when the style cannot be written for it (no URL for a link). */
export function referenceText(record: CorpusRecord, style: ReferenceStyle, today: string): string | undefined {
  switch (style) {
    case 'mention':
      return mentionName(record);
    case 'citationKey':
      return KEY_ID.test(record.id) ? `[@${record.id}]` : undefined;
    case 'citationLine':
      return formatCitationLine(record, today);
    case 'link': {
      const url = record.url ? parseHttpUrl(record.url)?.href : undefined;
      return url ? `[${mentionName(record).replace(/[[\]\\]/g, '\\$&')}](${url})` : undefined;
    }
  }
}

export interface RecordMatch {
  readonly record: CorpusRecord;
  /** Where the query was found: a title or alias (fuzzy), or the summary (substring). */
  readonly via: 'name' | 'summary';
}

/**
 * Records for a picker: fuzzy matches on titles and aliases first, then records whose summary contains the
 * query. A command, not a hot path: the summary pass is a scan, stopped once `limit` records are found.
 */
export function searchRecords(index: CorpusIndex, query: string, language: UiLanguage, limit = 50): RecordMatch[] {
  const matches: RecordMatch[] = [];
  const seen = new Set<string>();
  const trimmed = query.trim();
  if (trimmed === '') {
    for (const record of index.records()) {
      matches.push({ record, via: 'name' });
      if (matches.length >= limit) break;
    }
    return matches;
  }
  for (const hit of index.search(trimmed, limit)) {
    const record = index.get(hit.id);
    if (record && !seen.has(record.id)) {
      seen.add(record.id);
      matches.push({ record, via: 'name' });
    }
  }
  const needle = normalizeKey(trimmed);
  if (needle.length < 2) return matches;
  for (const record of index.records()) {
    if (matches.length >= limit) break;
    if (seen.has(record.id)) continue;
    const summaries = language === 'zh' ? [record.summary.zh, record.summary.en] : [record.summary.en, record.summary.zh];
    if (summaries.some((summary) => summary !== undefined && normalizeKey(summary).includes(needle))) {
      seen.add(record.id);
      matches.push({ record, via: 'summary' });
    }
  }
  return matches;
}
