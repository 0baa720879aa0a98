import * as vscode from 'vscode';
import { LAW_DOWNLOAD } from '../vscode/commandIds';
import type { LawDatabaseDownloads, DownloadOutcome } from '../vscode/lawDatabaseDownload';
import { loadOfficialLaws } from '../vscode/officialLawsLoader';
import type { Settings } from '../vscode/settings';

export interface LawDownloadDeps {
  readonly extensionUri: vscode.Uri;
  readonly storage: vscode.Uri;
  readonly settings: Pick<Settings, 'lawsDownloadUrl'>;
  readonly log: { info(message: string): void; error(message: string): void };
  /** Reloads the law library (it then reads the downloaded folder). */
  readonly reload: () => Promise<void>;
}

/** What a caller may pass (tests: a small fixture database); the address always comes from the setting. */
interface CommandOptions {
  readonly minLaws?: unknown;
}

/**
 * "Download the National Law Database" and "Check for a Newer Law Database": the extension's only network
 * requests, made only here, on the user's command, never in Restricted Mode and not in the web build.
 */
export function registerLawDownloadCommands(deps: LawDownloadDeps): vscode.Disposable {
  let downloads: LawDatabaseDownloads | undefined;
  const run = async (checkOnly: boolean, options?: CommandOptions): Promise<DownloadOutcome> => {
    if (!vscode.workspace.isTrusted) {
      void vscode.window.showWarningMessage(vscode.l10n.t('Policy Annotator: downloading the law database is off in Restricted Mode; trust this workspace to download it.'));
      return 'failed';
    }
    const module = loadOfficialLaws(deps.extensionUri.fsPath);
    if (!module) {
      void vscode.window.showInformationMessage(vscode.l10n.t('Policy Annotator: downloading the law database needs the desktop version of VS Code.'));
      return 'failed';
    }
    downloads ??= new module.LawDatabaseDownloads(deps.extensionUri, deps.storage, deps.log, deps.reload);
    const minLaws = typeof options?.minLaws === 'number' && Number.isInteger(options.minLaws) && options.minLaws > 0 ? options.minLaws : undefined;
    return downloads.run({ url: deps.settings.lawsDownloadUrl(), checkOnly, ...(minLaws !== undefined ? { minLaws } : {}) });
  };
  return vscode.Disposable.from(
    vscode.commands.registerCommand(LAW_DOWNLOAD.download, (options?: CommandOptions) => run(false, options)),
    vscode.commands.registerCommand(LAW_DOWNLOAD.check, (options?: CommandOptions) => run(true, options)),
  );
}
