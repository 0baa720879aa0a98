import { RECORD_TYPES } from '../validate';

/**
 * Whether a `.json` file is CSL-JSON. This part runs at startup for every JSON corpus file; the reader itself
 * (cslJson.ts) is loaded with the other library readers on first use.
 */

/** Fields only CSL items have (our own records spell these differently or lack them). */
const CSL_FIELDS = new Set([
  'issued', 'container-title', 'URL', 'DOI', 'title-short', 'original-title', 'citation-key', 'abstract', 'keywords', 'language', 'note', 'editor',
  'publisher-place', 'page', 'volume', 'issue', 'ISBN', 'ISSN', 'event-place', 'authority', 'collection-title', 'genre', 'medium', 'number', 'shortTitle',
]);
/** Fields only our records have. */
const OWN_FIELDS = new Set(['aliases', 'summary', 'tags', 'related', 'body', 'lang', 'originalTitle', 'url', 'date']);

/** The CSL 1.0.2 item types. */
export const CSL_TYPES = new Set([
  'article', 'article-journal', 'article-magazine', 'article-newspaper', 'bill', 'book', 'broadcast', 'chapter', 'classic', 'collection', 'dataset', 'document',
  'entry', 'entry-dictionary', 'entry-encyclopedia', 'event', 'figure', 'graphic', 'hearing', 'interview', 'legal_case', 'legislation', 'manuscript', 'map',
  'motion_picture', 'musical_score', 'pamphlet', 'paper-conference', 'patent', 'performance', 'periodical', 'personal_communication', 'post', 'post-weblog',
  'regulation', 'report', 'review', 'review-book', 'software', 'song', 'speech', 'standard', 'thesis', 'treaty', 'webpage',
]);

/**
 * `.csl.json` always is; another `.json` is when more of its items carry CSL variables (or CSL-only types, or
 * names as lists) than carry fields of our own format.
 */
export function looksLikeCslJson(uri: string, items: readonly unknown[]): boolean {
  if (/\.csl\.json$/i.test(uri)) return true;
  let csl = 0;
  let own = 0;
  for (const item of items) {
    if (typeof item !== 'object' || item === null || Array.isArray(item)) continue;
    const fields = item as Record<string, unknown>;
    const keys = Object.keys(fields);
    if (keys.some((key) => OWN_FIELDS.has(key)) || typeof fields.author === 'string' || typeof fields.accessed === 'string') own++;
    else if (
      keys.some((key) => CSL_FIELDS.has(key)) ||
      Array.isArray(fields.author) ||
      (typeof fields.accessed === 'object' && fields.accessed !== null) ||
      (typeof fields.type === 'string' && CSL_TYPES.has(fields.type) && !RECORD_TYPES.includes(fields.type))
    ) csl++;
  }
  return csl > 0 && csl >= own;
}
