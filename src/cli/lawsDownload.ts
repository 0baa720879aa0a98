import { promises as fs } from 'node:fs';
import path from 'node:path';
import { DEFAULT_LAW_DOWNLOAD_URL, downloadLawFile, fetchHttpGet, isDownloadFailure, MIN_DOWNLOADED_LAWS, validateLawDownload, type HttpGet } from '../core/law/lawDownload';
import { officialToSplitFiles } from '../core/law/officialImport';
import { terminalSafe } from '../core/util/controlText';
import { UsageError } from './args';
import { embeddedAliases, importTarget, writeSplitFolder } from './lawsImport';

export interface DownloadCommand {
  readonly out?: string;
  readonly url?: string;
  readonly minLaws?: number;
  readonly timeoutSeconds?: number;
  /** Only say whether a newer edition than the one in --out is published; write nothing. */
  readonly check: boolean;
}

/** What source.json of an imported folder says about its edition. */
interface Edition {
  readonly updateDate?: string;
  readonly etag?: string;
  readonly lastModified?: string;
}

async function editionIn(folder: string): Promise<Edition | undefined> {
  try {
    const source = JSON.parse(await fs.readFile(path.join(folder, 'source.json'), 'utf8')) as Record<string, unknown>;
    const text = (key: string) => (typeof source[key] === 'string' ? (source[key] as string) : undefined);
    const [updateDate, etag, lastModified] = [text('updateDate'), text('etag'), text('lastModified')];
    return { ...(updateDate ? { updateDate } : {}), ...(etag ? { etag } : {}), ...(lastModified ? { lastModified } : {}) };
  } catch {
    return undefined;
  }
}

/**
 * `laws download --out <dir> [--url <url>] [--check]`: fetches the official open data (ChLaw.json zipped),
 * checks it and converts it into the folder format. A folder that already holds the newest edition is kept:
 * the server is asked with its ETag / Last-Modified, and an unchanged update date writes nothing.
 */
export async function downloadLaws(command: DownloadCommand, cwd: string, io: { out(text: string): void; err(text: string): void; readonly isTty: boolean }, get: HttpGet = fetchHttpGet()): Promise<number> {
  if (!command.out) throw new UsageError('laws download needs --out <dir>');
  const target = await importTarget(command.out, cwd);
  const held = await editionIn(target);
  const url = command.url ?? DEFAULT_LAW_DOWNLOAD_URL;
  let reported = 0;
  const started = performance.now();
  const result = await downloadLawFile(get, {
    url,
    ...(command.timeoutSeconds !== undefined ? { idleTimeoutMs: command.timeoutSeconds * 1000 } : {}),
    ...(held?.etag ? { etag: held.etag } : {}),
    ...(held?.lastModified ? { lastModified: held.lastModified } : {}),
    onProgress: (received, total) => {
      // A line every 5 MB on a terminal: enough to see it move.
      if (io.isTty && received - reported >= 5 * 1024 * 1024) {
        reported = received;
        io.err(`policy-annotator: downloaded ${(received / 1024 / 1024).toFixed(0)}${total ? ` of ${(total / 1024 / 1024).toFixed(0)}` : ''} MB`);
      }
    },
  });
  if ('notModified' in result) {
    io.out(`${command.out} already holds the newest edition${held?.updateDate ? ` (${held.updateDate})` : ''}.`);
    return 0;
  }
  if (isDownloadFailure(result)) {
    io.err(`policy-annotator: cannot download the law database from ${terminalSafe(url)}: ${terminalSafe(result.message)}`);
    return 1;
  }
  const database = validateLawDownload(result.bytes, command.minLaws ?? MIN_DOWNLOADED_LAWS);
  if (isDownloadFailure(database)) {
    io.err(`policy-annotator: the file downloaded from ${terminalSafe(url)} is not the law database: ${terminalSafe(database.message)}`);
    return 1;
  }
  const edition = database.updateDate ?? 'an undated edition';
  if (held?.updateDate && database.updateDate && database.updateDate <= held.updateDate) {
    io.out(`${command.out} already holds the newest edition (${held.updateDate}).`);
    return 0;
  }
  if (command.check) {
    io.out(`A newer edition is published: ${edition} (${database.laws.length} laws)${held?.updateDate ? `; ${command.out} holds ${held.updateDate}` : ''}.`);
    return 0;
  }
  for (const problem of database.problems) io.err(`policy-annotator: laws: ${terminalSafe(problem.message)}`);
  const converted = officialToSplitFiles(database, embeddedAliases(), {
    from: url,
    bytes: result.bytes.length,
    downloaded: new Date().toISOString(),
    ...(result.etag ? { etag: result.etag } : {}),
    ...(result.lastModified ? { lastModified: result.lastModified } : {}),
  });
  const bytes = await writeSplitFolder(target, converted.files);
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  const { summary } = converted;
  io.out(`Downloaded ${(result.bytes.length / 1024 / 1024).toFixed(1)} MB and imported ${summary.laws} laws (${summary.articles} articles, edition of ${edition}) into ${command.out} in ${seconds} s: ${converted.files.length} files, ${(bytes / 1024 / 1024).toFixed(1)} MB.`);
  return 0;
}
