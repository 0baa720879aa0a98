import { DIAGNOSTIC_CODES, type DiagnosticCode, type DiagnosticSeverity } from './article/checks';
import { REFERENCE_KINDS, type ReferenceKind } from './article/resolve';
import { describeJsonError, jsonErrorLine } from './corpus/parseFile';
import type { CorpusProblem } from './corpus/problems';

export const CONFIG_FILE_NAME = '.policy-annotator.json';

/** `.policy-annotator.json` at the repository root: shared by the CLI and the extension, so editor and CI agree. */
export interface CorpusConfig {
  include?: string[];
  exclude?: string[];
  embedded?: boolean;
  /** Megabytes. */
  maxFileSize?: number;
}

export interface ProjectConfig {
  readonly corpus?: CorpusConfig;
  /** The tag taxonomy file, relative to the configuration's folder. */
  readonly taxonomy?: string;
  readonly threshold?: number;
  readonly kinds?: ReferenceKind[];
  readonly severity?: Partial<Record<DiagnosticCode, DiagnosticSeverity | 'hint' | 'off'>>;
}

const SEVERITIES = ['error', 'warning', 'info', 'hint', 'off'];

/** Parses and checks the configuration; anything wrong is a problem with its line, and the rest still applies. */
export function parseProjectConfig(uri: string, text: string): { config: ProjectConfig; problems: CorpusProblem[] } {
  const problems: CorpusProblem[] = [];
  const lineOf = (key: string) => {
    const index = text.indexOf(`"${key}"`);
    return index === -1 ? 0 : text.slice(0, index).split('\n').length - 1;
  };
  const problem = (key: string, message: string) => problems.push({ uri, line: lineOf(key), severity: 'warning', code: 'config-invalid', message });
  let raw: unknown;
  try {
    raw = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    problems.push({ uri, line: jsonErrorLine(text, message), severity: 'error', code: 'config-json-syntax', message: `${CONFIG_FILE_NAME}: ${describeJsonError(text, message)}; the file is ignored.` });
    return { config: {}, problems };
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    problems.push({ uri, line: 0, severity: 'error', code: 'config-invalid', message: `${CONFIG_FILE_NAME} must hold a JSON object; the file is ignored.` });
    return { config: {}, problems };
  }
  const object = raw as Record<string, unknown>;
  const config: { -readonly [K in keyof ProjectConfig]: ProjectConfig[K] } = {};
  const strings = (value: unknown, key: string): string[] | undefined => {
    if (Array.isArray(value) && value.every((item) => typeof item === 'string')) return value as string[];
    problem(key, `"${key}" must be a list of glob strings.`);
    return undefined;
  };
  for (const [key, value] of Object.entries(object)) {
    if (key === '$schema') continue;
    if (key === 'corpus' && typeof value === 'object' && value !== null && !Array.isArray(value)) {
      const corpus: CorpusConfig = {};
      for (const [field, fieldValue] of Object.entries(value as Record<string, unknown>)) {
        if (field === 'include' || field === 'exclude') {
          const list = strings(fieldValue, field);
          if (list) corpus[field] = list;
        } else if (field === 'embedded' && typeof fieldValue === 'boolean') corpus.embedded = fieldValue;
        else if (field === 'maxFileSize' && typeof fieldValue === 'number' && fieldValue > 0) corpus.maxFileSize = fieldValue;
        else problem(field, `"corpus.${field}" is unknown or has the wrong type; it is ignored.`);
      }
      config.corpus = corpus;
    } else if (key === 'taxonomy' && typeof value === 'string' && value.trim() !== '') config.taxonomy = value;
    else if (key === 'threshold' && typeof value === 'number' && value >= 0 && value <= 1) config.threshold = value;
    else if (key === 'kinds' && Array.isArray(value) && value.every((kind) => REFERENCE_KINDS.includes(kind))) config.kinds = value as ReferenceKind[];
    else if (key === 'severity' && typeof value === 'object' && value !== null && !Array.isArray(value)) {
      const severity: Record<string, DiagnosticSeverity | 'hint' | 'off'> = {};
      for (const [code, level] of Object.entries(value as Record<string, unknown>)) {
        if (Object.hasOwn(DIAGNOSTIC_CODES, code) && typeof level === 'string' && SEVERITIES.includes(level)) severity[code] = level as DiagnosticSeverity;
        else problem(code, `"severity.${code}": the code must be one of ${Object.keys(DIAGNOSTIC_CODES).join(', ')} and the level one of ${SEVERITIES.join(', ')}.`);
      }
      config.severity = severity;
    } else problem(key, `"${key}" is unknown or has the wrong type; it is ignored.`);
  }
  return { config, problems };
}

/**
 * The part of a workspace's configuration that applies in Restricted Mode (an untrusted workspace): nothing
 * that chooses which files are read (corpus globs, the taxonomy path). The same keys as package.json's
 * capabilities.untrustedWorkspaces.restrictedConfigurations, which VS Code itself ignores there.
 */
export function restrictedProjectConfig(config: ProjectConfig): ProjectConfig {
  const { corpus, taxonomy, ...rest } = config;
  void taxonomy;
  if (!corpus) return rest;
  const { include, exclude, ...corpusRest } = corpus;
  void include;
  void exclude;
  return { ...rest, corpus: corpusRest };
}

/** What a user may choose for a diagnostic code: a severity, 'hint' (the editor's faintest) or 'off'. */
export type SeverityChoice = DiagnosticSeverity | 'hint' | 'off';

export function isSeverityChoice(value: unknown): value is SeverityChoice {
  return typeof value === 'string' && SEVERITIES.includes(value);
}

/**
 * The configuration's severities applied to diagnostics, the one rule the CLI follows (the editor applies
 * the same choices through its settings): 'off' drops a diagnostic; 'hint', which a terminal cannot show
 * apart, counts as info.
 */
export function withConfiguredSeverity<T extends { readonly code: DiagnosticCode; readonly severity: DiagnosticSeverity }>(diagnostics: readonly T[], config: ProjectConfig): T[] {
  const result: T[] = [];
  for (const diagnostic of diagnostics) {
    const chosen = config.severity?.[diagnostic.code];
    if (chosen === 'off') continue;
    result.push(chosen === undefined || chosen === diagnostic.severity ? diagnostic : { ...diagnostic, severity: chosen === 'hint' ? 'info' : chosen });
  }
  return result;
}
