import * as vscode from 'vscode';
import type { CorpusRecord, UiLanguage } from '../core/corpus/record';
import { formatDateWithRoc } from '../core/util/dates';
import { searchRecords } from '../core/insertReference';
import type { CorpusIndex } from '../core/search/corpusIndex';
import { CARD_COMMANDS } from '../core/hoverCard';

interface RecordItem extends vscode.QuickPickItem {
  readonly record: CorpusRecord;
}

const OPEN_SOURCE_BUTTON: vscode.QuickInputButton = { iconPath: new vscode.ThemeIcon('link-external'), tooltip: vscode.l10n.t('Open Source') };
const SHOW_RECORD_BUTTON: vscode.QuickInputButton = { iconPath: new vscode.ThemeIcon('go-to-file'), tooltip: vscode.l10n.t('Show Corpus Record') };

/** Quick-pick labels are plain text (no icons): a `$(…)` in corpus data must not become one. */
function plain(text: string): string {
  return text.replace(/\$\(/g, '$\u200b(');
}

function itemOf(record: CorpusRecord, language: UiLanguage): RecordItem {
  const date = record.date ? formatDateWithRoc(record.date, language) : undefined;
  const summary = (language === 'zh' ? (record.summary.zh ?? record.summary.en) : (record.summary.en ?? record.summary.zh)) ?? '';
  return {
    record,
    label: plain(record.title),
    description: plain([record.type, date, record.publisher ?? record.author].filter(Boolean).join(' · ')),
    detail: plain(summary.length > 140 ? `${summary.slice(0, 139)}…` : summary),
    buttons: record.url ? [OPEN_SOURCE_BUTTON, SHOW_RECORD_BUTTON] : [SHOW_RECORD_BUTTON],
    // Our own search ranks the items; VS Code's filter would hide fuzzy and summary matches.
    alwaysShow: true,
  };
}

/**
 * A quick pick over the corpus with our fuzzy search (titles and aliases, then summaries). Its buttons open
 * the source or the record without closing it. Resolves to the chosen record, or undefined when dismissed.
 */
export function pickRecord(index: CorpusIndex, language: UiLanguage, title: string): Promise<CorpusRecord | undefined> {
  const quickPick = vscode.window.createQuickPick<RecordItem>();
  quickPick.title = title;
  quickPick.placeholder = vscode.l10n.t('Search titles, aliases and summaries (Chinese or English)');
  quickPick.matchOnDescription = false;
  quickPick.matchOnDetail = false;
  const update = () => {
    quickPick.items = searchRecords(index, quickPick.value, language).map((match) => itemOf(match.record, language));
  };
  update();
  return new Promise((resolve) => {
    let chosen: CorpusRecord | undefined;
    const subscriptions = [
      quickPick.onDidChangeValue(update),
      quickPick.onDidTriggerItemButton(({ button, item }) => {
        void vscode.commands.executeCommand(button === OPEN_SOURCE_BUTTON ? CARD_COMMANDS.openSource : CARD_COMMANDS.showRecord, item.record.id);
      }),
      quickPick.onDidAccept(() => {
        chosen = quickPick.selectedItems[0]?.record;
        quickPick.hide();
      }),
      quickPick.onDidHide(() => {
        for (const subscription of subscriptions) subscription.dispose();
        quickPick.dispose();
        resolve(chosen);
      }),
    ];
    quickPick.show();
  });
}
