import { isZip, readOfficialFiles, type OfficialDatabase } from './officialImport';
import { refusedDownloadUrl } from './lawDownloadUrl';

export { DEFAULT_LAW_DOWNLOAD_URL, refusedDownloadUrl } from './lawDownloadUrl';

/**
 * Downloading the national law database's open data (the only network request the extension makes, and only
 * on the user's command). The HTTP client is injected: the CLI and the desktop extension pass the global
 * fetch (`fetchHttpGet`), tests a local server. Every failure is a `DownloadFailure` with a reason a user can
 * act on, never an exception.
 */

/** ChLaw.json zipped is ~6 MB, all laws and orders ~30 MB: more than this is not the database. */
export const MAX_DOWNLOAD_BYTES = 300 * 1024 * 1024;
/** No byte for this long: the server is stalled. */
export const DOWNLOAD_IDLE_TIMEOUT_MS = 60_000;
/** The full database has over 1,300 laws: fewer than this is not it (a test fixture passes its own minimum). */
export const MIN_DOWNLOADED_LAWS = 1000;

export interface HttpResponse {
  readonly status: number;
  /** The final URL after redirects. */
  readonly url: string;
  header(name: string): string | undefined;
  readonly body: AsyncIterable<Uint8Array>;
}

export type HttpGet = (url: string, init: { signal: AbortSignal; headers: Record<string, string> }) => Promise<HttpResponse>;

export interface DownloadOptions {
  readonly url: string;
  readonly maxBytes?: number;
  /** Milliseconds without a byte (or without the response's headers) after which the download stops. */
  readonly idleTimeoutMs?: number;
  readonly signal?: AbortSignal;
  readonly onProgress?: (received: number, total: number | undefined) => void;
  /** The edition already held: a server that knows it answers 304 and nothing is downloaded. */
  readonly etag?: string;
  readonly lastModified?: string;
}

export type DownloadFailureKind = 'url' | 'http' | 'too-large' | 'content-type' | 'timeout' | 'truncated' | 'cancelled' | 'network';

export interface DownloadFailure {
  readonly failure: DownloadFailureKind;
  readonly message: string;
}

export interface Downloaded {
  readonly bytes: Uint8Array;
  readonly etag?: string;
  readonly lastModified?: string;
}

export type DownloadResult = Downloaded | { readonly notModified: true } | DownloadFailure;

const megabytes = (bytes: number) => `${Math.round(bytes / 1024 / 1024)} MB`;

/** Downloads the file at `options.url` with a size cap, an idle timeout and cancellation. */
export async function downloadLawFile(get: HttpGet, options: DownloadOptions): Promise<DownloadResult> {
  const refused = refusedDownloadUrl(options.url);
  if (refused) return { failure: 'url', message: refused };
  const maxBytes = options.maxBytes ?? MAX_DOWNLOAD_BYTES;
  const idleMs = options.idleTimeoutMs ?? DOWNLOAD_IDLE_TIMEOUT_MS;
  const controller = new AbortController();
  let timedOut = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const arm = () => {
    if (timer !== undefined) clearTimeout(timer);
    timer = setTimeout(() => {
      timedOut = true;
      controller.abort();
    }, idleMs);
  };
  const onCancel = () => controller.abort();
  if (options.signal?.aborted) return { failure: 'cancelled', message: 'the download was cancelled' };
  options.signal?.addEventListener('abort', onCancel);
  const stopped = (): DownloadFailure | undefined =>
    options.signal?.aborted ? { failure: 'cancelled', message: 'the download was cancelled' } : timedOut ? { failure: 'timeout', message: `the server sent nothing for ${Math.round(idleMs / 1000)} s` } : undefined;
  try {
    arm();
    const headers: Record<string, string> = { accept: 'application/zip, application/octet-stream;q=0.9, */*;q=0.1' };
    if (options.etag) headers['if-none-match'] = options.etag;
    if (options.lastModified) headers['if-modified-since'] = options.lastModified;
    let response: HttpResponse;
    try {
      response = await get(options.url, { signal: controller.signal, headers });
    } catch (error) {
      return stopped() ?? { failure: 'network', message: `the server cannot be reached (${error instanceof Error ? error.message : String(error)})` };
    }
    // A redirect must not lead to plain http elsewhere.
    const redirected = refusedDownloadUrl(response.url || options.url);
    if (redirected) return { failure: 'url', message: `the download was redirected: ${redirected}` };
    if (response.status === 304 && (options.etag || options.lastModified)) return { notModified: true };
    if (response.status < 200 || response.status > 299) return { failure: 'http', message: `the server answered HTTP ${response.status}` };
    const type = (response.header('content-type') ?? '').toLowerCase();
    // An error or login page instead of the file; the zip's own signature is checked afterwards too.
    if (/^text\/|html|^application\/(?:problem\+)?json/.test(type)) return { failure: 'content-type', message: `the server sent ${type.split(';')[0]} instead of a zip file` };
    const lengthHeader = response.header('content-length');
    const total = lengthHeader !== undefined && /^\d+$/.test(lengthHeader.trim()) ? Number(lengthHeader.trim()) : undefined;
    if (total !== undefined && total > maxBytes) return { failure: 'too-large', message: `the file is ${megabytes(total)}, more than the ${megabytes(maxBytes)} allowed` };
    const chunks: Uint8Array[] = [];
    let received = 0;
    const tooLarge: DownloadFailure = { failure: 'too-large', message: `the file is more than the ${megabytes(maxBytes)} allowed` };
    try {
      for await (const chunk of response.body) {
        arm();
        received += chunk.length;
        if (received > maxBytes) break;
        chunks.push(chunk);
        options.onProgress?.(received, total);
      }
    } catch (error) {
      if (received > maxBytes) return tooLarge;
      return stopped() ?? { failure: 'truncated', message: `the download broke off after ${received} bytes (${error instanceof Error ? error.message : String(error)})` };
    }
    if (received > maxBytes) {
      controller.abort();
      return tooLarge;
    }
    const early = stopped();
    if (early) return early;
    if (total !== undefined && received < total) return { failure: 'truncated', message: `the download ended after ${received} of ${total} bytes` };
    const bytes = new Uint8Array(received);
    let offset = 0;
    for (const chunk of chunks) {
      bytes.set(chunk, offset);
      offset += chunk.length;
    }
    const etag = response.header('etag');
    const lastModified = response.header('last-modified');
    return { bytes, ...(etag ? { etag } : {}), ...(lastModified ? { lastModified } : {}) };
  } finally {
    if (timer !== undefined) clearTimeout(timer);
    options.signal?.removeEventListener('abort', onCancel);
  }
}

/**
 * The integrity checks of a downloaded file: a zip (not an error page), which unpacks within the cap and
 * parses as ChLaw.json, with at least `minLaws` laws.
 */
export function validateLawDownload(bytes: Uint8Array, minLaws = MIN_DOWNLOADED_LAWS): OfficialDatabase | DownloadFailure {
  if (!isZip(bytes)) return { failure: 'content-type', message: 'the downloaded file is not a zip file' };
  const database = readOfficialFiles([{ uri: 'download:/ChLaw.json.zip', bytes }]);
  if ('problem' in database) return { failure: 'truncated', message: database.problem.message.replace(/^ChLaw\.json\.zip/, 'the downloaded file') };
  if (database.laws.length < minLaws) return { failure: 'truncated', message: `the downloaded file holds ${database.laws.length} laws; the national law database has at least ${minLaws}` };
  return database;
}

export const isDownloadFailure = (value: object): value is DownloadFailure => 'failure' in value;

/** An HttpGet over the standard fetch (Node 18+, the desktop extension host): redirects followed, the body streamed. */
export function fetchHttpGet(fetchFunction: typeof fetch = fetch): HttpGet {
  return async (url, init) => {
    const response = await fetchFunction(url, { signal: init.signal, headers: init.headers, redirect: 'follow' });
    const body = response.body;
    return {
      status: response.status,
      url: response.url,
      header: (name) => response.headers.get(name) ?? undefined,
      body: body ? (body as unknown as AsyncIterable<Uint8Array>) : (async function* () {})(),
    };
  };
}
