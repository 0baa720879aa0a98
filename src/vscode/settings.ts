import * as vscode from 'vscode';
import type { UiLanguage } from '../core/record';

/** Settings read at the moment they are needed (getters), so changes apply without a reload. */
export interface Settings {
  isHoverEnabled(resource: vscode.Uri): boolean;
  uiLanguage(): UiLanguage;
}

export function createSettings(): Settings {
  return {
    isHoverEnabled: (resource) => vscode.workspace.getConfiguration('policyAnnotator', resource).get<boolean>('hover.enabled', true),
    uiLanguage: () => (vscode.env.language.toLowerCase().startsWith('zh') ? 'zh' : 'en'),
  };
}
