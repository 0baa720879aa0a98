import type { ArticleAnalysis } from '../article/analysis';
import { inSection } from '../article/checks';
import { isDocument } from '../article/resolve';
import type { CorpusRecord } from '../corpus/record';
import type { CorpusIndex } from '../search/corpusIndex';
import { recordToStyleItem } from './styleItems';
import type { CitationStyles } from './citationStyles';

/**
 * The records an article's 資料來源 lists: the documents with a URL its text refers to, in the order of first
 * reference (as Generate Sources Section orders them), then those its existing citation lines name.
 */
export function sectionRecords(analysis: ArticleAnalysis, index: CorpusIndex): CorpusRecord[] {
  const seen = new Set<string>();
  const records: CorpusRecord[] = [];
  const add = (id: string | undefined) => {
    const record = id ? index.get(id) : undefined;
    if (!record || seen.has(record.id)) return;
    seen.add(record.id);
    records.push(record);
  };
  for (const reference of analysis.references) {
    if (reference.kind === 'citation' || !reference.id) continue;
    if (reference.kind === 'link' && inSection(analysis.article, reference.start, 'links')) continue;
    const record = index.get(reference.id);
    if (record && isDocument(record) && record.url) add(record.id);
  }
  for (const reference of analysis.references) if (reference.kind === 'citation') add(reference.id);
  return records;
}

/** Each record as a line of 資料來源 in `style` (CSL text); `house` shapes items for the house style. */
export function renderSourceLines(records: readonly CorpusRecord[], styles: CitationStyles, style: string, today: string, house: boolean): Map<string, string> {
  const lines = styles.render(style, records.map((record) => recordToStyleItem(record, today, house)));
  return new Map(records.map((record, index) => [record.id, lines[index]!]));
}
