import { canonicalUrl, parseHttpUrl } from '../search/urls';
import { normalizeKey } from '../search/normalize';

/**
 * Query parameters that only say where a reader came from (campaign and click trackers): the same page with
 * and without them is one source.
 */
const TRACKING_PARAM = /^(?:utm_[a-z_]*|fbclid|gclid|dclid|gbraid|wbraid|msclkid|mc_cid|mc_eid|igshid|yclid|_ga|_gl|ref_src|spm)$/i;

/** The URL as a harvested record keeps it: http(s) only, without tracking parameters and fragment. */
export function cleanSourceUrl(value: string): string | undefined {
  const url = parseHttpUrl(value);
  if (!url) return undefined;
  url.hash = '';
  // URLSearchParams re-encodes the whole query when touched: only touched when a tracker is there.
  const trackers = [...url.searchParams.keys()].filter((name) => TRACKING_PARAM.test(name));
  for (const name of trackers) url.searchParams.delete(name);
  const href = url.href;
  return href.endsWith('?') ? href.slice(0, -1) : href;
}

/** The key that makes two spellings of one URL one source: scheme, host case, www., trailing slash, trackers, fragment. */
export function sourceUrlKey(value: string): string | undefined {
  const cleaned = cleanSourceUrl(value);
  return cleaned === undefined ? undefined : canonicalUrl(cleaned);
}

/** The key that makes two spellings of one title one source: NFKC, case, spaces, and the marks around it. */
export function sourceTitleKey(title: string): string {
  return normalizeKey(title)
    .replace(/^[\s*_《「『〈“"']+|[\s*_》」』〉”"'.,;:。，]+$/gu, '')
    .trim();
}

/** A readable id: the first words of an English title, else the site and its last path segment, plus the year. */
export function sourceSlug(title: string, url: string | undefined, year: number | undefined): string {
  const words = (text: string) =>
    text
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      // U.S. → us, not u-s
      .replace(/\b([a-z])\.(?=[a-z]\b)/g, '$1')
      .split(/[^a-z0-9]+/)
      .filter((word) => word.length > 0 && !STOP_WORDS.has(word));
  let parts = words(title);
  if (parts.length < 2 && url) {
    const parsed = parseHttpUrl(url);
    if (parsed) parts = [...words(parsed.hostname.replace(/^www\./, '')), ...words(decodeSafely(parsed.pathname.split('/').filter(Boolean).at(-1) ?? '')).slice(0, 3)];
  }
  if (parts.length === 0) parts = ['source'];
  let slug = '';
  for (const part of parts) {
    if (slug.length + part.length + 1 > 48) break;
    slug = slug ? `${slug}-${part}` : part;
  }
  slug ||= parts[0]!.slice(0, 48);
  return year !== undefined && !slug.endsWith(String(year)) ? `${slug}-${year}` : slug;
}

const STOP_WORDS = new Set(['the', 'a', 'an', 'of', 'and', 'on', 'for', 'to', 'in', 'by', 'at', 'with', 'html', 'htm', 'aspx', 'php', 'www']);

function decodeSafely(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
