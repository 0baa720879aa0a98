import type { ArticleAnalysis } from '../article/analysis';
import { inSection } from '../article/checks';
import { isDocument } from '../article/resolve';
import type { CorpusRecord } from '../corpus/record';
import type { CorpusIndex } from '../search/corpusIndex';
import { archivedCopyUrl } from '../util/markdownEscape';
import { isChineseSource } from '../article/sourcesSection';

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


/** A 資料來源 line with the archived copy of its record's URL as of the last visit (or `today`) after it. */
export function withArchivedCopy(line: string, record: CorpusRecord, today: string): string {
  const archived = archivedCopyUrl(record.url, record.accessed ?? today);
  if (!archived) return line;
  return isChineseSource(record) ? `${line}（封存副本：<${archived}>）` : `${line} Archived copy: <${archived}>.`;
}
