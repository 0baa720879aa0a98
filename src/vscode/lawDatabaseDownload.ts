import { promises as fs } from 'node:fs';
import * as vscode from 'vscode';
import { downloadLawFile, fetchHttpGet, isDownloadFailure, MIN_DOWNLOADED_LAWS, refusedDownloadUrl, type HttpGet } from '../core/law/lawDownload';
import { isZip } from '../core/law/officialImport';
import { LAW_DOWNLOAD } from './commandIds';
import { runLawImport } from './lawImportRunner';

export type DownloadOutcome = 'imported' | 'current' | 'newer' | 'failed' | 'cancelled';

export interface DownloadRequest {
  readonly url: string;
  /** Only look for a newer edition; import it if the user says so. */
  readonly checkOnly: boolean;
  /** The fewest laws accepted (tests serve a small fixture). */
  readonly minLaws?: number;
}

interface Edition {
  readonly updateDate?: string;
  readonly etag?: string;
  readonly lastModified?: string;
}

const mb = (bytes: number) => (bytes / 1024 / 1024).toFixed(1);

/**
 * "Download the National Law Database" (desktop only, trusted workspaces only, on the user's command): fetches
 * the official open data with a progress notification that can be cancelled, checks it, converts it on the
 * import worker into <global storage>/laws-downloaded, and has the law library reload it.
 */
export class LawDatabaseDownloads {
  #running: Promise<DownloadOutcome> | undefined;

  constructor(
    private readonly extensionUri: vscode.Uri,
    private readonly storage: vscode.Uri,
    private readonly log: { info(message: string): void; error(message: string): void },
    private readonly reload: () => Promise<void>,
    private readonly get: HttpGet = fetchHttpGet(),
  ) {}

  /** One download at a time: a second command while one runs waits for it. */
  run(request: DownloadRequest): Promise<DownloadOutcome> {
    this.#running ??= this.#run(request).finally(() => (this.#running = undefined));
    return this.#running;
  }

  async #edition(): Promise<Edition | undefined> {
    try {
      const source = JSON.parse(await fs.readFile(vscode.Uri.joinPath(this.storage, LAW_DOWNLOAD.folder, 'source.json').fsPath, 'utf8')) as Record<string, unknown>;
      const text = (key: string) => (typeof source[key] === 'string' ? { [key]: source[key] as string } : {});
      return { ...text('updateDate'), ...text('etag'), ...text('lastModified') };
    } catch {
      return undefined;
    }
  }

  async #run(request: DownloadRequest): Promise<DownloadOutcome> {
    const refused = refusedDownloadUrl(request.url);
    if (refused) {
      void vscode.window.showErrorMessage(vscode.l10n.t('Policy Annotator: the law database cannot be downloaded: {0} (setting policyAnnotator.laws.downloadUrl).', refused));
      return 'failed';
    }
    const held = await this.#edition();
    const title = request.checkOnly ? vscode.l10n.t('Policy Annotator: checking for a newer law database…') : vscode.l10n.t('Policy Annotator: downloading the national law database…');
    const result = await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title, cancellable: true }, async (progress, token) => {
      const controller = new AbortController();
      const cancel = token.onCancellationRequested(() => controller.abort());
      let reportedPercent = 0;
      let reportedBytes = 0;
      try {
        return await downloadLawFile(this.get, {
          url: request.url,
          signal: controller.signal,
          ...(held?.etag ? { etag: held.etag } : {}),
          ...(held?.lastModified ? { lastModified: held.lastModified } : {}),
          onProgress: (received, total) => {
            if (received - reportedBytes < 256 * 1024 && received !== total) return;
            reportedBytes = received;
            const percent = total ? Math.floor((received / total) * 100) : 0;
            progress.report({ message: total ? vscode.l10n.t('{0} of {1} MB', mb(received), mb(total)) : vscode.l10n.t('{0} MB', mb(received)), ...(total ? { increment: percent - reportedPercent } : {}) });
            reportedPercent = percent;
          },
        });
      } finally {
        cancel.dispose();
      }
    });
    if ('notModified' in result) return this.#current(held);
    if (isDownloadFailure(result)) {
      if (result.failure === 'cancelled') {
        void vscode.window.showInformationMessage(vscode.l10n.t('Policy Annotator: the law database download was cancelled.'));
        return 'cancelled';
      }
      return this.#failed(request.url, result.message);
    }
    if (!isZip(result.bytes)) return this.#failed(request.url, 'the downloaded file is not a zip file');
    await fs.mkdir(this.storage.fsPath, { recursive: true });
    const zipFile = vscode.Uri.joinPath(this.storage, 'ChLaw.download.zip').fsPath;
    const staging = vscode.Uri.joinPath(this.storage, `${LAW_DOWNLOAD.folder}.new`).fsPath;
    const target = vscode.Uri.joinPath(this.storage, LAW_DOWNLOAD.folder).fsPath;
    try {
      await fs.writeFile(zipFile, result.bytes);
      const source = { from: request.url, bytes: result.bytes.length, downloaded: new Date().toISOString(), ...(result.etag ? { etag: result.etag } : {}), ...(result.lastModified ? { lastModified: result.lastModified } : {}) };
      const imported = await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Policy Annotator: importing the national law database…') }, () =>
        runLawImport(vscode.Uri.joinPath(this.extensionUri, 'dist', 'lawImportWorker.js').fsPath, { files: [zipFile], out: staging, aliasesFile: vscode.Uri.joinPath(this.extensionUri, 'laws', 'embedded', 'aliases.json').fsPath, source }),
      );
      if ('error' in imported) return this.#failed(request.url, imported.error);
      const minLaws = request.minLaws ?? MIN_DOWNLOADED_LAWS;
      if (imported.summary.laws < minLaws) return this.#failed(request.url, `the downloaded file holds ${imported.summary.laws} laws; the national law database has at least ${minLaws}`);
      const edition = imported.summary.updateDate;
      if (held?.updateDate && edition && edition <= held.updateDate) return this.#current(held);
      if (request.checkOnly) {
        const use = vscode.l10n.t('Use It');
        const answer = await vscode.window.showInformationMessage(vscode.l10n.t('Policy Annotator: a newer edition of the law database is published ({0}; you have {1}).', edition ?? '?', held?.updateDate ?? vscode.l10n.t('the built-in subset')), use);
        if (answer !== use) return 'newer';
      }
      for (const problem of imported.problems) this.log.error(problem);
      await fs.rm(target, { recursive: true, force: true });
      await fs.rename(staging, target);
      await this.reload();
      this.log.info(`Downloaded the law database from ${request.url}: ${imported.summary.laws} laws, ${imported.summary.articles} articles${edition ? `, edition of ${edition}` : ''}, ${mb(result.bytes.length)} MB.`);
      // A count and an ISO date the import parsed (isoOfUpdateDate): nothing quoted from the file.
      const lawCount = imported.summary.laws;
      void vscode.window.showInformationMessage(vscode.l10n.t('Policy Annotator: the national law database is in use: {0} laws, edition of {1}.', lawCount, edition ?? '?'));
      return 'imported';
    } finally {
      await fs.rm(zipFile, { force: true });
      await fs.rm(staging, { recursive: true, force: true });
    }
  }

  #current(held: Edition | undefined): DownloadOutcome {
    void vscode.window.showInformationMessage(vscode.l10n.t('Policy Annotator: you have the newest edition of the law database ({0}).', held?.updateDate ?? '?'));
    return 'current';
  }

  #failed(url: string, reason: string): DownloadOutcome {
    this.log.error(`Law database download from ${url} failed: ${reason}`);
    void vscode.window.showErrorMessage(vscode.l10n.t('Policy Annotator: the law database cannot be downloaded: {0}', reason));
    return 'failed';
  }
}
