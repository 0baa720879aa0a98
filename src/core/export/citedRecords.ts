import type { ArticleAnalysis } from '../article/analysis';
import { isDocument } from '../article/resolve';
import type { CorpusRecord } from '../corpus/record';
import type { CorpusIndex } from '../search/corpusIndex';
import { recordToCslItem } from './cslItem';

/**
 * The records a set of articles cite, in the order they are first cited: every citation key, and every link,
 * citation line or mention that resolves to a document (a person or a place named in the text is not a source).
 */
export function citedRecords(analyses: readonly ArticleAnalysis[], index: CorpusIndex): CorpusRecord[] {
  const seen = new Set<string>();
  const records: CorpusRecord[] = [];
  for (const analysis of analyses) {
    for (const reference of analysis.references) {
      if (!reference.id || seen.has(reference.id)) continue;
      const record = index.get(reference.id);
      if (!record || (reference.kind !== 'key' && !isDocument(record))) continue;
      seen.add(reference.id);
      records.push(record);
    }
  }
  return records;
}

/** CSL-JSON as Zotero and Pandoc read it: an array of items, two-space indented, a final line feed. */
export function recordsToCslJson(records: readonly CorpusRecord[]): string {
  return `${JSON.stringify(records.map(recordToCslItem), null, 2)}\n`;
}
