import * as vscode from 'vscode';
import type { ArticleAnalyses } from '../vscode/articleAnalyses';
import type { Settings } from '../vscode/settings';
import { createLawLibrary, StatuteAnalyses } from '../vscode/workspaceLaws';
import { registerStatuteDiagnostics, registerStatuteQuickFixes } from './statuteDiagnostics';
import { registerStatuteHoverSupport } from './statuteHover';

export interface StatuteSupportDeps {
  readonly extensionUri: vscode.Uri;
  /** Where the official open data is converted to (the extension's global storage). */
  readonly globalStorageUri?: vscode.Uri;
  readonly analyses: ArticleAnalyses;
  readonly settings: Settings;
  readonly log: { info(message: string): void; error(message: string): void };
}

/** Everything about statute references (個資法第6條): hover, links to law.moj.gov.tw, checks and their quick fixes. */
export function registerStatuteSupport(selector: vscode.DocumentSelector, deps: StatuteSupportDeps): vscode.Disposable {
  const { library, disposable, onDidReload } = createLawLibrary(deps.extensionUri, deps.log, deps.globalStorageUri);
  const statutes = new StatuteAnalyses(library, deps.analyses);
  const statuteDeps = { statutes, settings: deps.settings, recomputeOn: [(listener: () => void) => onDidReload(listener)] };
  return vscode.Disposable.from(disposable, registerStatuteHoverSupport(selector, statuteDeps), registerStatuteDiagnostics(selector, statuteDeps), registerStatuteQuickFixes(selector, statuteDeps));
}
