/**
 * The published address of ChLaw.json (zipped) in the national law database's Open API
 * (https://law.moj.gov.tw/api, documented on its Swagger page). Verified in public code that downloads it (see
 * docs/DEVELOPMENT.md, "The law database download"). Its own small file: the settings read it at startup.
 */
export const DEFAULT_LAW_DOWNLOAD_URL = 'https://law.moj.gov.tw/api/ch/law/json';

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);

/** https only; plain http only to this machine (tests, a local mirror). Returns why a URL is refused. */
export function refusedDownloadUrl(url: string): string | undefined {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return 'the download address is not a URL';
  }
  if (parsed.protocol === 'https:') return undefined;
  if (parsed.protocol === 'http:' && LOOPBACK.has(parsed.hostname)) return undefined;
  return 'the download address must start with https:// (plain http only for 127.0.0.1 or localhost)';
}
