import * as vscode from 'vscode';
import { EMBEDDED_SCHEME, embeddedFileText } from '../core/corpus/embeddedCorpus';
import type { CorpusService } from '../core/corpus/corpusService';
import { CARD_COMMANDS } from '../core/hoverCard';
import { parseHttpUrl } from '../core/search/urls';
import { recordLocation } from '../vscode/recordLocation';
import { corpusLoaded } from '../vscode/commandContext';
import { pickRecord } from '../vscode/recordPicker';
import type { Settings } from '../vscode/settings';

/**
 * The commands hover cards link to, and the read-only documents that show embedded records.
 * Arguments come from a hover link: anything but a known record id is refused.
 */
export function registerRecordCommands(corpus: CorpusService, settings: Settings, log: vscode.LogOutputChannel): vscode.Disposable {
  const recordOf = (id: unknown) => (typeof id === 'string' ? corpus.index.get(id) : undefined);
  /** From a card or a view: the record id; from the palette: nothing, so the user picks one. */
  const showRecord = async (id: unknown) => {
    let record = recordOf(id);
    if (id === undefined) {
      await corpusLoaded(corpus);
      record = await pickRecord(corpus.index, settings.uiLanguage(), vscode.l10n.t('Show Corpus Record'));
      if (!record) return;
    }
    if (!record) {
      void vscode.window.showWarningMessage(vscode.l10n.t('Policy Annotator: no such corpus record.'));
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
