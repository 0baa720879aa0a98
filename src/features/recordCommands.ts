import * as vscode from 'vscode';
import { EMBEDDED_SCHEME, embeddedFileText } from '../core/corpus/embeddedCorpus';
import type { CorpusService } from '../core/corpus/corpusService';
import { CARD_COMMANDS } from '../core/hoverCard';
import { parseHttpUrl } from '../core/search/urls';
import { recordLocation } from '../vscode/recordLocation';

/**
 * The commands hover cards link to, and the read-only documents that show embedded records.
 * Arguments come from a hover link: anything but a known record id is refused.
 */
export function registerRecordCommands(corpus: CorpusService, log: vscode.LogOutputChannel): vscode.Disposable {
  const recordOf = (id: unknown) => (typeof id === 'string' ? corpus.index.get(id) : undefined);
  const showRecord = async (id: unknown) => {
    const record = recordOf(id);
    if (!record) {
      void vscode.window.showWarningMessage('Policy Annotator: no such corpus record.');
      return;
    }
    const location = recordLocation(record);
    await vscode.window.showTextDocument(location.uri, { selection: location.range, preview: true });
  };
  const openSource = async (id: unknown) => {
    const record = recordOf(id);
    const url = record?.url ? parseHttpUrl(record.url) : undefined;
    if (!url) return showRecord(id);
    log.info(`opening ${url.href}`);
    await vscode.env.openExternal(vscode.Uri.parse(url.href, true));
  };
  return vscode.Disposable.from(
    vscode.commands.registerCommand(CARD_COMMANDS.showRecord, showRecord),
    vscode.commands.registerCommand(CARD_COMMANDS.openSource, openSource),
    vscode.workspace.registerTextDocumentContentProvider(EMBEDDED_SCHEME, {
      provideTextDocumentContent: (uri) => embeddedFileText(uri.toString()) ?? '',
    }),
  );
}
