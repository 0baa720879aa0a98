import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { withConfiguredSeverity, type ProjectConfig } from '../core/config';
import type { LawLibrary } from '../core/law/lawLibrary';
import { articleKey } from '../core/law/numerals';
import { analyzeStatutes } from '../core/law/statuteChecks';
import { renderStatuteCard } from '../core/law/statuteCard';
import { articleDate } from '../core/law/pointInTime';
import { UsageError } from './args';
import { terminalSafe } from '../core/util/controlText';
import type { ArticleResult } from './articles';
import { openLawLibrary } from './laws';
import { openOfficialLawLibrary } from './lawsImport';
import { diagnosticJson, rangeJson, type FileJson, type RangeJson } from './output';

/** Opens the law library (`--laws <dir>`, then the embedded subset); a folder that is missing or has no index.json is a usage error. */
export async function openLaws(lawsDir: string | undefined, cwd: string, err: (text: string) => void): Promise<LawLibrary> {
  if (lawsDir && !existsSync(path.resolve(cwd, lawsDir))) throw new UsageError(`law folder not found: ${lawsDir}`);
  const log: string[] = [];
  // The official open data (ChLaw.json, zipped or not) is converted in memory; a folder is read as it is.
  const official = lawsDir !== undefined && statSync(path.resolve(cwd, lawsDir)).isFile();
  const library = official ? openOfficialLawLibrary(lawsDir, cwd, log) : openLawLibrary(lawsDir, cwd, log);
  for (const line of log.splice(0)) if (line.startsWith('error: ')) err(line.slice('error: '.length));
  await library.index();
  for (const problem of library.problems) err(`policy-annotator: laws: ${terminalSafe(problem.uri)}:${problem.line + 1}: ${terminalSafe(problem.message)}`);
  if (lawsDir && !official && library.problems.some((problem) => problem.uri.endsWith('/index.json') && /missing|cannot be read|invalid JSON|must hold/.test(problem.message))) {
    throw new UsageError(`the law folder ${lawsDir} has no readable index.json (the national law database's per-law JSON format)`);
  }
  return library;
}

/**
 * Adds an article's statute references (`"kind": "law"`, `"id": "<PCode>"`, `"article": "6"`, with
 * `"paragraph"`, `"item"`… when cited) and the statute checks to its annotate/check JSON, in text order.
 */
export async function withStatutes(json: FileJson, result: ArticleResult, library: LawLibrary, config: ProjectConfig, cards: boolean, keepReferences = true): Promise<FileJson> {
  if ('error' in result) return json;
  const { article } = result.analysis;
  const date = articleDate(article);
  const analysis = await analyzeStatutes(article.text, library, article.skipped, date);
  const index = await library.index();
  const references: FileJson['references'] = [];
  for (const reference of keepReferences ? analysis.citations.references : []) {
    const entry = reference.pcode ? index.get(reference.pcode) : undefined;
    const { line, column, endLine, endColumn } = rangeJson(article.lines, reference.start, reference.end);
    references.push({
      line,
      column,
      endLine,
      endColumn,
      text: reference.text,
      kind: 'law',
      id: reference.pcode ?? null,
      score: reference.pcode ? 1 : 0,
      match: reference.via ?? null,
      ...(reference.article ? { article: articleKey(reference.article) } : {}),
      ...(reference.through ? { through: articleKey(reference.through) } : {}),
      ...(reference.paragraph !== undefined ? { paragraph: reference.paragraph } : {}),
      ...(reference.item !== undefined ? { item: reference.item } : {}),
      ...(reference.subitem !== undefined ? { subitem: reference.subitem } : {}),
      ...(reference.qualifier ? { qualifier: reference.qualifier } : {}),
      ...(reference.candidates ? { candidates: [...reference.candidates] } : {}),
      ...(reference.note ? { note: { kind: reference.note.kind, oldName: reference.note.oldName, date: reference.note.date } } : {}),
      ...(cards && entry ? { card: renderStatuteCard(reference, entry, reference.article ? await library.law(entry.pcode) : undefined, 'zh', date) } : {}),
    });
  }
  const diagnostics = withConfiguredSeverity(analysis.diagnostics, config).map((diagnostic) => diagnosticJson(article.lines, diagnostic.start, diagnostic.end, diagnostic.severity, diagnostic.code, diagnostic.message, diagnostic.fix?.newText ?? null));
  const byPosition = (a: RangeJson, b: RangeJson) => a.line - b.line || a.column - b.column;
  return { ...json, references: [...json.references, ...references].sort(byPosition), diagnostics: [...json.diagnostics, ...diagnostics].sort(byPosition) };
}
