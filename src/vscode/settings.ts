import * as vscode from 'vscode';
import type { DiagnosticCode, DiagnosticSeverity } from '../core/article/checks';
import { REFERENCE_KINDS, type ReferenceKind, type ResolveOptions } from '../core/article/resolve';
import type { UiLanguage } from '../core/corpus/record';
import { isSeverityChoice, restrictedProjectConfig, type ProjectConfig, type SeverityChoice } from '../core/config';
import { REFERENCE_STYLES, type ReferenceStyle } from '../core/insertReference';
import { climbsOutOfFolder } from '../core/util/glob';
import { DEFAULT_LAW_DOWNLOAD_URL } from '../core/law/lawDownloadUrl';

export const DEFAULT_INCLUDE = ['**/corpus/**/*.{md,json,jsonl,bib,ris}'];
export const DEFAULT_EXCLUDE = ['**/node_modules/**', '**/.git/**'];
export const DEFAULT_TAXONOMY_FILE = '**/corpus/tags.{yaml,yml,json}';

/** Settings read at the moment they are needed (getters), so changes apply without a reload. */
export interface Settings {
  isHoverEnabled(resource: vscode.Uri): boolean;
  /** Whether the Markdown preview links references (policyAnnotator.preview.enabled). */
  isPreviewEnabled(resource: vscode.Uri | undefined): boolean;
  uiLanguage(): UiLanguage;
  corpusInclude(folder: vscode.WorkspaceFolder): string[];
  corpusExclude(folder: vscode.WorkspaceFolder): string[];
  /** Whether a corpus include glob was written in VS Code's settings (not in .policy-annotator.json). */
  isIncludeGlobFromSettings(folder: vscode.WorkspaceFolder, glob: string): boolean;
  embeddedCorpusEnabled(): boolean;
  maxCorpusFileBytes(): number;
  resolveOptions(resource: vscode.Uri): ResolveOptions;
  /**
   * Glob of the workspace taxonomy file: the tags.taxonomyFile setting, else the `taxonomy` path of
   * .policy-annotator.json (as the CLI reads it; never one that climbs out of the folder), else the default.
   */
  taxonomyFile(): string;
  /** The laws.path setting as written (an absolute path or one relative to the first workspace folder), or ''. */
  lawsPath(): string;
  /** Where "Download the National Law Database" fetches from (a restricted setting: a workspace cannot set it unless trusted). */
  lawsDownloadUrl(): string;
  hashtagsEnabled(resource: vscode.Uri): boolean;
  autoSuggestTags(resource: vscode.Uri): boolean;
  areDiagnosticsEnabled(resource: vscode.Uri): boolean;
  /** What "Search Corpus…" inserts. */
  insertReferenceStyle(resource: vscode.Uri): ReferenceStyle;
  /** What accepting a citation completion after `@` or on Ctrl+Space inserts (`[@` always inserts a key). */
  citationCompletionStyle(resource: vscode.Uri): CitationInsertStyle;
  /** Whether accepting a citation completion also adds the source's line to the 資料來源 section. */
  citationCompletionAddsSourceLine(resource: vscode.Uri): boolean;
  inlayHintsEnabled(resource: vscode.Uri): boolean;
  /** Generate Sources Section's citation style: house, apa or a .csl path in the workspace. */
  sourcesStyle(resource: vscode.Uri): string;
  /** Whether Generate Sources Section adds an archived-copy link to each entry it writes. */
  sourcesArchiveLinks(resource: vscode.Uri): boolean;
  /** The severity the user chose for a diagnostic code, or 'off'. */
  severity(resource: vscode.Uri, code: DiagnosticCode, fallback: DiagnosticSeverity): SeverityChoice;
}

export const DEFAULT_THRESHOLD = 0.7;

export type CitationInsertStyle = 'key' | 'mention' | 'link';
const CITATION_INSERT_STYLES: readonly CitationInsertStyle[] = ['key', 'mention', 'link'];

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
    isPreviewEnabled: (resource) => config(resource).get<boolean>('preview.enabled', true),
    uiLanguage: () => (vscode.env.language.toLowerCase().startsWith('zh') ? 'zh' : 'en'),
    corpusInclude: (folder) => globs(folder, 'include', DEFAULT_INCLUDE),
    corpusExclude: (folder) => globs(folder, 'exclude', DEFAULT_EXCLUDE),
    isIncludeGlobFromSettings: (folder, glob) => {
      const inspected = config(folder).inspect<string[]>('corpus.include');
      return [inspected?.workspaceFolderValue, inspected?.workspaceValue].some((value) => Array.isArray(value) && value.includes(glob));
    },
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
    taxonomyFile: () => {
      const fromFile = project().taxonomy?.trim();
      if (userSet(undefined, 'tags.taxonomyFile') || !fromFile || climbsOutOfFolder(fromFile)) return config().get<string>('tags.taxonomyFile') || DEFAULT_TAXONOMY_FILE;
      // A path, not a glob: its glob characters stand for themselves.
      return fromFile.replace(/^\.\//, '').replace(/[*?[\]{}!]/g, (character) => `[${character}]`);
    },
    lawsPath: () => config().get<string>('laws.path', '').trim(),
    lawsDownloadUrl: () => config().get<string>('laws.downloadUrl', '').trim() || DEFAULT_LAW_DOWNLOAD_URL,
    hashtagsEnabled: (resource) => config(resource).get<boolean>('tags.hashtags', false),
    autoSuggestTags: (resource) => config(resource).get<boolean>('tags.autoSuggest', true),
    areDiagnosticsEnabled: (resource) => config(resource).get<boolean>('diagnostics.enabled', true),
    insertReferenceStyle: (resource) => {
      const style = config(resource).get<string>('insert.referenceStyle', 'mention');
      return REFERENCE_STYLES.find((candidate) => candidate === style) ?? 'mention';
    },
    citationCompletionStyle: (resource) => {
      const style = config(resource).get<string>('completion.insertStyle', 'key');
      return CITATION_INSERT_STYLES.find((candidate) => candidate === style) ?? 'key';
    },
    citationCompletionAddsSourceLine: (resource) => config(resource).get<boolean>('completion.addSourceLine', true),
    inlayHintsEnabled: (resource) => config(resource).get<boolean>('inlayHints.enabled', false),
    sourcesStyle: (resource) => config(resource).get<string>('sources.style', 'house').trim() || 'house',
    sourcesArchiveLinks: (resource) => config(resource).get<boolean>('sources.archiveLinks', false),
    severity: (resource, code, fallback) => {
      const fromSettings = config(resource).get<Record<string, unknown>>('diagnostics.severity', {});
      const chosen = Object.hasOwn(fromSettings, code) ? fromSettings[code] : project(resource).severity?.[code];
      return isSeverityChoice(chosen) ? chosen : fallback;
    },
  };
}
