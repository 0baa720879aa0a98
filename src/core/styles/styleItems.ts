import { isChineseSource, rocDate, titlePair } from '../article/sourcesSection';
import type { CorpusRecord } from '../corpus/record';
import { cslDateParts, recordToCslItem, type CslItem } from '../export/cslItem';
import { parseHttpUrl } from '../search/urls';

/**
 * A record as the CSL item a style renders. `today` (ISO) is the last visit of a record without one, as
 * Generate Sources Section has it. The URL is the http(s) one or none. For the house style the item is
 * shaped as the house line reads it: the short and full titles of the seed's lines, the author only when a
 * publisher is there too, and for a Chinese source the last visit as a literal 民國 date (CSL has no ROC
 * calendar). Other styles get the library item as read (or one built from the record).
 */
export function recordToStyleItem(record: CorpusRecord, today: string, house: boolean): CslItem {
  const url = record.url ? parseHttpUrl(record.url)?.href : undefined;
  const chinese = isChineseSource(record);
  const visited = record.accessed ?? today;
  if (!house) {
    const item: CslItem = { ...recordToCslItem(record), language: chinese ? 'zh-TW' : (record.lang ?? 'en') };
    if (url) item.URL = url;
    else delete item.URL;
    if (url && !item.accessed) item.accessed = cslDateParts(visited);
    return item;
  }
  const item: CslItem = { id: record.id, type: 'webpage', language: chinese ? 'zh-TW' : 'en' };
  const by = record.publisher ?? record.author;
  if (chinese) item.title = record.title;
  else {
    const { short, full } = titlePair(record);
    item.title = full;
    if (short) item['title-short'] = short;
  }
  if (record.publisher) item.publisher = record.publisher;
  if (record.author && (!record.publisher || record.author !== by)) item.author = [{ literal: record.author }];
  const issued = cslDateParts(record.date);
  if (issued) item.issued = issued;
  if (url) {
    item.URL = url;
    const visit = chinese ? rocDate(visited) : undefined;
    if (chinese && visit) item.accessed = { literal: visit };
    else if (!chinese) item.accessed = cslDateParts(visited);
  }
  return item;
}
