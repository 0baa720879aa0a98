import * as vscode from 'vscode';
import type { DiagnosticCode, DiagnosticSeverity } from '../core/article/checks';
import { REFERENCE_KINDS, type ReferenceKind, type ResolveOptions } from '../core/article/resolve';
import type { UiLanguage } from '../core/corpus/record';
import { restrictedProjectConfig, type ProjectConfig } from '../core/config';
import { REFERENCE_STYLES, type ReferenceStyle } from '../core/insertReference';

export const DEFAULT_INCLUDE = ['**/corpus/**/*.{md,json,jsonl,bib}'];
export const DEFAULT_EXCLUDE = ['**/node_modules/**', '**/.git/**'];

/** Settings read at the moment they are needed (getters), so changes apply without a reload. */
export interface Settings {
  isHoverEnabled(resource: vscode.Uri): boolean;
  uiLanguage(): UiLanguage;
  corpusInclude(folder: vscode.WorkspaceFolder): string[];
  corpusExclude(folder: vscode.WorkspaceFolder): string[];
  embeddedCorpusEnabled(): boolean;
  maxCorpusFileBytes(): number;
  resolveOptions(resource: vscode.Uri): ResolveOptions;
  /** Glob of the workspace taxonomy file. */
  taxonomyFile(): string;
  hashtagsEnabled(resource: vscode.Uri): boolean;
  autoSuggestTags(resource: vscode.Uri): boolean;
  areDiagnosticsEnabled(resource: vscode.Uri): boolean;
  /** What "Search Corpus…" inserts. */
  insertReferenceStyle(resource: vscode.Uri): ReferenceStyle;
  /** The severity the user chose for a diagnostic code, or 'off'. */
  severity(resource: vscode.Uri, code: DiagnosticCode, fallback: DiagnosticSeverity): DiagnosticSeverity | 'hint' | 'off';
}

export const DEFAULT_THRESHOLD = 0.7;

/**
 * A setting the user set in VS Code wins; otherwise the folder's .policy-annotator.json; otherwise the default.
 * `project` gives that file's configuration for a resource.
 */
export function createSettings(projectFile: (resource?: vscode.Uri) => ProjectConfig = () => ({})): Settings {
  // In Restricted Mode the repository's own .policy-annotator.json cannot choose which files are read either.
  const project = (resource?: vscode.Uri) => (vscode.workspace.isTrusted ? projectFile(resource) : restrictedProjectConfig(projectFile(resource)));
  const config = (scope?: vscode.ConfigurationScope) => vscode.workspace.getConfiguration('policyAnnotator', scope);
  const userSet = (scope: vscode.ConfigurationScope | undefined, key: string) => {
    const inspected = config(scope).inspect(key);
    return inspected !== undefined && [inspected.globalValue, inspected.workspaceValue, inspected.workspaceFolderValue].some((value) => value !== undefined);
  };
  const globs = (scope: vscode.WorkspaceFolder, key: 'include' | 'exclude', fallback: string[]) => {
    const fromFile = project(scope.uri).corpus?.[key];
    if (fromFile && !userSet(scope, `corpus.${key}`)) return fromFile;
    const value = config(scope).get<unknown>(`corpus.${key}`);
    return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string' && item.trim() !== '') : fallback;
  };
  return {
    isHoverEnabled: (resource) => config(resource).get<boolean>('hover.enabled', true),
    uiLanguage: () => (vscode.env.language.toLowerCase().startsWith('zh') ? 'zh' : 'en'),
    corpusInclude: (folder) => globs(folder, 'include', DEFAULT_INCLUDE),
    corpusExclude: (folder) => globs(folder, 'exclude', DEFAULT_EXCLUDE),
    embeddedCorpusEnabled: () => (userSet(undefined, 'corpus.embedded') ? config().get<boolean>('corpus.embedded', true) : (project().corpus?.embedded ?? true)),
    maxCorpusFileBytes: () => {
      const megabytes = userSet(undefined, 'corpus.maxFileSize') ? config().get<number>('corpus.maxFileSize', 5) : (project().corpus?.maxFileSize ?? 5);
      return (Number.isFinite(megabytes) && megabytes > 0 ? megabytes : 5) * 1024 * 1024;
    },
    resolveOptions: (resource) => {
      const file = project(resource);
      const threshold = userSet(resource, 'resolution.threshold') ? config(resource).get<number>('resolution.threshold', DEFAULT_THRESHOLD) : (file.threshold ?? DEFAULT_THRESHOLD);
      const kinds = userSet(resource, 'annotate.kinds') ? config(resource).get<unknown>('annotate.kinds') : file.kinds;
      return {
        threshold: Number.isFinite(threshold) ? Math.min(1, Math.max(0, threshold)) : DEFAULT_THRESHOLD,
        kinds: new Set(Array.isArray(kinds) ? kinds.filter((kind): kind is ReferenceKind => REFERENCE_KINDS.includes(kind)) : REFERENCE_KINDS),
      };
    },
    taxonomyFile: () => config().get<string>('tags.taxonomyFile') || '**/corpus/tags.{yaml,yml,json}',
    hashtagsEnabled: (resource) => config(resource).get<boolean>('tags.hashtags', false),
    autoSuggestTags: (resource) => config(resource).get<boolean>('tags.autoSuggest', true),
    areDiagnosticsEnabled: (resource) => config(resource).get<boolean>('diagnostics.enabled', true),
    insertReferenceStyle: (resource) => {
      const style = config(resource).get<string>('insert.referenceStyle', 'mention');
      return REFERENCE_STYLES.find((candidate) => candidate === style) ?? 'mention';
    },
    severity: (resource, code, fallback) => {
      const chosen = config(resource).get<Record<string, unknown>>('diagnostics.severity', {})[code] ?? project(resource).severity?.[code];
      return chosen === 'error' || chosen === 'warning' || chosen === 'info' || chosen === 'hint' || chosen === 'off' ? chosen : fallback;
    },
  };
}
