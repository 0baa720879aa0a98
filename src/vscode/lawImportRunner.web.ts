import type { ImportSummary } from '../core/law/officialImport';

export type LawImportResult = { readonly summary: ImportSummary; readonly problems: readonly string[] } | { readonly error: string };

/** The browser build has no worker threads or local files: the official file cannot be imported there. */
export function runLawImport(): Promise<LawImportResult> {
  return Promise.resolve({ error: 'importing the official law database needs the desktop version of VS Code' });
}
